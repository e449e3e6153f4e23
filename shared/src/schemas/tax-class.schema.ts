import { decimalString, identifier, type DocumentOf } from './common.js';

/** A tax class of a store ("standard", "reduced") with its rate. Master data. */
export const taxClassSchema = {
  title: 'taxClass',
  description: 'A tax rate that products refer to by class code',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** `${storeId}:${code}`: one rate per class and store. */
    id: identifier,
    storeId: identifier,
    code: { type: 'string', minLength: 1, maxLength: 32 },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    /** The rate before any of `rates` takes effect. */
    ratePercent: decimalString,
    /**
     * Rates changed from a date on, oldest first (version 1): from `from` on the class taxes at
     * `ratePercent`; tills apply them by their own clocks, offline too (see effectiveTaxRate).
     */
    rates: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: { from: { type: 'string', minLength: 20, maxLength: 40 }, ratePercent: decimalString },
        required: ['from', 'ratePercent'],
        additionalProperties: false,
      },
    },
  },
  required: ['id', 'storeId', 'code', 'name', 'ratePercent'],
  additionalProperties: false,
} as const;

export type TaxClass = DocumentOf<typeof taxClassSchema>;
