import { buildCashSale, saleProblems, type CartItem, type DecimalString, type Sale, type Store } from '../../../shared/src/index.js';
import type { TillDatabase } from './database.js';

export interface SaleRecorderContext {
  store: Pick<Store, 'id' | 'code' | 'currency' | 'pricing'>;
  till: { id: string; code: string };
  cashier: { id: string; name: string };
  /** The server's highest applied number for this till, so a till restored from empty never reuses one. */
  serverLastNumber: () => number;
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
    const run = async () => {
      const number = Math.max(await this.lastNumber(), context.serverLastNumber()) + 1;
      const sale = buildCashSale(items, tendered, {
        id: this.newId(),
        number,
        store: context.store,
        till: context.till,
        cashier: context.cashier,
        completedAt: this.now().toISOString(),
      });
      // The same checks the server makes: a sale the server would refuse is never completed.
      const problems = saleProblems(sale);
      if (problems.length > 0) throw new Error(`the sale does not add up: ${problems.join('; ')}`);
      await this.db.sales.insert(sale);
      this.lastUsed = number;
      return sale;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
