import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  fieldsOf,
  OFFICE_ROLES,
  SyncError,
  unknownFields,
  type AuditEntry,
  type AuditQuery,
  type OfficeAccount,
  type OfficeRole,
} from '../../../shared/src/index.js';
import { OFFICE_SESSION_HOURS } from '../http/office-session.js';
import type { Repository } from '../repository.js';
import type { StoredOfficeAccount, StorageTransaction } from '../storage/port.js';
import { recordAudit, type AuditActor } from './audit.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, NOBODYS_PASSWORD, passwordMatches } from './passwords.js';

/** The most audit entries one request reads. */
export const MOST_AUDIT_ENTRIES = 1000;
const DEFAULT_AUDIT_ENTRIES = 200;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A new random token (a session's, or the owner's setup link's) and the hash the server keeps of it. */
function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

/** An e-mail as accounts are found by: trimmed and lower-cased. */
export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An account as the API shows it: never its password's hash. */
export function accountView(account: StoredOfficeAccount): OfficeAccount {
  const { passwordHash: _passwordHash, ...view } = account;
  return view;
}

/** How the audit log names an account. */
export function accountActor(account: Pick<OfficeAccount, 'id' | 'name' | 'email'>): AuditActor {
  return { id: account.id, label: `${account.name} <${account.email}>` };
}

/** The fields of an account as given, checked: each problem named by its field. */
interface CheckedFields {
  email?: string;
  name?: string;
  role?: OfficeRole;
  storeIds?: string[];
  password?: string;
  active?: boolean;
}

/**
 * Head office's accounts: the owner's first-start setup, logins and their sessions, accounts the owner
 * adds and changes, and the audit log. Sessions and accounts are read from storage on every request,
 * never cached, so a role changed or an account deactivated applies to the very next request in
 * every server process.
 */
export class OfficeAccounts {
  constructor(private readonly repository: Repository) {}

  private get storage() {
    return this.repository.storage;
  }

  private nowIso(): string {
    return this.repository.now().toISOString();
  }

  /** Whether the owner's account is still to be made. */
  async setupNeeded(): Promise<boolean> {
    return !(await this.storage.officeAccounts.hasOwner());
  }

  /**
   * While no owner exists: a new one-time setup token (any earlier one stops working), whose hash is
   * kept for whichever server process the owner's browser reaches. Undefined once an owner exists.
   */
  async prepareOwnerSetup(): Promise<string | undefined> {
    const { token, hash } = newToken();
    const made = await this.repository.write(async ({ tx }) => {
      if (await tx.officeAccounts.hasOwner()) return false;
      await tx.officeAccounts.setSetupToken(hash);
      return true;
    });
    return made ? token : undefined;
  }

  /** Creates the owner's account with the setup token, once, and starts their session. */
  async setUpOwner(input: unknown): Promise<{ account: OfficeAccount; session: string }> {
    const fields = fieldsOf(input);
    const problems = unknownFields(fields, ['token', 'email', 'name', 'password']);
    if (typeof fields.token !== 'string' || fields.token.length === 0) problems.push('token: the one in the link the server printed');
    const checked = await this.checkFields(fields, 'setup', problems);
    if (problems.length > 0) throw new SyncError('bad_request', 'the owner account was not created', 400, [{ problems }]);
    const passwordHash = await hashPassword(checked.password!);
    const session = newToken();
    const account = await this.repository.write(async ({ tx }) => {
      if (await tx.officeAccounts.hasOwner()) throw new SyncError('conflict', 'the owner account exists already: log in, or ask the owner for an account', 409);
      const kept = await tx.officeAccounts.setupToken();
      if (!kept || !sameHash(kept, sha256(fields.token as string))) {
        throw new SyncError('unauthorized', 'this setup link is not valid: use the newest link the server printed when it started', 401);
      }
      const account = await this.insert(tx, { email: checked.email!, name: checked.name!, role: 'owner', storeIds: [], passwordHash });
      await tx.officeAccounts.setSetupToken(null);
      const at = this.nowIso();
      await recordAudit(tx, accountActor(account), at, { action: 'account.setup', kind: 'account', subjectId: account.id, storeId: null, before: null, after: accountView(account) });
      await this.startSession(tx, account.id, session.hash);
      return account;
    });
    return { account: accountView(account), session: session.token };
  }

  /**
   * Trades an e-mail and password for a session. An unknown e-mail, a wrong password and a
   * deactivated account all get the same answer, after the same work.
   */
  async login(input: unknown): Promise<{ account: OfficeAccount; session: string } | undefined> {
    const fields = fieldsOf(input);
    if (typeof fields.email !== 'string' || typeof fields.password !== 'string' || fields.password.length > MAX_PASSWORD_LENGTH) return undefined;
    const account = await this.storage.officeAccounts.byEmail(normalEmail(fields.email));
    const matches = await passwordMatches(fields.password, account?.passwordHash ?? (await NOBODYS_PASSWORD));
    if (!account || !matches || !account.active) return undefined;
    const session = newToken();
    await this.repository.write(async ({ tx }) => {
      await tx.officeAccounts.forgetExpired(this.nowIso());
      await this.startSession(tx, account.id, session.hash);
    });
    return { account: accountView(account), session: session.token };
  }

  private async startSession(tx: StorageTransaction, accountId: string, tokenHash: string): Promise<void> {
    const now = this.repository.now();
    const expiresAt = new Date(now.getTime() + OFFICE_SESSION_HOURS * 3_600_000).toISOString();
    await tx.officeAccounts.addSession({ tokenHash, accountId, createdAt: now.toISOString(), expiresAt });
  }

  /** The account a session token belongs to, as it is now: undefined when the session is unknown, expired or its account deactivated. */
  async sessionAccount(token: string | undefined): Promise<OfficeAccount | undefined> {
    if (!token || token.length > 100) return undefined;
    const session = await this.storage.officeAccounts.session(sha256(token));
    if (!session || session.expiresAt <= this.nowIso() || !session.account.active) return undefined;
    return accountView(session.account);
  }

  async logout(token: string | undefined): Promise<void> {
    if (!token || token.length > 100) return;
    await this.repository.write(({ tx }) => tx.officeAccounts.endSession(sha256(token)));
  }

  async list(): Promise<OfficeAccount[]> {
    return (await this.storage.officeAccounts.all()).map(accountView);
  }

  /** The owner adds an account. */
  async create(input: unknown, actor: AuditActor): Promise<OfficeAccount> {
    const fields = fieldsOf(input);
    const problems = unknownFields(fields, ['email', 'name', 'role', 'storeIds', 'password']);
    const checked = await this.checkFields(fields, 'create', problems);
    if (problems.length > 0) throw new SyncError('bad_request', 'the account was not added', 400, [{ problems }]);
    const passwordHash = await hashPassword(checked.password!);
    const account = await this.repository.write(async ({ tx }) => {
      const account = await this.insert(tx, { email: checked.email!, name: checked.name!, role: checked.role!, storeIds: checked.role === 'owner' ? [] : checked.storeIds!, passwordHash });
      // An owner added by the office key before the setup link was used: the link is no longer needed.
      if (account.role === 'owner') await tx.officeAccounts.setSetupToken(null);
      await recordAudit(tx, actor, this.nowIso(), { action: 'account.create', kind: 'account', subjectId: account.id, storeId: null, before: null, after: accountView(account) });
      return account;
    });
    return accountView(account);
  }

  /**
   * The owner changes an account's name, role, stores or password, or deactivates (active false) or
   * reactivates it. The last active owner keeps their role and stays active. A deactivated account's
   * sessions end at once.
   */
  async change(id: string, input: unknown, actor: AuditActor): Promise<OfficeAccount> {
    const fields = fieldsOf(input);
    const problems = unknownFields(fields, ['name', 'role', 'storeIds', 'password', 'active']);
    if (!input || typeof input !== 'object' || Array.isArray(input)) problems.push('the body is an object of the fields to change: name, role, storeIds, password, active');
    const checked = await this.checkFields(fields, 'change', problems);
    if (problems.length > 0) throw new SyncError('bad_request', 'the account was not changed', 400, [{ id, problems }]);
    const passwordHash = checked.password === undefined ? undefined : await hashPassword(checked.password);
    const account = await this.repository.write(async ({ tx }) => {
      const current = await tx.officeAccounts.get(id);
      if (!current) throw new SyncError('not_found', `no account "${id}"`, 404);
      const role = checked.role ?? current.role;
      const changed: StoredOfficeAccount = {
        ...current,
        name: checked.name ?? current.name,
        role,
        storeIds: role === 'owner' ? [] : (checked.storeIds ?? current.storeIds),
        passwordHash: passwordHash ?? current.passwordHash,
        active: checked.active ?? current.active,
      };
      if (role !== 'owner' && changed.storeIds.length === 0) {
        throw new SyncError('bad_request', 'the account was not changed', 400, [{ id, problems: ['storeIds: a manager, clerk or viewer works in at least one store'] }]);
      }
      if (current.role === 'owner' && current.active && (changed.role !== 'owner' || !changed.active)) {
        const otherOwners = (await tx.officeAccounts.all()).filter((other) => other.id !== id && other.role === 'owner' && other.active);
        if (otherOwners.length === 0) {
          throw new SyncError('conflict', 'the account was not changed: it is the last active owner; make another owner first', 409, [{ id, problems: [changed.active ? 'role: the last active owner stays owner' : 'active: the last active owner stays active'] }]);
        }
      }
      await tx.officeAccounts.update(changed);
      if (!changed.active) await tx.officeAccounts.endSessionsOf(id);
      const after = { ...accountView(changed), ...(passwordHash ? { passwordChanged: true } : {}) };
      await recordAudit(tx, actor, this.nowIso(), { action: 'account.update', kind: 'account', subjectId: id, storeId: null, before: accountView(current), after });
      return changed;
    });
    return accountView(account);
  }

  private async insert(tx: StorageTransaction, fields: Omit<StoredOfficeAccount, 'id' | 'active' | 'createdAt'>): Promise<StoredOfficeAccount> {
    const account: StoredOfficeAccount = { id: `account-${randomUUID()}`, ...fields, active: true, createdAt: this.nowIso() };
    const { inserted } = await tx.officeAccounts.insert(account);
    if (!inserted) throw new SyncError('conflict', `an account with the e-mail "${account.email}" exists already`, 409, [{ problems: [`email: "${account.email}" is taken`] }]);
    return account;
  }

  /**
   * Checks an account's fields, adding each problem to `problems`, named by its field: the owner's
   * setup gives e-mail, name and password; a new account also its role and stores (none for an
   * owner); a change any of name, role, stores, password and active.
   */
  private async checkFields(fields: Record<string, unknown>, mode: 'setup' | 'create' | 'change', problems: string[]): Promise<CheckedFields> {
    const checked: CheckedFields = {};
    const given = (key: keyof CheckedFields) => mode !== 'change' || fields[key] !== undefined;
    if (mode !== 'change') {
      const email = typeof fields.email === 'string' ? normalEmail(fields.email) : '';
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 200) problems.push('email: an e-mail address, such as anna@example.com');
      else checked.email = email;
    }
    if (given('name')) {
      const name = typeof fields.name === 'string' ? fields.name.trim() : '';
      if (name.length === 0 || name.length > 100) problems.push('name: 1 to 100 characters');
      else checked.name = name;
    }
    if (given('password')) {
      const password = fields.password;
      if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
        problems.push(`password: at least ${MIN_PASSWORD_LENGTH} characters (and at most ${MAX_PASSWORD_LENGTH})`);
      } else checked.password = password;
    }
    if (mode === 'setup') return checked;
    if (given('role')) {
      if (typeof fields.role !== 'string' || !(OFFICE_ROLES as readonly string[]).includes(fields.role)) problems.push(`role: one of ${OFFICE_ROLES.join(', ')}`);
      else checked.role = fields.role as OfficeRole;
    }
    if (fields.storeIds !== undefined || (mode === 'create' && checked.role !== 'owner')) {
      const storeIds = fields.storeIds;
      if (!Array.isArray(storeIds) || !storeIds.every((storeId): storeId is string => typeof storeId === 'string')) problems.push('storeIds: a list of store ids');
      else {
        const known = new Set((await this.repository.stores()).map((store) => store.id));
        const unknown = storeIds.filter((storeId) => !known.has(storeId));
        if (unknown.length > 0) problems.push(`storeIds: no store ${unknown.map((storeId) => `"${storeId}"`).join(', ')}`);
        else if (mode === 'create' && checked.role !== 'owner' && storeIds.length === 0) problems.push('storeIds: a manager, clerk or viewer works in at least one store');
        else checked.storeIds = [...new Set(storeIds)];
      }
    }
    if (fields.active !== undefined) {
      if (typeof fields.active !== 'boolean') problems.push('active: true or false');
      else checked.active = fields.active;
    }
    return checked;
  }

  /**
   * The audit log, newest first, filtered as asked; `storeIds` (a manager's stores) limits it to
   * entries of those stores, undefined shows every entry (the owner).
   */
  async auditLog(query: AuditQuery, storeIds: readonly string[] | undefined): Promise<AuditEntry[]> {
    const problems: string[] = [];
    const from = query.from === undefined ? undefined : isoBound(query.from, 'start');
    const to = query.to === undefined ? undefined : isoBound(query.to, 'end');
    if (from === null) problems.push('from: a date (2026-12-06) or an ISO time');
    if (to === null) problems.push('to: a date (2026-12-06) or an ISO time');
    if (problems.length > 0) throw new SyncError('bad_request', 'the audit log was not read', 400, [{ problems }]);
    return this.storage.audit.list({
      ...(query.actor === undefined ? {} : { actorId: query.actor === 'office-key' ? null : query.actor }),
      ...(query.kind === undefined ? {} : { kind: query.kind }),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(storeIds ? { storeIds } : {}),
      limit: Math.min(query.limit ?? DEFAULT_AUDIT_ENTRIES, MOST_AUDIT_ENTRIES),
    });
  }
}

/**
 * A date or time as the audit log's times compare: a date alone means its first or last millisecond
 * (UTC), so `to=2026-12-06` takes in the whole day. Null when it is neither.
 */
function isoBound(value: string, end: 'start' | 'end'): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T${end === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`;
  const time = Date.parse(value);
  return Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(value) ? null : new Date(time).toISOString();
}

function sameHash(kept: string, given: string): boolean {
  const a = Buffer.from(kept);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
