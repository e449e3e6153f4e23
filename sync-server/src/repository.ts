import {
  Dec,
  dec,
  SyncError,
  toQuantityString,
  type Checkpoint,
  type DownstreamCollection,
  type RefusedDocument,
  type Sale,
  type StockException,
  type Store,
  type Till,
  type TillStatus,
  type TwoWayCollection,
} from '../../shared/src/index.js';
import { ChainFields } from './catalogue/chain-fields.js';
import { DocumentOwners } from './ownership.js';
import type { StoragePort, StorageTransaction, StoredDocument, TillContactWrite } from './storage/port.js';

/** How often a till's last contact is written when nothing else about it changed. */
const CONTACT_WRITE_INTERVAL_MS = 5000;

/**
 * How much one till may keep refused on the server at once (open refusals, and the bytes of the
 * documents kept with them). A till that sells for real stays far below: a refusal is a sale the
 * server cannot take, and head office sees each. A hostile or broken till pushing junk would
 * otherwise fill the disk (and every refusal it makes is a write); past the cap its pushes that
 * would keep more are answered 429 and head office gets one exception.
 */
export interface RefusalCap {
  count: number;
  bytes: number;
}

export const DEFAULT_REFUSAL_CAP: RefusalCap = { count: 2000, bytes: 20 * 1024 * 1024 };

/** Collections kept in the documents table and pulled by the tills: master data, projections and customers. */
export type ServedCollection = DownstreamCollection | TwoWayCollection;

/**
 * Collections kept in the documents table for head office alone: no till pulls them (no pull route
 * names them, nor the snapshot). Suppliers, what each supplies, purchase orders and each product's
 * moving average cost per store live on the server; so do transfers between stores (the send, and
 * its receipt kept under the transfer's id).
 */
export const OFFICE_COLLECTIONS = ['suppliers', 'supplierProducts', 'purchaseOrders', 'stockCosts', 'reorderRules', 'transfers', 'transferReceipts', 'stockCounts'] as const;
export type OfficeCollection = (typeof OFFICE_COLLECTIONS)[number];

/** Every collection of the documents table. */
export type DocumentCollection = ServedCollection | OfficeCollection;

/** How many sequence numbers a write transaction takes at a time when it did not say how many it needs. */
const SEQUENCE_BLOCK = 8;

/**
 * One write transaction of the server: the storage port's transaction, with what the domain needs on
 * top of it. Sequence numbers are taken from the port in blocks (one round trip for a whole push on
 * PostgreSQL; the numbers a transaction leaves unused are a harmless gap), ids are claimed through
 * DocumentOwners on the same transaction, and a till's refusal totals are read once and counted along.
 */
export class Writer {
  readonly owners: DocumentOwners;
  /** Per till, its open refusals and their bytes as this transaction has left them. */
  readonly refusalTotals = new Map<string, { count: number; bytes: number }>();
  private next = 0;
  private end = 0;

  constructor(
    readonly tx: StorageTransaction,
    /** How many numbers to take at a time: about as many as the transaction writes documents. */
    private readonly block = SEQUENCE_BLOCK,
  ) {
    this.owners = new DocumentOwners(tx.owners);
  }

  /** The next change sequence of this transaction. */
  async seq(): Promise<number> {
    if (this.next >= this.end) {
      this.next = await this.tx.sequence.allocate(this.block);
      this.end = this.next + this.block;
    }
    return this.next++;
  }

  /**
   * Writes a document that flows down to tills, giving it the next change sequence. With `tillId`
   * only that till pulls it (a refusal is its till's business alone).
   */
  async put<T extends { id: string }>(collection: DocumentCollection, body: T, storeId: string | null, deleted = false, tillId: string | null = null): Promise<number> {
    const seq = await this.seq();
    await this.tx.documents.put({ collection, body, storeId, tillId, seq, deleted });
    return seq;
  }

  /** A document of a collection the tills pull, unless it is deleted, as this transaction sees it. */
  async get<T>(collection: DocumentCollection, id: string): Promise<T | undefined> {
    const stored = await this.tx.documents.get<T>(collection, id);
    return stored && !stored.deleted ? stored.body : undefined;
  }

  /** The till named by a request, or a 403 that says it is not registered. */
  async requireTill(tillId: string | undefined): Promise<Till> {
    return registeredTill(tillId, tillId ? await this.get<Till>('tills', tillId) : undefined);
  }
}

/** The till, or a 403 that says the one named is not registered. */
export function registeredTill(tillId: string | undefined, till: Till | undefined): Till {
  if (!till) throw new SyncError('unknown_till', tillId ? `till "${tillId}" is not registered with this server` : 'request names no till', 403);
  return till;
}

/** Non-deleted bodies of stored documents, by id. */
export function liveBodies<T>(stored: Map<string, StoredDocument<T>>): Map<string, T> {
  const bodies = new Map<string, T>();
  for (const [id, document] of stored) if (!document.deleted) bodies.set(id, document.body);
  return bodies;
}

/**
 * Everything the sync server stores, behind one object, on the storage port (storage/port.ts): the
 * same rules on SQLite and PostgreSQL. Every multi-row change is one transaction (`write`).
 */
export class Repository {
  /** How much one till may keep refused at once (replication/refusals.ts). */
  readonly refusalCap: RefusalCap;
  /** The chain's catalogue and supplier links as the reports read them, held while unchanged. */
  readonly chainFields: ChainFields;

  constructor(
    readonly storage: StoragePort,
    /** The server's clock: every time the server stores is read from it (tests move it on). */
    readonly now: () => Date = () => new Date(),
    options: { refusalCap?: RefusalCap } = {},
  ) {
    this.refusalCap = options.refusalCap ?? DEFAULT_REFUSAL_CAP;
    this.chainFields = new ChainFields(storage);
  }

  /**
   * Runs `work` in one write transaction (see Writer). `sequenceBlock`: about how many documents it
   * writes, so its sequence numbers are taken in one go.
   */
  write<T>(work: (writer: Writer) => Promise<T>, sequenceBlock?: number): Promise<T> {
    return this.storage.transaction((tx) => work(new Writer(tx, sequenceBlock)));
  }

  /**
   * A page of a collection after a checkpoint, ordered by the server's sequence, as JSON text put
   * together from the stored bodies without parsing them: a first sync of a large catalogue is
   * hundreds of these pages, and the server shares the machine.
   */
  async pullJson(collection: ServedCollection, till: Pick<Till, 'id' | 'storeId'>, after: Checkpoint | null, limit: number): Promise<string> {
    return this.storage.documents.pullJson(collection, till, after, limit);
  }

  /** When each till's contact was last written, and the waiting count written with it. */
  private readonly contactsWritten = new Map<string, { at: number; waiting: number | null }>();

  /**
   * The contact to record when a till was heard from, and how many documents it said were waiting,
   * if it did; undefined when none is due. A till pulls several times a second while syncing; each
   * write waits for the disk, so a plain contact is written at most every few seconds (a push or a
   * changed count is written at once). The throttle is per server process.
   */
  private dueContact(tillId: string, pushed: boolean, waiting: number | undefined): TillContactWrite | undefined {
    const now = this.now();
    const reported = waiting !== undefined && Number.isInteger(waiting) && waiting >= 0;
    const last = this.contactsWritten.get(tillId);
    if (!pushed && last && now.getTime() - last.at < CONTACT_WRITE_INTERVAL_MS && (!reported || waiting === last.waiting)) return undefined;
    const at = now.toISOString();
    this.contactsWritten.set(tillId, { at: now.getTime(), waiting: reported ? waiting : (last?.waiting ?? null) });
    return { tillId, at, pushAt: pushed ? at : null, waiting: reported ? waiting : null, waitingAt: reported ? at : null };
  }

  /** Records a contact with a till in the caller's transaction (a push), when one is due. */
  async touchIn(writer: Writer, tillId: string, pushed = false, waiting?: number): Promise<void> {
    const contact = this.dueContact(tillId, pushed, waiting);
    if (contact) await writer.tx.tillContacts.touch(contact);
  }

  /**
   * Records that a till was heard from (a pull, a status report), when a contact is due: one row that
   * orders nothing, written without the write lock, so pulls never wait behind pushes.
   */
  async touchTill(tillId: string, pushed = false, waiting?: number): Promise<void> {
    const contact = this.dueContact(tillId, pushed, waiting);
    if (contact) await this.storage.touchTill(contact);
  }

  /** Head office's exceptions for a store, newest first. */
  async exceptions(storeId: string, limit = 200): Promise<StockException[]> {
    return (await this.storage.exceptions.forStore(storeId, limit)).map(({ documentId, ...exception }) => ({ ...exception, saleId: documentId }));
  }

  async tills(storeId: string): Promise<TillStatus[]> {
    const contacts = new Map((await this.storage.tillContacts.all()).map((contact) => [contact.tillId, contact]));
    const refused = await this.storage.refusals.openCounts(storeId);
    return (await this.storage.documents.list<Till>('tills', storeId))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((till) => ({
        id: till.id,
        code: till.code,
        name: till.name,
        lastNumber: till.lastNumber,
        lastContactAt: contacts.get(till.id)?.lastContactAt ?? null,
        lastPushAt: contacts.get(till.id)?.lastPushAt ?? null,
        waiting: contacts.get(till.id)?.waiting ?? null,
        waitingReportedAt: contacts.get(till.id)?.waitingReportedAt ?? null,
        refused: refused.get(till.id) ?? 0,
      }));
  }

  /** A store's refused documents, open ones first, newest first. */
  async refusals(storeId: string, limit = 200): Promise<RefusedDocument[]> {
    return (await this.storage.refusals.forStore(storeId, limit)).map((refusal) => ({
      id: refusal.id,
      tillId: refusal.tillId,
      collection: refusal.collection,
      number: refusal.number,
      problems: refusal.problems,
      attempts: refusal.attempts,
      firstRefusedAt: refusal.firstRefusedAt,
      lastRefusedAt: refusal.lastRefusedAt,
      acceptedAt: refusal.acceptedAt,
      document: refusal.document,
    }));
  }

  /** Opening plus every ledger movement of one product: what the projection must equal. */
  async ledgerBalance(storeId: string, productId: string): Promise<string> {
    const entries = await this.storage.ledger.entries(storeId, productId);
    return toQuantityString(entries.reduce((total, entry) => total.plus(dec(entry.quantity)), new Dec(0)));
  }

  async recentSales(storeId: string, limit: number): Promise<{ sale: Sale; receivedAt: string }[]> {
    return (await this.storage.sales.recent(storeId, limit)).map((stored) => ({ sale: stored.sale, receivedAt: stored.receivedAt }));
  }

  async salesCount(storeId: string): Promise<number> {
    return this.storage.sales.count(storeId);
  }

  /**
   * Writes a document that flows down to tills, in a transaction of its own, giving it the next change
   * sequence. With `tillId` only that till pulls it (a refusal is its till's business alone).
   */
  async putDocument<T extends { id: string }>(collection: ServedCollection, document: T, storeId: string | null, deleted = false, tillId: string | null = null): Promise<number> {
    return this.write((writer) => writer.put(collection, document, storeId, deleted, tillId), 1);
  }

  /** A document of a collection the tills pull, unless it is deleted. */
  async getDocument<T>(collection: ServedCollection, id: string): Promise<T | undefined> {
    const stored = await this.storage.documents.get<T>(collection, id);
    return stored && !stored.deleted ? stored.body : undefined;
  }

  /** A collection's documents for a store (its own and the chain's), deleted ones left out. */
  async listDocuments<T>(collection: ServedCollection, storeId: string): Promise<T[]> {
    return this.storage.documents.list<T>(collection, storeId);
  }

  async till(tillId: string): Promise<Till | undefined> {
    return this.getDocument<Till>('tills', tillId);
  }

  /** The till named by a request, or a 403 that says it is not registered. */
  async requireTill(tillId: string | undefined): Promise<Till> {
    return registeredTill(tillId, tillId ? await this.till(tillId) : undefined);
  }

  /** Every store of the chain, by code: the storage answers in no set order. */
  async stores(): Promise<Store[]> {
    return (await this.storage.documents.all<Store>('stores')).sort((a, b) => a.code.localeCompare(b.code) || a.id.localeCompare(b.id));
  }
}
