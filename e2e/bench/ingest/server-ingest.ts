/**
 * Server ingest benchmark: how many sales per second the sync server takes in and applies to the
 * central stock, over HTTP and in-process, beside the same rows inserted straight into SQLite with
 * better-sqlite3. The ratio is our overhead (targets: >= 2,000 sales/s, within 3x of raw).
 *
 * Run at full size with `npx tsx e2e/bench/ingest/server-ingest.ts [--sales=5000] [--products=10000]
 * [--batchSize=100] [--linesPerSale=5] [--tills=2]`.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  buildCashSale,
  Dec,
  dec,
  priceItems,
  stockLevelId,
  credentialHeader,
  toQuantityString,
  type CartItem,
  type Product,
  type Sale,
  type StockLevel,
  type Store,
  type Till,
} from '../../../shared/src/index.js';
import { openDatabase } from '../../../sync-server/src/database.js';
import { DEMO_STORE_ID, seedDemoStore } from '../../../sync-server/src/demo.js';
import { Repository } from '../../../sync-server/src/repository.js';
import { SqliteStorage } from '../../../sync-server/src/storage/sqlite/sqlite-storage.js';
import { pairTill, startServer, temporaryDatabaseFile, type RunningServer } from '../../../sync-server/src/testing.js';
import { StockBook } from '../../../sync-server/src/stock/stock-book.js';
import { Sales } from '../../../sync-server/src/sales/sales.js';

export interface IngestOptions {
  sales?: number;
  products?: number;
  batchSize?: number;
  linesPerSale?: number;
  tills?: number;
}

export interface IngestResult {
  sales: number;
  linesPerSale: number;
  batchSize: number;
  http: { seconds: number; salesPerSecond: number; pushLatencyMs: { median: number; p95: number; max: number } };
  /** Sales.push in-process, no HTTP. */
  repository: { seconds: number; salesPerSecond: number };
  /** The same rows straight into SQLite with better-sqlite3, one transaction per batch. */
  rawSqlite: { seconds: number; salesPerSecond: number };
  /**
   * The rows the server writes for the same sales (the sale, a ledger row per movement, each touched
   * stock level and the till once per batch) straight into the server's own tables, with nothing
   * validated, priced or read back.
   */
  rawSameRows: { seconds: number; salesPerSecond: number };
  /** rawSqlite.salesPerSecond / http.salesPerSecond: how many times slower the server is than raw inserts. */
  overheadRatio: number;
  /** rawSameRows.salesPerSecond / http.salesPerSecond: our overhead over writing the same rows by hand. */
  sameRowsOverheadRatio: number;
  /** rawSqlite.salesPerSecond / repository.salesPerSecond. */
  repositoryOverheadRatio: number;
  /** After the HTTP run, for every product: stock level == opening - sold, and ledger balance == level. */
  centralStockExact: boolean;
  /** Sales held by each database after its run (each should equal `sales`: stored exactly once). */
  stored: { http: number; repository: number; rawSqlite: number };
}

/** One till's share of the workload: its sales in number order, cut into push batches. */
export interface TillWorkload {
  till: Pick<Till, 'id' | 'code'>;
  batches: Sale[][];
}

export interface Workload {
  tills: TillWorkload[];
  /** Units sold per product over the whole workload, from the sales themselves, not the server. */
  soldByProduct: Map<string, Dec>;
}

export const DEFAULTS: Required<IngestOptions> = { sales: 5000, products: 10_000, batchSize: 100, linesPerSale: 5, tills: 2 };

/** A fixed seed makes every run sell the same products in the same quantities. */
const WORKLOAD_SEED = 0x4b415353;

/** mulberry32: a tiny deterministic generator, enough to spread lines over the catalogue. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function productId(index: number): string {
  return `p-${String(index + 1).padStart(6, '0')}`;
}

/** Registers tills beyond the demo store's two, so a run can push from any number of tills. */
export async function ensureTills(repository: Repository, count: number): Promise<void> {
  for (let number = 1; number <= count; number++) {
    const id = `till-${number}`;
    if (!(await repository.till(id))) await repository.putDocument('tills', { id, storeId: DEMO_STORE_ID, code: `T${number}`, name: `Till ${number}`, lastNumber: 0 } satisfies Till, DEMO_STORE_ID);
  }
}

/**
 * Builds every sale before anything is timed: sale k goes to till k mod tills, numbered gaplessly per
 * till from 1; each has `linesPerSale` distinct products in quantities of 1 to 3, paid in cash
 * rounded up to the next 10.
 */
export async function buildWorkload(repository: Repository, options: Required<IngestOptions>): Promise<Workload> {
  const store = await repository.getDocument<Store>('stores', DEMO_STORE_ID);
  if (!store) throw new Error(`the demo store ${DEMO_STORE_ID} is missing`);
  const catalogue: Product[] = [];
  for (let index = 0; index < options.products; index++) {
    const product = await repository.getDocument<Product>('products', productId(index));
    if (!product) throw new Error(`the demo catalogue has no product ${productId(index)}`);
    catalogue.push(product);
  }
  const tills: TillWorkload[] = [];
  for (let number = 1; number <= options.tills; number++) {
    const till = await repository.till(`till-${number}`);
    if (!till) throw new Error(`till-${number} is not registered`);
    tills.push({ till: { id: till.id, code: till.code }, batches: [] });
  }
  const random = seededRandom(WORKLOAD_SEED);
  const soldByProduct = new Map<string, Dec>();
  const nextNumber = new Map(tills.map((workload) => [workload.till.id, 1]));
  const started = Date.parse('2026-11-27T08:00:00.000Z');
  for (let k = 0; k < options.sales; k++) {
    const workload = tills[k % tills.length];
    const picked = new Set<number>();
    while (picked.size < options.linesPerSale) picked.add(Math.floor(random() * catalogue.length));
    const items: CartItem[] = [...picked].map((index) => {
      const product = catalogue[index];
      return { product, quantity: String(1 + Math.floor(random() * 3)), taxRatePercent: product.taxClass === 'standard' ? '20' : '7' };
    });
    const gross = dec(priceItems(items, store.pricing).totals.gross);
    const tendered = gross.div(10).ceil().mul(10).toFixed(2);
    const number = nextNumber.get(workload.till.id)!;
    nextNumber.set(workload.till.id, number + 1);
    const sale = buildCashSale(items, tendered, {
      id: randomUUID(),
      number,
      store,
      till: workload.till,
      cashier: { id: 'cashier-1', name: 'Bench Cashier' },
      completedAt: new Date(started + k * 1000).toISOString(),
    });
    // A sale's movements are negative (goods leave the shelf); sold counts them as positive units.
    for (const movement of sale.stockMovements) {
      soldByProduct.set(movement.productId, (soldByProduct.get(movement.productId) ?? new Dec(0)).minus(dec(movement.quantity)));
    }
    const last = workload.batches.at(-1);
    if (last && last.length < options.batchSize) last.push(sale);
    else workload.batches.push([sale]);
  }
  return { tills, soldByProduct };
}

export const row = (sale: Sale) => ({ newDocumentState: { ...sale, _deleted: false } });

/** The tills' batches taken in turn (till 1's first, till 2's first, till 1's second, ...): how concurrent pushes interleave on one thread. */
export function interleaved(workload: Workload): { tillId: string; batch: Sale[] }[] {
  const order: { tillId: string; batch: Sale[] }[] = [];
  const longest = Math.max(...workload.tills.map((till) => till.batches.length));
  for (let index = 0; index < longest; index++) {
    for (const till of workload.tills) if (index < till.batches.length) order.push({ tillId: till.till.id, batch: till.batches[index] });
  }
  return order;
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  // Nearest rank: the smallest value with at least `fraction` of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

/** Rounded for reading (whole sales/s, tenths of a millisecond); ratios are taken from these rates. */
function rate(sales: number, seconds: number): { seconds: number; salesPerSecond: number } {
  return { seconds: Math.round(seconds * 10_000) / 10_000, salesPerSecond: Math.round(sales / seconds) };
}

function tenths(milliseconds: number): number {
  return Math.round(milliseconds * 10) / 10;
}

function removeDatabaseFolder(file: string): void {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

/** Opening stock per product as the server holds it before any sale. */
export async function openingLevels(repository: Repository): Promise<Map<string, Dec>> {
  return new Map((await repository.listDocuments<StockLevel>('stockLevels', DEMO_STORE_ID)).map((level) => [level.productId, dec(level.quantity)]));
}

/** Every product's level equals its opening minus what the workload sold, and the ledger adds up to the level. */
export async function stockIsExact(repository: Repository, opening: Map<string, Dec>, soldByProduct: Map<string, Dec>): Promise<boolean> {
  const report = await new StockBook(repository).report(DEMO_STORE_ID);
  if (report.length !== opening.size) return false;
  for (const stock of report) {
    const start = opening.get(stock.productId);
    if (!start) return false;
    const expected = toQuantityString(start.minus(soldByProduct.get(stock.productId) ?? new Dec(0)));
    const level = await repository.getDocument<StockLevel>('stockLevels', stockLevelId(DEMO_STORE_ID, stock.productId));
    const exact =
      level !== undefined &&
      dec(level.quantity).eq(dec(expected)) &&
      dec(stock.quantity).eq(dec(expected)) &&
      dec(await repository.ledgerBalance(DEMO_STORE_ID, stock.productId)).eq(dec(level.quantity));
    if (!exact) return false;
  }
  return true;
}

/**
 * Sends each till's push bodies in order, the tills at the same time, to the server at `serverUrl`;
 * answers the time it took and each push's latency, sorted. A push refused or answered with a
 * conflict fails the run.
 */
export async function pushConcurrently(serverUrl: string, pushes: readonly { tillId: string; headers: Record<string, string>; bodies: string[] }[]): Promise<{ seconds: number; latencies: number[] }> {
  const url = `${serverUrl}/api/sync/sales/push`;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    pushes.map(async ({ tillId, headers, bodies }) => {
      for (const body of bodies) {
        const sent = performance.now();
        const response = await fetch(url, { method: 'POST', headers, body });
        const answer = (await response.json()) as { conflicts?: unknown[] };
        latencies.push(performance.now() - sent);
        if (!response.ok || answer.conflicts?.length) throw new Error(`push by ${tillId} answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

/** Each till pushes its own batches in number order, tills at the same time, as real tills would. */
async function runHttp(
  server: RunningServer,
  workload: Workload,
  options: Required<IngestOptions>,
): Promise<{ result: IngestResult['http']; centralStockExact: boolean; stored: number }> {
  const opening = await openingLevels(server.repository);
  // A till serialises its push body itself, so that is done before the clock starts too.
  const bodies = await Promise.all(
    workload.tills.map(async ({ till, batches }) => ({
      tillId: till.id,
      headers: { ...credentialHeader(await pairTill(server.url, till.id)), 'content-type': 'application/json' },
      bodies: batches.map((batch) => JSON.stringify(batch.map(row))),
    })),
  );
  const { seconds, latencies } = await pushConcurrently(server.url, bodies);
  return {
    result: {
      ...rate(options.sales, seconds),
      pushLatencyMs: { median: tenths(percentile(latencies, 0.5)), p95: tenths(percentile(latencies, 0.95)), max: tenths(latencies.at(-1) ?? 0) },
    },
    centralStockExact: await stockIsExact(server.repository, opening, workload.soldByProduct),
    stored: (await server.repository.salesCount(DEMO_STORE_ID)),
  };
}

/** The same push path without HTTP: Sales.push on a fresh database, the tills' batches in turn. */
async function runRepository(workload: Workload, options: Required<IngestOptions>): Promise<{ result: IngestResult['repository']; stored: number }> {
  const file = temporaryDatabaseFile('kassa-bench-repository-');
  const storage = new SqliteStorage(openDatabase(file));
  try {
    const repository = new Repository(storage);
    await seedDemoStore(repository, { products: options.products });
    await ensureTills(repository, options.tills);
    const rows = interleaved(workload).map(({ tillId, batch }) => ({ tillId, rows: batch.map(row) }));
    const sales = new Sales(repository);
    const started = performance.now();
    for (const push of rows) await sales.push(push.tillId, push.rows);
    return { result: rate(options.sales, (performance.now() - started) / 1000), stored: (await repository.salesCount(DEMO_STORE_ID)) };
  } finally {
    await storage.close();
    removeDatabaseFolder(file);
  }
}

/**
 * The floor: the same sales as JSON bodies into a one-table SQLite file with the server's pragmas,
 * one transaction per batch so each batch is made durable exactly as a push is. Serialising each sale
 * is timed, as the server serialises each sale it stores.
 */
function runRawSqlite(options: Required<IngestOptions>, workload: Workload): { result: IngestResult['rawSqlite']; stored: number } {
  const file = temporaryDatabaseFile('kassa-bench-raw-');
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE sales (id TEXT PRIMARY KEY, till_id TEXT, number INTEGER, body TEXT)`);
    const insert = db.prepare(`INSERT INTO sales (id, till_id, number, body) VALUES (?, ?, ?, ?)`);
    const insertBatch = db.transaction((batch: Sale[]) => {
      for (const sale of batch) insert.run(sale.id, sale.tillId, sale.number, JSON.stringify(sale));
    });
    const batches = interleaved(workload);
    const started = performance.now();
    for (const { batch } of batches) insertBatch(batch);
    const result = rate(options.sales, (performance.now() - started) / 1000);
    const stored = (db.prepare(`SELECT COUNT(*) AS count FROM sales`).get() as { count: number }).count;
    return { result, stored };
  } finally {
    db.close();
    removeDatabaseFolder(file);
  }
}

/** The same rows the server writes, by hand, in the server's own tables: the floor for what a push stores. */
function runRawSameRows(options: Required<IngestOptions>, workload: Workload): IngestResult['rawSameRows'] {
  const file = temporaryDatabaseFile('kassa-bench-rows-');
  const db = openDatabase(file);
  try {
    const insertSale = db.prepare(`INSERT INTO sales (id, store_id, till_id, number, body, received_seq, received_at, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertLedger = db.prepare(`INSERT INTO stock_ledger (store_id, product_id, source, document_id, quantity, recorded_at) VALUES (?, ?, 'sale', ?, ?, ?)`);
    const putDocument = db.prepare(
      `INSERT INTO documents (collection, id, store_id, seq, deleted, body) VALUES (?, ?, ?, ?, 0, ?)
       ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, body = excluded.body`,
    );
    const putPosition = db.prepare(`INSERT INTO stock_positions (store_id, product_id, quantity) VALUES (?, ?, ?) ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = excluded.quantity`);
    const levels = new Map<string, { quantity: number; applied: Record<string, number> }>();
    let seq = 0;
    const writeBatch = db.transaction((batch: Sale[]) => {
      const at = new Date().toISOString();
      const touched = new Set<string>();
      for (const sale of batch) {
        insertSale.run(sale.id, sale.storeId, sale.tillId, sale.number, JSON.stringify(sale), ++seq, at, at);
        for (const movement of sale.stockMovements) {
          insertLedger.run(sale.storeId, movement.productId, sale.id, movement.quantity, at);
          const level = levels.get(movement.productId) ?? { quantity: 100, applied: {} };
          level.quantity += Number(movement.quantity);
          level.applied[sale.tillId] = sale.number;
          levels.set(movement.productId, level);
          touched.add(movement.productId);
        }
      }
      for (const productId of touched) {
        const level = levels.get(productId)!;
        const id = stockLevelId(DEMO_STORE_ID, productId);
        putDocument.run('stockLevels', id, DEMO_STORE_ID, ++seq, JSON.stringify({ id, storeId: DEMO_STORE_ID, productId, quantity: String(level.quantity), applied: level.applied }));
        putPosition.run(DEMO_STORE_ID, productId, Math.round(level.quantity * 1000));
      }
      const last = batch.at(-1)!;
      putDocument.run('tills', last.tillId, DEMO_STORE_ID, ++seq, JSON.stringify({ id: last.tillId, storeId: DEMO_STORE_ID, lastNumber: last.number }));
    });
    const started = performance.now();
    for (const { batch } of interleaved(workload)) writeBatch(batch);
    return rate(options.sales, (performance.now() - started) / 1000);
  } finally {
    db.close();
    removeDatabaseFolder(file);
  }
}

/**
 * Pushes `sales` generated sales through the real sync server over HTTP, then through
 * Sales.push in-process, then inserts them straight into SQLite, each on its own fresh
 * database file, and compares the rates. Every sale is built before any clock starts.
 */
export async function runServerIngest(options: IngestOptions = {}): Promise<IngestResult> {
  const settings: Required<IngestOptions> = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got ${value}`);
  }
  if (settings.linesPerSale > settings.products) throw new Error(`linesPerSale (${settings.linesPerSale}) needs at least as many products, got ${settings.products}`);

  // One set of sales, built from the HTTP server's catalogue, goes through all three runs: the demo
  // catalogue is deterministic, so every fresh database holds the same products.
  const server = await startServer({ file: temporaryDatabaseFile('kassa-bench-http-'), products: settings.products });
  let workload: Workload;
  let http: Awaited<ReturnType<typeof runHttp>>;
  try {
    await ensureTills(server.repository, settings.tills);
    workload = await buildWorkload(server.repository, settings);
    http = await runHttp(server, workload, settings);
  } finally {
    await server.stop();
    removeDatabaseFolder(server.file);
  }
  const repository = await runRepository(workload, settings);
  const raw = runRawSqlite(settings, workload);
  const sameRows = runRawSameRows(settings, workload);

  return {
    sales: settings.sales,
    linesPerSale: settings.linesPerSale,
    batchSize: settings.batchSize,
    http: http.result,
    repository: repository.result,
    rawSqlite: raw.result,
    rawSameRows: sameRows,
    overheadRatio: raw.result.salesPerSecond / http.result.salesPerSecond,
    sameRowsOverheadRatio: sameRows.salesPerSecond / http.result.salesPerSecond,
    repositoryOverheadRatio: raw.result.salesPerSecond / repository.result.salesPerSecond,
    centralStockExact: http.centralStockExact,
    stored: { http: http.stored, repository: repository.stored, rawSqlite: raw.stored },
  };
}

/** The figures as a short report, the ratio beside each rate. */
export function formatIngestResult(result: IngestResult): string {
  const rate = (value: number) => `${Math.round(value).toLocaleString('en')} sales/s`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    `server ingest: ${result.sales} sales x ${result.linesPerSale} lines, batches of ${result.batchSize}`,
    `  HTTP push          ${rate(result.http.salesPerSecond).padStart(16)}  (${result.http.seconds.toFixed(2)} s; push latency median ${ms(result.http.pushLatencyMs.median)}, p95 ${ms(result.http.pushLatencyMs.p95)}, max ${ms(result.http.pushLatencyMs.max)})`,
    `  Sales.push         ${rate(result.repository.salesPerSecond).padStart(16)}  (${result.repository.seconds.toFixed(2)} s)`,
    `  raw better-sqlite3 ${rate(result.rawSqlite.salesPerSecond).padStart(16)}  (${result.rawSqlite.seconds.toFixed(2)} s)`,
    `  raw, same rows      ${rate(result.rawSameRows.salesPerSecond).padStart(16)}  (${result.rawSameRows.seconds.toFixed(2)} s)`,
    `  overhead vs one row per sale: HTTP ${result.overheadRatio.toFixed(2)}x, in-process ${result.repositoryOverheadRatio.toFixed(2)}x`,
    `  overhead vs the same rows written by hand: HTTP ${result.sameRowsOverheadRatio.toFixed(2)}x (target: within 3x)`,
    `  central stock exact: ${result.centralStockExact ? 'yes' : 'NO'}; stored once: ${[result.stored.http, result.stored.repository, result.stored.rawSqlite].every((count) => count === result.sales) ? 'yes' : 'NO'}`,
  ].join('\n');
}

function optionsFromArguments(argv: readonly string[]): IngestOptions {
  const options: IngestOptions = {};
  for (const argument of argv) {
    const match = /^--(sales|products|batchSize|linesPerSale|tills)=(\d+)$/.exec(argument);
    if (!match) throw new Error(`unknown argument "${argument}"; use --sales=, --products=, --batchSize=, --linesPerSale=, --tills=`);
    options[match[1] as keyof IngestOptions] = Number(match[2]);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(formatIngestResult(await runServerIngest(optionsFromArguments(process.argv.slice(2)))));
}
