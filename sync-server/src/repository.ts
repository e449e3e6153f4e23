import { ChainFields } from './catalogue/chain-fields.js';
import { moveAverageCosts, receiveAgainstOrder, stockCostId, unitCostsNow } from './purchasing/receiving.js';
import { randomUUID } from 'node:crypto';
import {
  applyToLevel,
  approvalProblems,
  cashierFieldProblems,
  closeProblems,
  shiftReport,
  type Cashier,
  type CashierRole,
  type CashierView,
  hashPin,
  largestNote,
  type ShiftEvent,
  Dec,
  dec,
  effectivePrice,
  effectiveTaxRate,
  type ExceptionKind,
  quickKeyProductIds,
  type RefusedDocument,
  type ShiftDetail,
  type ShiftSummary,
  stockLevelId,
  type StockException,
  type StockRow,
  storeWithSettings,
  sum,
  SyncError,
  type TillStatus,
  toFixedString,
  toQuantityString,
  type Checkpoint,
  type CollectionName,
  type DownstreamCollection,
  type TwoWayCollection,
  isReturn,
  madeAtByServerClock,
  type Product,
  type ReportFact,
  saleFacts,
  shiftEventFacts,
  mergeFacts,
  quantityProblem,
  quantityWithUnit,
  soldBy,
  receiptNumber,
  returnProblems,
  saleLimitProblems,
  shiftEventLimitProblems,
  type PushRefusal,
  stockDocumentMovements,
  stockDocumentProblems,
  type StockDocument,
  type Refusal,
  type Sale,
  type StockLevel,
  type Store,
  type SyncErrorBody,
  type TaxClass,
  type Till,
  unknownFields,
  withoutInternalFields,
  withoutPin,
} from '../../shared/src/index.js';
import { recordAudit, type AuditActor } from './accounts/audit.js';
import { checkSale, checkShiftEvent } from './validation.js';
import { canonicalJson } from './canonical.js';
import { settleLateMovements, type AppliedMovement } from './stock/counts.js';
import { DocumentOwners, type PushedCollection } from './ownership.js';
import type { DocumentWrite, LedgerEntry, RaisedException, StoragePort, StorageTransaction, StoredDocument, StoredSale, TillContactWrite } from './storage/port.js';


export interface PushOutcome {
  /** The pushing till's store, whose tills and office pages hear of the change. */
  storeId: string;
  conflicts: (Sale & { _deleted: boolean })[];
  /** Documents refused by this push, kept aside; the others were taken. */
  refused: PushRefusal[];
  /** Sales newly stored by this push (a re-push of stored sales stores none). */
  stored: number;
  changed: CollectionName[];
}

export interface ShiftPushOutcome {
  storeId: string;
  conflicts: (ShiftEvent & { _deleted: boolean })[];
  refused: PushRefusal[];
  stored: number;
  changed: CollectionName[];
}

/** How often a till's last contact is written when nothing else about it changed. */
const CONTACT_WRITE_INTERVAL_MS = 5000;

/** The most documents one push may carry; tills send 500 (see the sync engine). */
export const MAX_PUSH_ROWS = 1000;

/** A line charged otherwise than head office's product says now: noted for head office, the sale stands. */
interface Mismatch {
  kind: 'price_mismatch' | 'tax_mismatch';
  productId: string;
  charged: string;
  current: string;
}

/** The collections whose documents a push may refuse. */
export type RefusedCollection = PushedCollection;

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

/** How often head office hears, at most, that a till is at its refusal cap. */
const REFUSAL_CAP_NOTE_MS = 60 * 60 * 1000;

/** Thrown inside a push's transaction when keeping one more refusal would take the till past its cap. */
class RefusalCapReached extends Error {
  constructor(
    readonly openRefusals: number,
    readonly bytes: number,
  ) {
    super('refusal cap reached');
  }
}

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

/**
 * A sale's cash change when it is more than the largest note the store takes, with what was handed
 * over: a customer owed that much could have kept one of their notes, so the change is a mistyped
 * amount handed over (a barcode scanned into the cash field), or cash taken from the drawer. The
 * sale happened and stands; head office looks at it.
 */
function implausibleChange(sale: Sale, store: Store | undefined): Record<string, string> | undefined {
  if (isReturn(sale)) return undefined;
  const cash = sale.payments.filter((payment) => payment.tender === 'cash');
  const change = sum(cash.map((payment) => payment.change));
  const note = largestNote(store);
  if (!change.gt(dec(note))) return undefined;
  const decimals = sale.pricing.currencyDecimals;
  return {
    change: toFixedString(change, decimals),
    tendered: toFixedString(sum(cash.map((payment) => payment.tendered)), decimals),
    largestNote: note,
    currency: sale.currency,
  };
}

/**
 * What an id a till makes may be: tills make UUIDs. Nothing invisible or direction-changing, so an id
 * reads the same at head office as in the database, and no two ids look alike.
 */
const USABLE_ID = /^[\w.:@-]{1,64}$/;

/** A push's rows as documents with ids; a request with any row that is not one is refused whole. */
export function pushedDocuments(rows: unknown): { document: Record<string, unknown>; id: string; deleted: boolean }[] {
  if (!Array.isArray(rows)) throw new SyncError('bad_request', 'push body must be a JSON array of rows');
  if (rows.length > MAX_PUSH_ROWS) throw new SyncError('too_large', `a push carries at most ${MAX_PUSH_ROWS} documents; this one has ${rows.length}`, 413);
  // A row without a document and an id cannot be kept apart from the others: the request is malformed.
  const malformed: NonNullable<SyncErrorBody['details']> = [];
  const documents = rows.map((row, index) => {
    const state = (row as { newDocumentState?: unknown } | null)?.newDocumentState;
    if (!state || typeof state !== 'object' || Array.isArray(state)) {
      malformed.push({ problems: [`row ${index}: newDocumentState must be an object`] });
      return undefined;
    }
    const document = withoutInternalFields(state as Record<string, unknown>);
    if (typeof document.id !== 'string' || !USABLE_ID.test(document.id)) {
      malformed.push({ problems: [`row ${index}: document has no usable id (1 to 64 letters, digits and . _ : @ -)`] });
      return undefined;
    }
    return { document, id: document.id, deleted: (state as { _deleted?: unknown })._deleted === true };
  });
  if (malformed.length > 0) throw new SyncError('bad_request', `${malformed.length} of ${rows.length} rows are not documents; nothing was stored`, 400, malformed);
  return documents as NonNullable<(typeof documents)[number]>[];
}

/** The largest number a refusal records (the schemas' maximum); anything else is recorded as 0. */
const MAX_DOCUMENT_NUMBER = 999_999_999;

function usableNumber(value: unknown): number {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_DOCUMENT_NUMBER ? (value as number) : 0;
}

/** How a refused sale is listed: its number and receipt number, as far as the document has them. */
function saleLabel(document: Record<string, unknown>): { number: number; receiptNumber: string } {
  return { number: usableNumber(document.number), receiptNumber: typeof document.receiptNumber === 'string' ? document.receiptNumber.slice(0, 64) : '' };
}

/** How a refused shift event is listed: its sequence, and "shift close T1" where a receipt number would be. */
function shiftEventLabel(document: Record<string, unknown>, till: Till): { number: number; receiptNumber: string } {
  const kind = typeof document.kind === 'string' ? document.kind.slice(0, 20) : 'event';
  return { number: usableNumber(document.sequence), receiptNumber: `shift ${kind} ${till.code}`.slice(0, 64) };
}

/**
 * What a sale or return must share with its store: the currency and its decimals (a document in
 * cents is never judged as one in whole units), and a cash rounding only to the store's own coin
 * step. A till offline while head office changed the step is refused until the step is restored
 * for it to be sent again; that is rarer than a till hiding a discount in its rounding.
 */
function storeRulesProblems(sale: Sale, store: Store): string[] {
  const problems: string[] = [];
  if (sale.currency !== store.currency) problems.push(`the document is in ${sale.currency}, store ${store.code} sells in ${store.currency}`);
  if (sale.pricing.currencyDecimals !== store.pricing.currencyDecimals) problems.push(`the document counts ${sale.pricing.currencyDecimals} decimals, store ${store.code} counts ${store.pricing.currencyDecimals}`);
  if (sale.cashRoundingStep !== undefined && (store.cashRounding === undefined || !dec(store.cashRounding).eq(dec(sale.cashRoundingStep)))) {
    problems.push(`cash rounded to ${sale.cashRoundingStep}, but store ${store.code} ${store.cashRounding === undefined ? 'rounds no cash' : `rounds cash to ${store.cashRounding}`}`);
  }
  return problems;
}

/** A sale as another till sees it for a return: without the shift it was made in. */
function withoutShift(sale: Sale): Sale {
  const { shiftId: _shift, ...rest } = sale;
  return rest;
}

/** A text as it is, with anything outside printable ASCII spelled out (\u202e), so a message shows what was sent. */
function shown(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A receipt number is exactly the store's code, the till's code and the document's number, in the one
 * form the tills print (receiptNumber): a till cannot print another till's numbers, nor one that only
 * looks like its own. Returns at another till find a sale by it.
 */
function receiptNumberProblems(sale: Sale, store: Store, till: Till): string[] {
  const expected = receiptNumber(store.code, till.code, sale.number);
  if (sale.receiptNumber === expected) return [];
  return [`receipt number ${shown(sale.receiptNumber)} is not this document's: number ${sale.number} of till ${till.code} in store ${store.code} is ${expected}`];
}

/** A line's unit is its product's, and its quantity one that unit allows (whole pieces, kilograms to the gram, …). */
function lineUnitProblems(line: Sale['lines'][number], index: number, unit: Product['unit']): string[] {
  const what = `line ${index + 1} (${line.name})`;
  if (line.unit !== unit) return [`${what}: the product is sold ${soldBy(unit)}, the line says ${line.unit}`];
  const problem = quantityProblem(line.quantity, unit);
  return problem ? [`${what}: ${quantityWithUnit(line.quantity, unit)}: ${problem}`] : [];
}

/**
 * Who approved what on a sale, judged by the shared rules (approvalProblems: discounts above the
 * giver's limit, every price override and every return without a receipt need a manager) against the
 * cashiers head office keeps: only an active cashier of the sale's store has a role. Someone head
 * office deactivated is named as such, so the reason reads plainly at head office and on the till.
 *
 * The sale's own cashierId is not checked: tills paired before cashiers existed (and the tests and
 * benchmarks that act like them) sell under ids head office never issued, such as "cashier-alice",
 * and refusing those would refuse every sale they make. Approvals came with sign-in, so a till that
 * records one knows the store's cashiers.
 */
function saleApprovalProblems(sale: Sale, store: Store, cashierOf: (id: string) => Cashier | undefined): string[] {
  const ofStore = (id: string) => {
    const cashier = cashierOf(id);
    return cashier && cashier.storeId === sale.storeId ? cashier : undefined;
  };
  const problems = approvalProblems(sale, store, (id) => {
    const cashier = ofStore(id);
    return cashier?.active ? cashier.role : undefined;
  });
  if (problems.length === 0) return problems;
  const named = [...(sale.adjustments ?? []).flatMap((adjustment) => [adjustment.by, adjustment.approvedBy]), sale.approvedBy];
  const deactivated = new Map<string, Cashier>();
  for (const person of named) {
    const cashier = person && ofStore(person.id);
    if (cashier && !cashier.active) deactivated.set(cashier.id, cashier);
  }
  for (const cashier of deactivated.values()) problems.push(`${cashier.name} (${cashier.id}) was deactivated by head office and approves nothing`);
  return problems;
}

/** How many numbers of a till's sales numbering applyInOrder asks at a time what holds them (sales.heldFrom). */
const HELD_READ_AHEAD = 500;

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

function registeredTill(tillId: string | undefined, till: Till | undefined): Till {
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
 * Documents of several collections read in one round trip (DocumentReads.getAcross), handed out
 * again as `getMany` would answer them; ids not read ahead are read when asked. Valid while the
 * transaction has not written them since.
 */
class ReadAhead {
  private constructor(
    private readonly tx: StorageTransaction,
    private readonly found: Map<DocumentCollection, Map<string, StoredDocument<unknown>>>,
    private readonly asked: Map<DocumentCollection, Set<string>>,
  ) {}

  static async read(tx: StorageTransaction, wanted: Partial<Record<DocumentCollection, readonly string[]>>): Promise<ReadAhead> {
    const requests = Object.fromEntries(Object.entries(wanted).map(([collection, ids]) => [collection, { collection: collection as DocumentCollection, ids: ids! }]));
    const found = await tx.documents.getAcross<Record<string, unknown>>(requests);
    return new ReadAhead(tx, new Map(Object.entries(found) as [DocumentCollection, Map<string, StoredDocument<unknown>>][]), new Map(Object.values(requests).map(({ collection, ids }) => [collection, new Set(ids)])));
  }

  async getMany<T>(collection: DocumentCollection, ids: readonly string[]): Promise<Map<string, StoredDocument<T>>> {
    const asked = this.asked.get(collection) ?? new Set<string>();
    const missing = ids.filter((id) => !asked.has(id));
    const later = missing.length === 0 ? new Map<string, StoredDocument<T>>() : await this.tx.documents.getMany<T>(collection, missing);
    const answer = new Map<string, StoredDocument<T>>();
    for (const id of ids) {
      const document = (this.found.get(collection)?.get(id) as StoredDocument<T> | undefined) ?? later.get(id);
      if (document) answer.set(id, document);
    }
    return answer;
  }
}

/** A shift the server knows only by its id, its store and its till: open, nothing counted yet. */
function unreportedShift(shiftId: string, storeId: string, tillId: string): ShiftSummary {
  return { shiftId, storeId, tillId, status: 'open', openedAt: null, openedBy: null, float: null, closedAt: null, closedBy: null, expectedCash: null, countedCash: null, difference: null };
}

/**
 * Everything the sync server stores, behind one object, on the storage port (storage/port.ts): the
 * same rules on SQLite and PostgreSQL. Every multi-row change is one transaction (`write`).
 */
export class Repository {
  private readonly refusalCap: RefusalCap;
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

  /** What judging a push needs to know, read once for the whole push before its transaction. */
  private async pushFacts(documents: readonly { document: Record<string, unknown> }[], storeId: string) {
    const lines = documents.flatMap(({ document }) => (Array.isArray(document.lines) ? (document.lines as unknown[]) : []));
    const productIds = lines.map((line) => (line && typeof line === 'object' ? (line as { productId?: unknown }).productId : undefined)).filter((id): id is string => typeof id === 'string');
    const approvers = documents.flatMap(({ document }) => {
      const adjustments = Array.isArray(document.adjustments) ? (document.adjustments as { by?: { id?: unknown }; approvedBy?: { id?: unknown } }[]) : [];
      const named = [...adjustments.flatMap((adjustment) => [adjustment?.by, adjustment?.approvedBy]), document.approvedBy as { id?: unknown } | undefined];
      return named.map((person) => person?.id).filter((id): id is string => typeof id === 'string');
    });
    const [products, cashiers, taxClasses] = await Promise.all([
      this.storage.documents.getMany<Product>('products', productIds),
      this.storage.documents.getMany<Cashier>('cashiers', approvers),
      this.storage.documents.list<TaxClass>('taxClasses', storeId),
    ]);
    return { products: liveBodies(products), cashiers: liveBodies(cashiers), taxClasses: new Map(taxClasses.map((taxClass) => [taxClass.id, taxClass])) };
  }

  /**
   * Takes a batch of sales and returns from a till in one transaction. Each document is judged on its
   * own: a refused one is kept aside with its reasons (and its number counts as used), the others are
   * stored. A document already stored under the same id is skipped when identical (a retried push)
   * and answered as a conflict with the stored copy when not. Every id, and every shift a document
   * names, is the pushing till's own or free (see DocumentOwners); another's is refused and changes
   * nothing. A return is judged against its sale as stored and counted in stock, before this push or
   * by it, never against what the push claims the sale is: the push's sales are stored and applied
   * first, then its returns. Stored documents are applied to stock in each till's number order, each
   * exactly once.
   *
   * What can be judged of a document on its own (schema, arithmetic, the store's rules, products and
   * approvals) is judged before the transaction, which other processes' pushes need not wait for.
   */
  async pushSales(tillId: string, rows: unknown, waiting?: number, options: { waiveRulesFor?: string; clockOffsetMs?: number } = {}): Promise<PushOutcome> {
    const till = registeredTill(tillId, tillId ? await this.till(tillId) : undefined);
    const documents = pushedDocuments(rows);
    // A sale of another store is refused anyway; only the till's own store's rules are needed.
    const [store, held, facts] = await Promise.all([
      this.getDocument<Store>('stores', till.storeId),
      this.storage.sales.getMany(documents.map(({ id }) => id)),
      this.pushFacts(documents, till.storeId),
    ]);
    const judged = documents.map(({ document, id, deleted }) => {
      // A retried push of stored sales is the common case after a lost answer: not judged again.
      const copy = held.get(id);
      if (copy && canonicalJson(copy.sale) === canonicalJson(document)) return { id, document, problems: [], mismatches: [] };
      return { id, document, ...judgeSale(document, deleted, till, store, facts, options.waiveRulesFor === id) };
    });
    // In the till's number order: a return comes after the sale it returns, and after any document
    // before it that is refused (whose number then counts as used).
    judged.sort((a, b) => usableNumber(a.document.number) - usableNumber(b.document.number));

    // A number for each document and for each stock level its lines may move, taken in one round trip.
    const sequenceBlock = judged.reduce((count, { sale }) => count + 1 + (sale?.stockMovements.length ?? 0), 8);
    const outcome = await this.withRefusalCap(till, sequenceBlock, async (writer): Promise<PushOutcome> => {
      const { tx } = writer;
      const conflicts: PushOutcome['conflicts'] = [];
      const refused: PushRefusal[] = [];
      const changed = new Set<CollectionName>();
      let stored = 0;
      const receivedAt = this.now().toISOString();
      const hasOpenRefusals = (await tx.refusals.openTotals(till.id)).count > 0;
      // Read again in the transaction: another push of the same sales may have committed meanwhile.
      const storedSales = await tx.sales.getMany(judged.map(({ id }) => id));
      const claims = await this.claimPushed(writer, till, judged, storedSales);
      const refuse = async (id: string, document: Record<string, unknown>, problems: string[]) =>
        refused.push(await this.recordRefusal(writer, till, 'sales', id, document, problems, receivedAt, saleLabel(document)));
      // Stored by this push and not yet applied to stock.
      const storedNow = new Map<number, Sale>();
      /** Applies what the till's numbering allows so far; reads the till again, as the last round moved it. */
      const apply = async () => {
        if (storedNow.size > 0 || refused.length > 0) for (const collection of await this.applyInOrder(writer, till, storedNow, facts.products, options.clockOffsetMs ?? 0, store?.timeZone)) changed.add(collection);
        for (const sale of storedNow.values()) storedSales.set(sale.id, { ...storedSales.get(sale.id)!, appliedAt: receivedAt });
        storedNow.clear();
      };
      // Sales judged fit, stored together in one statement: at the end, or before anything that must
      // see them stored (a return, which is judged against the sales before it; the same id again).
      let pending: { sale: Sale; mismatches: Mismatch[] }[] = [];
      const flush = async () => {
        if (pending.length === 0) return;
        const batch = pending;
        pending = [];
        const numbered: { sale: Sale; receivedSeq: number }[] = [];
        for (const { sale } of batch) numbered.push({ sale, receivedSeq: await writer.seq() });
        const inserted = await tx.sales.insertMany(numbered, receivedAt);
        for (const { sale, mismatches } of batch) {
          if (!inserted.has(sale.id)) {
            const used = await tx.sales.byNumber(sale.tillId, sale.number);
            await refuse(sale.id, sale as unknown as Record<string, unknown>, [`number ${sale.number} of till "${sale.tillId}" is already used by sale ${used?.sale.id ?? '?'}`]);
            continue;
          }
          storedSales.set(sale.id, { sale, receivedSeq: 0, receivedAt, appliedAt: null });
          storedNow.set(sale.number, sale);
          stored++;
          if (hasOpenRefusals) await this.acceptRefusal(writer, 'sales', sale.id, till.id, receivedAt);
          for (const mismatch of mismatches) {
            await this.raiseException(tx, sale.storeId, mismatch.kind, mismatch.productId, sale, { charged: mismatch.charged, current: mismatch.current });
          }
          // Raised where the sale is first stored: the same sale pushed again raises nothing more.
          const change = implausibleChange(sale, store);
          if (change) await this.raiseException(tx, sale.storeId, 'implausible_change', '', sale, change);
        }
      };
      for (const { id, document, problems, sale, mismatches } of judged) {
        if (pending.some((entry) => entry.sale.id === id)) await flush();
        const taken = await claims.id(id);
        if (taken) {
          refused.push({ id, number: 0, problems: [taken] });
          continue;
        }
        const copy = storedSales.get(id);
        if (copy) {
          // Stored once: the same document again (a retried push) changes nothing, whatever changed
          // meanwhile; a different one under its id is answered with the stored copy.
          if (canonicalJson(copy.sale) !== canonicalJson(document)) conflicts.push({ ...copy.sale, _deleted: false });
          continue;
        }
        // A shift is its till's from the first document that names it, so no other till's sales or
        // events land in its drawer, nor take it over before its own events arrive.
        const shiftTaken = sale?.shiftId === undefined ? undefined : await claims.shift(sale.shiftId);
        if (shiftTaken) problems.push(shiftTaken);
        // A return without a receipt has no sale to check against; its manager's approval stands in.
        if (sale?.returnOf) {
          await flush();
          // Its sale may have come in this push, stored but not yet counted: count what can be.
          if ([...storedNow.values()].some((other) => other.id === sale.returnOf!.saleId)) await apply();
          problems.push(...(await this.returnProblems(tx, sale)));
        }
        if (!sale || problems.length > 0) {
          await refuse(id, document, problems);
          continue;
        }
        pending.push({ sale, mismatches });
      }
      await flush();
      await apply();
      if (refused.length > 0 || (hasOpenRefusals && stored > 0)) changed.add('refusals');
      return { storeId: till.storeId, conflicts, refused, stored, changed: [...changed] };
    });
    // Once the push has committed, without the write lock that the push's transaction held (see touchTill).
    await this.touchTill(till.id, true, waiting);
    return outcome;
  }

  /**
   * Claims a push's ids, and the shifts its sales name, for the pushing till (DocumentOwners), as one
   * claim after another in the till's number order would: an id first, then its sale's shift, but a
   * shift only for a document whose id is the till's and not stored yet. In one round trip each for
   * the ids and the shifts, unless an id of the push is also a shift it names (a hostile push): then
   * the order between them matters and they are claimed one by one, as they come.
   */
  private async claimPushed(
    writer: Writer,
    till: Till,
    judged: readonly { id: string; sale?: Sale }[],
    storedSales: ReadonlyMap<string, StoredSale>,
  ): Promise<{ id(id: string): Promise<string | undefined>; shift(shiftId: string): Promise<string | undefined> }> {
    const shiftIds = new Set(judged.flatMap(({ sale }) => (sale?.shiftId === undefined ? [] : [sale.shiftId])));
    if (judged.some(({ id }) => shiftIds.has(id))) {
      const shifts = new Map<string, string | undefined>();
      return {
        id: (id) => writer.owners.claim(id, 'sales', till),
        async shift(shiftId) {
          if (!shifts.has(shiftId)) shifts.set(shiftId, await writer.owners.claimShift(shiftId, till));
          return shifts.get(shiftId);
        },
      };
    }
    const ids = await writer.owners.claimMany(judged.map(({ id }) => id), 'sales', till);
    // The first document under each id only: a second is held by then, and claims nothing.
    const seen = new Set<string>();
    const claiming = judged.filter(({ id, sale }) => !seen.has(id) && seen.add(id) && sale?.shiftId !== undefined && ids.get(id) === undefined && !storedSales.has(id));
    const shifts = await writer.owners.claimShifts(claiming.map(({ sale }) => sale!.shiftId!), till);
    return { id: async (id) => ids.get(id), shift: async (shiftId) => shifts.get(shiftId) };
  }

  /**
   * What is wrong with a return against a receipt: its sale must be stored and counted in stock
   * (earlier, or by this push before it), and it may take back only what that sale sold, as stored,
   * less the returns stored against it. What the push itself claims the sale was counts for nothing.
   */
  private async returnProblems(tx: StorageTransaction, document: Sale): Promise<string[]> {
    const saleId = document.returnOf!.saleId;
    const stored = await tx.sales.get(saleId);
    if (!stored) return [`the sale it returns (${document.returnOf!.receiptNumber}) is not on the server yet; send it again once that till has synced`];
    // Goods come back into stock only after they went out of it: a sale waiting behind a gap in its
    // till's numbering is not counted yet, and a return of it would raise stock by what never left.
    if (stored.appliedAt === null) {
      return [`the sale it returns (${document.returnOf!.receiptNumber}) is on the server but not counted in stock yet (its till has not sent every sale before it); send the return again once it is`];
    }
    const earlier = (await tx.sales.returnsOf(saleId)).filter((other) => other.id !== document.id);
    return returnProblems(document, stored.sale, earlier);
  }

  /** A sale of the store by its receipt number, with the returns held against it (a return at another till). */
  async saleByReceipt(storeId: string, number: string): Promise<{ sale: Sale; returns: Sale[] } | undefined> {
    const store = await this.getDocument<Store>('stores', storeId);
    if (!store) return undefined;
    // Only the sale whose number it is: one stored before receipt numbers were checked may carry another till's.
    let sale: Sale | undefined;
    for (const candidate of await this.storage.sales.byReceipt(storeId, number)) {
      const till = await this.till(candidate.tillId);
      if (till && candidate.receiptNumber === receiptNumber(store.code, till.code, candidate.number)) {
        sale = candidate;
        break;
      }
    }
    if (!sale) return undefined;
    // What a return needs, not which drawer the sale went into: a shift's id is its till's alone.
    return { sale: withoutShift(sale), returns: (await this.storage.sales.returnsOf(sale.id)).map(withoutShift) };
  }

  /**
   * Keeps a refused document with its reasons, for its till (replicated to that till alone) and head
   * office. `label` is its number in its own till numbering (a sale's number, a shift event's
   * sequence) and what the till shows it as (a receipt number, "shift close T1"). Another till's
   * refusal under the same id (a customer two tills changed) is left as it is: the answer still
   * carries the reasons. Counts against the till's refusal cap (see RefusalCap).
   */
  async recordRefusal(
    writer: Writer,
    till: Till,
    collection: RefusedCollection,
    id: string,
    document: Record<string, unknown>,
    problems: string[],
    at: string,
    label: { number: number; receiptNumber: string },
  ): Promise<PushRefusal> {
    const { number, receiptNumber } = label;
    const reasons = problems.slice(0, 50).map((problem) => problem.slice(0, 500));
    const previous = await writer.tx.refusals.get(id);
    if (previous && (previous.tillId !== till.id || previous.collection !== collection)) return { id, number, problems: reasons };
    const bytes = Buffer.byteLength(JSON.stringify(document));
    await this.countRefusal(writer, till, previous && previous.acceptedAt === null ? previous.bytes : undefined, bytes);
    const attempts = previous ? previous.attempts + 1 : 1;
    await writer.tx.refusals.put({
      id,
      storeId: till.storeId,
      tillId: till.id,
      collection,
      number,
      document,
      bytes,
      problems: reasons,
      attempts,
      firstRefusedAt: previous?.firstRefusedAt ?? at,
      lastRefusedAt: at,
    });
    const refusal: Refusal = {
      id,
      storeId: till.storeId,
      tillId: till.id,
      sourceCollection: collection,
      number,
      receiptNumber,
      problems: reasons,
      status: 'open',
      attempts,
      refusedAt: at,
      acceptedAt: null,
    };
    await writer.put('refusals', refusal, till.storeId, false, till.id);
    return { id, number, problems: reasons };
  }

  /**
   * Counts one refusal kept for a till (`openBytes`: the bytes of the open refusal it replaces) against
   * its cap; throws RefusalCapReached, which undoes the whole push, when it would go past.
   */
  private async countRefusal(writer: Writer, till: Till, openBytes: number | undefined, bytes: number): Promise<void> {
    const totals = writer.refusalTotals.get(till.id) ?? (await writer.tx.refusals.openTotals(till.id));
    const count = totals.count + (openBytes === undefined ? 1 : 0);
    const total = totals.bytes + bytes - (openBytes ?? 0);
    if (count > this.refusalCap.count || total > this.refusalCap.bytes) throw new RefusalCapReached(totals.count, totals.bytes);
    writer.refusalTotals.set(till.id, { count, bytes: total });
  }

  /**
   * Runs a push of `till` in one transaction. A push that would take the till past its refusal cap
   * stores nothing and is answered 429; head office gets an exception when the till reaches the cap,
   * at most one an hour (not one per push), and the till's status shows why it cannot send.
   */
  async withRefusalCap<T>(till: Till, sequenceBlock: number, push: (writer: Writer) => Promise<T>): Promise<T> {
    try {
      // The push's sequence numbers are taken as its transaction begins (with the write lock, on PostgreSQL).
      return await this.storage.transaction((tx) => push(new Writer(tx, sequenceBlock)), { sequenceBlock });
    } catch (error) {
      if (!(error instanceof RefusalCapReached)) throw error;
      await this.write(async ({ tx }) => {
        // One note an hour at most: a till at its cap pushes every few minutes, and one that gets a
        // few refusals taken and then pushes junk again must not bury head office's other notes.
        const capped = (await tx.tillContacts.get(till.id))?.refusalsCappedAt;
        if (capped && this.now().getTime() - Date.parse(capped) < REFUSAL_CAP_NOTE_MS) return;
        await tx.tillContacts.markRefusalsCapped(till.id, this.now().toISOString());
        await this.raiseException(tx, till.storeId, 'refusals_capped', '', { id: '', tillId: till.id }, {
          openRefusals: String(error.openRefusals),
          bytes: String(error.bytes),
          cap: `${this.refusalCap.count} documents or ${this.refusalCap.bytes} bytes`,
        });
      });
      throw new SyncError(
        'too_many_refusals',
        `this till keeps ${error.openRefusals} refused documents on the server, as many as it may; nothing of this push was stored. Head office must look at the refused documents before the till can send more that are refused`,
        429,
      );
    }
  }

  /** A refused document sent again and taken: its refusal is closed, for the till and head office. */
  async acceptRefusal(writer: Writer, collection: RefusedCollection, id: string, tillId: string, at: string): Promise<boolean> {
    if (!(await writer.tx.refusals.accept(id, tillId, collection, at)).accepted) return false;
    const refusal = await writer.get<Refusal>('refusals', id);
    if (refusal) await writer.put('refusals', { ...refusal, status: 'accepted', acceptedAt: at }, refusal.storeId, false, refusal.tillId);
    // The till keeps one refusal fewer: counted afresh should it keep another in this push.
    writer.refusalTotals.delete(tillId);
    return true;
  }

  /**
   * Head office takes a refused sale or shift event as it is, with a reason (a manager's approval
   * given by phone, a limit meant for another shop): it is stored (a sale counted in stock) as if the
   * till had sent it again, the store's rules waived for it alone, and its refusal closes. What it
   * is, whose it is and what it sells are still checked: a sale that is not one, or a close of a
   * shift that was never opened, cannot be taken. A refused customer is fixed by editing the
   * customer, so it is not taken as it is. The audit log records who took it and why.
   */
  async acceptRefused(refusalId: string, reason: unknown, actor: AuditActor | undefined): Promise<PushOutcome | ShiftPushOutcome> {
    const why = typeof reason === 'string' ? reason.trim() : '';
    if (why.length < 3 || why.length > 500) throw new SyncError('bad_request', 'the refused document was not taken', 400, [{ id: refusalId, problems: ['reason: why it is taken as it is, 3 to 500 characters'] }]);
    const refusal = await this.storage.refusals.get(refusalId);
    if (!refusal || refusal.collection === 'customers') throw new SyncError('not_found', `no refused sale or shift event "${refusalId}"`, 404);
    if (refusal.acceptedAt) throw new SyncError('conflict', `the refused document "${refusalId}" was taken already (${refusal.acceptedAt})`, 409);
    const rows = [{ newDocumentState: refusal.document }];
    const outcome =
      refusal.collection === 'sales'
        ? await this.pushSales(refusal.tillId, rows, undefined, { waiveRulesFor: refusalId })
        : await this.pushShiftEvents(refusal.tillId, rows, undefined, { waiveRulesFor: refusalId });
    if (outcome.stored !== 1) {
      const problems = outcome.refused.flatMap((refused) => refused.problems);
      throw new SyncError('invalid_document', 'the refused document cannot be taken as it is: what is wrong with it is not a rule head office may waive', 422, [{ id: refusalId, problems }]);
    }
    await this.write(async (writer) => {
      const { document: _document, ...kept } = refusal;
      await recordAudit(writer.tx, actor, this.now().toISOString(), { action: 'refusal.accept', kind: 'refusal', subjectId: refusalId, storeId: refusal.storeId, before: kept, after: { reason: why, stored: true } });
    }, 1);
    return outcome;
  }

  /**
   * Applies the till's stored sales that follow its last applied number, in number order and without
   * skipping a gap: a ledger row per movement, and each touched stock level written once with the sum
   * of its movements and the number of the last sale included. An open refusal's number counts as
   * used, so the sales behind it are applied; a refused sale taken later is applied on its own.
   */
  private async applyInOrder(
    writer: Writer,
    pushing: Till,
    storedNow: ReadonlyMap<number, Sale>,
    products: ReadonlyMap<string, Product>,
    clockOffsetMs: number,
    timeZone: string | undefined,
  ): Promise<CollectionName[]> {
    const { tx } = writer;
    // The till as it stands (the last round moved it), with the stock levels and costs of what the
    // push's sales move and sell, in one round trip; what else the sales applied below move is read later.
    const pushedProducts = [...new Set([...storedNow.values()].flatMap((sale) => sale.stockMovements.map((movement) => movement.productId)))];
    const soldProducts = [...new Set([...pushedProducts, ...[...storedNow.values()].flatMap((sale) => sale.lines.map((line) => line.productId))])];
    const known = await ReadAhead.read(tx, {
      tills: [pushing.id],
      stockLevels: pushedProducts.map((productId) => stockLevelId(pushing.storeId, productId)),
      stockCosts: soldProducts.map((productId) => stockCostId(pushing.storeId, productId)),
    });
    const storedTill = (await known.getMany<Till>('tills', [pushing.id])).get(pushing.id);
    const till = registeredTill(pushing.id, storedTill && !storedTill.deleted ? storedTill.body : undefined);
    const recordedAt = this.now().toISOString();
    const changes = new Map<string, { quantity: Dec; number: number; sale: Sale }>();
    const ledger: LedgerEntry[] = [];
    const applied: string[] = [];
    // Each movement with when its sale was made by the server's clock: for stock counts (see below).
    const made: AppliedMovement[] = [];
    // Each sale applied with when it was made: for the reports.
    const reported: { sale: Sale; madeAt: string }[] = [];
    const apply = (sale: Sale) => {
      reported.push({ sale, madeAt: madeAtByServerClock(sale.completedAt, clockOffsetMs) ?? recordedAt });
      for (const movement of sale.stockMovements) {
        const change = changes.get(movement.productId) ?? { quantity: new Dec(0), number: sale.number, sale };
        change.quantity = change.quantity.plus(dec(movement.quantity));
        change.number = Math.max(change.number, sale.number);
        change.sale = sale;
        changes.set(movement.productId, change);
        ledger.push({ storeId: sale.storeId, productId: movement.productId, source: isReturn(sale) ? 'return' : 'sale', documentId: sale.id, quantity: movement.quantity, recordedAt });
        made.push({ productId: movement.productId, quantity: movement.quantity, documentId: sale.id, madeAt: madeAtByServerClock(sale.completedAt, clockOffsetMs) ?? recordedAt });
      }
      applied.push(sale.id);
    };
    // Sales numbered at or below the till's last applied number were refused once and are taken now.
    for (const sale of storedNow.values()) if (sale.number <= till.lastNumber) apply(sale);
    let lastNumber = till.lastNumber;
    // What holds the numbers the push did not bring, read a run at a time: numbers below `readUpTo`
    // were asked; `held` has those a sale or an open refused sale (no sale) holds.
    const held = new Map<number, StoredSale | undefined>();
    let readUpTo = 0;
    for (;;) {
      const number = lastNumber + 1;
      let sale = storedNow.get(number);
      if (!sale) {
        if (number >= readUpTo) {
          const run = await tx.sales.heldFrom(till.id, number, HELD_READ_AHEAD);
          for (const entry of run) held.set(entry.number, entry.sale);
          // A run shorter than asked for ends before a number nothing holds.
          readUpTo = number + run.length + (run.length < HELD_READ_AHEAD ? 1 : 0);
        }
        if (!held.has(number)) break;
        // A sale that arrived earlier, ahead of a gap now filled.
        const stored = held.get(number);
        if (stored?.appliedAt) break;
        if (!stored) {
          // A refused document holds its number: the ones behind it go ahead.
          lastNumber = number;
          continue;
        }
        sale = stored.sale;
      }
      apply(sale);
      lastNumber = number;
    }
    // A written-off return moves no stock and is still applied: it must not be judged again.
    if (lastNumber === till.lastNumber && applied.length === 0) return [];
    // The cost of goods sold, fixed as each sale is applied: the product's moving average in the
    // store now, so a margin never changes when later deliveries move the average.
    const costs = await unitCostsNow(known, till.storeId, [...new Set(reported.flatMap(({ sale }) => [...sale.stockMovements, ...sale.lines].map((line) => line.productId)))], products);
    for (const entry of ledger) entry.unitCost = costs.get(entry.productId) ?? null;
    // What the sales add to the reports, on the days they were made, in one statement.
    await tx.reports.add(await this.reportFacts(tx, reported, costs, products, timeZone));
    // Sales made before their product was counted that arrive only now (an offline till): settled
    // against the count (stock/counts.ts); a posted count's offsetting rows go in with the sales' own.
    for (const offset of await settleLateMovements(writer, till.storeId, made, recordedAt)) {
      ledger.push(offset);
      const change = changes.get(offset.productId)!;
      change.quantity = change.quantity.plus(dec(offset.quantity));
    }
    // The ledger rows go in with the sales marked applied: one statement on PostgreSQL.
    await tx.sales.markApplied(applied, recordedAt, ledger);
    const levels = await known.getMany<StockLevel>('stockLevels', [...changes.keys()].map((productId) => stockLevelId(till.storeId, productId)));
    const writes: DocumentWrite[] = [];
    const oversold: RaisedException[] = [];
    for (const [productId, change] of changes) {
      const id = stockLevelId(till.storeId, productId);
      const stored = levels.get(id);
      const level = stored && !stored.deleted ? stored.body : { id, storeId: till.storeId, productId, quantity: '0', applied: {} };
      const moved = applyToLevel(level, { tillId: till.id, number: change.number, stockMovements: [{ productId, quantity: change.quantity.toFixed() }] });
      writes.push({ collection: 'stockLevels', body: moved, storeId: till.storeId, seq: await writer.seq() });
      // Tills sell what is on the shelf even when the books say otherwise (two offline tills selling
      // the last unit): the sale stands, central stock goes below zero, head office is told.
      if (change.quantity.isNegative() && dec(moved.quantity).isNegative()) {
        const { sale } = change;
        const details = { ...(sale.receiptNumber === undefined ? {} : { receiptNumber: sale.receiptNumber }), before: level.quantity, after: moved.quantity };
        oversold.push({ storeId: till.storeId, kind: 'oversell', productId, documentId: sale.id, tillId: sale.tillId, details, raisedAt: this.now().toISOString() });
      }
    }
    // As raiseException would, one by one, in one statement.
    await tx.exceptions.raiseMany(oversold);
    // The till with its stock levels, in one statement.
    if (lastNumber !== till.lastNumber) {
      const advanced: Till = { ...till, lastNumber };
      writes.push({ collection: 'tills', body: advanced, storeId: till.storeId, seq: await writer.seq() });
    }
    if (writes.length > 0) await tx.documents.putMany(writes);
    return ['stockLevels', 'tills'];
  }

  /** The report facts of sales being applied, summed per key (shared/src/reports/facts.ts). */
  private async reportFacts(
    tx: StorageTransaction,
    sales: readonly { sale: Sale; madeAt: string }[],
    unitCosts: ReadonlyMap<string, string>,
    products: ReadonlyMap<string, Product>,
    timeZone: string | undefined,
  ): Promise<ReportFact[]> {
    if (sales.length === 0) return [];
    // A sale that arrived earlier, ahead of a gap, may name products this push did not.
    const missing = [...new Set(sales.flatMap(({ sale }) => sale.lines.map((line) => line.productId)))].filter((id) => !products.has(id));
    const named = missing.length === 0 ? products : new Map([...products, ...liveBodies(await tx.documents.getMany<Product>('products', missing))]);
    return mergeFacts(
      (function* () {
        for (const { sale, madeAt } of sales) yield* saleFacts(sale, { madeAt, timeZone, unitCosts, products: named });
      })(),
    );
  }

  private async raiseException(
    tx: StorageTransaction,
    storeId: string,
    kind: ExceptionKind,
    productId: string,
    document: { id: string; tillId: string; receiptNumber?: string },
    details: Record<string, string>,
  ): Promise<void> {
    await tx.exceptions.raise({
      storeId,
      kind,
      productId,
      documentId: document.id,
      tillId: document.tillId,
      details: { ...(document.receiptNumber === undefined ? {} : { receiptNumber: document.receiptNumber }), ...details },
      raisedAt: this.now().toISOString(),
    });
  }

  /** Head office's exceptions for a store, newest first. */
  async exceptions(storeId: string, limit = 200): Promise<StockException[]> {
    return (await this.storage.exceptions.forStore(storeId, limit)).map(({ documentId, ...exception }) => ({ ...exception, saleId: documentId }));
  }

  /** A store's cashiers, active or not, by name; without their PIN hashes. */
  async cashiers(storeId: string): Promise<CashierView[]> {
    return (await this.listDocuments<Cashier>('cashiers', storeId))
      .filter((cashier) => cashier.storeId === storeId)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      .map(withoutPin);
  }

  /**
   * Adds a cashier to a store: the PIN is hashed (salted PBKDF2, see pin.ts) and only the hash is
   * kept, in a document the store's tills replicate so a cashier signs in offline too.
   */
  async createCashier(input: unknown, actor?: AuditActor): Promise<Cashier> {
    const fields = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
    const problems = unknownFields(fields, ['storeId', 'name', 'role', 'pin']);
    if (typeof fields.storeId !== 'string' || !(await this.getDocument<Store>('stores', fields.storeId))) problems.push(`storeId: no store "${String(fields.storeId ?? '')}"`);
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
    await this.write(async (writer) => {
      await writer.put('cashiers', cashier, cashier.storeId);
      await recordAudit(writer.tx, actor, this.now().toISOString(), { action: 'cashier.create', kind: 'cashier', subjectId: cashier.id, storeId: cashier.storeId, before: null, after: withoutPin(cashier) });
    });
    return cashier;
  }

  /**
   * Changes a cashier's name, role or PIN, or deactivates (active false) or reactivates them. A
   * cashier who left is deactivated, never deleted: old sales keep their name, and they can no longer
   * sign in or approve anything.
   */
  async changeCashier(id: string, changes: unknown, actor?: AuditActor): Promise<Cashier> {
    if (!(await this.getDocument<Cashier>('cashiers', id))) throw new SyncError('not_found', `no cashier "${id}"`, 404);
    const fields = (changes && typeof changes === 'object' && !Array.isArray(changes) ? changes : {}) as Record<string, unknown>;
    const problems = unknownFields(fields, ['name', 'role', 'pin', 'active']);
    if (!changes || typeof changes !== 'object' || Array.isArray(changes)) problems.push('the body is an object of the fields to change: name, role, pin, active');
    problems.push(...cashierFieldProblems(fields, false));
    if ('active' in fields && typeof fields.active !== 'boolean') problems.push('active: true or false');
    if (problems.length > 0) throw new SyncError('bad_request', 'the cashier was not changed', 400, [{ id, problems }]);
    const pin = typeof fields.pin === 'string' ? await hashPin(fields.pin) : undefined;
    return this.write(async (writer) => {
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
      await recordAudit(writer.tx, actor, this.now().toISOString(), { action: 'cashier.update', kind: 'cashier', subjectId: id, storeId: changed.storeId, before: withoutPin(current), after });
      return changed;
    });
  }

  /** Stores a cashier unless one with its id exists (seeding: head office's later changes stand). */
  async addCashierIfAbsent(cashier: Cashier): Promise<boolean> {
    return this.write(async (writer) => {
      if (await writer.get<Cashier>('cashiers', cashier.id)) return false;
      await writer.put('cashiers', cashier, cashier.storeId);
      return true;
    });
  }

  /**
   * Changes a store's settings as head office gives them (see storeWithSettings for what may be set
   * and how each is checked). Every problem is named by its setting, and one refuses the whole change.
   */
  async changeStoreSettings(storeId: string, settings: unknown, actor?: AuditActor): Promise<Store> {
    return this.write(async (writer) => {
      const store = await writer.get<Store>('stores', storeId);
      if (!store) throw new SyncError('not_found', `no store "${storeId}"`, 404);
      // The products the quick keys name, looked up here so the shared check needs no storage.
      const products = liveBodies(await writer.tx.documents.getMany<Product>('products', quickKeyProductIds(settings)));
      const checked = storeWithSettings(store, settings, products);
      if ('problems' in checked) throw new SyncError('bad_request', 'the store settings were not changed', 400, [{ id: storeId, problems: checked.problems }]);
      await writer.put('stores', checked.store, store.id);
      await recordAudit(writer.tx, actor, this.now().toISOString(), { action: 'store.settings', kind: 'store', subjectId: store.id, storeId: store.id, before: store, after: checked.store });
      return checked.store;
    });
  }

  /**
   * Takes a batch of shift events from a till in one transaction. Each is judged on its own like a
   * sale: a refused one is kept with its reasons (and replicated as a refusal), the others are
   * stored once each. The same event again changes nothing; a different one under a stored id is
   * answered as a conflict with the server's copy. Shift events move no stock and hold no number of
   * the sales numbering: their sequence is their own.
   */
  async pushShiftEvents(tillId: string, rows: unknown, waiting?: number, options: { waiveRulesFor?: string; clockOffsetMs?: number } = {}): Promise<ShiftPushOutcome> {
    const till = registeredTill(tillId, tillId ? await this.till(tillId) : undefined);
    const store = await this.getDocument<Store>('stores', till.storeId);
    const documents = pushedDocuments(rows).map(({ document, id, deleted }) => {
      const problems = checkShiftEvent(document);
      if (deleted) problems.push('a shift event cannot be deleted; record a new event instead');
      if (problems.length === 0) {
        const event = document as ShiftEvent;
        if (event.tillId !== till.id) problems.push(`shift event was made on till "${event.tillId}" but pushed by till "${till.id}"`);
        if (event.storeId !== till.storeId) problems.push(`shift event is for store "${event.storeId}" but till "${till.id}" belongs to "${till.storeId}"`);
        // Head office taking it as it is waives the store's limits for it alone (acceptRefused).
        else if (store && options.waiveRulesFor !== id) problems.push(...shiftEventLimitProblems(event, store));
      }
      return { document, id, problems };
    });
    // In the till's order, so a close is judged after the events it closes, whatever order they came in.
    documents.sort((a, b) => usableNumber(a.document.sequence) - usableNumber(b.document.sequence));
    return this.withRefusalCap(till, documents.length * 2 + 4, async (writer): Promise<ShiftPushOutcome> => {
      const { tx } = writer;
      const conflicts: ShiftPushOutcome['conflicts'] = [];
      const refused: PushRefusal[] = [];
      const receivedAt = this.now().toISOString();
      const hasOpenRefusals = (await tx.refusals.openTotals(till.id)).count > 0;
      let stored = 0;
      let accepted = false;
      const heldIds = new Set<string>();
      // What the stored events add to the reports (a voided cart, a drawer short or over), once, with them.
      const facts: ReportFact[] = [];
      for (const { document, id, problems } of documents) {
        // Ids are made on the tills: another till's or another collection's document under one is
        // neither a retry nor a correction.
        const taken = await writer.owners.claim(id, 'shiftEvents', till);
        if (taken) {
          refused.push({ id, number: 0, problems: [taken] });
          continue;
        }
        const held = await tx.shiftEvents.get(id);
        if (held) {
          heldIds.add(id);
          // Stored once: the same event again changes nothing, a different one is answered with the server's copy.
          if (canonicalJson(held.event) !== canonicalJson(document)) conflicts.push({ ...held.event, _deleted: false });
          continue;
        }
        if (problems.length === 0) {
          // The shift is this till's from the first document that names it (a sale may come first).
          const shiftTaken = await writer.owners.claimShift((document as ShiftEvent).shiftId, till);
          problems.push(...(shiftTaken ? [shiftTaken] : await shiftProblems(tx, document as ShiftEvent)));
        }
        if (problems.length > 0) {
          refused.push(await this.recordRefusal(writer, till, 'shiftEvents', id, document, problems, receivedAt, shiftEventLabel(document, till)));
          continue;
        }
        await tx.shiftEvents.insert(document as ShiftEvent, await writer.seq(), receivedAt);
        facts.push(...shiftEventFacts(document as ShiftEvent, { madeAt: madeAtByServerClock((document as ShiftEvent).at, options.clockOffsetMs ?? 0) ?? receivedAt, timeZone: store?.timeZone }));
        heldIds.add(id);
        stored++;
        if (hasOpenRefusals && (await this.acceptRefusal(writer, 'shiftEvents', id, till.id, receivedAt))) accepted = true;
      }
      if (facts.length > 0) await tx.reports.add(mergeFacts(facts));
      await this.touchIn(writer, till.id, true, waiting);
      const changed: CollectionName[] = [];
      if (stored > 0) changed.push('shiftEvents');
      // The till hears the highest sequence held, so it never reuses one after its database is wiped.
      const highest = Math.max(till.lastShiftSequence ?? 0, ...documents.filter(({ id }) => heldIds.has(id)).map(({ document }) => usableNumber(document.sequence)));
      if (highest > (till.lastShiftSequence ?? 0)) {
        await writer.put('tills', { ...(await writer.requireTill(till.id)), lastShiftSequence: highest }, till.storeId);
        changed.push('tills');
      }
      if (refused.length > 0 || accepted) changed.push('refusals');
      return { storeId: till.storeId, conflicts, refused, stored, changed };
    });
  }

  /**
   * One shift: its summary, its events in the till's order, the sales and returns made in it, and its
   * X report (still open) or Z report (closed) computed here from what the server holds, with what
   * disagrees with the till's own close (say, a sale that has not reached the server yet).
   */
  async shift(shiftId: string): Promise<ShiftDetail | undefined> {
    const storeId = await this.storage.shiftEvents.storeOf(shiftId);
    if (storeId === undefined) return undefined;
    const events = (await this.storage.shiftEvents.ofShift(storeId, shiftId)).map(({ event, receivedAt }) => ({ ...event, receivedAt }));
    // Neither opened nor closed on the server yet: only its other events have arrived.
    const shift = (await this.shifts(storeId, Number.MAX_SAFE_INTEGER)).find((summary) => summary.shiftId === shiftId) ?? unreportedShift(shiftId, storeId, events[0].tillId);
    const sales = await this.storage.sales.ofShift(storeId, shiftId);
    const opened = events.some((event) => event.kind === 'open');
    const currencyDecimals = (await this.getDocument<Store>('stores', storeId))?.pricing.currencyDecimals;
    // A report starts from the float: without the open event there is none yet.
    const report = opened ? shiftReport(events, sales, currencyDecimals) : null;
    const close = events.find((event) => event.kind === 'close');
    return { shift, events, sales, report, discrepancies: report && close ? closeProblems(close, report) : [] };
  }

  /** Records opening balances and sets each product's level to its own, in the caller's transaction (seeding, a new store's stock take). */
  async openStockIn(writer: Writer, storeId: string, openings: readonly { productId: string; quantity: string }[]): Promise<void> {
    const recordedAt = this.now().toISOString();
    await writer.tx.ledger.append(openings.map(({ productId, quantity }) => ({ storeId, productId, source: 'opening' as const, documentId: null, quantity, recordedAt })));
    const writes: DocumentWrite[] = [];
    for (const { productId, quantity } of openings) {
      const body: StockLevel = { id: stockLevelId(storeId, productId), storeId, productId, quantity, applied: {} };
      writes.push({ collection: 'stockLevels', body, storeId, seq: await writer.seq() });
    }
    await writer.tx.documents.putMany(writes);
  }

  /** Records an opening balance and sets the product's level to it, in one transaction. */
  async openStock(storeId: string, productId: string, quantity: string): Promise<void> {
    await this.write((writer) => this.openStockIn(writer, storeId, [{ productId, quantity }]));
  }

  /**
   * Records a goods receipt or a stock adjustment: one ledger row per line and each level moved, in
   * one transaction. The same document again records nothing; another under its id is refused.
   */
  async recordStockDocument(candidate: unknown, actor?: AuditActor): Promise<{ document: StockDocument; recorded: boolean }> {
    const problems = stockDocumentProblems(candidate);
    const document = candidate as StockDocument;
    if (problems.length === 0) {
      if (!(await this.getDocument<Store>('stores', document.storeId))) problems.push(`no store "${document.storeId}"`);
      const products = liveBodies(await this.storage.documents.getMany<Product>('products', document.lines.map((line) => line.productId)));
      document.lines.forEach((line, index) => {
        const product = products.get(line.productId);
        if (!product) {
          problems.push(`unknown product "${line.productId}"`);
          return;
        }
        // In the product's unit: whole pieces, kilograms to the gram, and so on.
        const problem = quantityProblem(dec(line.quantity).abs().toFixed(), product.unit);
        if (problem) problems.push(`lines.${index}.quantity: ${quantityWithUnit(line.quantity, product.unit)} of ${product.name}: ${problem}`);
      });
    }
    if (problems.length > 0) throw new SyncError('invalid_document', `the ${document?.kind ?? 'stock document'} was not recorded`, 422, [{ id: document?.id, problems }]);
    return this.write(async (writer) => {
      const { tx } = writer;
      const recordedAt = this.now().toISOString();
      const { inserted } = await tx.stockDocuments.insert(document, recordedAt);
      if (!inserted) {
        const existing = (await tx.stockDocuments.get(document.id))!;
        if (canonicalJson(existing) !== canonicalJson(document)) {
          throw new SyncError('immutable', `stock document ${document.id} is already recorded with other content; record a new one to correct it`, 409);
        }
        return { document: existing, recorded: false };
      }
      // Against a purchase order: counted on its lines (or refused whole); each line's cost per unit.
      const costs = document.kind === 'receipt' ? await receiveAgainstOrder(writer, document, recordedAt) : new Map<string, string>();
      const movements = stockDocumentMovements(document);
      await tx.ledger.append(
        movements.map((movement) => ({ storeId: document.storeId, productId: movement.productId, source: document.kind, documentId: document.id, quantity: movement.quantity, recordedAt, unitCost: costs.get(movement.productId) ?? null })),
      );
      // Summed per product first: a document may name a product on two lines.
      const totals = new Map<string, Dec>();
      for (const movement of movements) totals.set(movement.productId, (totals.get(movement.productId) ?? new Dec(0)).plus(dec(movement.quantity)));
      const levels = await tx.documents.getMany<StockLevel>('stockLevels', [...totals.keys()].map((productId) => stockLevelId(document.storeId, productId)));
      const writes: DocumentWrite[] = [];
      const onHandBefore = new Map<string, string>();
      for (const [productId, quantity] of totals) {
        const id = stockLevelId(document.storeId, productId);
        const stored = levels.get(id);
        const level = stored && !stored.deleted ? stored.body : { id, storeId: document.storeId, productId, quantity: '0', applied: {} };
        onHandBefore.set(productId, level.quantity);
        const moved: StockLevel = { ...level, quantity: toQuantityString(dec(level.quantity).plus(quantity)) };
        writes.push({ collection: 'stockLevels', body: moved, storeId: document.storeId, seq: await writer.seq() });
      }
      await tx.documents.putMany(writes);
      await moveAverageCosts(writer, document, costs, onHandBefore, recordedAt);
      // A document sent again records nothing, so it is logged once, as it was recorded.
      await recordAudit(tx, actor, recordedAt, { action: `stock.${document.kind}`, kind: 'stockDocument', subjectId: document.id, storeId: document.storeId, before: null, after: document });
      return { document, recorded: true };
    }, 16);
  }

  /** A store's goods receipts and adjustments, newest first. */
  async stockDocuments(storeId: string, limit = 100): Promise<(StockDocument & { recordedAt: string })[]> {
    return (await this.storage.stockDocuments.forStore(storeId, limit)).map((row) => ({ ...row.document, recordedAt: row.recordedAt }));
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

  /** Stock per product for head office: the projection, with the ledger's opening and sold beside it. */
  async stockReport(storeId: string): Promise<Omit<StockRow, 'onOrder' | 'inTransit' | 'sentInTransit'>[]> {
    const bySource = {
      opening: new Map<string, Dec>(),
      receipt: new Map<string, Dec>(),
      adjustment: new Map<string, Dec>(),
      sale: new Map<string, Dec>(),
      return: new Map<string, Dec>(),
      transfer: new Map<string, Dec>(),
    };
    for (const entry of await this.storage.ledger.entries(storeId)) {
      // A stock count's differences are adjustments, as a difference typed by hand is.
      const target = bySource[entry.source === 'count' ? 'adjustment' : entry.source];
      target.set(entry.productId, (target.get(entry.productId) ?? new Dec(0)).plus(dec(entry.quantity)));
    }
    const figure = (source: keyof typeof bySource, productId: string, sign = 1) => toQuantityString((bySource[source].get(productId) ?? new Dec(0)).mul(sign));
    const levels = new Map((await this.listDocuments<StockLevel>('stockLevels', storeId)).map((level) => [level.productId, level]));
    // The moving average cost where a receipt moved it, head office's product cost until then.
    const costs = new Map((await this.storage.documents.list<{ productId: string; averageCost: string }>('stockCosts', storeId)).map((cost) => [cost.productId, cost.averageCost]));
    return (await this.listDocuments<Product>('products', storeId))
      .sort((a, b) => a.sku.localeCompare(b.sku))
      .map((product) => ({
        productId: product.id,
        sku: product.sku,
        name: product.name,
        unit: product.unit,
        opening: figure('opening', product.id),
        received: figure('receipt', product.id),
        adjusted: figure('adjustment', product.id),
        sold: figure('sale', product.id, -1),
        returned: figure('return', product.id),
        transferred: figure('transfer', product.id),
        quantity: levels.get(product.id)?.quantity ?? '0',
        averageCost: costs.get(product.id) ?? product.cost,
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

  /** A store's shifts, newest first as the server received them, from their open and close events. */
  async shifts(storeId: string, limit = 200): Promise<ShiftSummary[]> {
    const shifts = new Map<string, ShiftSummary>();
    for (const event of await this.storage.shiftEvents.opensAndCloses(storeId)) {
      const shift = shifts.get(event.shiftId) ?? unreportedShift(event.shiftId, storeId, event.tillId);
      if (event.kind === 'open') Object.assign(shift, { openedAt: event.at, openedBy: event.cashier, float: event.amount ?? null });
      else {
        Object.assign(shift, {
          status: 'closed',
          closedAt: event.at,
          closedBy: event.cashier,
          expectedCash: event.expectedCash ?? null,
          countedCash: event.countedCash ?? null,
          difference: event.difference ?? null,
        });
      }
      shifts.set(event.shiftId, shift);
    }
    return [...shifts.values()].slice(0, limit);
  }
}

/** What is wrong with a new shift event given the events held: its place in the till's sequence and in its shift. */
async function shiftProblems(tx: StorageTransaction, event: ShiftEvent): Promise<string[]> {
  const problems: string[] = [];
  const taken = await tx.shiftEvents.idAtSequence(event.tillId, event.sequence);
  if (taken) problems.push(`sequence ${event.sequence} of till "${event.tillId}" is already used by shift event ${taken}`);
  const otherTill = await tx.shiftEvents.otherTill(event.storeId, event.shiftId, event.tillId);
  if (otherTill) problems.push(`shift "${event.shiftId}" belongs to till "${otherTill}"; only the till that opened a shift writes to it`);
  const close = await tx.shiftEvents.closeOf(event.storeId, event.shiftId);
  if (close && event.kind === 'close') problems.push(`shift ${event.shiftId} is already closed by event ${close.id}`);
  else if (close && event.sequence > close.sequence) problems.push(`shift ${event.shiftId} was closed (event ${close.id}, sequence ${close.sequence}) before this event`);
  return problems;
}

/** What judging a push reads once for all its documents (Repository.pushFacts). */
interface PushFacts {
  products: Map<string, Product>;
  cashiers: Map<string, Cashier>;
  /** Rate per tax class id (`store:class`) of the pushing till's store. */
  /** The store's tax classes by id ("store-1:standard"); a rate is read at the sale's time (effectiveTaxRate). */
  taxClasses: Map<string, TaxClass>;
}

/**
 * What can be judged of a pushed sale or return on its own: schema and arithmetic, the pushing
 * till and its store, the receipt number, the store's rules and approvals, the shift, and each line's
 * product and unit. Answers the problems, the sale when it is one, and the lines charged at another
 * price than head office's current one (noted for head office, not refused).
 */
/**
 * What is wrong with a pushed sale, and what head office should note of it. `waiveRules`: head
 * office takes it as it is (acceptRefused), so the store's rules (receipt numbering, discounts,
 * limits, approvals) are not applied; what it is (schema, arithmetic), whose it is (till and store)
 * and what it sells (known products, their units) still are.
 */
function judgeSale(
  document: Record<string, unknown>,
  deleted: boolean,
  till: Till,
  store: Store | undefined,
  facts: PushFacts,
  waiveRules = false,
): { problems: string[]; sale?: Sale; mismatches: Mismatch[] } {
  const mismatches: Mismatch[] = [];
  const problems = checkSale(document);
  if (deleted) problems.push('a sale cannot be deleted; record a return instead');
  if (problems.length > 0) return { problems, mismatches };
  const sale = document as Sale;
  if (sale.tillId !== till.id) problems.push(`sale was made on till "${sale.tillId}" but pushed by till "${till.id}"`);
  if (sale.storeId !== till.storeId) problems.push(`sale is for store "${sale.storeId}" but till "${till.id}" belongs to "${till.storeId}"`);
  else if (store && !waiveRules) {
    problems.push(
      ...receiptNumberProblems(sale, store, till),
      ...storeRulesProblems(sale, store),
      ...saleLimitProblems(sale, store),
      ...saleApprovalProblems(sale, store, (id) => facts.cashiers.get(id)),
    );
  }
  sale.lines.forEach((line, index) => {
    const product = facts.products.get(line.productId);
    if (!product) {
      problems.push(`unknown product "${line.productId}"`);
      return;
    }
    problems.push(...lineUnitProblems(line, index, product.unit));
    // A return against a receipt refunds what the sale charged, whatever the price is now.
    if (isReturn(sale) && sale.returnOf) return;
    // Taxed at another class or rate than head office's current one (changed while the till was
    // offline, or a till that taxes as it likes): the sale stands as charged, and head office,
    // which answers for the tax, gets a note.
    const taxClass = facts.taxClasses.get(`${sale.storeId}:${product.taxClass}`);
    const rate = taxClass && effectiveTaxRate(taxClass, sale.completedAt);
    if (line.taxClassId !== product.taxClass || rate === undefined || !dec(rate).eq(dec(line.taxRatePercent))) {
      mismatches.push({
        kind: 'tax_mismatch',
        productId: line.productId,
        charged: `${line.taxClassId} ${line.taxRatePercent} %`,
        current: `${product.taxClass} ${rate ?? '?'} %`,
      });
    }
    // The price head office set for the store at the time the till made the document: a change that
    // takes effect later is no mismatch of a sale made before it, however late the sale arrives.
    const price = effectivePrice(product, sale.storeId, sale.completedAt);
    // A return without a receipt refunds the shelf price; any other is noted for head office, like a sale's.
    if (isReturn(sale) && dec(price).eq(dec(line.unitPrice))) return;
    // A price override is a price a manager chose, not an outdated one.
    if (line.shelfPrice !== undefined) return;
    // Sold at another price than head office's for that store and time (a till that prices as it
    // likes, or a change the till had not heard of): the sale stands as charged, and head office gets a note.
    if (!dec(price).eq(dec(line.unitPrice))) mismatches.push({ kind: 'price_mismatch', productId: line.productId, charged: line.unitPrice, current: price });
  });
  return { problems, sale, mismatches };
}
