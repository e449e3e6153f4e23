/**
 * A till's data layer in its own Node process, driven over IPC by e2e/sync/remote-till.ts. RxDB's
 * open-source core allows 13 open collections per process and a till opens seven, so a test with
 * more than one or two tills gives each its own process, as each real till has its own machine.
 */
import type { Refusal, ReturnLine } from '../../shared/src/index.js';
import { openNodeTill, type NodeTill } from './node-till.js';

export interface TillProcessOptions {
  serverUrl: string;
  tillId: string;
  tillCode: string;
  credential: string;
}

/** What the test may ask of the till; each answers with JSON. */
export interface TillCommands {
  /** Sells the lines whose products the till's catalogue holds right now; null when none does. */
  sell(lines: [productId: string, quantity: string][]): Promise<unknown>;
  /** A cash return against one of this till's own receipts (works offline). */
  returnGoods(receiptNumber: string, lines: ReturnLine[]): Promise<unknown>;
  hasProduct(productId: string): boolean;
  stock(productIds: string[]): Record<string, string>;
  openRefusals(): Promise<Refusal[]>;
  resend(ids: string[]): Promise<unknown>;
  network(up: boolean): void;
  close(): Promise<void>;
}

/** A network the test can cut: requests fail, and open ones (the event stream) are torn down. */
class Network {
  up = true;
  private readonly open = new Set<AbortController>();

  readonly fetch: typeof fetch = (input, init) => {
    if (!this.up) return Promise.reject(new TypeError('network is down'));
    const controller = new AbortController();
    init?.signal?.addEventListener('abort', () => controller.abort(init.signal?.reason));
    this.open.add(controller);
    return fetch(input, { ...init, signal: controller.signal });
  };

  set(up: boolean): void {
    this.up = up;
    if (up) return;
    for (const controller of this.open) controller.abort(new TypeError('network is down'));
    this.open.clear();
  }
}

async function main(): Promise<void> {
  const options = JSON.parse(process.env.KASSA_TILL_PROCESS ?? '') as TillProcessOptions;
  const network = new Network();
  const till: NodeTill = await openNodeTill({ ...options, fetch: network.fetch });
  const commands: TillCommands = {
    sell: async (lines) => {
      const available = lines.filter(([productId]) => till.catalog.product(productId) !== undefined);
      return available.length > 0 ? till.sell(available) : null;
    },
    returnGoods: (receiptNumber, lines) => till.returnGoods(receiptNumber, lines),
    hasProduct: (productId) => till.catalog.product(productId) !== undefined,
    stock: (productIds) => Object.fromEntries(productIds.map((productId) => [productId, till.stock.quantity(productId)])),
    openRefusals: async () =>
      (await till.db.refusals.find({ selector: { tillId: options.tillId, status: 'open' } }).exec()).map((document) => document.toJSON() as Refusal),
    resend: (ids) => till.sync.resend(ids),
    network: (up) => network.set(up),
    close: async () => {
      await till.close();
      setImmediate(() => process.exit(0));
    },
  };
  process.on('message', (message: { id: number; method: keyof TillCommands; args: unknown[] }) => {
    void (async () => {
      try {
        const result = await (commands[message.method] as (...args: unknown[]) => unknown)(...message.args);
        process.send?.({ id: message.id, result: result ?? null });
      } catch (error) {
        process.send?.({ id: message.id, error: (error as Error).stack ?? String(error) });
      }
    })();
  });
  // The test ended without closing this till: nothing is left to answer.
  process.on('disconnect', () => process.exit(0));
  process.send?.({ ready: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
