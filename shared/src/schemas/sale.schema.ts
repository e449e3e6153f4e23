import { decimalString, identifier, person, productUnit, pricingRules, timestamp, type DocumentOf } from './common.js';

const amounts = {
  net: decimalString,
  tax: decimalString,
  gross: decimalString,
} as const;

/**
 * A completed sale, or a return against one: lines, taxes, payments and its stock effect in one
 * immutable document, written in one insert at the till. A correction is a new document, never an
 * edit. Sales and returns share the till's one gapless numbering, so the stock projection (each
 * level's highest applied number per till) covers both. Version 4 added the units g, l and m to a
 * line's unit.
 */
export const saleSchema = {
  title: 'sale',
  description: 'A completed sale at a till',
  version: 4,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** Made on the till (UUID): a sale pushed twice is stored once. */
    id: identifier,
    /** Absent on documents made before returns existed: those are sales. */
    kind: { type: 'string', enum: ['sale', 'return'] },
    /**
     * A return's sale: the goods come back against it, never more than it sold. A return without a
     * receipt has none and carries the manager's approval instead.
     */
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
    /** The cash session (shift) the sale was made in: its open event's id. */
    shiftId: identifier,
    /** The customer the sale was made for, as the till knew them then. */
    customer: person,
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
          unit: productUnit,
          quantity: decimalString,
          /** The price charged per unit; a price override differs from the shelf price. */
          unitPrice: decimalString,
          /** Present when the price was overridden: the product's price at the shelf. */
          shelfPrice: decimalString,
          /**
           * The line's own discount, taken off quantity x unitPrice (in the store's price basis). On a
           * return: what its shelf amount is reduced by so it refunds what the sale charged for it,
           * discounts included (a cent below zero when rounding pays a cent back).
           */
          discount: decimalString,
          /** The line's share of the order discount, spread over lines in proportion to their amounts. */
          orderDiscount: decimalString,
          taxClassId: { type: 'string', maxLength: 32 },
          taxRatePercent: decimalString,
          ...amounts,
          /** Returns against a receipt: the line (0-based) of the returned sale this line takes back. */
          originalLine: { type: 'integer', minimum: 0, maximum: 499 },
          /** Returns only: the item goes back on the shelf (true) or is written off as damaged (false). */
          restock: { type: 'boolean' },
          /** Returns only: why the customer brought it back. */
          returnReason: { type: 'string', minLength: 1, maxLength: 200 },
          /**
           * Goods sold by weight: read from a scale label ("scale") or typed in by the cashier
           * ("keyed"), so head office sees which weights no scale confirmed. Absent before version 3.
           */
          weighing: { type: 'string', enum: ['scale', 'keyed'] },
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
    /**
     * What the cashier changed from the shelf: discounts per line and on the order, price overrides.
     * Each says who, how much and why, and which manager approved it when the role needed one.
     */
    adjustments: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['line-discount', 'order-discount', 'price-override', 'weight-override'] },
          /** The line (0-based) a line discount, price override or weight override applies to. */
          line: { type: 'integer', minimum: 0, maximum: 499 },
          /** A weight override: the weight the scale label said; `amount` is the weight charged. */
          was: decimalString,
          /** A percent discount as given; absent for an amount. */
          percent: decimalString,
          /** The amount taken off (discounts), the new unit price (price override) or the weight charged (weight override). */
          amount: decimalString,
          reason: { type: 'string', maxLength: 200 },
          by: person,
          approvedBy: person,
        },
        required: ['kind', 'amount', 'reason', 'by'],
        additionalProperties: false,
      },
    },
    /** Lines taken out of the cart before it was paid: nothing was sold, the void is on record. */
    voids: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        properties: { productId: identifier, name: { type: 'string', maxLength: 200 }, quantity: decimalString, gross: decimalString, by: person },
        required: ['productId', 'name', 'quantity', 'gross', 'by'],
        additionalProperties: false,
      },
    },
    /** A return without a receipt: the manager who approved it. */
    approvedBy: person,
    /**
     * Cash rounding: what the total was rounded by because the cash part was paid in the store's
     * smallest coin (e.g. -0.02). Payments add up to totals.gross + cashRounding.
     */
    cashRounding: decimalString,
    /** The store's smallest coin the cash was rounded to ("0.05"), recorded with the rounding it explains. */
    cashRoundingStep: decimalString,
    payments: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: {
        type: 'object',
        properties: {
          tender: { type: 'string', enum: ['cash', 'card', 'voucher'] },
          /** What this tender paid (a sale) or was refunded (a return). */
          amount: decimalString,
          /** Cash handed over; equals amount for other tenders. */
          tendered: decimalString,
          change: decimalString,
          /** Card: the terminal is separate, the till records the brand and last four digits only. */
          card: {
            type: 'object',
            properties: { brand: { type: 'string', minLength: 1, maxLength: 30 }, last4: { type: 'string', pattern: '^\\d{4}$' } },
            required: ['brand', 'last4'],
            additionalProperties: false,
          },
          voucher: {
            type: 'object',
            properties: { code: { type: 'string', minLength: 1, maxLength: 64 } },
            required: ['code'],
            additionalProperties: false,
          },
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
export type Payment = Sale['payments'][number];
export type Tender = Payment['tender'];
export type SaleAdjustment = NonNullable<Sale['adjustments']>[number];
export type VoidedLine = NonNullable<Sale['voids']>[number];
export type Person = { id: string; name: string };

export type SaleKind = 'sale' | 'return';

/** Whether a document of the sales collection is a return (documents without a kind are sales). */
export function isReturn(document: Pick<Sale, 'kind'>): boolean {
  return document.kind === 'return';
}
