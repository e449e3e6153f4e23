import { decimalString, identifier, pricingRules, timestamp, type DocumentOf } from './common.js';

const amounts = {
  net: decimalString,
  tax: decimalString,
  gross: decimalString,
} as const;

/**
 * A completed sale, or a return against one: lines, taxes, payments and its stock effect in one
 * immutable document, written in one insert at the till. A correction is a new document, never an
 * edit. Sales and returns share the till's one gapless numbering, so the stock projection (each
 * level's highest applied number per till) covers both.
 */
export const saleSchema = {
  title: 'sale',
  description: 'A completed sale at a till',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** Made on the till (UUID): a sale pushed twice is stored once. */
    id: identifier,
    /** Absent on documents made before returns existed: those are sales. */
    kind: { type: 'string', enum: ['sale', 'return'] },
    /** A return's sale: the goods come back against it, never more than it sold. */
    returnOf: {
      type: 'object',
      properties: { saleId: identifier, receiptNumber: { type: 'string', minLength: 1, maxLength: 64 } },
      required: ['saleId', 'receiptNumber'],
      additionalProperties: false,
    },
    storeId: identifier,
    tillId: identifier,
    /** Gapless per till, starting at 1. */
    number: { type: 'integer', minimum: 1, maximum: 999_999_999, multipleOf: 1 },
    /** Printed on the receipt: store code, till code, number. */
    receiptNumber: { type: 'string', minLength: 1, maxLength: 64 },
    cashierId: identifier,
    cashierName: { type: 'string', minLength: 1, maxLength: 100 },
    /** The till's clock when the sale completed. Shown, never used for ordering. */
    completedAt: timestamp,
    currency: { type: 'string', minLength: 3, maxLength: 3 },
    pricing: pricingRules,
    lines: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        properties: {
          productId: identifier,
          sku: { type: 'string', maxLength: 64 },
          name: { type: 'string', maxLength: 200 },
          unit: { type: 'string', enum: ['piece', 'kg'] },
          quantity: decimalString,
          unitPrice: decimalString,
          taxClassId: { type: 'string', maxLength: 32 },
          taxRatePercent: decimalString,
          ...amounts,
          /** Returns only: the item goes back on the shelf (true) or is written off as damaged (false). */
          restock: { type: 'boolean' },
        },
        required: ['productId', 'sku', 'name', 'unit', 'quantity', 'unitPrice', 'taxClassId', 'taxRatePercent', 'net', 'tax', 'gross'],
        additionalProperties: false,
      },
    },
    taxes: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: { taxClassId: { type: 'string', maxLength: 32 }, taxRatePercent: decimalString, ...amounts },
        required: ['taxClassId', 'taxRatePercent', 'net', 'tax', 'gross'],
        additionalProperties: false,
      },
    },
    totals: {
      type: 'object',
      properties: amounts,
      required: ['net', 'tax', 'gross'],
      additionalProperties: false,
    },
    payments: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: {
        type: 'object',
        properties: {
          tender: { type: 'string', enum: ['cash'] },
          amount: decimalString,
          tendered: decimalString,
          change: decimalString,
        },
        required: ['tender', 'amount', 'tendered', 'change'],
        additionalProperties: false,
      },
    },
    /**
     * The effect on stock, one entry per product: negative quantities leave the shelf, a return's
     * restocked goods come back; goods written off move nothing (a return may move none at all).
     */
    stockMovements: {
      type: 'array',
      minItems: 0,
      maxItems: 500,
      items: {
        type: 'object',
        properties: { productId: identifier, quantity: decimalString },
        required: ['productId', 'quantity'],
        additionalProperties: false,
      },
    },
  },
  required: [
    'id', 'storeId', 'tillId', 'number', 'receiptNumber', 'cashierId', 'cashierName', 'completedAt',
    'currency', 'pricing', 'lines', 'taxes', 'totals', 'payments', 'stockMovements',
  ],
  additionalProperties: false,
  indexes: ['number', 'receiptNumber'],
} as const;

export type Sale = DocumentOf<typeof saleSchema>;
export type SaleLine = Sale['lines'][number];

export type SaleKind = 'sale' | 'return';

/** Whether a document of the sales collection is a return (documents without a kind are sales). */
export function isReturn(document: Pick<Sale, 'kind'>): boolean {
  return document.kind === 'return';
}
