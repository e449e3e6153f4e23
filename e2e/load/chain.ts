/**
 * `npm run load -- --light --stores 50 --tills-per-store 4 --processes 2`: a chain's busiest hour
 * against the real sync server on PostgreSQL. Hundreds of RxDB tills (one Node process each) would
 * swamp a small machine, so each till here is a light HTTP client in this one process: it is paired
 * as head office pairs a till, takes every collection from its checkpoints as the till's replication
 * does, sells on schedule (real sale documents, `buildCashSale`) and pushes each sale at once, and
 * pulls the collections a sale changes (stock levels, tills) every few seconds, as live replication
 * does when told of a change. Then it checks that every sale is stored once and that central stock
 * is exact for every store. See e2e/load/README.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  buildCashSale,
  credentialHeader,
  Dec,
  dec,
  DOWNSTREAM_COLLECTIONS,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  priceItems,
  syncPaths,
  toQuantityString,
  TWO_WAY_COLLECTIONS,
  type CartItem,
  type Checkpoint,
  type Product,
  type PullResponse,
  type Sale,
  type Store,
  type TaxClass,
  type Till,
} from '../../shared/src/index.js';
import { inTurns } from '../../shared/src/in-turns.js';
import { seededRandom } from '../../shared/src/seeded-random.js';
import { DEMO_STORE_ID, demoCatalogue, seedDemoStore } from '../../sync-server/src/demo.js';
import { Trust } from '../../sync-server/src/devices/trust.js';
import { Repository } from '../../sync-server/src/repository.js';
import { PostgresStorage } from '../../sync-server/src/storage/postgres/postgres-storage.js';
import { createTestDatabase, postgresLane } from '../../sync-server/src/storage/postgres/testing.js';
import { cpuBetween, readCpu } from '../bench/ingest/postgres-ingest.js';
import { distribution } from '../bench/stats.js';
import { freePort, projectRoot, SyncServerProcess, temporaryFolder } from '../support/processes.js';
import { StockBook } from '../../sync-server/src/stock/stock-book.js';

/** Whether the command line asks for this mode rather than the RxDB tills of run.ts. */
export function wantsChain(argv: readonly string[]): boolean {
  return argv.some((argument) => argument === '--light' || argument.startsWith('--stores'));
}

function readSettings(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      light: { type: 'boolean', default: true },
      stores: { type: 'string', default: '50' },
      'tills-per-store': { type: 'string', default: '4' },
      products: { type: 'string', default: '2000' },
      seconds: { type: 'string', default: '120' },
      'sale-every': { type: 'string', default: '20' },
      'pull-every': { type: 'string', default: '5' },
      processes: { type: 'string', default: '2' },
      database: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'drain-seconds': { type: 'string', default: '60' },
      out: { type: 'string', default: path.join('test-results', 'load-chain.json') },
    },
  });
  const number = (name: keyof typeof values, minimum: number, whole = true) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < minimum || (whole && !Number.isInteger(value))) throw new Error(`--${name} must be a ${whole ? 'whole ' : ''}number of at least ${minimum}, got "${String(values[name])}"`);
    return value;
  };
  return {
    stores: number('stores', 1),
    tillsPerStore: number('tills-per-store', 1),
    products: number('products', 5),
    seconds: number('seconds', 1),
    /** Seconds between one till's sales (each interval jittered by up to ±25%). */
    saleEvery: number('sale-every', 0.05, false),
    /** Seconds between one till's pulls of stock levels and tills. */
    pullEvery: number('pull-every', 0.05, false),
    processes: number('processes', 1),
    database: values.database,
    seed: number('seed', 0),
    drainSeconds: number('drain-seconds', 1),
    out: values.out,
  };
}

type Settings = ReturnType<typeof readSettings>;

const log = (message: string) => console.log(`[load ${new Date().toISOString().slice(11, 19)}] ${message}`);

function storeId(index: number): string {
  return index === 1 ? DEMO_STORE_ID : `store-${index}`;
}

/** Store 1's tills are the demo's (till-1 .. till-N); the others' are s<store>-till-<k>. */
function tillOf(store: number, number: number): { id: string; code: string } {
  return { id: store === 1 ? `till-${number}` : `s${store}-till-${number}`, code: `T${number}` };
}

interface ChainTill {
  storeId: string;
  id: string;
  code: string;
  credential: string;
}

/**
 * Seeds the chain before the server starts: the demo store with its catalogue (products are
 * chain-wide), then stores 2..N like it, each with its tax classes, tills and opening stock of every
 * product, then pairs every till in-process with the server's own Trust (head office's pairing code
 * traded for a credential): the server lets one address pair only ten tills a minute over HTTP.
 */
async function seedChain(url: string, settings: Settings): Promise<ChainTill[]> {
  const storage = await PostgresStorage.open(url, { poolSize: 4 });
  try {
    const repository = new Repository(storage);
    if ((await repository.stores()).length > 0) throw new Error('the database given with --database already holds stores: give an empty one');
    await seedDemoStore(repository, { products: settings.products, tills: settings.tillsPerStore });
    const demo = await repository.getDocument<Store>('stores', DEMO_STORE_ID);
    if (!demo) throw new Error('the demo store was not seeded');
    const catalogue = demoCatalogue(settings.products, new Date().toISOString());
    for (let index = 2; index <= settings.stores; index++) {
      const id = storeId(index);
      await repository.write(async (writer) => {
        await writer.put('stores', { ...demo, id, code: `S${index}`, name: `Kassa Store ${index}` } satisfies Store, id);
        const taxClasses: TaxClass[] = [
          { id: `${id}:standard`, storeId: id, code: 'standard', name: 'Standard rate', ratePercent: '20' },
          { id: `${id}:reduced`, storeId: id, code: 'reduced', name: 'Reduced rate', ratePercent: '7' },
        ];
        for (const taxClass of taxClasses) await writer.put('taxClasses', taxClass, id);
        for (let number = 1; number <= settings.tillsPerStore; number++) {
          const till = tillOf(index, number);
          await writer.put('tills', { id: till.id, storeId: id, code: till.code, name: `Till ${number}`, lastNumber: 0 } satisfies Till, id);
        }
        await new StockBook(repository).openIn(writer, id, catalogue.map(({ product, openingStock }) => ({ productId: product.id, quantity: openingStock })));
      }, catalogue.length);
    }
    const trust = new Trust(repository);
    const tills: ChainTill[] = [];
    for (let index = 1; index <= settings.stores; index++) {
      for (let number = 1; number <= settings.tillsPerStore; number++) {
        const till = tillOf(index, number);
        const { code } = await trust.createPairingCode(till.id);
        const { credential } = await trust.pair(code);
        tills.push({ storeId: storeId(index), ...till, credential });
      }
    }
    return tills;
  } finally {
    await storage.close();
  }
}

const PULLED_COLLECTIONS = [...DOWNSTREAM_COLLECTIONS, ...TWO_WAY_COLLECTIONS] as const;
type Pulled = (typeof PULLED_COLLECTIONS)[number];
/** What a sale changes at the server, so what the other tills of its store pull when told of it. */
const LIVE_COLLECTIONS: readonly Pulled[] = ['stockLevels', 'tills'];
const PAGE = 500;

interface Figures {
  pushMs: number[];
  pullMs: number[];
  /** The same pulls by collection: a round pulls stock levels first, so that pull is the one that writes the till's contact when due. */
  pullMsBy: Map<string, number[]>;
  pushFailures: string[];
  pullFailures: number;
  rateLimited: number;
}

/** One light till: its checkpoints, its catalogue and store from its own pulls, its sales numbered gaplessly from 1. */
class LightTill {
  readonly checkpoints = new Map<Pulled, Checkpoint | null>();
  readonly products = new Map<string, Product>();
  store: Store | undefined;
  made = 0;
  readonly sold = new Map<string, Dec>();
  private readonly queue: Sale[] = [];
  private pushing: Promise<void> | undefined;
  private readonly headers: Record<string, string>;

  constructor(
    readonly till: ChainTill,
    private readonly serverUrl: string,
    private readonly figures: Figures,
    private readonly random: () => number,
  ) {
    this.headers = { ...credentialHeader(till.credential), [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  }

  /** Pulls one collection from its checkpoint until a page comes back short; `timed` pulls count in the pull figures. */
  async pull(collection: Pulled, timed: boolean): Promise<void> {
    for (;;) {
      const checkpoint = this.checkpoints.get(collection) ?? null;
      const query = new URLSearchParams({ limit: String(PAGE) });
      if (checkpoint) {
        query.set('seq', String(checkpoint.seq));
        query.set('id', checkpoint.id);
      }
      const sent = performance.now();
      const response = await fetch(`${this.serverUrl}${syncPaths.pull(collection)}?${query}`, { headers: this.headers });
      if (!response.ok) {
        await response.text();
        if (response.status === 429) this.figures.rateLimited++;
        if (timed) this.figures.pullFailures++;
        else throw new Error(`${this.till.id}: pull ${collection} answered ${response.status}`);
        return;
      }
      const page = (await response.json()) as PullResponse<{ id: string }>;
      if (timed) {
        const took = performance.now() - sent;
        this.figures.pullMs.push(took);
        this.figures.pullMsBy.set(collection, [...(this.figures.pullMsBy.get(collection) ?? []), took]);
      }
      for (const document of page.documents) {
        if (collection === 'products') this.products.set(document.id, document as unknown as Product);
        if (collection === 'stores' && document.id === this.till.storeId) this.store = document as unknown as Store;
      }
      this.checkpoints.set(collection, page.checkpoint);
      if (page.documents.length < PAGE) return;
    }
  }

  async firstSync(): Promise<void> {
    for (const collection of PULLED_COLLECTIONS) await this.pull(collection, false);
    if (!this.store || this.products.size === 0) throw new Error(`${this.till.id}: its first sync brought no store or no products`);
  }

  /** Makes one sale of 1–5 distinct products, 1–3 units each, paid in cash, and queues its push. */
  sell(): void {
    const store = this.store!;
    const catalogue = [...this.products.values()];
    const picked = new Set<number>();
    const lines = 1 + Math.floor(this.random() * 5);
    while (picked.size < lines) picked.add(Math.floor(this.random() * catalogue.length));
    const items: CartItem[] = [...picked].map((index) => {
      const product = catalogue[index];
      return { product, quantity: String(1 + Math.floor(this.random() * 3)), taxRatePercent: product.taxClass === 'standard' ? '20' : '7' };
    });
    const gross = dec(priceItems(items, store.pricing).totals.gross);
    const sale = buildCashSale(items, gross.div(10).ceil().mul(10).toFixed(2), {
      id: crypto.randomUUID(),
      number: ++this.made,
      store,
      till: { id: this.till.id, code: this.till.code },
      cashier: { id: `cashier-${store.id}-alex`, name: 'Alex Cashier' },
      completedAt: new Date().toISOString(),
    });
    for (const movement of sale.stockMovements) this.sold.set(movement.productId, (this.sold.get(movement.productId) ?? new Dec(0)).minus(dec(movement.quantity)));
    this.queue.push(sale);
    this.pushing ??= this.pushQueued().finally(() => (this.pushing = undefined));
  }

  /** Pushes what waits, oldest first, as the till's replication does: a failed push is sent again. */
  private async pushQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, 100);
      const sent = performance.now();
      try {
        const response = await fetch(`${this.serverUrl}${syncPaths.push('sales')}`, {
          method: 'POST',
          headers: { ...this.headers, 'content-type': 'application/json' },
          body: JSON.stringify(batch.map((sale) => ({ newDocumentState: { ...sale, _deleted: false } }))),
        });
        const answer = (await response.json()) as unknown[] | { conflicts?: unknown[] };
        this.figures.pushMs.push(performance.now() - sent);
        const conflicts = Array.isArray(answer) ? answer : (answer.conflicts ?? []);
        if (!response.ok || conflicts.length > 0) {
          if (response.status === 429) this.figures.rateLimited++;
          this.figures.pushFailures.push(`${this.till.id}: ${response.status} ${JSON.stringify(answer).slice(0, 200)}`);
          await sleep(1000);
          continue;
        }
        this.queue.splice(0, batch.length);
      } catch (error) {
        this.figures.pushFailures.push(`${this.till.id}: ${(error as Error).message}`);
        await sleep(1000);
      }
    }
  }

  /** Resolves once nothing waits to be pushed. */
  async drained(): Promise<void> {
    while (this.pushing) await this.pushing;
  }
}

interface StockReport {
  products: { productId: string; opening: string; sold: string; quantity: string }[];
}

interface Summary {
  salesCount: number;
  tills: { id: string; lastNumber: number }[];
}

async function run(settings: Settings, cleanUps: (() => Promise<void>)[]) {
  let url = settings.database;
  if (!url) {
    const lane = await postgresLane();
    if (!lane.reachable) throw new Error(`PostgreSQL is not reachable at ${lane.url} (${lane.reason}): give --database or KASSA_TEST_PG_URL`);
    const database = await createTestDatabase();
    cleanUps.push(() => database.drop());
    url = database.url;
  }
  const tillCount = settings.stores * settings.tillsPerStore;
  log(`seeding ${settings.stores} stores x ${settings.tillsPerStore} tills, ${settings.products} products, and pairing ${tillCount} tills`);
  const seedStarted = performance.now();
  const chainTills = await seedChain(url, settings);
  log(`seeded and paired in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; starting the server with ${settings.processes} processes`);

  const server = new SyncServerProcess(temporaryFolder('kassa-load-chain-'), await freePort(), ['--database', url, '--processes', String(settings.processes), '--no-demo']);
  cleanUps.unshift(async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  });
  await server.start();
  if (settings.processes > 1) await server.waitForLine(new RegExp(`with ${settings.processes} processes`), 120_000);

  const figures: Figures = { pushMs: [], pullMs: [], pullMsBy: new Map(), pushFailures: [], pullFailures: 0, rateLimited: 0 };
  const random = seededRandom(settings.seed);
  const tills = chainTills.map((till, index) => new LightTill(till, server.url, figures, seededRandom(settings.seed * 1000 + index + 1)));
  const firstSyncStarted = performance.now();
  // A few at a time: each first sync pulls the whole catalogue and every stock level of its store.
  await inTurns(tills, 8, (till) => till.firstSync());
  log(`every till took its first sync in ${((performance.now() - firstSyncStarted) / 1000).toFixed(1)} s`);

  const storeIds = [...new Set(chainTills.map((till) => till.storeId))];
  const opening = new Map<string, Map<string, Dec>>();
  const before = new Map<string, number>();
  for (const id of storeIds) {
    opening.set(id, new Map((await server.json<StockReport>(`/api/office/stock?store=${id}`)).products.map((row) => [row.productId, dec(row.quantity)])));
    before.set(id, (await server.json<Summary>(`/api/office/summary?store=${id}`)).salesCount);
  }

  log(`selling for ${settings.seconds} s: each till one sale every ${settings.saleEvery} s (±25%), pulling ${LIVE_COLLECTIONS.join(' and ')} every ${settings.pullEvery} s`);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpuBefore = readCpu(server.pid);
  const windowStart = performance.now();
  const windowEnd = windowStart + settings.seconds * 1000;
  const jitter = (seconds: number) => seconds * 1000 * (0.75 + random() * 0.5);
  const pulling: Promise<void>[] = [];
  await Promise.all(
    tills.map(async (till) => {
      // Tills start at random points of their first interval, as a chain's tills do.
      let at = windowStart + random() * settings.saleEvery * 1000;
      let pullAt = windowStart + random() * settings.pullEvery * 1000;
      const pulls = (async () => {
        for (;;) {
          if (pullAt >= windowEnd) return;
          await sleep(Math.max(0, pullAt - performance.now()));
          for (const collection of LIVE_COLLECTIONS) await till.pull(collection, true);
          pullAt += jitter(settings.pullEvery);
        }
      })();
      pulling.push(pulls);
      for (;;) {
        if (at >= windowEnd) return;
        await sleep(Math.max(0, at - performance.now()));
        till.sell();
        at += jitter(settings.saleEvery);
      }
    }),
  );
  await Promise.all(pulling);
  const sellingSeconds = (performance.now() - windowStart) / 1000;
  const drainStart = performance.now();
  const drainLimit = new AbortController();
  await Promise.race([Promise.all(tills.map((till) => till.drained())), sleep(settings.drainSeconds * 1000, undefined, { signal: drainLimit.signal }).catch(() => undefined)]);
  drainLimit.abort();
  const drainSeconds = (performance.now() - drainStart) / 1000;
  const cpu = cpuBetween(cpuBefore, readCpu(server.pid));
  loop.disable();
  const made = tills.reduce((total, till) => total + till.made, 0);
  log(`selling stopped: ${made} sales made; every push answered ${drainSeconds.toFixed(1)} s later; checking`);

  const failures: string[] = [];
  let stored = 0;
  let stockProblems = 0;
  const examples: string[] = [];
  for (const id of storeIds) {
    const ofStore = tills.filter((till) => till.till.storeId === id);
    const summary = await server.json<Summary>(`/api/office/summary?store=${id}`);
    const storeStored = summary.salesCount - (before.get(id) ?? 0);
    stored += storeStored;
    const storeMade = ofStore.reduce((total, till) => total + till.made, 0);
    if (storeStored !== storeMade) failures.push(`${id}: server holds ${storeStored} sales, its tills made ${storeMade}`);
    const lastNumbers = new Map(summary.tills.map((till) => [till.id, till.lastNumber]));
    for (const till of ofStore) if (lastNumbers.get(till.till.id) !== till.made) failures.push(`${till.till.id}: made ${till.made} sales, the server applied up to number ${lastNumbers.get(till.till.id)}`);
    const sold = new Map<string, Dec>();
    for (const till of ofStore) for (const [productId, units] of till.sold) sold.set(productId, (sold.get(productId) ?? new Dec(0)).plus(units));
    const report = await server.json<StockReport>(`/api/office/stock?store=${id}`);
    const start = opening.get(id)!;
    if (report.products.length !== start.size) failures.push(`${id}: the stock report has ${report.products.length} products, the opening had ${start.size}`);
    for (const row of report.products) {
      const units = sold.get(row.productId) ?? new Dec(0);
      const first = start.get(row.productId);
      if (!first || !dec(row.quantity).eq(first.minus(units)) || !dec(row.sold).eq(units)) {
        stockProblems++;
        if (examples.length < 5) examples.push(`${id} ${row.productId}: server ${row.quantity} (sold ${row.sold}), expected ${first ? toQuantityString(first.minus(units)) : '?'} (sold ${toQuantityString(units)})`);
      }
    }
  }
  if (stockProblems > 0) failures.push(`central stock wrong for ${stockProblems} products (${examples.join('; ')})`);
  if (figures.pushFailures.length > 0) failures.push(`${figures.pushFailures.length} pushes failed (${figures.pushFailures.slice(0, 3).join('; ')})`);
  if (figures.pullFailures > 0) failures.push(`${figures.pullFailures} pulls failed`);
  if (figures.rateLimited > 0) failures.push(`the server turned away ${figures.rateLimited} requests with 429`);
  if (made === 0) failures.push('no sale was made');

  return {
    settings: { ...settings, database: settings.database ? '(given)' : '(a fresh database on the test lane server)' },
    tills: tillCount,
    sellingSeconds,
    drainSeconds,
    made,
    stored,
    offeredSalesPerSecond: Math.round((made / settings.seconds) * 100) / 100,
    pushes: figures.pushMs.length,
    pulls: figures.pullMs.length,
    pushLatencyMs: distribution(figures.pushMs),
    pullLatencyMs: distribution(figures.pullMs),
    pullLatencyMsByCollection: Object.fromEntries([...figures.pullMsBy].map(([collection, values]) => [collection, distribution(values)])),
    runnerEventLoopDelayMs: { p99: Math.round(loop.percentile(99) / 1e5) / 10, max: Math.round(loop.max / 1e5) / 10 },
    cpuSeconds: cpu,
    stockExact: stockProblems === 0,
    failures,
  };
}

/** The chain mode's whole run: seeds, starts the server, sells, checks, prints, writes the figures; exit code 1 on FAIL. */
export async function runChain(argv: string[]): Promise<void> {
  const settings = readSettings(argv);
  const loadAverageBefore = os.loadavg()[0];
  const cleanUps: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const each of cleanUps.splice(0)) await each().catch((error: unknown) => console.error(error));
  };
  const onSignal = () => void cleanUp().then(() => process.exit(1));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let result: Awaited<ReturnType<typeof run>>;
  try {
    result = await run(settings, cleanUps);
  } finally {
    await cleanUp();
  }
  const ms = (value: { median: number; p95: number; p99: number; max: number; count: number }) => `p50 ${value.median} ms, p95 ${value.p95} ms, p99 ${value.p99} ms, max ${value.max} ms (${value.count})`;
  console.log(`\nKassa chain load (light tills): ${settings.stores} stores x ${settings.tillsPerStore} tills = ${result.tills}, ${settings.products} products, PostgreSQL, ${settings.processes} server processes`);
  console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown'}, Node ${process.version}, load average ${loadAverageBefore.toFixed(1)} before the run; server, PostgreSQL and all tills (this process) share it`);
  const rows: [string, string][] = [
    ['selling', `${settings.seconds} s (the last pulls answered after ${result.sellingSeconds.toFixed(1)} s), one sale per till every ${settings.saleEvery} s (±25%): ${result.made} sales, ${result.offeredSalesPerSecond} sales/s offered`],
    ['sales held by the server', `${result.stored} (every push answered ${result.drainSeconds.toFixed(1)} s after selling stopped)`],
    ['push latency', ms(result.pushLatencyMs)],
    ['pull latency (stock levels, tills)', ms(result.pullLatencyMs)],
    ...Object.entries(result.pullLatencyMsByCollection).map(([collection, value]): [string, string] => [`  pulls of ${collection}`, ms(value)]),
    ['runner event loop lateness', `p99 ${result.runnerEventLoopDelayMs.p99} ms, max ${result.runnerEventLoopDelayMs.max} ms (part of every latency above)`],
    ['CPU seconds while selling', result.cpuSeconds ? `server ${result.cpuSeconds.server}, PostgreSQL ${result.cpuSeconds.postgres}, tills (this process) ${result.cpuSeconds.bench}, machine ${result.cpuSeconds.machine}` : '-'],
    ['central stock exact', `${result.stockExact ? 'yes' : 'NO'} (${settings.stores} stores x ${settings.products} products)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  for (const failure of result.failures) console.log(`  problem: ${failure}`);
  const out = path.resolve(projectRoot, settings.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ finishedAt: new Date().toISOString(), loadAverageBefore, ...result }, null, 2)}\n`);
  console.log(`  results in ${path.relative(projectRoot, out)}`);
  const headline = `${result.tills} tills in ${settings.stores} stores, ${result.stored} sales, push p95 ${result.pushLatencyMs.p95} ms, pull p95 ${result.pullLatencyMs.p95} ms, stock exact ${result.stockExact ? 'yes' : 'NO'}`;
  if (result.failures.length === 0) console.log(`load: PASS ${headline}`);
  else {
    console.log(`load: FAIL ${result.failures.length} problems; ${headline}`);
    process.exitCode = 1;
  }
}
