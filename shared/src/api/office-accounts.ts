/*
 * Head office's people: accounts with a role, what each role may do, and the audit log of what they
 * did. Declared here so the server enforces, and the office app shows, one and the same table.
 */

/**
 * - owner: everything, in every store, including accounts;
 * - manager: catalogue, prices, stock, purchasing, tills, cashiers, customers and settings of the
 *   stores assigned to them;
 * - clerk: receives goods and counts stock in their stores, and reads them;
 * - viewer: reads their stores, changes nothing.
 */
export const OFFICE_ROLES = ['owner', 'manager', 'clerk', 'viewer'] as const;
export type OfficeRole = (typeof OFFICE_ROLES)[number];

/**
 * What a route asks of the person calling it:
 * - open: anyone (logging in, the owner's first-start setup);
 * - read: any account, for the stores it may see;
 * - stock: receiving and counting, in the account's stores (clerk and up);
 * - manage: changing a store's catalogue, prices, tills, cashiers, customers and settings (manager and up);
 * - accounts: people and their roles (owner only).
 */
export type OfficePermission = 'open' | 'read' | 'stock' | 'manage' | 'accounts';

const GRANTS: Record<OfficeRole, readonly OfficePermission[]> = {
  owner: ['open', 'read', 'stock', 'manage', 'accounts'],
  manager: ['open', 'read', 'stock', 'manage'],
  clerk: ['open', 'read', 'stock'],
  viewer: ['open', 'read'],
};

/** Whether a role may do what a permission names (in a store it may see: see mayUseStore). */
export function roleMay(role: OfficeRole, permission: OfficePermission): boolean {
  return GRANTS[role].includes(permission);
}

/** The owner sees every store; everyone else the stores assigned to them. */
export function mayUseStore(account: Pick<OfficeAccount, 'role' | 'storeIds'>, storeId: string): boolean {
  return account.role === 'owner' || account.storeIds.includes(storeId);
}

/** A person at head office, as the API shows them: never their password or its hash. */
export interface OfficeAccount {
  id: string;
  /** Lower-cased and trimmed; unique. */
  email: string;
  name: string;
  role: OfficeRole;
  /** The stores a manager, clerk or viewer works in; the owner's is empty and means every store. */
  storeIds: string[];
  /** A deactivated account cannot log in, and its sessions end at their next request. */
  active: boolean;
  createdAt: string;
}

/** Who is calling: a logged-in account, or a script with the office key (acting as the owner). */
export interface OfficeMe {
  account: OfficeAccount | null;
  via: 'session' | 'office key';
  role: OfficeRole;
}

export interface NewOfficeAccount {
  email: string;
  name: string;
  role: OfficeRole;
  storeIds: string[];
  /** At least 10 characters. */
  password: string;
}

export type OfficeAccountChanges = Partial<Pick<NewOfficeAccount, 'name' | 'role' | 'storeIds' | 'password'>> & { active?: boolean };

/** The owner's first-start setup: the one-time token the server printed, and the owner's account. */
export interface OwnerSetup {
  token: string;
  email: string;
  name: string;
  password: string;
}

/** One change made at head office: who, when, what, and the thing before and after. */
export interface AuditEntry {
  id: number;
  at: string;
  /** The account, or null for the office key (label "office key"). */
  actorId: string | null;
  actorLabel: string;
  /** What was done, e.g. "store.settings", "cashier.create", "account.update", "stock.receipt". */
  action: string;
  /** The kind of thing changed: "store", "till", "cashier", "customer", "stockDocument", "account", … */
  kind: string;
  subjectId: string;
  storeId: string | null;
  /** The thing as it was (null when it is new) and as it is after (null when it is gone). */
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  /** An account id, or "office-key". */
  actor?: string;
  kind?: string;
  /** ISO dates or times, inclusive. */
  from?: string;
  to?: string;
  limit?: number;
}
