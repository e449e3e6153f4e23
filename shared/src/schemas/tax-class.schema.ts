import { decimalString, identifier, type DocumentOf } from './common.js';

/** A tax class of a store ("standard", "reduced") with its rate. Master data. */
export const taxClassSchema = {
  title: 'taxClass',
  description: 'A tax rate that products refer to by class code',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** `${storeId}:${code}`: one rate per class and store. */
    id: identifier,
    storeId: identifier,
    code: { type: 'string', minLength: 1, maxLength: 32 },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    ratePercent: decimalString,
  },
  required: ['id', 'storeId', 'code', 'name', 'ratePercent'],
  additionalProperties: false,
} as const;

export type TaxClass = DocumentOf<typeof taxClassSchema>;
