import { randomUUID } from 'node:crypto';
import { cashierFieldProblems, hashPin, SyncError, unknownFields, withoutPin, type Cashier, type CashierRole, type CashierView, type Store } from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import type { Repository } from '../repository.js';

/** A store's cashiers: who may sign in at its tills, with which role, and their PINs' hashes. */
export class Cashiers {
  constructor(private readonly repository: Repository) {}

  /** A store's cashiers, active or not, by name; without their PIN hashes. */
  async list(storeId: string): Promise<CashierView[]> {
    return (await this.repository.listDocuments<Cashier>('cashiers', storeId))
      .filter((cashier) => cashier.storeId === storeId)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      .map(withoutPin);
  }

  /**
   * Adds a cashier to a store: the PIN is hashed (salted PBKDF2, see pin.ts) and only the hash is
   * kept, in a document the store's tills replicate so a cashier signs in offline too.
   */
  async create(input: unknown, actor?: AuditActor): Promise<Cashier> {
    const fields = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
    const problems = unknownFields(fields, ['storeId', 'name', 'role', 'pin']);
    if (typeof fields.storeId !== 'string' || !(await this.repository.getDocument<Store>('stores', fields.storeId))) problems.push(`storeId: no store "${String(fields.storeId ?? '')}"`);
    problems.push(...cashierFieldProblems(fields, true));
    if (problems.length > 0) throw new SyncError('bad_request', 'the cashier was not added', 400, [{ problems }]);
    const pin = await hashPin(fields.pin as string);
    const cashier: Cashier = {
      id: `cashier-${randomUUID()}`,
      storeId: fields.storeId as string,
      name: (fields.name as string).trim(),
      role: fields.role as CashierRole,
      pin,
      active: true,
    };
    await this.repository.write(async (writer) => {
      await writer.put('cashiers', cashier, cashier.storeId);
      await recordAudit(writer.tx, actor, this.repository.now().toISOString(), { action: 'cashier.create', kind: 'cashier', subjectId: cashier.id, storeId: cashier.storeId, before: null, after: withoutPin(cashier) });
    });
    return cashier;
  }

  /**
   * Changes a cashier's name, role or PIN, or deactivates (active false) or reactivates them. A
   * cashier who left is deactivated, never deleted: old sales keep their name, and they can no longer
   * sign in or approve anything.
   */
  async change(id: string, changes: unknown, actor?: AuditActor): Promise<Cashier> {
    if (!(await this.repository.getDocument<Cashier>('cashiers', id))) throw new SyncError('not_found', `no cashier "${id}"`, 404);
    const fields = (changes && typeof changes === 'object' && !Array.isArray(changes) ? changes : {}) as Record<string, unknown>;
    const problems = unknownFields(fields, ['name', 'role', 'pin', 'active']);
    if (!changes || typeof changes !== 'object' || Array.isArray(changes)) problems.push('the body is an object of the fields to change: name, role, pin, active');
    problems.push(...cashierFieldProblems(fields, false));
    if ('active' in fields && typeof fields.active !== 'boolean') problems.push('active: true or false');
    if (problems.length > 0) throw new SyncError('bad_request', 'the cashier was not changed', 400, [{ id, problems }]);
    const pin = typeof fields.pin === 'string' ? await hashPin(fields.pin) : undefined;
    return this.repository.write(async (writer) => {
      // Read again after hashing, in the transaction: another change may have been written meanwhile.
      const current = (await writer.get<Cashier>('cashiers', id))!;
      const changed: Cashier = {
        ...current,
        ...(typeof fields.name === 'string' ? { name: fields.name.trim() } : {}),
        ...(typeof fields.role === 'string' ? { role: fields.role as CashierRole } : {}),
        ...(pin ? { pin } : {}),
        ...(typeof fields.active === 'boolean' ? { active: fields.active } : {}),
      };
      await writer.put('cashiers', changed, changed.storeId);
      // The PIN's hash stays out of the log: only that a new PIN was set.
      const after = { ...withoutPin(changed), ...(pin ? { pinChanged: true } : {}) };
      await recordAudit(writer.tx, actor, this.repository.now().toISOString(), { action: 'cashier.update', kind: 'cashier', subjectId: id, storeId: changed.storeId, before: withoutPin(current), after });
      return changed;
    });
  }

  /** Stores a cashier unless one with its id exists (seeding: head office's later changes stand). */
  async addIfAbsent(cashier: Cashier): Promise<boolean> {
    return this.repository.write(async (writer) => {
      if (await writer.get<Cashier>('cashiers', cashier.id)) return false;
      await writer.put('cashiers', cashier, cashier.storeId);
      return true;
    });
  }
}
