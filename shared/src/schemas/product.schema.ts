import { decimalString, identifier, productUnit, timestamp, type DocumentOf } from './common.js';

/**
 * A product with its price, cost, unit and tax class. Master data: head office is its one source.
 * Version 1 added price changes (scheduled for a time, for the chain or one store: see
 * effectivePrice), packs (a case's barcode sells the case's pieces), a category, a brand and the
 * content of a piece (for the unit price on shelf labels). Version 2 added the units g, l and m.
 */
export const productSchema = {
  title: 'product',
  description: 'A sellable product',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: identifier,
    sku: { type: 'string', minLength: 1, maxLength: 64 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    /** EAN-13 (or other) barcodes printed on the product; looked up from an in-memory map. */
    barcodes: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 32 }, maxItems: 16 },
    unit: productUnit,
    /** Code of a tax class of the selling store, e.g. "standard". */
    taxClass: { type: 'string', minLength: 1, maxLength: 32 },
    /** Shelf price per unit; includes tax or not as the store's pricing rules say. */
    price: decimalString,
    /** Purchase cost per unit, excluding tax. */
    cost: decimalString,
    /** Where the product sits in the catalogue's tree of categories, as a path: "Dairy/Milk". */
    category: { type: 'string', maxLength: 200 },
    brand: { type: 'string', maxLength: 100 },
    /** What one piece holds, for the unit price on shelf labels (500 g: 0.5 kg, so 2.58 per kg). */
    content: {
      type: 'object',
      properties: {
        quantity: decimalString,
        unit: { type: 'string', enum: ['kg', 'l'] },
      },
      required: ['quantity', 'unit'],
      additionalProperties: false,
    },
    /**
     * Packs the product also comes in, each with a barcode of its own: a case of 12 scanned at the
     * till sells 12 of the product (bought in cases, sold by the piece).
     */
    packs: {
      type: 'array',
      maxItems: 8,
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 32 },
          barcode: { type: 'string', minLength: 1, maxLength: 32 },
          quantity: decimalString,
        },
        required: ['name', 'barcode', 'quantity'],
        additionalProperties: false,
      },
    },
    /**
     * Price changes, oldest first: from `from` on, the product costs `price` in every store
     * (`storeId` null) or in one store, whose price it overrides; a store's change with `price` null
     * ends its override. Kept once passed, as the price history; a till applies them by its own clock,
     * offline too.
     */
    priceChanges: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        properties: {
          from: timestamp,
          storeId: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
          price: { type: ['string', 'null'], pattern: '^-?\\d+(\\.\\d+)?$', maxLength: 40 },
          at: timestamp,
        },
        required: ['from', 'storeId', 'price', 'at'],
        additionalProperties: false,
      },
    },
    active: { type: 'boolean' },
    updatedAt: timestamp,
  },
  required: ['id', 'sku', 'name', 'barcodes', 'unit', 'taxClass', 'price', 'cost', 'active', 'updatedAt'],
  additionalProperties: false,
  indexes: ['sku'],
} as const;

export type Product = DocumentOf<typeof productSchema>;
