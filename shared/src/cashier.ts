import { pinProblem } from './pin.js';
import { CASHIER_ROLES, type Cashier, type CashierRole } from './schemas/index.js';

/** A cashier as head office sees them: everything but the PIN's hash, which never leaves for the office. */
export type CashierView = Omit<Cashier, 'pin'>;

/** A cashier as head office adds one: the PIN in digits, hashed by the server before anything is kept. */
export interface NewCashier {
  storeId: string;
  name: string;
  role: CashierRole;
  pin: string;
}

/** What head office may change of a cashier; `active: false` deactivates them (a cashier is never deleted). */
export interface CashierChanges {
  name?: string;
  role?: CashierRole;
  pin?: string;
  active?: boolean;
}

/** A cashier without the PIN's hash, for head office's answers. */
export function withoutPin(cashier: Cashier): CashierView {
  const { pin: _pin, ...view } = cashier;
  return view;
}

/**
 * Problems with a cashier's name, role and PIN as head office gives them, each named by its field;
 * `required` when adding one (every field must be there), else only the fields given are checked.
 */
export function cashierFieldProblems(fields: Record<string, unknown>, required: boolean): string[] {
  const problems: string[] = [];
  if (required || 'name' in fields) {
    const name = typeof fields.name === 'string' ? fields.name.trim() : '';
    if (name.length === 0 || name.length > 100) problems.push('name: 1 to 100 characters');
  }
  if ((required || 'role' in fields) && !CASHIER_ROLES.includes(fields.role as CashierRole)) {
    problems.push(`role: one of ${CASHIER_ROLES.join(', ')} (is ${JSON.stringify(fields.role ?? null)})`);
  }
  if (required || 'pin' in fields) {
    // The PIN itself never goes into a message: it might be a real one with a typo.
    const problem = typeof fields.pin === 'string' ? pinProblem(fields.pin) : 'a PIN is digits only, given as a string such as "4821"';
    if (problem) problems.push(`pin: ${problem}`);
  }
  return problems;
}
