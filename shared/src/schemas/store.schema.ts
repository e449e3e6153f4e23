import { decimalString, identifier, pricingRules, type DocumentOf } from './common.js';

/** A shop. Master data: written by head office only. */
export const storeSchema = {
  title: 'store',
  description: 'A shop with its pricing rules',
  version: 4,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: identifier,
    code: { type: 'string', minLength: 1, maxLength: 16 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    currency: { type: 'string', minLength: 3, maxLength: 3 },
    pricing: pricingRules,
    /** What a till does when a sale would take its own projected stock below zero. */
    negativeStock: { type: 'string', enum: ['warn', 'block'] },
    /**
     * How this store's scales print weight and price labels (EAN-13, prefixes 20 to 29); absent:
     * the default layout (see barcode.ts).
     */
    scaleBarcodes: {
      type: 'object',
      properties: {
        prefixes: {
          type: 'array',
          maxItems: 10,
          items: {
            type: 'object',
            properties: { prefix: { type: 'string', pattern: '^2\\d$' }, value: { type: 'string', enum: ['weight', 'price'] } },
            required: ['prefix', 'value'],
            additionalProperties: false,
          },
        },
        itemDigits: { type: 'integer', minimum: 1, maximum: 8 },
      },
      required: ['prefixes', 'itemDigits'],
      additionalProperties: false,
    },
    /**
     * The largest discount, in percent of what is discounted, each role may give alone; above it a
     * manager enters a PIN. Managers have no limit. Absent: see DEFAULT_DISCOUNT_LIMITS.
     */
    discountLimits: {
      type: 'object',
      properties: { cashier: decimalString, supervisor: decimalString },
      required: ['cashier', 'supervisor'],
      additionalProperties: false,
    },
    /**
     * Cash payments are rounded to this step (e.g. "0.05" where the smallest coins are gone);
     * absent: no cash rounding. Card and voucher payments are never rounded.
     */
    cashRounding: decimalString,
    /**
     * What one document may carry: at most `lineQuantity` on a line, and no amount on it above
     * `documentAmount`; absent: see DEFAULT_STORE_LIMITS (limits.ts). The till refuses a sale or a
     * return beyond them before it completes, the server sales, returns and shift events.
     */
    limits: {
      type: 'object',
      properties: { lineQuantity: decimalString, documentAmount: decimalString },
      required: ['lineQuantity', 'documentAmount'],
      additionalProperties: false,
    },
    /** Printed under the store's name on receipts: street, town, phone; lines separated by "\n". */
    address: { type: 'string', maxLength: 300 },
    /** The store's VAT (tax) registration number, printed on receipts. */
    vatNumber: { type: 'string', maxLength: 32 },
    /** Printed at the end of every receipt: opening hours, return policy, thanks. */
    receiptFooter: { type: 'string', maxLength: 500 },
    /**
     * How the store writes dates, times and numbers (a BCP 47 tag such as "de-DE"); absent: the
     * till's own. Every screen and receipt formats through it, so they agree.
     */
    locale: { type: 'string', minLength: 2, maxLength: 35 },
    /** The store's IANA time zone ("Europe/Berlin"); absent: the till's own. */
    timeZone: { type: 'string', minLength: 1, maxLength: 64 },
    /**
     * The largest note the store takes ("500"): cash received more than this above the amount due
     * asks the cashier to confirm, and change above it raises an exception at head office. Absent:
     * see DEFAULT_LARGEST_NOTE.
     */
    largestNote: decimalString,
    /** The cashier counts the drawer without seeing the expected cash first. */
    blindClose: { type: 'boolean' },
    /**
     * Buttons on the till's first screen for the store's favourite and unlabelled items (bread,
     * coffee, bags), in order; `label` replaces the product's name on the button.
     */
    quickKeys: {
      type: 'array',
      maxItems: 48,
      items: {
        type: 'object',
        properties: { productId: identifier, label: { type: 'string', minLength: 1, maxLength: 24 } },
        required: ['productId'],
        additionalProperties: false,
      },
    },
  },
  required: ['id', 'code', 'name', 'currency', 'pricing', 'negativeStock'],
  additionalProperties: false,
} as const;

export type Store = DocumentOf<typeof storeSchema>;
