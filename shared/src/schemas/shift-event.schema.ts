import { decimalString, identifier, person, timestamp, type DocumentOf } from './common.js';

export const SHIFT_EVENT_KINDS = ['open', 'cash-in', 'cash-out', 'void', 'close'] as const;
export type ShiftEventKind = (typeof SHIFT_EVENT_KINDS)[number];

/**
 * One event of a till's cash session (shift), written in one insert at the till that holds the
 * shift and never edited: opening with a counted float, cash put in or taken out with a reason, a
 * whole cart voided, closing with the cash counted by denomination. A shift's state and its X and Z
 * reports are projections of its events and of the sales made during it (see shift.ts), so only the
 * till that opened a shift writes to it and nothing here can conflict.
 */
export const shiftEventSchema = {
  title: 'shift event',
  description: 'An event of a till cash session',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** Made on the till (UUID): an event pushed twice is stored once. */
    id: identifier,
    storeId: identifier,
    tillId: identifier,
    /** The id of the shift's open event. */
    shiftId: identifier,
    kind: { type: 'string', enum: ['open', 'cash-in', 'cash-out', 'void', 'close'] },
    /** Per till, gapless from 1 over all its shift events: the order events happened in. */
    sequence: { type: 'integer', minimum: 1, maximum: 999_999_999, multipleOf: 1 },
    /** The till's clock. Shown, never used for ordering. */
    at: timestamp,
    cashier: person,
    currency: { type: 'string', minLength: 3, maxLength: 3 },
    /** open: the float; cash-in and cash-out: the amount moved (positive). */
    amount: decimalString,
    /** cash-in, cash-out and void: why, in the cashier's words or a chosen reason. */
    reason: { type: 'string', maxLength: 200 },
    /** void: the cart as it was when voided; nothing was sold and no stock moved. */
    lines: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        properties: {
          productId: identifier,
          name: { type: 'string', maxLength: 200 },
          quantity: decimalString,
          gross: decimalString,
        },
        required: ['productId', 'name', 'quantity', 'gross'],
        additionalProperties: false,
      },
    },
    /** open and close: the cash counted, per denomination ("20.00" x 3). */
    counted: {
      type: 'array',
      maxItems: 40,
      items: {
        type: 'object',
        properties: { denomination: decimalString, count: { type: 'integer', minimum: 0, maximum: 1_000_000 } },
        required: ['denomination', 'count'],
        additionalProperties: false,
      },
    },
    /** close: the cash the till expected in the drawer, what was counted, and counted - expected. */
    expectedCash: decimalString,
    countedCash: decimalString,
    difference: decimalString,
    /** close: who approved (a manager) when the cashier may not close alone; absent otherwise. */
    approvedBy: person,
  },
  required: ['id', 'storeId', 'tillId', 'shiftId', 'kind', 'sequence', 'at', 'cashier', 'currency'],
  additionalProperties: false,
  indexes: ['sequence'],
} as const;

export type ShiftEvent = DocumentOf<typeof shiftEventSchema>;
