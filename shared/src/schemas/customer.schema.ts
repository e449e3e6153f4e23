import { identifier, timestamp, type DocumentOf } from './common.js';

/**
 * A customer of the shop. Tills and head office both write customers (a till creates one at the
 * counter, offline too), so fields merge one by one: each field carries when it was last changed and
 * the newest change of each field wins. The server flags likely duplicates (same phone or e-mail)
 * for head office to merge; a till never blocks on them.
 */
export const customerSchema = {
  title: 'customer',
  description: 'A customer, merged field by field',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** Made where the customer was first recorded (UUID). */
    id: identifier,
    storeId: identifier,
    name: { type: 'string', minLength: 1, maxLength: 200 },
    phone: { type: 'string', maxLength: 40 },
    email: { type: 'string', maxLength: 200 },
    note: { type: 'string', maxLength: 500 },
    /** When each field was last changed, by the writer's clock: the newest change of a field wins. */
    changedAt: {
      type: 'object',
      properties: { name: timestamp, phone: timestamp, email: timestamp, note: timestamp },
      required: ['name'],
      additionalProperties: false,
    },
    createdAt: timestamp,
    /** The till that created it, or "office". */
    createdBy: identifier,
    /** Set by the server: ids of other customers that look like the same person. */
    possibleDuplicates: { type: 'array', maxItems: 20, items: identifier },
  },
  required: ['id', 'storeId', 'name', 'changedAt', 'createdAt', 'createdBy'],
  additionalProperties: false,
} as const;

export type Customer = DocumentOf<typeof customerSchema>;
