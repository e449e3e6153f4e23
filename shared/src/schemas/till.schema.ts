import { identifier, type DocumentOf } from './common.js';

/** A registered till. Master data; `lastNumber` is kept by the server as it applies the till's sales. */
export const tillSchema = {
  title: 'till',
  description: 'A registered till of a store',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: identifier,
    storeId: identifier,
    code: { type: 'string', minLength: 1, maxLength: 16 },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    /** Highest sale number of this till the server holds with no gap before it. */
    lastNumber: { type: 'integer', minimum: 0 },
    /**
     * Highest shift-event sequence of this till the server holds: a till whose database was wiped
     * numbers its next shift event after it, so the server does not refuse it as used.
     */
    lastShiftSequence: { type: 'integer', minimum: 0 },
  },
  required: ['id', 'storeId', 'code', 'name', 'lastNumber'],
  additionalProperties: false,
} as const;

export type Till = DocumentOf<typeof tillSchema>;
