import type { DeepMutable, ExtractDocumentTypeFromTypedRxJsonSchema } from 'rxdb';

/** A decimal string in JSON Schema: "12", "-3.50". Never a number, never an exponent. */
export const decimalString = { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', maxLength: 40 } as const;

/** An identifier made where the event happens (UUID on the till) or by head office. */
/**
 * The unit a product is sold in, and a sale line's: by the piece, or measured (by weight in kg or g,
 * by volume in l, by length in m), its quantity then a decimal.
 */
export const productUnit = { type: 'string', enum: ['piece', 'kg', 'g', 'l', 'm'] } as const;

export const identifier = { type: 'string', minLength: 1, maxLength: 64 } as const;

/** Who did something, as the document recorded them then: a cashier's id and name. */
export const person = {
  type: 'object',
  properties: { id: identifier, name: { type: 'string', minLength: 1, maxLength: 100 } },
  required: ['id', 'name'],
  additionalProperties: false,
} as const;

/** An ISO-8601 timestamp string. Informational only: ordering never relies on a device clock. */
export const timestamp = { type: 'string', minLength: 20, maxLength: 40 } as const;

/** A store's pricing rules, recorded again on every sale priced with them (see pricing.ts). */
export const pricingRules = {
  type: 'object',
  properties: {
    pricesIncludeTax: { type: 'boolean' },
    taxRounding: { type: 'string', enum: ['line', 'document'] },
    roundingMode: { type: 'string', enum: ['half-up', 'half-even'] },
    currencyDecimals: { type: 'integer', minimum: 0, maximum: 4 },
  },
  required: ['pricesIncludeTax', 'taxRounding', 'roundingMode', 'currencyDecimals'],
  additionalProperties: false,
} as const;

/** The document type a schema literal describes, derived from the literal rather than written twice. */
export type DocumentOf<Schema> = ExtractDocumentTypeFromTypedRxJsonSchema<DeepMutable<Schema>>;
