import { randomUUID } from 'node:crypto';
import {
  absorbCustomer,
  customerProblems,
  duplicateGroups,
  duplicateKeys,
  editCustomer,
  mergeCustomer,
  newCustomer,
  possibleDuplicatesIn,
  SyncError,
  withoutInternalFields,
  type CollectionName,
  type Customer,
  type CustomerChanges,
  type CustomerListing,
  type DuplicateKey,
  type PushRefusal,
  type Store,
  type Till,
} from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import { canonicalJson } from '../canonical.js';
import { pushedDocuments } from '../replication/push.js';
import { Refusals } from '../replication/refusals.js';
import type { Repository, Writer } from '../repository.js';
import type { StorageTransaction } from '../storage/port.js';

export interface CustomerPushOutcome {
  storeId: string;
  /** The server's customer, after the merge, for every row whose document is not what the till sent. */
  conflicts: (Customer & { _deleted: boolean })[];
  refused: PushRefusal[];
  /** Customer documents written (merged ones, and others whose duplicate flags changed). */
  stored: number;
  changed: CollectionName[];
}

/** A customer as the documents table holds it: deleted once head office merged it into another. */
interface HeldCustomer {
  customer: Customer;
  storeId: string;
  deleted: boolean;
}

/** How many merges are followed from a merged-away customer to the one that holds it now. */
const MAX_MERGE_CHAIN = 20;

const OFFICE = 'office';

function withoutDuplicates(customer: Customer): Customer {
  const { possibleDuplicates: _flags, ...rest } = customer;
  return rest;
}

/** A duplicate key as one text, to tell keys apart in a map. */
function keyName(key: DuplicateKey): string {
  return `${key.field}\u0000${key.value}`;
}

function sameIds(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return (a ?? []).join('\n') === (b ?? []).join('\n');
}

/** How a refused customer is listed on the till and at head office, where a sale shows its receipt number. */
function customerLabel(id: string, document: Record<string, unknown>): { number: number; receiptNumber: string } {
  const name = typeof document.name === 'string' ? document.name.trim() : '';
  return { number: 0, receiptNumber: `customer ${name || id}`.slice(0, 64) };
}

/**
 * Customers on the server: documents of the collection `customers` (so the store's tills pull them
 * like master data), written by tills' pushes and head office, merged field by field (mergeCustomer),
 * each write given a new change sequence so every till pulls the merged result. After every write
 * the likely duplicates of the customers it concerns are worked out again and `possibleDuplicates`
 * rewritten on the customers whose flags changed, and only on those.
 */
export class CustomerRegistry {
  private readonly refusals: Refusals;

  constructor(
    private readonly repository: Repository,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.refusals = new Refusals(repository);
  }

  /** The customers one transaction reads and writes; customer_keys holds the duplicate keys of every customer not merged away. */
  private scope(tx: StorageTransaction) {
    const held = async (id: string): Promise<HeldCustomer | undefined> => {
      const stored = await tx.documents.get<Customer>('customers', id);
      return stored && { customer: stored.body, storeId: stored.storeId!, deleted: stored.deleted };
    };
    return { tx, held };
  }

  /** The customer a merged-away one now lives in, following merges; undefined when there is none. */
  private async keptFor(tx: StorageTransaction, id: string): Promise<HeldCustomer | undefined> {
    const { held } = this.scope(tx);
    let current = id;
    for (let step = 0; step < MAX_MERGE_CHAIN; step++) {
      const keptId = await tx.customerKeys.mergedInto(current);
      if (!keptId) return undefined;
      const kept = await held(keptId);
      if (kept && !kept.deleted) return kept;
      current = keptId;
    }
    return undefined;
  }

  /** The ids of the store's customers with `key`, read once per write into `groups`. */
  private async sharing(tx: StorageTransaction, storeId: string, key: DuplicateKey, groups: Map<string, string[]>): Promise<string[]> {
    const name = keyName(key);
    let ids = groups.get(name);
    if (!ids) {
      ids = await tx.customerKeys.sharing(storeId, key);
      groups.set(name, ids);
    }
    return ids;
  }

  /**
   * Brings customer_keys in step with the customers about to be written and those just merged away,
   * and answers the keys whose customers changed: only in those groups can anyone's flags change.
   */
  private async rekey(tx: StorageTransaction, storeId: string, pending: Map<string, Customer>, removed: readonly string[]): Promise<DuplicateKey[]> {
    const changed = new Map<string, DuplicateKey>();
    for (const id of removed) {
      for (const key of await tx.customerKeys.keysOf(id)) changed.set(keyName(key), key);
      await tx.customerKeys.forgetKeys(id);
    }
    for (const [id, customer] of pending) {
      const before = new Map((await tx.customerKeys.keysOf(id)).map((key) => [keyName(key), key]));
      const after = new Map(duplicateKeys(customer).map((key) => [keyName(key), key]));
      for (const [name, key] of before) {
        if (after.has(name)) continue;
        await tx.customerKeys.forgetKey(id, key);
        changed.set(name, key);
      }
      for (const [name, key] of after) {
        if (before.has(name)) continue;
        await tx.customerKeys.addKey(storeId, key, id);
        changed.set(name, key);
      }
    }
    return [...changed.values()];
  }

  /**
   * Writes the changed customers of one store and rewrites the duplicate flags that change with them,
   * each customer once and only when its document differs from the one held. `pending` maps ids to
   * their new versions (flags are recomputed, whatever they carry); `removed` names customers just
   * merged away, whose look-alikes lose them. Answers the final versions of every customer it looked
   * at and how many it wrote. Runs inside the caller's transaction.
   *
   * Only the customers in a group that one of them joined or left can gain or lose a look-alike: the
   * others' flags stand as the last write left them. So the store is not read whole; the concerned
   * customers' flags are worked out from every group they are in (a customer's flags span its phone
   * and its e-mail), read from customer_keys.
   */
  private async writeAndFlag(writer: Writer, storeId: string, pending: Map<string, Customer>, removed: readonly string[] = []): Promise<{ final: Map<string, Customer>; written: number }> {
    const { tx } = writer;
    const changedKeys = await this.rekey(tx, storeId, pending, removed);
    const concerned = new Set(pending.keys());
    const groups = new Map<string, string[]>();
    for (const key of changedKeys) for (const id of await this.sharing(tx, storeId, key, groups)) concerned.add(id);
    for (const id of concerned) for (const key of await tx.customerKeys.keysOf(id)) await this.sharing(tx, storeId, key, groups);
    const flagged = possibleDuplicatesIn([...groups.values()].map((customerIds) => ({ customerIds })));
    const final = new Map<string, Customer>();
    for (const [id, customer] of pending) {
      const flags = flagged.get(id);
      final.set(id, flags ? { ...withoutDuplicates(customer), possibleDuplicates: flags } : withoutDuplicates(customer));
    }
    const held = await tx.documents.getMany<Customer>('customers', [...concerned]);
    // Customers nobody changed whose flags change with the others (a look-alike came or went), in
    // the order of their last change, as they were written when the whole store was read.
    const others = [...concerned].flatMap((id) => {
      const stored = held.get(id);
      return !pending.has(id) && stored && !stored.deleted ? [{ id, seq: stored.seq, customer: stored.body }] : [];
    });
    for (const { id, customer } of others.sort((a, b) => a.seq - b.seq)) {
      const flags = flagged.get(id);
      if (sameIds(customer.possibleDuplicates, flags)) continue;
      final.set(id, flags ? { ...withoutDuplicates(customer), possibleDuplicates: flags } : withoutDuplicates(customer));
    }
    let written = 0;
    for (const [id, customer] of final) {
      const stored = held.get(id);
      if (stored && !stored.deleted && canonicalJson(stored.body) === canonicalJson(customer)) continue;
      await writer.put('customers', customer, storeId);
      written++;
    }
    return { final, written };
  }

  /**
   * Takes customers a till pushed (RxDB's push rows). Each is judged on its own: schema and
   * customerProblems, the credential's store, no deletion by a till. A refused one is kept with its
   * reasons and replicated as a refusal (`sourceCollection` customers, number 0); the others are merged
   * with the server's version and written when that changes anything. Every row whose document on the
   * server now differs from what the till sent (the merge took others' changes, the flags changed, or
   * head office merged it away) is answered with the server's document as a conflict, which the
   * till's replication takes as its own: the till ends with the merged customer, not its stale one.
   */
  async push(tillId: string, rows: unknown, waiting?: number): Promise<CustomerPushOutcome> {
    const till: Till = await this.repository.requireTill(tillId);
    const documents = pushedDocuments(rows).map(({ document, id, deleted }) => {
      const problems = deleted ? [] : customerProblems(document);
      if (!deleted && problems.length === 0 && document.storeId !== till.storeId) {
        problems.push(`customer is of store "${String(document.storeId)}" but till "${till.id}" belongs to "${till.storeId}"`);
      }
      return { document, id, deleted, problems };
    });
    return this.refusals.withCap(till, documents.length * 2 + 4, async (writer): Promise<CustomerPushOutcome> => {
      const { tx } = writer;
      const { held } = this.scope(tx);
      const at = this.now().toISOString();
      const refused: PushRefusal[] = [];
      const pending = new Map<string, Customer>();
      const answered: { id: string; document: Record<string, unknown>; deleted: boolean }[] = [];
      let accepted = false;
      const current = async (id: string): Promise<HeldCustomer | undefined> => {
        const changed = pending.get(id);
        return changed ? { customer: changed, storeId: changed.storeId, deleted: false } : held(id);
      };
      for (const { document, id, deleted, problems } of documents) {
        // A customer's id is its store's; a sale's, a shift event's or another store's is refused
        // and changes nothing (not even that document's refusal).
        const taken = await writer.owners.claim(id, 'customers', till);
        if (taken) {
          refused.push({ id, number: 0, problems: [taken] });
          continue;
        }
        const before = await current(id);
        if (deleted && !before) problems.push('a till cannot delete a customer; head office merges duplicates');
        if (problems.length > 0) {
          refused.push(await this.refusals.record(writer, till, 'customers', id, document, problems, at, customerLabel(id, document)));
          continue;
        }
        answered.push({ id, document, deleted });
        // A deletion from a till is not taken: the answer gives the customer back.
        if (deleted) continue;
        const incoming = document as Customer;
        if (before?.deleted) {
          // Head office merged it into another meanwhile: the till's changes go there (only those
          // made after the merge win, see absorbCustomer), and the till is told it is gone.
          const kept = await this.keptFor(tx, id);
          if (kept) {
            const { customer } = (await current(kept.customer.id))!;
            pending.set(customer.id, mergeCustomer(customer, { ...incoming, id: customer.id, storeId: customer.storeId, createdAt: customer.createdAt, createdBy: customer.createdBy }));
          }
          continue;
        }
        pending.set(id, mergeCustomer(before?.customer, withoutDuplicates(incoming)));
        // Only the till whose version was refused closes its refusal by sending it again: another
        // till's version of the same customer says nothing about the one refused.
        if (await this.refusals.accept(writer, 'customers', id, till.id, at)) accepted = true;
      }
      const { final, written } = await this.writeAndFlag(writer, till.storeId, pending);
      const conflicts: CustomerPushOutcome['conflicts'] = [];
      for (const { id, document, deleted } of answered) {
        const stored = final.has(id) ? undefined : await held(id);
        const server = final.get(id) ?? stored?.customer;
        const serverDeleted = stored?.deleted === true;
        if (!server) continue;
        if (serverDeleted === deleted && canonicalJson(server) === canonicalJson(withoutInternalFields(document))) continue;
        conflicts.push({ ...server, _deleted: serverDeleted });
      }
      await this.repository.touchIn(writer, till.id, true, waiting);
      const changed: CollectionName[] = [];
      if (written > 0) changed.push('customers');
      if (refused.length > 0 || accepted) changed.push('refusals');
      return { storeId: till.storeId, conflicts, refused, stored: written, changed };
    });
  }

  /** A store's customers by name, and the groups of them sharing a phone or e-mail. */
  async list(storeId: string): Promise<CustomerListing> {
    if (!(await this.repository.getDocument<Store>('stores', storeId))) throw new SyncError('not_found', `no store "${storeId}"`, 404);
    const customers = (await this.repository.listDocuments<Customer>('customers', storeId)).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
    return { customers, duplicates: duplicateGroups(customers) };
  }

  /**
   * Head office creates a customer (without `id`, or with an id not used yet; createdBy "office") or
   * changes one (`id` of a held customer: the fields given, null or "" clearing phone, e-mail or
   * note), stamped with the server's clock. Bad input is refused with 400 and the reasons.
   */
  async save(input: unknown, actor?: AuditActor): Promise<{ customer: Customer; created: boolean }> {
    const fields = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
    const problems = Object.keys(fields)
      .filter((key) => !['id', 'storeId', 'name', 'phone', 'email', 'note'].includes(key))
      .map((key) => `unknown field "${key}"`);
    if (!input || typeof input !== 'object' || Array.isArray(input)) problems.push('the body is an object: storeId, name, phone, email, note, and id to change a customer');
    for (const key of ['name', 'phone', 'email', 'note'] as const) {
      const value = fields[key];
      if (value !== undefined && typeof value !== 'string' && !(value === null && key !== 'name')) problems.push(`${key}: a text${key === 'name' ? '' : ', or null to clear it'}`);
    }
    if (fields.id !== undefined && (typeof fields.id !== 'string' || fields.id.length === 0 || fields.id.length > 64)) problems.push('id: 1 to 64 characters');
    if (problems.length > 0) throw new SyncError('bad_request', 'the customer was not saved', 400, [{ problems }]);
    const at = this.now().toISOString();
    return this.repository.write(async (writer) => {
      const id = typeof fields.id === 'string' ? fields.id : randomUUID();
      const held = await this.scope(writer.tx).held(id);
      if (held?.deleted) {
        const kept = await this.keptFor(writer.tx, id);
        throw new SyncError('not_found', `customer "${id}" was merged into ${kept ? `"${kept.customer.name}" (${kept.customer.id})` : 'another'}`, 404);
      }
      let customer: Customer;
      if (held) {
        if (fields.storeId !== undefined && fields.storeId !== held.storeId) throw new SyncError('bad_request', 'the customer was not saved', 400, [{ id, problems: [`storeId: the customer belongs to "${held.storeId}"`] }]);
        customer = editCustomer(held.customer, fields as CustomerChanges, at);
        if (customer === held.customer) return { customer, created: false };
      } else {
        if (typeof fields.storeId !== 'string' || !(await writer.get<Store>('stores', fields.storeId))) {
          throw new SyncError('bad_request', 'the customer was not added', 400, [{ problems: [`storeId: no store "${String(fields.storeId ?? '')}"`] }]);
        }
        const taken = await writer.owners.claimForOffice(id, fields.storeId);
        if (taken) throw new SyncError('bad_request', 'the customer was not added', 400, [{ id, problems: [`id: ${taken}`] }]);
        const given = fields as { name?: string; phone?: string | null; email?: string | null; note?: string | null };
        customer = newCustomer(
          { name: given.name ?? '', phone: given.phone ?? undefined, email: given.email ?? undefined, note: given.note ?? undefined },
          { id, storeId: fields.storeId, createdBy: OFFICE, at },
        );
      }
      const found = customerProblems(customer);
      if (found.length > 0) throw new SyncError('bad_request', held ? 'the customer was not changed' : 'the customer was not added', 400, [{ id, problems: found }]);
      const { final } = await this.writeAndFlag(writer, customer.storeId, new Map([[id, customer]]));
      const after = final.get(id)!;
      await recordAudit(writer.tx, actor, at, { action: held ? 'customer.update' : 'customer.create', kind: 'customer', subjectId: id, storeId: after.storeId, before: held?.customer ?? null, after });
      return { customer: after, created: !held };
    });
  }

  /**
   * Head office merges the customer `merge` into `keep` (both of one store): keep takes over what
   * only the other has (absorbCustomer) and the other is deleted, so the tills remove it. Sales that
   * named it keep the name they recorded. A later edit of the merged-away customer at a till is
   * carried into the kept one.
   */
  async merge(input: unknown, actor?: AuditActor): Promise<{ kept: Customer; merged: string }> {
    const fields = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
    const { keep, merge } = fields;
    if (typeof keep !== 'string' || typeof merge !== 'string' || keep === merge) {
      throw new SyncError('bad_request', 'nothing was merged', 400, [{ problems: ['the body is { "keep": <customer id>, "merge": <another customer id> }'] }]);
    }
    const at = this.now().toISOString();
    return this.repository.write(async (writer) => {
      const { held } = this.scope(writer.tx);
      const kept = await held(keep);
      const duplicate = await held(merge);
      const problems: string[] = [];
      if (!kept || kept.deleted) problems.push(`keep: no customer "${keep}"${kept?.deleted ? ' (it was merged into another)' : ''}`);
      if (!duplicate || duplicate.deleted) problems.push(`merge: no customer "${merge}"${duplicate?.deleted ? ' (it was merged into another already)' : ''}`);
      if (kept && duplicate && kept.storeId !== duplicate.storeId) problems.push(`the customers belong to different stores ("${kept.storeId}" and "${duplicate.storeId}")`);
      if (problems.length > 0) throw new SyncError(kept && duplicate ? 'bad_request' : 'not_found', 'nothing was merged', kept && duplicate ? 400 : 404, [{ problems }]);
      const storeId = kept!.storeId;
      await writer.put('customers', withoutDuplicates(duplicate!.customer), storeId, true);
      await writer.tx.customerKeys.recordMerge({ id: merge, keptId: keep, storeId, mergedAt: at });
      const { final } = await this.writeAndFlag(writer, storeId, new Map([[keep, absorbCustomer(kept!.customer, duplicate!.customer, at)]]), [merge]);
      await recordAudit(writer.tx, actor, at, {
        action: 'customer.merge',
        kind: 'customer',
        subjectId: keep,
        storeId,
        before: { kept: kept!.customer, merged: duplicate!.customer },
        after: { kept: final.get(keep)!, merged: null },
      });
      return { kept: final.get(keep)!, merged: merge };
    });
  }
}
