import { identifier, timestamp, type DocumentOf } from './common.js';

/**
 * A document a till pushed and the server refused, with the reasons. Written by the server only, and
 * replicated to the store's tills, so the till that made the document lists it (and leaves it out of
 * its stock figures) even if it was switched off before the push's answer arrived. The refused
 * document itself stays on the till; the server keeps a copy for head office.
 *
 * The server counts a refused document's number as used, so the till's later documents are applied
 * behind it: one bad document never blocks the others.
 */
export const refusalSchema = {
  title: 'refusal',
  description: 'A pushed document the server refused, and why',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** The refused document's id. */
    id: identifier,
    storeId: identifier,
    /** The till that pushed it. */
    tillId: identifier,
    /** The collection the refused document belongs to (not "collection": RxDB documents own that name). */
    sourceCollection: { type: 'string', enum: ['sales', 'shiftEvents', 'customers'] },
    /** The document's number (a shift event's sequence) in its till's sequence, 0 when it had none. */
    number: { type: 'integer', minimum: 0, maximum: 999_999_999 },
    receiptNumber: { type: 'string', maxLength: 64 },
    problems: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', maxLength: 500 } },
    /** open: refused and not yet taken; accepted: sent again and taken. Server clock, display only. */
    status: { type: 'string', enum: ['open', 'accepted'] },
    attempts: { type: 'integer', minimum: 1 },
    refusedAt: timestamp,
    acceptedAt: { type: ['string', 'null'], maxLength: 40 },
  },
  required: ['id', 'storeId', 'tillId', 'sourceCollection', 'number', 'receiptNumber', 'problems', 'status', 'attempts', 'refusedAt', 'acceptedAt'],
  additionalProperties: false,
} as const;

export type Refusal = DocumentOf<typeof refusalSchema>;
