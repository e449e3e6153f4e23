import type { AuditEntry, OfficeRole } from '../../../shared/src/index.js';
import type { StoredOfficeAccount } from './port.js';

/*
 * Rows of office_accounts and audit_log as either adapter reads them (PostgreSQL hands BIGINT back as
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
