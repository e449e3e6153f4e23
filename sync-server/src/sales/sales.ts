import {
  applyToLevel,
  approvalProblems,
  Dec,
  dec,
  effectivePrice,
  effectiveTaxRate,
  isReturn,
  largestNote,
  madeAtByServerClock,
  mergeFacts,
  quantityProblem,
  quantityWithUnit,
  receiptNumber,
  returnProblems,
  saleFacts,
  saleLimitProblems,
  soldBy,
  stockLevelId,
  sum,
  toFixedString,
  type Cashier,
  type CollectionName,
  type Product,
  type PushRefusal,
  type ReportFact,
  type Sale,
  type StockLevel,
  type Store,
  type TaxClass,
  type Till,
} from '../../../shared/src/index.js';
import { canonicalJson } from '../canonical.js';
import { stockCostId, unitCostsNow } from '../purchasing/receiving.js';
import { pushedDocuments, usableNumber } from '../replication/push.js';
import { Refusals } from '../replication/refusals.js';
import { liveBodies, registeredTill, type DocumentCollection, type Repository, type Writer } from '../repository.js';
import { settleLateMovements, type AppliedMovement } from '../stock/counts.js';
import { raiseException } from '../stock/exceptions.js';
import type { DocumentWrite, LedgerEntry, RaisedException, StorageTransaction, StoredDocument, StoredSale } from '../storage/port.js';
import { checkSale } from '../validation.js';

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

/** A line charged otherwise than head office's product says now: noted for head office, the sale stands. */
interface Mismatch {
  kind: 'price_mismatch' | 'tax_mismatch';
  productId: string;
  charged: string;
  current: string;
}

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

/** How a refused sale is listed: its number and receipt number, as far as the document has them. */
function saleLabel(document: Record<string, unknown>): { number: number; receiptNumber: string } {
  return { number: usableNumber(document.number), receiptNumber: typeof document.receiptNumber === 'string' ? document.receiptNumber.slice(0, 64) : '' };
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

/** Sales and returns pushed by the tills: judged, stored once each, and counted in stock in each till's number order. */
export class Sales {
  private readonly refusals: Refusals;

  constructor(private readonly repository: Repository) {
    this.refusals = new Refusals(repository);
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
      this.repository.storage.documents.getMany<Product>('products', productIds),
      this.repository.storage.documents.getMany<Cashier>('cashiers', approvers),
      this.repository.storage.documents.list<TaxClass>('taxClasses', storeId),
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
  async push(tillId: string, rows: unknown, waiting?: number, options: { waiveRulesFor?: string; clockOffsetMs?: number } = {}): Promise<PushOutcome> {
    const till = await this.repository.requireTill(tillId);
    const documents = pushedDocuments(rows);
    // A sale of another store is refused anyway; only the till's own store's rules are needed.
    const [store, held, facts] = await Promise.all([
      this.repository.getDocument<Store>('stores', till.storeId),
      this.repository.storage.sales.getMany(documents.map(({ id }) => id)),
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
    const outcome = await this.refusals.withCap(till, sequenceBlock, async (writer): Promise<PushOutcome> => {
      const { tx } = writer;
      const conflicts: PushOutcome['conflicts'] = [];
      const refused: PushRefusal[] = [];
      const changed = new Set<CollectionName>();
      let stored = 0;
      const receivedAt = this.repository.now().toISOString();
      const hasOpenRefusals = (await tx.refusals.openTotals(till.id)).count > 0;
      // Read again in the transaction: another push of the same sales may have committed meanwhile.
      const storedSales = await tx.sales.getMany(judged.map(({ id }) => id));
      const claims = await this.claimPushed(writer, till, judged, storedSales);
      const refuse = async (id: string, document: Record<string, unknown>, problems: string[]) =>
        refused.push(await this.refusals.record(writer, till, 'sales', id, document, problems, receivedAt, saleLabel(document)));
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
          if (hasOpenRefusals) await this.refusals.accept(writer, 'sales', sale.id, till.id, receivedAt);
          for (const mismatch of mismatches) {
            await raiseException(tx, this.repository.now().toISOString(), sale.storeId, mismatch.kind, mismatch.productId, sale, { charged: mismatch.charged, current: mismatch.current });
          }
          // Raised where the sale is first stored: the same sale pushed again raises nothing more.
          const change = implausibleChange(sale, store);
          if (change) await raiseException(tx, this.repository.now().toISOString(), sale.storeId, 'implausible_change', '', sale, change);
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
    // Once the push has committed, without the write lock that the push's transaction held (see Repository.touchTill).
    await this.repository.touchTill(till.id, true, waiting);
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
  async byReceipt(storeId: string, number: string): Promise<{ sale: Sale; returns: Sale[] } | undefined> {
    const store = await this.repository.getDocument<Store>('stores', storeId);
    if (!store) return undefined;
    // Only the sale whose number it is: one stored before receipt numbers were checked may carry another till's.
    let sale: Sale | undefined;
    for (const candidate of await this.repository.storage.sales.byReceipt(storeId, number)) {
      const till = await this.repository.till(candidate.tillId);
      if (till && candidate.receiptNumber === receiptNumber(store.code, till.code, candidate.number)) {
        sale = candidate;
        break;
      }
    }
    if (!sale) return undefined;
    // What a return needs, not which drawer the sale went into: a shift's id is its till's alone.
    return { sale: withoutShift(sale), returns: (await this.repository.storage.sales.returnsOf(sale.id)).map(withoutShift) };
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
    const recordedAt = this.repository.now().toISOString();
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
        oversold.push({ storeId: till.storeId, kind: 'oversell', productId, documentId: sale.id, tillId: sale.tillId, details, raisedAt: this.repository.now().toISOString() });
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
}

/** What judging a push reads once for all its documents (Sales.pushFacts). */
interface PushFacts {
  products: Map<string, Product>;
  cashiers: Map<string, Cashier>;
  /** The store's tax classes by id ("store-1:standard"); a rate is read at the sale's time (effectiveTaxRate). */
  taxClasses: Map<string, TaxClass>;
}

/**
 * What can be judged of a pushed sale or return on its own: schema and arithmetic, the pushing
 * till and its store, the receipt number, the store's rules and approvals, and each line's product
 * and unit. Answers the problems, the sale when it is one, and the lines charged at another price or
 * tax than head office's current one (noted for head office, not refused). `waiveRules`: head
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
