import {
  buildCashSale,
  buildReturn,
  buildReturnWithoutReceipt,
  buildSale,
  saleLimitProblems,
  saleProblems,
  type CartItem,
  type DecimalString,
  type Person,
  type ReturnLine,
  type ReturnOptions,
  type Sale,
  type SaleContext,
  type SaleInput,
  type Store,
  type UnreceiptedReturnItem,
} from '../../../../shared/src/index.js';
import type { TillDatabase } from '../data/database.js';

/** A sale to return against, and the returns already made against it. */
export interface SaleForReturn {
  sale: Sale;
  returns: Sale[];
}

export interface SaleRecorderContext {
  /** With its limits, when head office set them: the till refuses what the server would. */
  store: Pick<Store, 'id' | 'code' | 'currency' | 'pricing' | 'cashRounding' | 'limits'>;
  till: { id: string; code: string };
  cashier: { id: string; name: string };
  /** The open shift the document belongs to. */
  shiftId?: string;
  customer?: Person;
  /** The server's highest applied number for this till, so a till restored from empty never reuses one. */
  serverLastNumber: () => number;
  /** More of the server's checks to run before the insert (who may approve what): their problems refuse the document. */
  check?: (document: Sale) => string[];
}

/**
 * Completes sales: each one is numbered gaplessly for this till and written as ONE document in one
 * insert. Completions run one after another so two quick completions can never take the same number.
 */
export class SaleRecorder {
  private queue: Promise<unknown> = Promise.resolve();
  /** The highest number this till has used, read once: the recorder is the only writer of sales. */
  private lastUsed: number | undefined;

  constructor(
    private readonly db: TillDatabase,
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The highest number this till has used (read from the database once, then kept). */
  async lastNumber(): Promise<number> {
    if (this.lastUsed === undefined) {
      const last = await this.db.sales.findOne({ selector: { number: { $gte: 0 } }, sort: [{ number: 'desc' }] }).exec();
      this.lastUsed ??= last?.number ?? 0;
    }
    return this.lastUsed;
  }

  /** The highest number used so far as known without a read (0 before the first read). */
  get knownLastNumber(): number {
    return this.lastUsed ?? 0;
  }

  completeCashSale(items: readonly CartItem[], tendered: DecimalString, context: SaleRecorderContext): Promise<Sale> {
    return this.record(context, (made) => buildCashSale(items, tendered, made));
  }

  /** Completes a sale with its discounts, voided lines and payments (see buildSale). */
  completeSale(input: SaleInput, context: SaleRecorderContext): Promise<Sale> {
    return this.record(context, (made) => buildSale(input, made));
  }

  /**
   * Completes a refund against a sale (see findForReturn): one document in the same numbering as
   * sales, so the stock projection counts the goods that go back on the shelf at once. The refund
   * goes back to the sale's tenders unless `options` say cash.
   */
  completeReturn(found: SaleForReturn, lines: readonly ReturnLine[], context: SaleRecorderContext, options: ReturnOptions = {}): Promise<Sale> {
    return this.record(context, (made) => buildReturn(found.sale, lines, found.returns, made, options));
  }

  /** Completes a return without a receipt, approved by a manager: refunded in cash at the shelf price. */
  completeReturnWithoutReceipt(items: readonly UnreceiptedReturnItem[], approvedBy: Person, context: SaleRecorderContext): Promise<Sale> {
    return this.record(context, (made) => buildReturnWithoutReceipt(items, approvedBy, made));
  }

  /**
   * A sale by its receipt number, with the returns already made against it: from this till's own
   * database (offline too), or else from the server when `fromServer` can ask it. Returns this till
   * made that the server does not hold yet are counted as well.
   */
  async findForReturn(receiptNumber: string, fromServer?: (receipt: string) => Promise<SaleForReturn | undefined>): Promise<SaleForReturn | undefined> {
    const local = (await this.db.sales.findOne({ selector: { receiptNumber: receiptNumber.trim().toUpperCase() } }).exec())?.toJSON() as Sale | undefined;
    // Online, the server is asked even for this till's own sale: another till may have taken goods back against it.
    const remote = await fromServer?.(receiptNumber.trim().toUpperCase()).catch((error: unknown) => {
      if (local) return undefined;
      throw error;
    });
    const found = remote ?? (local && local.kind !== 'return' ? { sale: local, returns: [] as Sale[] } : undefined);
    if (!found || found.sale.kind === 'return') return undefined;
    const mine = (await this.db.sales.find({ selector: { 'returnOf.saleId': found.sale.id } }).exec()).map((document) => document.toJSON() as Sale);
    const known = new Set(found.returns.map((earlier) => earlier.id));
    return { sale: found.sale, returns: [...found.returns, ...mine.filter((earlier) => !known.has(earlier.id))] };
  }

  /** Numbers, checks and inserts one document; completions run one after another. */
  private record(context: SaleRecorderContext, build: (made: SaleContext) => Sale): Promise<Sale> {
    const run = async () => {
      const number = Math.max(await this.lastNumber(), context.serverLastNumber()) + 1;
      const document = build({
        id: this.newId(),
        number,
        store: context.store,
        till: context.till,
        cashier: context.cashier,
        completedAt: this.now().toISOString(),
        ...(context.shiftId ? { shiftId: context.shiftId } : {}),
        ...(context.customer ? { customer: context.customer } : {}),
      });
      // The same checks the server makes: a document the server would refuse is never completed.
      // Above the store's limits is said alone: the cashier changes a quantity or splits the sale.
      const aboveLimits = saleLimitProblems(document, context.store);
      if (aboveLimits.length > 0) throw new Error(aboveLimits.join('; '));
      const problems = [...saleProblems(document), ...(context.check?.(document) ?? [])];
      if (problems.length > 0) throw new Error(`the ${document.kind ?? 'sale'} does not add up: ${problems.join('; ')}`);
      await this.db.sales.insert(document);
      this.lastUsed = number;
      return document;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
