/**
 * Server ingest on PostgreSQL: the real sync server as its own process (`main.ts --database <url>
 * --processes N`), for N = 1, 2 and 4, takes the same pre-built sales over HTTP from several tills
 * pushing at once (each till's batches in order), beside the same rows the server writes inserted
 * straight into PostgreSQL with `pg`, one transaction per batch, in the same run. Every run gets a
 * fresh database, dropped afterwards. Targets: >= 2,000 sales/s with 2 processes, within 3x of raw.
 *
 * `npx tsx e2e/bench/ingest/postgres-ingest.ts [--sales=5000] [--products=10000] [--batchSize=100]
 * [--linesPerSale=5] [--tills=8] [--processes=1,2,4]`. PostgreSQL from KASSA_TEST_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/test, the test lane's); where it cannot be reached the bench
 * says so and is skipped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { credentialHeader, stockLevelId, type Sale } from '../../../shared/src/index.js';
import { DEMO_STORE_ID, seedDemoStore } from '../../../sync-server/src/demo.js';
import { Repository } from '../../../sync-server/src/repository.js';
import { PostgresStorage } from '../../../sync-server/src/storage/postgres/postgres-storage.js';
import { createTestDatabase, postgresLane, type TestDatabase } from '../../../sync-server/src/storage/postgres/testing.js';
import { pairTill } from '../../../sync-server/src/testing.js';
import { freePort, SyncServerProcess, temporaryFolder } from '../../support/processes.js';
import { buildWorkload, DEFAULTS, ensureTills, interleaved, openingLevels, percentile, pushConcurrently, row, stockIsExact, type IngestOptions, type Workload } from './server-ingest.js';

export interface PostgresIngestOptions extends IngestOptions {
  /** Server process counts to run, each on a fresh database (default 1, 2, 4). */
  processes?: number[];
}

export interface CpuSeconds {
  /** CPU seconds over the timed push: the server's processes (primary and workers), PostgreSQL's, this bench process's. */
  server: number;
  postgres: number;
  bench: number;
  /** Seconds of the whole machine busy (all cores), others' work included. */
  machine: number;
}

export interface ServerRun {
  processes: number;
  seconds: number;
  salesPerSecond: number;
  pushLatencyMs: { median: number; p95: number; max: number };
  /** raw.salesPerSecond / salesPerSecond. */
  ratioToRaw: number;
  centralStockExact: boolean;
  stored: number;
  cpu: CpuSeconds | undefined;
}

export interface PostgresIngestResult {
  sales: number;
  linesPerSale: number;
  batchSize: number;
  tills: number;
  runs: ServerRun[];
  /** The same rows the server writes, straight into PostgreSQL with pg, one transaction per batch, batches in turn on one connection. */
  raw: { seconds: number; salesPerSecond: number; stored: number; cpu: CpuSeconds | undefined };
}

const PG_DEFAULTS = { ...DEFAULTS, tills: 8 };

const tenths = (milliseconds: number) => Math.round(milliseconds * 10) / 10;

// --- CPU from /proc (Linux): where the time goes during a timed run -------------------------------

const TICKS = 100;

/** utime + stime of a process, and with its reaped children's (cutime + cstime): ended PostgreSQL backends and server workers count in their parent's. */
function stat(pid: number): { parent: number; seconds: number; withChildren: number; name: string } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const own = (Number(fields[11]) + Number(fields[12])) / TICKS;
    return { parent: Number(fields[1]), seconds: own, withChildren: own + (Number(fields[13]) + Number(fields[14])) / TICKS, name };
  } catch {
    return undefined;
  }
}

/** CPU seconds so far (Linux /proc): the server process `serverPid` and its workers, every PostgreSQL process, this process, the machine. */
export function readCpu(serverPid: number | undefined): CpuSeconds | undefined {
  if (!fs.existsSync('/proc/stat')) return undefined;
  const [, ...times] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const machine = (times.slice(0, 8).reduce((total, value) => total + value, 0) - times[3] - times[4]) / TICKS;
  const stats = new Map<number, NonNullable<ReturnType<typeof stat>>>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const found = stat(Number(entry));
    if (found) stats.set(Number(entry), found);
  }
  // The server: its primary and every process below it (cluster workers).
  const inServer = (pid: number): boolean => {
    for (let at = pid, depth = 0; at > 1 && depth < 6; at = stats.get(at)?.parent ?? 0, depth++) if (at === serverPid) return true;
    return false;
  };
  let server = 0;
  let postgres = 0;
  for (const [pid, each] of stats) {
    if (serverPid !== undefined && inServer(pid)) server += each.withChildren;
    else if (each.name.startsWith('postgres')) postgres += each.withChildren;
  }
  return { server, postgres, bench: stats.get(process.pid)?.seconds ?? 0, machine };
}

export function cpuBetween(from: ReturnType<typeof readCpu>, to: ReturnType<typeof readCpu>): CpuSeconds | undefined {
  if (!from || !to) return undefined;
  const round = (value: number) => Math.round(value * 100) / 100;
  return { server: round(to.server - from.server), postgres: round(to.postgres - from.postgres), bench: round(to.bench - from.bench), machine: round(to.machine - from.machine) };
}

// --- The server over HTTP ---------------------------------------------------------------------------

async function serverRun(processes: number, settings: Required<IngestOptions>, given: Workload | undefined): Promise<{ run: Omit<ServerRun, 'ratioToRaw'>; workload: Workload }> {
  const database = await createTestDatabase();
  const folder = temporaryFolder('kassa-bench-pg-');
  const server = new SyncServerProcess(folder, await freePort(), [
    '--database',
    database.url,
    '--processes',
    String(processes),
    '--demo-products',
    String(settings.products),
    '--demo-tills',
    String(settings.tills),
    '--rate-limit',
    '100000',
  ]);
  let storage: PostgresStorage | undefined;
  try {
    await server.start();
    if (processes > 1) await server.waitForLine(new RegExp(`with ${processes} processes`), 120_000);
    storage = await PostgresStorage.open(database.url, { poolSize: 4 });
    const repository = new Repository(storage);
    await ensureTills(repository, settings.tills);
    // One set of sales for every run: each database is fresh and the demo catalogue deterministic.
    const workload = given ?? (await buildWorkload(repository, settings));
    const opening = await openingLevels(repository);
    const pushes = await Promise.all(
      workload.tills.map(async ({ till, batches }) => ({
        tillId: till.id,
        headers: { ...credentialHeader(await pairTill(server.url, till.id)), 'content-type': 'application/json' },
        bodies: batches.map((batch) => JSON.stringify(batch.map(row))),
      })),
    );
    const cpuBefore = readCpu(server.pid);
    const { seconds, latencies } = await pushConcurrently(server.url, pushes);
    const cpu = cpuBetween(cpuBefore, readCpu(server.pid));
    return {
      workload,
      run: {
        processes,
        seconds: Math.round(seconds * 1000) / 1000,
        salesPerSecond: Math.round(settings.sales / seconds),
        pushLatencyMs: { median: tenths(percentile(latencies, 0.5)), p95: tenths(percentile(latencies, 0.95)), max: tenths(latencies.at(-1) ?? 0) },
        centralStockExact: await stockIsExact(repository, opening, workload.soldByProduct),
        stored: await repository.salesCount(DEMO_STORE_ID),
        cpu,
      },
    };
  } finally {
    await storage?.close();
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
    await database.drop();
  }
}

// --- Raw: the rows the server writes, by hand ---------------------------------------------------------

/**
 * The rows a push stores, written by hand on a seeded database (the same catalogue and opening stock,
 * so the tables are the same size): per batch, in one transaction, the sales, their ids claimed, a
 * ledger row per movement, each touched stock level and the till upserted, the till's contact. Each
 * kind of row in one statement (unnest arrays), nothing read back, validated or priced: the floor.
 */
async function rawRun(settings: Required<IngestOptions>, workload: Workload): Promise<PostgresIngestResult['raw']> {
  const database: TestDatabase = await createTestDatabase();
  try {
    const storage = await PostgresStorage.open(database.url, { poolSize: 2 });
    try {
      const repository = new Repository(storage);
      await seedDemoStore(repository, { products: settings.products, tills: settings.tills });
    } finally {
      await storage.close();
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      let seq = Number((await client.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'seq'`)).rows[0]?.value ?? 0) + 1000;
      const levels = new Map<string, { quantity: number; applied: Record<string, number> }>();
      const writeBatch = async (batch: Sale[]) => {
        const at = new Date().toISOString();
        const sale = { id: [] as string[], till: [] as string[], number: [] as number[], body: [] as string[], seq: [] as number[] };
        const ledger = { product: [] as string[], document: [] as string[], quantity: [] as string[] };
        const touched = new Set<string>();
        for (const each of batch) {
          sale.id.push(each.id);
          sale.till.push(each.tillId);
          sale.number.push(each.number);
          sale.body.push(JSON.stringify(each));
          sale.seq.push(++seq);
          for (const movement of each.stockMovements) {
            ledger.product.push(movement.productId);
            ledger.document.push(each.id);
            ledger.quantity.push(movement.quantity);
            const level = levels.get(movement.productId) ?? { quantity: 100, applied: {} };
            level.quantity += Number(movement.quantity);
            level.applied[each.tillId] = each.number;
            levels.set(movement.productId, level);
            touched.add(movement.productId);
          }
        }
        const documents = { collection: [] as string[], id: [] as string[], seq: [] as number[], body: [] as string[] };
        const positions = { product: [] as string[], quantity: [] as number[] };
        for (const productId of touched) {
          const level = levels.get(productId)!;
          const id = stockLevelId(DEMO_STORE_ID, productId);
          positions.product.push(productId);
          positions.quantity.push(Math.round(level.quantity * 1000));
          documents.collection.push('stockLevels');
          documents.id.push(id);
          documents.seq.push(++seq);
          documents.body.push(JSON.stringify({ id, storeId: DEMO_STORE_ID, productId, quantity: String(level.quantity), applied: level.applied }));
        }
        const last = batch.at(-1)!;
        documents.collection.push('tills');
        documents.id.push(last.tillId);
        documents.seq.push(++seq);
        documents.body.push(JSON.stringify({ id: last.tillId, storeId: DEMO_STORE_ID, lastNumber: last.number }));
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO sales (id, store_id, till_id, number, body, received_seq, received_at, applied_at)
           SELECT id, $1, till_id, number, body, seq, $2, $2 FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::bigint[]) AS given (id, till_id, number, body, seq)`,
          [DEMO_STORE_ID, at, sale.id, sale.till, sale.number, sale.body, sale.seq],
        );
        await client.query(`INSERT INTO document_ids (id, collection, store_id, till_id) SELECT id, 'sales', $1, till_id FROM unnest($2::text[], $3::text[]) AS given (id, till_id)`, [DEMO_STORE_ID, sale.id, sale.till]);
        await client.query(
          `INSERT INTO stock_ledger (store_id, product_id, source, document_id, quantity, recorded_at)
           SELECT $1, product_id, 'sale', document_id, quantity, $2 FROM unnest($3::text[], $4::text[], $5::text[]) AS given (product_id, document_id, quantity)`,
          [DEMO_STORE_ID, at, ledger.product, ledger.document, ledger.quantity],
        );
        // The stock levels' narrow positions in the same statement, as the server writes them.
        await client.query(
          `WITH positions AS (
             INSERT INTO stock_positions (store_id, product_id, quantity) SELECT $1, product_id, quantity FROM unnest($6::text[], $7::bigint[]) AS given (product_id, quantity)
             ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = excluded.quantity)
           INSERT INTO documents (collection, id, store_id, seq, deleted, body)
           SELECT collection, id, $1, seq, FALSE, body FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[]) AS given (collection, id, seq, body)
           ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, body = excluded.body`,
          [DEMO_STORE_ID, documents.collection, documents.id, documents.seq, documents.body, positions.product, positions.quantity],
        );
        await client.query(
          `INSERT INTO till_contacts (till_id, last_contact_at, last_push_at) VALUES ($1, $2, $2)
           ON CONFLICT (till_id) DO UPDATE SET last_contact_at = excluded.last_contact_at, last_push_at = excluded.last_push_at`,
          [last.tillId, at],
        );
        await client.query(`UPDATE meta SET value = $1 WHERE key = 'seq'`, [String(seq)]);
        await client.query('COMMIT');
      };
      const cpuBefore = readCpu(undefined);
      const started = performance.now();
      for (const { batch } of interleaved(workload)) await writeBatch(batch);
      const seconds = (performance.now() - started) / 1000;
      const cpu = cpuBetween(cpuBefore, readCpu(undefined));
      const stored = Number((await client.query<{ count: string }>(`SELECT COUNT(*) AS count FROM sales`)).rows[0].count);
      return { seconds: Math.round(seconds * 1000) / 1000, salesPerSecond: Math.round(settings.sales / seconds), stored, cpu };
    } finally {
      await client.end();
    }
  } finally {
    await database.drop();
  }
}

/**
 * Runs the workload through the server on PostgreSQL with each process count, then the raw inserts,
 * each on a fresh database. Undefined, after saying so, when PostgreSQL cannot be reached.
 */
export async function runPostgresIngest(options: PostgresIngestOptions = {}): Promise<PostgresIngestResult | undefined> {
  const lane = await postgresLane();
  if (!lane.reachable) {
    console.log(`server ingest on PostgreSQL: skipped, PostgreSQL not reachable at ${lane.url} (${lane.reason}); set KASSA_TEST_PG_URL`);
    return undefined;
  }
  const { processes: counts = [1, 2, 4], ...rest } = options;
  const settings: Required<IngestOptions> = { ...PG_DEFAULTS, ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got ${value}`);
  }
  let workload: Workload | undefined;
  const runs: Omit<ServerRun, 'ratioToRaw'>[] = [];
  for (const processes of counts) {
    const done = await serverRun(processes, settings, workload);
    workload = done.workload;
    runs.push(done.run);
  }
  if (!workload) throw new Error('give at least one process count');
  const raw = await rawRun(settings, workload);
  return {
    sales: settings.sales,
    linesPerSale: settings.linesPerSale,
    batchSize: settings.batchSize,
    tills: settings.tills,
    runs: runs.map((run) => ({ ...run, ratioToRaw: Math.round((raw.salesPerSecond / run.salesPerSecond) * 100) / 100 })),
    raw,
  };
}

export function formatPostgresIngestResult(result: PostgresIngestResult): string {
  const rate = (value: number) => `${Math.round(value).toLocaleString('en')} sales/s`.padStart(14);
  const cpu = (value: CpuSeconds | undefined) => (value ? `cpu s: server ${value.server}, postgres ${value.postgres}, bench ${value.bench}, machine ${value.machine}` : '');
  const one = result.runs.find((run) => run.processes === 1);
  return [
    `server ingest on PostgreSQL: ${result.sales} sales x ${result.linesPerSale} lines, batches of ${result.batchSize}, ${result.tills} tills pushing at once; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`,
    ...result.runs.map(
      (run) =>
        `  ${String(run.processes)} process${run.processes === 1 ? '  ' : 'es'}  ${rate(run.salesPerSecond)}  (${run.seconds.toFixed(2)} s; push median ${run.pushLatencyMs.median} ms, p95 ${run.pushLatencyMs.p95} ms, max ${run.pushLatencyMs.max} ms; ${run.ratioToRaw.toFixed(2)}x of raw${one && run !== one ? `; ${(run.salesPerSecond / one.salesPerSecond).toFixed(2)}x of 1 process` : ''}; stock exact ${run.centralStockExact ? 'yes' : 'NO'}, stored ${run.stored}${run.stored === result.sales ? ' (once each)' : ' (WRONG)'}) ${cpu(run.cpu)}`,
    ),
    `  raw pg, same rows ${rate(result.raw.salesPerSecond)}  (${result.raw.seconds.toFixed(2)} s; stored ${result.raw.stored}) ${cpu(result.raw.cpu)}`,
    `  targets: >= 2,000 sales/s with 2 processes, within 3x of raw`,
  ].join('\n');
}

function optionsFromArguments(argv: readonly string[]): PostgresIngestOptions {
  const options: PostgresIngestOptions = {};
  for (const argument of argv) {
    const list = /^--processes=([\d,]+)$/.exec(argument);
    if (list) {
      options.processes = list[1].split(',').map(Number);
      continue;
    }
    const match = /^--(sales|products|batchSize|linesPerSale|tills)=(\d+)$/.exec(argument);
    if (!match) throw new Error(`unknown argument "${argument}"; use --sales=, --products=, --batchSize=, --linesPerSale=, --tills=, --processes=1,2,4`);
    options[match[1] as keyof IngestOptions] = Number(match[2]);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const result = await runPostgresIngest(optionsFromArguments(process.argv.slice(2)));
  if (result) console.log(formatPostgresIngestResult(result));
}
