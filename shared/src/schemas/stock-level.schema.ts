import { decimalString, identifier, type DocumentOf } from './common.js';

/**
 * The server's projection of stock on hand for one product in one store. Written by the server only;
 * tills read it and add their own documents it has not applied yet (see stock.ts).
 */
export const stockLevelSchema = {
  title: 'stockLevel',
  description: 'Central stock on hand of a product in a store',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** `${storeId}:${productId}` */
    id: identifier,
    storeId: identifier,
    productId: identifier,
    quantity: decimalString,
    /** Per till: the highest document number whose movements this quantity includes. */
    applied: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
  },
  required: ['id', 'storeId', 'productId', 'quantity', 'applied'],
  additionalProperties: false,
} as const;

export type StockLevel = DocumentOf<typeof stockLevelSchema>;
