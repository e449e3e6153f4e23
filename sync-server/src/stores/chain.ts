import { randomUUID } from 'node:crypto';
import { fieldsOf, SyncError, unknownFields, type Store, type TaxClass, type Till } from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import type { Repository } from '../repository.js';

/** A store's or till's code: printed in every receipt number ("S1-T2-000042"), so short and plain. */
const CODE = /^[A-Za-z0-9]{1,16}$/;

/** What head office sends to open a store: its code and name, and the store whose settings and tax classes it starts from. */
export interface NewStore {
  code: string;
  name: string;
  /** The store to copy settings and tax classes from; the first store when left out. */
  copyFrom?: string;
}

export interface NewTill {
  storeId: string;
  code: string;
  name: string;
}

function textProblems(fields: Record<string, unknown>, name: 'code' | 'name', most: number, required: boolean): string[] {
  const value = fields[name];
  if (value === undefined && !required) return [];
  if (typeof value !== 'string' || value.trim() === '') return [`${name}: required`];
  if (name === 'code' && !CODE.test(value.trim())) return ['code: 1 to 16 letters or digits (it is printed in every receipt number)'];
  if (value.trim().length > most) return [`${name}: at most ${most} characters`];
  return [];
}

/**
 * The chain's structure: stores opened and renamed, tills added to a store and renamed. Each store's
 * code and each till's code within its store is unique (together they make every receipt number
 * unique). A new till is paired as any other (a pairing code from the Tills page).
 */
export class ChainStructure {
  constructor(private readonly repository: Repository) {}

  /** Opens a store with the settings and tax classes of another (its prices are the chain's). */
  async createStore(input: unknown, actor: AuditActor | undefined): Promise<Store> {
    const fields = fieldsOf(input);
    const problems = [...unknownFields(fields, ['code', 'name', 'copyFrom']), ...textProblems(fields, 'code', 16, true), ...textProblems(fields, 'name', 200, true)];
    return this.repository.write(async (writer) => {
      const stores = await writer.tx.documents.all<Store>('stores');
      const code = typeof fields.code === 'string' ? fields.code.trim() : '';
      const taken = stores.find((store) => store.code.toLowerCase() === code.toLowerCase());
      if (code && taken) problems.push(`code: ${code} is already the code of ${taken.name}`);
      const model = fields.copyFrom === undefined ? stores[0] : stores.find((store) => store.id === fields.copyFrom);
      if (!model) problems.push(fields.copyFrom === undefined ? 'copyFrom: there is no store yet to start from' : `copyFrom: no store "${String(fields.copyFrom)}"`);
      if (problems.length > 0) throw new SyncError('invalid_document', 'the store was not opened', 422, [{ problems }]);
      const id = `store-${randomUUID()}`;
      // The model's settings, not its identity, its quick keys' labels or its address and VAT number.
      const { id: _id, code: _code, name: _name, address: _address, vatNumber: _vatNumber, ...settings } = model!;
      const store: Store = { ...settings, id, code, name: (fields.name as string).trim() };
      await writer.put('stores', store, id);
      const taxClasses = (await writer.tx.documents.all<TaxClass>('taxClasses')).filter((taxClass) => taxClass.storeId === model!.id);
      for (const taxClass of taxClasses) await writer.put('taxClasses', { ...taxClass, id: `${id}:${taxClass.code}`, storeId: id }, id);
      await recordAudit(writer.tx, actor, this.repository.now().toISOString(), { action: 'store.create', kind: 'store', subjectId: id, storeId: id, before: null, after: store });
      return store;
    }, 16);
  }

  /** Renames a store, or changes its code (receipts already printed keep theirs). */
  async changeStore(storeId: string, input: unknown, actor: AuditActor | undefined): Promise<Store> {
    const fields = fieldsOf(input);
    const problems = [...unknownFields(fields, ['code', 'name']), ...textProblems(fields, 'code', 16, false), ...textProblems(fields, 'name', 200, false)];
    return this.repository.write(async (writer) => {
      const store = await writer.get<Store>('stores', storeId);
      if (!store) throw new SyncError('not_found', `no store "${storeId}"`, 404);
      const code = typeof fields.code === 'string' ? fields.code.trim() : store.code;
      const taken = (await writer.tx.documents.all<Store>('stores')).find((other) => other.id !== storeId && other.code.toLowerCase() === code.toLowerCase());
      if (taken) problems.push(`code: ${code} is already the code of ${taken.name}`);
      if (problems.length > 0) throw new SyncError('invalid_document', 'the store was not changed', 422, [{ id: storeId, problems }]);
      const changed: Store = { ...store, code, name: typeof fields.name === 'string' ? fields.name.trim() : store.name };
      await writer.put('stores', changed, storeId);
      await recordAudit(writer.tx, actor, this.repository.now().toISOString(), { action: 'store.update', kind: 'store', subjectId: storeId, storeId, before: store, after: changed });
      return changed;
    }, 1);
  }

  /** Adds a till to a store; it sells once a device is paired with it. */
  async createTill(input: unknown, actor: AuditActor | undefined): Promise<Till> {
    const fields = fieldsOf(input);
    const problems = [...unknownFields(fields, ['storeId', 'code', 'name']), ...textProblems(fields, 'code', 16, true), ...textProblems(fields, 'name', 100, true)];
    return this.repository.write(async (writer) => {
      const storeId = typeof fields.storeId === 'string' ? fields.storeId : '';
      const store = storeId ? await writer.get<Store>('stores', storeId) : undefined;
      if (!store) problems.push(`storeId: no store "${storeId}"`);
      const code = typeof fields.code === 'string' ? fields.code.trim() : '';
      const tills = (await writer.tx.documents.all<Till>('tills')).filter((till) => till.storeId === storeId);
      const taken = tills.find((till) => till.code.toLowerCase() === code.toLowerCase());
      if (code && taken) problems.push(`code: ${code} is already the code of ${taken.name} in this store`);
      if (problems.length > 0) throw new SyncError('invalid_document', 'the till was not added', 422, [{ problems }]);
      const till: Till = { id: `till-${randomUUID()}`, storeId, code, name: (fields.name as string).trim(), lastNumber: 0 };
      await writer.put('tills', till, storeId);
      await recordAudit(writer.tx, actor, this.repository.now().toISOString(), { action: 'till.create', kind: 'till', subjectId: till.id, storeId, before: null, after: till });
      return till;
    }, 1);
  }

  /** Renames a till (its code stays: it is in every receipt number the till has printed and will print). */
  async renameTill(tillId: string, input: unknown, actor: AuditActor | undefined): Promise<Till> {
    const fields = fieldsOf(input);
    const problems = [...unknownFields(fields, ['name']), ...textProblems(fields, 'name', 100, true)];
    return this.repository.write(async (writer) => {
      const till = await writer.get<Till>('tills', tillId);
      if (!till) throw new SyncError('not_found', `no till "${tillId}"`, 404);
      if (problems.length > 0) throw new SyncError('invalid_document', 'the till was not renamed', 422, [{ id: tillId, problems }]);
      // Read again in this transaction: the till's numbering moves as its sales are applied.
      const changed: Till = { ...till, name: (fields.name as string).trim() };
      await writer.put('tills', changed, till.storeId);
      await recordAudit(writer.tx, actor, this.repository.now().toISOString(), { action: 'till.update', kind: 'till', subjectId: tillId, storeId: till.storeId, before: till, after: changed });
      return changed;
    }, 1);
  }
}
