/**
 * Where a push's time goes on PostgreSQL, roughly: the ingest workload through Sales.push
 * in-process (no HTTP), one push at a time and then `--tills` pushes at once, timing the whole push,
 * the write transaction (lock to commit) and the work inside it, counting the SQL statements sent and
 * listing those that took longest.
 *
 * `npx tsx e2e/bench/ingest/postgres-profile.ts [--sales=5000] [--products=10000] [--tills=8]`
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { DEMO_STORE_ID, seedDemoStore } from '../../../sync-server/src/demo.js';
import { Repository } from '../../../sync-server/src/repository.js';
import type { StorageTransaction } from '../../../sync-server/src/storage/port.js';
import { PostgresStorage } from '../../../sync-server/src/storage/postgres/postgres-storage.js';
import { createTestDatabase, postgresLane } from '../../../sync-server/src/storage/postgres/testing.js';
import { buildWorkload, DEFAULTS, ensureTills, interleaved, row, type IngestOptions, type Workload } from './server-ingest.js';
import { Sales } from '../../../sync-server/src/sales/sales.js';

export interface ProfileRun {
  mode: string;
  salesPerSecond: number;
  /** Per push, averaged: the whole Sales.push call, the write transaction from BEGIN to COMMIT answered, the work inside it. */
  pushMs: number;
  transactionMs: number;
  insideMs: number;
  /** SQL statements per push, in all and inside the write transaction. */
  statements: number;
  statementsInTransaction: number;
}

/** Per statement (its first 70 characters), how often it was sent and the milliseconds until it was answered. */
const timings = new Map<string, { count: number; ms: number }>();
let statements = 0;
let statementsInTransaction = 0;
let inTransaction = 0;
const query = pg.Client.prototype.query;
// Counts every statement any pg client sends (a rough profile only; the bench process alone).
pg.Client.prototype.query = function (this: pg.Client, ...parameters: unknown[]) {
  statements++;
  if (inTransaction > 0) statementsInTransaction++;
  const text = typeof parameters[0] === 'string' ? parameters[0] : ((parameters[0] as { text?: string } | undefined)?.text ?? '?');
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 70);
  const began = performance.now();
  const result = (query as (...given: unknown[]) => unknown).apply(this, parameters);
  const answered = () => {
    const timing = timings.get(key) ?? { count: 0, ms: 0 };
    timing.count++;
    timing.ms += performance.now() - began;
    timings.set(key, timing);
  };
  if (result instanceof Promise) result.then(answered, answered);
  return result;
} as typeof query;

async function profile(mode: 'one at a time' | 'tills at once', settings: Required<IngestOptions>, workload: Workload | undefined): Promise<{ run: ProfileRun; workload: Workload }> {
  const database = await createTestDatabase();
  const storage = await PostgresStorage.open(database.url, { poolSize: 10 });
  try {
    const repository = new Repository(storage);
    await seedDemoStore(repository, { products: settings.products, tills: settings.tills });
    await ensureTills(repository, settings.tills);
    const sales = workload ?? (await buildWorkload(repository, settings));
    let transactionMs = 0;
    let insideMs = 0;
    const transaction = storage.transaction.bind(storage);
    storage.transaction = <T>(work: (tx: StorageTransaction) => Promise<T>, options?: { sequenceBlock?: number }) => {
      const began = performance.now();
      return transaction(async (tx) => {
        const inside = performance.now();
        inTransaction++;
        try {
          return await work(tx);
        } finally {
          inTransaction--;
          insideMs += performance.now() - inside;
        }
      }, options).finally(() => (transactionMs += performance.now() - began));
    };
    statements = 0;
    statementsInTransaction = 0;
    const pushes = interleaved(sales);
    const pushed = new Sales(repository);
    const started = performance.now();
    if (mode === 'one at a time') {
      for (const { tillId, batch } of pushes) await pushed.push(tillId, batch.map(row));
    } else {
      await Promise.all(sales.tills.map(async ({ till, batches }) => {
        for (const batch of batches) await pushed.push(till.id, batch.map(row));
      }));
    }
    const seconds = (performance.now() - started) / 1000;
    if ((await repository.salesCount(DEMO_STORE_ID)) !== settings.sales) throw new Error('not every sale was stored');
    const per = (value: number) => Math.round((value / pushes.length) * 10) / 10;
    return {
      workload: sales,
      run: {
        mode,
        salesPerSecond: Math.round(settings.sales / seconds),
        pushMs: per(seconds * 1000),
        transactionMs: per(transactionMs),
        insideMs: per(insideMs),
        statements: per(statements),
        statementsInTransaction: per(statementsInTransaction),
      },
    };
  } finally {
    await storage.close();
    await database.drop();
  }
}

export async function runPostgresProfile(options: IngestOptions = {}): Promise<ProfileRun[] | undefined> {
  const lane = await postgresLane();
  if (!lane.reachable) {
    console.log(`PostgreSQL push profile: skipped, PostgreSQL not reachable at ${lane.url}`);
    return undefined;
  }
  const settings: Required<IngestOptions> = { ...DEFAULTS, tills: 8, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) };
  const first = await profile('one at a time', settings, undefined);
  const second = await profile('tills at once', settings, first.workload);
  return [first.run, second.run];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const options: IngestOptions = {};
  for (const argument of process.argv.slice(2)) {
    const match = /^--(sales|products|batchSize|linesPerSale|tills)=(\d+)$/.exec(argument);
    if (!match) throw new Error(`unknown argument "${argument}"`);
    options[match[1] as keyof IngestOptions] = Number(match[2]);
  }
  const runs = await runPostgresProfile(options);
  if (runs) {
    console.log('Sales.push on PostgreSQL, in-process (per push of one batch; the time in the transaction is the write lock held):');
    console.table(runs);
    console.log('The statements that took longest, both runs and the databases made for them together (ms in all, times sent, ms each):');
    for (const [statement, { count, ms }] of [...timings].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
      console.log(`${ms.toFixed(0).padStart(7)} ms ${String(count).padStart(6)}x ${(ms / count).toFixed(2).padStart(7)} ms  ${statement}`);
    }
  }
}
