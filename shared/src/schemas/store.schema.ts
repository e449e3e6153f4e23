import { identifier, pricingRules, type DocumentOf } from './common.js';

/** A shop. Master data: written by head office only. */
export const storeSchema = {
  title: 'store',
  description: 'A shop with its pricing rules',
  version: 1,
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
  },
  required: ['id', 'code', 'name', 'currency', 'pricing', 'negativeStock'],
  additionalProperties: false,
} as const;

export type Store = DocumentOf<typeof storeSchema>;
