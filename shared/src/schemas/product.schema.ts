import { decimalString, identifier, timestamp, type DocumentOf } from './common.js';

/** A product with its price, cost, unit and tax class. Master data: head office is its one source. */
export const productSchema = {
  title: 'product',
  description: 'A sellable product',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: identifier,
    sku: { type: 'string', minLength: 1, maxLength: 64 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    /** EAN-13 (or other) barcodes printed on the product; looked up from an in-memory map. */
    barcodes: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 32 }, maxItems: 16 },
    unit: { type: 'string', enum: ['piece', 'kg'] },
    /** Code of a tax class of the selling store, e.g. "standard". */
    taxClass: { type: 'string', minLength: 1, maxLength: 32 },
    /** Shelf price per unit; includes tax or not as the store's pricing rules say. */
    price: decimalString,
    /** Purchase cost per unit, excluding tax. */
    cost: decimalString,
    active: { type: 'boolean' },
    updatedAt: timestamp,
  },
  required: ['id', 'sku', 'name', 'barcodes', 'unit', 'taxClass', 'price', 'cost', 'active', 'updatedAt'],
  additionalProperties: false,
  indexes: ['sku'],
} as const;

export type Product = DocumentOf<typeof productSchema>;
