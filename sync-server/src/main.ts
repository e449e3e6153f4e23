import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OfficeAccounts } from './accounts/accounts.js';
import { buildServer } from './app.js';
import { fillReportFacts } from './reports/fill.js';
import { openDatabase } from './database.js';
import { DEMO_STORE_ID, isEmpty, seedDemoCashiers, seedDemoStore } from './demo.js';
import { PostgresChangeFeed } from './feed/postgres-change-feed.js';
import { Repository } from './repository.js';
import type { StoragePort, StorageTransaction } from './storage/port.js';
import { PostgresStorage, shownUrl } from './storage/postgres/postgres-storage.js';
import { SqliteStorage } from './storage/sqlite/sqlite-storage.js';

/**
 * Starts the sync server: `tsx sync-server/src/main.ts --data ./data --port 8787`.
 *
 * With `--processes N` (KASSA_PROCESSES) on PostgreSQL, this process seeds the database and then
 * runs N server processes sharing one port (Node's cluster module hands each new connection to one
 * of them); they share the database, and hear of each other's changes through PostgreSQL
 * (PostgresChangeFeed). A server process that dies is started again.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: process.env.KASSA_DATA ?? 'data' },
      host: { type: 'string', default: process.env.KASSA_HOST ?? '127.0.0.1' },
      port: { type: 'string', default: process.env.KASSA_PORT ?? '8787' },
      'demo-products': { type: 'string', default: process.env.KASSA_DEMO_PRODUCTS ?? '240' },
      'demo-tills': { type: 'string', default: process.env.KASSA_DEMO_TILLS ?? '2' },
      'no-demo': { type: 'boolean', default: false },
      'log-level': { type: 'string', default: process.env.KASSA_LOG_LEVEL ?? 'warn' },
      'office-key': { type: 'string', default: process.env.KASSA_OFFICE_KEY },
      'rate-limit': { type: 'string', default: process.env.KASSA_RATE_LIMIT ?? '50' },
      database: { type: 'string', default: process.env.KASSA_DATABASE_URL },
      processes: { type: 'string', default: process.env.KASSA_PROCESSES ?? '1' },
    },
  });
  const processes = Number(values.processes);
  if (!Number.isInteger(processes) || processes < 1 || processes > 64) fail(`--processes (KASSA_PROCESSES) is a whole number from 1 to 64, not "${values.processes}"`);
  if (processes > 1 && !values.database) fail('several server processes share one PostgreSQL database: give --database (KASSA_DATABASE_URL) with --processes');
  const worker = cluster.isWorker;
  // The office key first: a key too short to start with leaves nothing behind.
  fs.mkdirSync(values.data, { recursive: true });
  const officeKey = resolveOfficeKey(values['office-key'], path.resolve(values.data, 'office-key'), worker);
  const { storage, where: file } = await openStorage(values.database, path.resolve(values.data, 'kassa.sqlite'));
  const crashAfterSales = Number(process.env.KASSA_TEST_CRASH_AFTER_SALES ?? 0);
  // With several server processes only the first one started crashes, once: its replacement and the
  // others carry on (the test kills one of two processes mid-push).
  if (crashAfterSales > 0 && (!worker || cluster.worker?.id === 1)) crashAfterInsertingSales(storage, crashAfterSales);
  const repository = new Repository(storage);
  // Seeding is the first process's: the server processes it starts find the demo there.
  if (!worker && !values['no-demo'] && (await isEmpty(repository))) {
    await seedDemoStore(repository, { products: Number(values['demo-products']), tills: Number(values['demo-tills']) });
    console.log(`seeded a demo store with ${values['demo-products']} products and ${values['demo-tills']} tills in ${file}`);
  }
  // The demo store's cashiers, on every start: a demo database made before cashiers existed gets
  // them too, and those already there are left as head office changed them.
  if (!worker && !values['no-demo'] && (await repository.getDocument('stores', DEMO_STORE_ID))) {
    const added = await seedDemoCashiers(repository, [DEMO_STORE_ID]);
    if (added > 0) console.log(`added ${added} demo cashiers (PINs: Alex Cashier 1111, Sam Supervisor 2222, Morgan Manager 9999)`);
  }
  // Sales applied before reports existed get their report facts once, before any request is taken.
  if (!worker) {
    const filled = await fillReportFacts(repository);
    if (filled > 0) console.log(`summed ${filled} sales and returns for the reports`);
  }
  // While no owner account exists, each start makes a new one-time link to create it (the first
  // process's: the server processes it starts read the token's hash from the database).
  const setupToken = worker ? undefined : await new OfficeAccounts(repository).prepareOwnerSetup();
  const setupLink = (address: string) => (setupToken ? `head office: create the owner account at ${address}/office/setup?token=${setupToken}` : undefined);
  if (processes > 1 && !worker) {
    await storage.close();
    runProcesses(processes, `http://${values.host}:${values.port}`, file, officeKey.where, setupLink);
    return;
  }
  const perSecond = Number(values['rate-limit']);
  // On PostgreSQL every process hears of every other's changes (a till streaming from one process
  // hears of a sale pushed to another); on SQLite there is one process, and memory suffices.
  const feed = values.database ? await PostgresChangeFeed.open({ connection: { connectionString: values.database } }) : undefined;
  const app = await buildServer({ repository, feed, logger: { level: values['log-level'] }, officeKey: officeKey.key, rateLimit: { perSecond, burst: perSecond * 10 } });
  const address = await app.listen({ host: values.host, port: Number(values.port) });
  if (worker) console.log(`server process ${process.pid} ready`);
  else {
    console.log(`sync server listening on ${address} (database ${file}); head office: ${address}/office (office key for scripts ${officeKey.where})`);
    const link = setupLink(address);
    if (link) console.log(link);
  }
  // Head office's reports and reorder suggestions read the chain's catalogue: read it now, once
  // requests are taken, so the first of them after a start does not wait for it. A failure only
  // leaves it to be read by that first report.
  repository.chainFields.warm().catch((error: unknown) => console.warn(`the catalogue was not read ahead: ${error instanceof Error ? error.message : String(error)}`));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`sync server stopping (${signal})`);
    await app.close();
    await storage.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * Head office's key: given on the command line or in KASSA_OFFICE_KEY, else kept in a file beside
 * the database, made on first start and readable by the server's user only.
 */
/**
 * The shortest office key the server starts with: guesses are limited to ten a minute per address,
 * and twelve characters of a long alphabet are out of reach of that. The key it makes is 24.
 */
const MIN_OFFICE_KEY_LENGTH = 12;

function resolveOfficeKey(given: string | undefined, file: string, worker: boolean): { key: string; where: string } {
  if (given) {
    if (given.trim().length < MIN_OFFICE_KEY_LENGTH) {
      console.error(`the office key given (--office-key or KASSA_OFFICE_KEY) is shorter than ${MIN_OFFICE_KEY_LENGTH} characters; give a longer one, or none to have one made`);
      process.exit(1);
    }
    return { key: given, where: 'as given' };
  }
  if (!fs.existsSync(file) && !worker) {
    fs.writeFileSync(file, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
    console.log(`made a head-office key in ${file}`);
  }
  return { key: fs.readFileSync(file, 'utf8').trim(), where: `in ${file}` };
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * Runs `count` server processes on the port this process was given (cluster's primary: it accepts
 * connections and hands each to a worker). One that dies is replaced; SIGINT or SIGTERM stops them
 * all. A worker dying right after its start (say, the database went away) is not restarted in a
 * tight loop: after five quick deaths in a row the whole server stops, non-zero.
 */
function runProcesses(count: number, address: string, database: string, officeKeyWhere: string, setupLink: (address: string) => string | undefined): void {
  let stopping = false;
  let ready = 0;
  let quickDeaths = 0;
  const started = new Map<number, number>();
  const start = () => {
    const child = cluster.fork();
    started.set(child.id, Date.now());
  };
  cluster.on('listening', () => {
    ready++;
    if (ready !== count) return;
    console.log(`sync server listening on ${address} with ${count} processes (database ${database}); head office: ${address}/office (office key for scripts ${officeKeyWhere})`);
    const link = setupLink(address);
    if (link) console.log(link);
  });
  cluster.on('exit', (child, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (started.get(child.id) ?? 0);
    quickDeaths = lived < 5_000 ? quickDeaths + 1 : 0;
    console.error(`server process ${child.process.pid} ended (${signal ?? `exit ${code}`}); starting another`);
    if (quickDeaths >= 5) {
      console.error('server processes keep ending right after they start; stopping');
      process.exit(1);
    }
    start();
  });
  for (let index = 0; index < count; index++) start();
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`sync server stopping (${signal})`);
    for (const child of Object.values(cluster.workers ?? {})) child?.process.kill('SIGTERM');
    // Each worker closes its connections and database and exits; the primary follows.
    let left = Object.keys(cluster.workers ?? {}).length;
    if (left === 0) process.exit(0);
    cluster.on('exit', () => {
      left--;
      if (left === 0) process.exit(0);
    });
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/**
 * The database: PostgreSQL when --database or KASSA_DATABASE_URL gives a postgres:// URL (a chain,
 * several server processes), else the SQLite file in the data folder (a shop: nothing to install).
 * A PostgreSQL server that cannot be reached is named, and the process exits non-zero.
 */
async function openStorage(url: string | undefined, file: string): Promise<{ storage: StoragePort; where: string }> {
  if (!url) return { storage: new SqliteStorage(openDatabase(file)), where: file };
  if (!/^postgres(ql)?:\/\//.test(url)) fail('--database (KASSA_DATABASE_URL) must be a postgres:// URL, such as postgres://kassa@127.0.0.1:5432/kassa; leave it out to use the SQLite file in the data folder');
  try {
    return { storage: await PostgresStorage.open(url), where: shownUrl(url) };
  } catch (error) {
    fail(`could not start on the database: ${(error as Error).message}`);
  }
}

/**
 * TEST HOOK, off unless KASSA_TEST_CRASH_AFTER_SALES=N is set (only the kill -9 fault tests set it):
 * the process SIGKILLs itself right after the insert that stores its N-th sale (a push inserts its
 * sales in one statement), inside the push's transaction and before the commit, to prove a push is stored all or nothing. It wraps the storage's
 * transactions, so the repository itself carries no test code, and works on either database.
 */
function crashAfterInsertingSales(storage: StoragePort, count: number): void {
  const transaction = storage.transaction.bind(storage);
  let inserted = 0;
  const counted = (stored: number) => {
    inserted += stored;
    if (stored > 0 && inserted >= count) process.kill(process.pid, 'SIGKILL');
  };
  storage.transaction = <T>(work: (tx: StorageTransaction) => Promise<T>) =>
    transaction((tx) => {
      const sales: StorageTransaction['sales'] = {
        ...tx.sales,
        async insert(...parameters) {
          const result = await tx.sales.insert(...parameters);
          counted(result.inserted ? 1 : 0);
          return result;
        },
        async insertMany(...parameters) {
          const result = await tx.sales.insertMany(...parameters);
          counted(result.size);
          return result;
        },
      };
      return work({ ...tx, sales });
    });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
