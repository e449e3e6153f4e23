import { identifier, pricingRules, type DocumentOf } from './common.js';

/** A shop. Master data: written by head office only. */
export const storeSchema = {
  title: 'store',
  description: 'A shop with its pricing rules',
  version: 0,
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
  },
  required: ['id', 'code', 'name', 'currency', 'pricing', 'negativeStock'],
  additionalProperties: false,
} as const;

export type Store = DocumentOf<typeof storeSchema>;
