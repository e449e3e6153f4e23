import { identifier, type DocumentOf } from './common.js';

export const CASHIER_ROLES = ['cashier', 'supervisor', 'manager'] as const;
export type CashierRole = (typeof CASHIER_ROLES)[number];

/**
 * A person who signs in to a store's tills with a PIN. Master data: written by head office only,
 * replicated to the store's tills so a cashier signs in offline too. The PIN is kept only as a salted
 * PBKDF2 hash (see pin.ts); the till checks a PIN by hashing it again.
 */
export const cashierSchema = {
  title: 'cashier',
  description: 'A person who signs in to the tills of a store',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: identifier,
    storeId: identifier,
    name: { type: 'string', minLength: 1, maxLength: 100 },
    /** Decides what needs a manager: see the store's discount limits. */
    role: { type: 'string', enum: ['cashier', 'supervisor', 'manager'] },
    pin: {
      type: 'object',
      properties: {
        algorithm: { type: 'string', enum: ['PBKDF2-SHA256'] },
        iterations: { type: 'integer', minimum: 1000, maximum: 10_000_000 },
        /** Base64, 16 random bytes per cashier. */
        salt: { type: 'string', minLength: 8, maxLength: 64 },
        /** Base64 of the 32-byte derived key. */
        hash: { type: 'string', minLength: 8, maxLength: 128 },
      },
      required: ['algorithm', 'iterations', 'salt', 'hash'],
      additionalProperties: false,
    },
    /** A cashier who left keeps their name on old sales but can no longer sign in. */
    active: { type: 'boolean' },
  },
  required: ['id', 'storeId', 'name', 'role', 'pin', 'active'],
  additionalProperties: false,
} as const;

export type Cashier = DocumentOf<typeof cashierSchema>;
