/**
 * Reports over two years of a chain: `--stores` stores (default 50) with 4 tills and 3 cashiers each,
 * `--lines` sale lines (default 2,000,000; 4 to a sale, one sale in twenty a return) spread over the
 * 730 days ending today on a catalogue of `--products` products (default 10,000) in 40 categories,
 * paid in cash, by card or both, at two tax rates; three sales in ten name one of 20,000 customers, one
 * in twenty has a line discount and one in fifty a voided line. Each store holds stock of every
 * product, and its last 60 days of sales are in its stock ledger (what running low reads; slow movers
 * read the last day each product sold, kept from the facts); seven products in ten have a preferred supplier (3, 7 or 14 days' lead time) and the first
 * ten stores a fixed min/max for 300 products each, so running low works out reorder points. The
 * sales are made in memory and their report facts worked out by the server's own code (`saleFacts`,
 * `mergeFacts`) and added in bulk, as applying them would (not timed), on a fresh database per
 * storage: a SQLite file in a temporary folder, and a PostgreSQL database of its own, dropped
 * afterwards (skipped, and said so, where PostgreSQL cannot be reached).
 *
 * Timed in process on the server's own code (what GET /api/office/reports/* answer): every grouping
 * of the sales report, the dashboard, what sells (by units and by margin), margins, customers,
 * control and the accountant's days, over two years, 30 days and one day; slow movers and running
 * low as of today; each for all the stores and for one, `--runs` times each (default 5). Target: p95
 * <= 300 ms on SQLite and on PostgreSQL.
 *
 * `npx tsx e2e/bench/reports/reports.ts [--stores=50] [--lines=2000000] [--products=10000] [--runs=5]`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { mergeFacts, saleFacts, stockLevelId, supplierProductId, SALES_GROUPINGS, type Product, type ReportFact, type Sale, type Store } from '../../../shared/src/index.js';
import { seededRandom } from '../../../shared/src/seeded-random.js';
import { openDatabase } from '../../../sync-server/src/database.js';
import { accountingReport, controlReport } from '../../../sync-server/src/reports/control.js';
import { customersReport } from '../../../sync-server/src/reports/customers.js';
import { marginsReport, productsReport, slowMoversReport } from '../../../sync-server/src/reports/products.js';
import { Reports } from '../../../sync-server/src/reports/reports.js';
import { runningLowReport } from '../../../sync-server/src/reports/running-low.js';
import { Repository } from '../../../sync-server/src/repository.js';
import type { DocumentWrite, LedgerEntry, StoragePort } from '../../../sync-server/src/storage/port.js';
import { PostgresStorage } from '../../../sync-server/src/storage/postgres/postgres-storage.js';
import { createTestDatabase, postgresLane } from '../../../sync-server/src/storage/postgres/testing.js';
import { SqliteStorage } from '../../../sync-server/src/storage/sqlite/sqlite-storage.js';
import { temporaryFolder } from '../../support/processes.js';

export const REPORT_TARGET_MS = 300;
const DAY_MS = 86_400_000;
const DAYS = 730;
const LINES_PER_SALE = 4;
const CUSTOMERS = 20_000;
/** The preferred suppliers' lead times in days. */
const SUPPLIER_LEAD_TIMES = [3, 7, 14];
/** The days of sales, up to today, written to the stock ledger as well. */
const LEDGER_DAYS = 60;

export interface ReportCase {
  report: string;
  span: string;
  stores: string;
  runsMs: number[];
}

export interface ReportsRun {
  storage: 'sqlite' | 'postgres';
  facts: number;
  seedSeconds: number;
  cases: ReportCase[];
  /** Over every run of every case. */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  slowest: { report: string; span: string; stores: string; maxMs: number }[];
}

const percentile = (sorted: readonly number[], share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
const tenths = (ms: number) => Math.round(ms * 10) / 10;

/** The chain's stores, tills and products as documents, written in slices. */
async function seedDocuments(storage: StoragePort, stores: readonly Store[], products: readonly Product[]): Promise<void> {
  const repository = new Repository(storage);
  const documents: (Omit<DocumentWrite, 'body'> & { body: { id: string } & Record<string, unknown> })[] = [];
  for (const store of stores) {
    documents.push({ collection: 'stores', body: store, storeId: store.id, seq: 0 });
    for (let till = 1; till <= 4; till++) documents.push({ collection: 'tills', body: { id: `${store.id}-till-${till}`, storeId: store.id, code: `T${till}`, name: `Till ${till}`, lastNumber: 0 }, storeId: store.id, seq: 0 });
    for (let cashier = 1; cashier <= 3; cashier++) documents.push({ collection: 'cashiers', body: { id: `${store.id}-cashier-${cashier}`, storeId: store.id, name: `Cashier ${cashier}`, role: 'cashier', pin: 'x', active: true }, storeId: store.id, seq: 0 });
  }
  for (const product of products) documents.push({ collection: 'products', body: product, storeId: null, seq: 0 });
  // Suppliers as a chain has them: three (3, 7 and 14 days' lead time), the preferred one of seven
  // products in ten; and a fixed min/max for 300 products in each of the first ten stores.
  const updatedAt = products[0]?.updatedAt ?? new Date().toISOString();
  SUPPLIER_LEAD_TIMES.forEach((leadTimeDays, index) => {
    documents.push({ collection: 'suppliers', body: { id: `bench-supplier-${index}`, name: `Bench supplier ${index}`, contact: {}, currency: 'EUR', leadTimeDays, orderDays: [], active: true, updatedAt }, storeId: null, seq: 0 });
  });
  products.forEach((product, index) => {
    if (index % 10 >= 7) return;
    const supplierId = `bench-supplier-${index % SUPPLIER_LEAD_TIMES.length}`;
    documents.push({ collection: 'supplierProducts', body: { id: supplierProductId(supplierId, product.id), supplierId, productId: product.id, supplierSku: `S-${product.sku}`, packSize: '6', packCost: '3.00', preferred: true, updatedAt }, storeId: null, seq: 0 });
  });
  for (const store of stores.slice(0, 10)) {
    products.slice(0, 300).forEach((product, index) => {
      documents.push({ collection: 'reorderRules', body: { id: `${store.id}:${product.id}`, storeId: store.id, productId: product.id, min: String(index % 40), max: String((index % 40) + 20), updatedAt }, storeId: store.id, seq: 0 });
    });
  }
  await writeInSlices(repository, documents);
}

/** Documents written 5,000 to a transaction, each numbered as the server numbers its writes. */
async function writeInSlices(repository: Repository, documents: DocumentWrite[]): Promise<void> {
  for (let start = 0; start < documents.length; start += 5000) {
    await repository.write(async (writer) => {
      const slice = documents.slice(start, start + 5000);
      for (const document of slice) document.seq = await writer.seq();
      await writer.tx.documents.putMany(slice);
    }, 5000);
  }
}

/** The sales of one store and day, made in memory (amounts in cents), as a till would have. */
function salesOf(random: () => number, store: Store, day: number, count: number, products: readonly Product[], number: { value: number }): Sale[] {
  const sales: Sale[] = [];
  const cents = (value: number) => (value / 100).toFixed(2);
  for (let index = 0; index < count; index++) {
    const returned = random() < 0.05;
    const lines = Array.from({ length: LINES_PER_SALE }, () => {
      // Squared: a few products sell most.
      const product = products[Math.floor(random() ** 2 * products.length)];
      const quantity = 1 + Math.floor(random() * 3);
      const rate = product.taxClass === 'standard' ? 20 : 7;
      const gross = quantity * (100 + Math.floor(random() * 900));
      const net = Math.round((gross * 100) / (100 + rate));
      return { productId: product.id, sku: product.sku, name: product.name, unit: product.unit, quantity: String(quantity), unitPrice: cents(gross / quantity), taxClassId: product.taxClass, taxRatePercent: String(rate), net: cents(net), tax: cents(gross - net), gross: cents(gross) };
    });
    const total = (pick: (line: (typeof lines)[number]) => string) => lines.reduce((sum, line) => sum + Math.round(Number(pick(line)) * 100), 0);
    const gross = total((line) => line.gross);
    const card = random() < 0.5 ? gross : random() < 0.3 ? Math.floor(gross / 2) : 0;
    const payments = [...(card > 0 ? [{ tender: 'card' as const, amount: cents(card), tendered: cents(card), change: '0.00' }] : []), ...(gross - card > 0 ? [{ tender: 'cash' as const, amount: cents(gross - card), tendered: cents(gross - card), change: '0.00' }] : [])];
    const rates = [...new Set(lines.map((line) => line.taxRatePercent))];
    const madeAt = new Date(day * DAY_MS + (8 + Math.floor(random() * 12)) * 3_600_000 + Math.floor(random() * 3_600_000)).toISOString();
    const till = 1 + Math.floor(random() * 4);
    const cashierId = `${store.id}-cashier-${1 + Math.floor(random() * 3)}`;
    const customer = random() < 0.3 ? Math.floor(random() * CUSTOMERS) : undefined;
    // One sale in twenty has 10 % off its first line; one in fifty a line voided before payment.
    const discounted = !returned && random() < 0.05;
    if (discounted) lines[0] = { ...lines[0], discount: cents(Math.round(Number(lines[0].gross) * 10)) } as (typeof lines)[number];
    const voided = !returned && random() < 0.02;
    sales.push({
      id: `${store.id}-sale-${++number.value}`,
      kind: returned ? 'return' : 'sale',
      storeId: store.id,
      tillId: `${store.id}-till-${till}`,
      number: number.value,
      receiptNumber: `${store.code}-${number.value}`,
      cashierId,
      cashierName: 'Cashier',
      ...(customer === undefined ? {} : { customer: { id: `bench-customer-${customer}`, name: `Customer ${customer}` } }),
      ...(discounted ? { adjustments: [{ kind: 'line-discount', line: 0, amount: '10', percent: '10', reason: 'bench', by: { id: cashierId, name: 'Cashier' } }] } : {}),
      ...(voided ? { voids: [{ productId: lines[1].productId, name: lines[1].name, quantity: '1', gross: '1.00', by: { id: cashierId, name: 'Cashier' } }] } : {}),
      completedAt: madeAt,
      currency: 'EUR',
      pricing: { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 },
      lines,
      taxes: rates.map((rate) => {
        const ofRate = lines.filter((line) => line.taxRatePercent === rate);
        const sum = (pick: (line: (typeof lines)[number]) => string) => cents(ofRate.reduce((all, line) => all + Math.round(Number(pick(line)) * 100), 0));
        return { taxClassId: ofRate[0].taxClassId, taxRatePercent: rate, net: sum((line) => line.net), tax: sum((line) => line.tax), gross: sum((line) => line.gross) };
      }),
      totals: { net: cents(total((line) => line.net)), tax: cents(total((line) => line.tax)), gross: cents(gross) },
      payments,
      stockMovements: lines.map((line) => ({ productId: line.productId, quantity: returned ? line.quantity : `-${line.quantity}` })),
    } as Sale);
  }
  return sales;
}

async function seed(storage: StoragePort, options: { stores: number; lines: number; products: number }, today: number): Promise<number> {
  const stores: Store[] = Array.from({ length: options.stores }, (_, index) => ({
    id: `bench-store-${String(index + 1).padStart(2, '0')}`,
    code: `B${index + 1}`,
    name: `Bench store ${index + 1}`,
    currency: 'EUR',
    pricing: { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 },
    negativeStock: 'warn',
  })) as Store[];
  const products: Product[] = Array.from({ length: options.products }, (_, index) => ({
    id: `bench-product-${String(index).padStart(6, '0')}`,
    sku: `BP${index}`,
    name: `Bench product ${index}`,
    barcodes: [],
    unit: 'piece',
    taxClass: index % 3 === 0 ? 'standard' : 'reduced',
    price: '1.00',
    // One product in 25 costs close to what it sells for (1.00 to 9.99 a unit), so the margins report
    // has a weak-margin list to work out, as a shop's would.
    cost: index % 25 === 7 ? '4.00' : (0.4 + (index % 50) / 100).toFixed(2),
    category: `Category ${index % 40}`,
    active: true,
    updatedAt: new Date(today).toISOString(),
  })) as Product[];
  await seedDocuments(storage, stores, products);
  const random = seededRandom(15);
  const byId = new Map(products.map((product) => [product.id, product]));
  const costs = new Map(products.map((product) => [product.id, product.cost]));
  const salesPerStoreDay = options.lines / LINES_PER_SALE / options.stores / DAYS;
  const firstDay = Math.floor(today / DAY_MS) - DAYS + 1;
  let added = 0;
  for (const store of stores) {
    const number = { value: 0 };
    let facts: ReportFact[] = [];
    let ledger: LedgerEntry[] = [];
    for (let day = firstDay; day < firstDay + DAYS; day++) {
      // Whole sales per day, about the average, so the lines add up to --lines over the chain.
      const count = Math.floor(salesPerStoreDay + random());
      for (const sale of salesOf(random, store, day, count, products, number)) {
        facts.push(...saleFacts(sale, { madeAt: sale.completedAt, unitCosts: costs, products: byId }));
        if (day > firstDay + DAYS - 1 - LEDGER_DAYS) {
          for (const movement of sale.stockMovements) {
            ledger.push({ storeId: store.id, productId: movement.productId, source: sale.kind === 'return' ? 'return' : 'sale', documentId: sale.id, quantity: movement.quantity, recordedAt: sale.completedAt, unitCost: costs.get(movement.productId) ?? null });
          }
        }
      }
      if (facts.length > 20_000 || day === firstDay + DAYS - 1) {
        const merged = mergeFacts(facts);
        const rows = ledger;
        await storage.transaction(async (tx) => {
          await tx.reports.add(merged);
          await tx.ledger.append(rows);
        });
        added += merged.length;
        facts = [];
        ledger = [];
      }
    }
    // Stock of every product: most have some, one in thirty none left.
    const levels: DocumentWrite[] = products.map((product) => {
      const quantity = random() < 1 / 30 ? 0 : 1 + Math.floor(random() * 40);
      return { collection: 'stockLevels', body: { id: stockLevelId(store.id, product.id), storeId: store.id, productId: product.id, quantity: String(quantity), applied: {} }, storeId: store.id, seq: 0 };
    });
    await writeInSlices(new Repository(storage), levels);
  }
  return added;
}

interface Opened {
  storage: StoragePort;
  settle(): Promise<void>;
  close(): Promise<void>;
}

async function openSqlite(): Promise<Opened> {
  const folder = temporaryFolder('kassa-bench-reports-');
  const storage = new SqliteStorage(openDatabase(path.join(folder, 'kassa.sqlite')));
  return {
    storage,
    async settle() {},
    async close() {
      await storage.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<Opened> {
  const database = await createTestDatabase();
  const storage = await PostgresStorage.open(database.url);
  return {
    storage,
    async settle() {
      // The facts seeded wait as pending rows until a fold adds them (postgres-storage.ts); two
      // years loaded in a minute are folded here, before the timing, as a read would fold them.
      await storage.reports.any();
      await storage.pool.query('VACUUM ANALYZE');
    },
    async close() {
      await storage.close();
      await database.drop();
    },
  };
}

async function run(kind: 'sqlite' | 'postgres', options: { stores: number; lines: number; products: number; runs: number }): Promise<ReportsRun> {
  const opened = kind === 'sqlite' ? await openSqlite() : await openPostgres();
  try {
    const started = performance.now();
    const today = Date.now();
    const facts = await seed(opened.storage, options, today);
    await opened.settle();
    const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
    console.log(`reports on ${kind}: seeded ${facts} report facts in ${seedSeconds} s; load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
    const repository = new Repository(opened.storage);
    const reports = new Reports(repository);
    const allStores = await reports.stores(undefined, () => true);
    const oneStore = allStores.slice(0, 1);
    const day = (daysAgo: number) => new Date(today - daysAgo * DAY_MS).toISOString().slice(0, 10);
    const spans = [
      { span: 'two years', from: day(DAYS - 1), to: day(0) },
      { span: '30 days', from: day(29), to: day(0) },
      { span: 'one day', from: day(3), to: day(3) },
      // Slow movers and running low are as of today, whatever the span.
      { span: 'today', from: day(0), to: day(0) },
    ];
    const cases: ReportCase[] = [];
    for (const { span, from, to } of spans) {
      for (const [storesName, stores] of [
        [`all ${allStores.length}`, allStores],
        ['one', oneStore],
      ] as const) {
        const work: [string, () => Promise<unknown>][] =
          span === 'today'
            ? [
                ['slow movers', () => slowMoversReport(reports, stores, { days: '60' })],
                ['running low', () => runningLowReport(reports, stores, { windowDays: '28', coverDays: '7' })],
                ['stock value', () => reports.stockValue(stores)],
              ]
            : [
                ...SALES_GROUPINGS.map((by): [string, () => Promise<unknown>] => [`sales by ${by}`, () => reports.sales(stores, from, to, by)]),
                ['dashboard', () => reports.dashboard(stores, from, to)],
                ['what sells by units', () => productsReport(reports, stores, { from, to, order: 'quantity' })],
                ['what sells by margin', () => productsReport(reports, stores, { from, to, order: 'margin' })],
                ['margins', () => marginsReport(reports, stores, { from, to })],
                ['customers', () => customersReport(reports, stores, { from, to })],
                ['control', () => controlReport(reports, stores, { from, to })],
                ['accounting', () => accountingReport(reports, stores, { from, to })],
              ];
        for (const [report, call] of work) {
          const runsMs: number[] = [];
          for (let index = 0; index < options.runs; index++) {
            const begin = performance.now();
            await call();
            runsMs.push(tenths(performance.now() - begin));
          }
          cases.push({ report, span, stores: storesName, runsMs });
        }
      }
    }
    const all = cases.flatMap((one) => one.runsMs).sort((a, b) => a - b);
    const slowest = cases
      .map((one) => ({ report: one.report, span: one.span, stores: one.stores, maxMs: Math.max(...one.runsMs) }))
      .sort((a, b) => b.maxMs - a.maxMs)
      .slice(0, 5);
    const result: ReportsRun = { storage: kind, facts, seedSeconds, cases, p50Ms: percentile(all, 0.5), p95Ms: percentile(all, 0.95), maxMs: all[all.length - 1], slowest };
    console.log(`  ${cases.length} reports × ${options.runs} runs: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms; load average ${os.loadavg()[0].toFixed(2)}`);
    for (const one of slowest) console.log(`  slowest: ${one.report}, ${one.span}, ${one.stores} store(s): ${one.maxMs} ms`);
    // Each report's slowest run over its spans, for all the stores and for one.
    const byReport = new Map<string, { all: number; one: number }>();
    for (const one of cases) {
      const found = byReport.get(one.report) ?? { all: 0, one: 0 };
      const slowestRun = Math.max(...one.runsMs);
      if (one.stores === 'one') found.one = Math.max(found.one, slowestRun);
      else found.all = Math.max(found.all, slowestRun);
      byReport.set(one.report, found);
    }
    console.log(`  slowest run per report (all stores / one): ${[...byReport].map(([report, { all, one }]) => `${report} ${all}/${one} ms`).join('; ')}`);
    return result;
  } finally {
    await opened.close();
  }
}

export async function runReports(options: { stores?: number; lines?: number; products?: number; runs?: number } = {}): Promise<ReportsRun[]> {
  const settled = { stores: options.stores ?? 50, lines: options.lines ?? 2_000_000, products: options.products ?? 10_000, runs: options.runs ?? 5 };
  console.log(`reports: ${settled.stores} stores, ${settled.lines} sale lines over ${DAYS} days, ${settled.products} products; ${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  const runs = [await run('sqlite', settled)];
  if ((await postgresLane()).reachable) runs.push(await run('postgres', settled));
  else console.log('reports on PostgreSQL: skipped, PostgreSQL not reachable');
  return runs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { stores: { type: 'string', default: '50' }, lines: { type: 'string', default: '2000000' }, products: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } } });
  const runs = await runReports({ stores: Number(values.stores), lines: Number(values.lines), products: Number(values.products), runs: Number(values.runs) });
  console.table(runs.map((one) => ({ storage: one.storage, facts: one.facts, 'p50 ms': one.p50Ms, 'p95 ms': one.p95Ms, 'max ms': one.maxMs, 'met (p95 <= 300 ms)': one.p95Ms <= REPORT_TARGET_MS ? 'yes' : 'NO' })));
}
