import type { AuditEntry, OfficeRole } from '../../../shared/src/index.js';
import type { StockCountEntry, StoredOfficeAccount } from './port.js';

/*
 * Rows of office_accounts, audit_log and stock_count_entries as either adapter reads them (PostgreSQL hands BIGINT back as
 * a string, SQLite as a number), and the port's shapes made of them.
 */

export const ACCOUNT_COLUMNS = 'id, email, name, role, store_ids, password_hash, active, created_at';
export const AUDIT_COLUMNS = 'id, at, actor_id, actor_label, action, kind, subject_id, store_id, before_json, after_json';

export interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: OfficeRole;
  store_ids: string;
  password_hash: string;
  active: number | string;
  created_at: string;
}

export interface AuditRow {
  id: number | string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  kind: string;
  subject_id: string;
  store_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export function storedAccount(row: AccountRow): StoredOfficeAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    storeIds: JSON.parse(row.store_ids) as string[],
    passwordHash: row.password_hash,
    active: Number(row.active) === 1,
    createdAt: row.created_at,
  };
}

/** An account's columns in ACCOUNT_COLUMNS' order. */
export function accountValues(account: StoredOfficeAccount): [string, string, string, string, string, string, number, string] {
  return [account.id, account.email, account.name, account.role, JSON.stringify(account.storeIds), account.passwordHash, account.active ? 1 : 0, account.createdAt];
}

export function auditEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    kind: row.kind,
    subjectId: row.subject_id,
    storeId: row.store_id,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
  };
}

/** An entry's columns but its id, in AUDIT_COLUMNS' order. */
export function auditValues(entry: Omit<AuditEntry, 'id'>): [string, string | null, string, string, string, string, string | null, string | null, string | null] {
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  return [entry.at, entry.actorId, entry.actorLabel, entry.action, entry.kind, entry.subjectId, entry.storeId, json(entry.before), json(entry.after)];
}

/** A row of stock_count_entries, as both adapters read and write it. */
export interface CountEntryRow {
  count_id: string;
  entry_id: string;
  store_id: string;
  product_id: string;
  kind: 'counted' | 'late';
  quantity: string;
  expected: string | null;
  document_id: string | null;
  made_at: string | null;
  entered_at: string;
  entered_by: string;
}

export const COUNT_ENTRY_COLUMNS = 'count_id, entry_id, store_id, product_id, kind, quantity, expected, document_id, made_at, entered_at, entered_by';

export function countEntry(row: CountEntryRow): StockCountEntry {
  return {
    countId: row.count_id,
    entryId: row.entry_id,
    storeId: row.store_id,
    productId: row.product_id,
    kind: row.kind,
    quantity: row.quantity,
    expected: row.expected,
    documentId: row.document_id,
    madeAt: row.made_at,
    enteredAt: row.entered_at,
    enteredBy: row.entered_by,
  };
}

export function countEntryRow(entry: StockCountEntry): CountEntryRow {
  return {
    count_id: entry.countId,
    entry_id: entry.entryId,
    store_id: entry.storeId,
    product_id: entry.productId,
    kind: entry.kind,
    quantity: entry.quantity,
    expected: entry.expected,
    document_id: entry.documentId,
    made_at: entry.madeAt,
    entered_at: entry.enteredAt,
    entered_by: entry.enteredBy,
  };
}
