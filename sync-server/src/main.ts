import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from './app.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { DEMO_STORE_ID, isEmpty, seedDemoCashiers, seedDemoStore } from './demo.js';
import { Repository } from './repository.js';

/** Starts the sync server: `tsx sync-server/src/main.ts --data ./data --port 8787`. */
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
    },
  });
  // The office key first: a key too short to start with leaves nothing behind.
  fs.mkdirSync(values.data, { recursive: true });
  const officeKey = resolveOfficeKey(values['office-key'], path.resolve(values.data, 'office-key'));
  const file = path.resolve(values.data, 'kassa.sqlite');
  const db = openDatabase(file);
  const crashAfterSales = Number(process.env.KASSA_TEST_CRASH_AFTER_SALES ?? 0);
  if (crashAfterSales > 0) crashAfterInsertingSales(db, crashAfterSales);
  const repository = new Repository(db);
  if (!values['no-demo'] && (await isEmpty(repository))) {
    await seedDemoStore(repository, { products: Number(values['demo-products']), tills: Number(values['demo-tills']) });
    console.log(`seeded a demo store with ${values['demo-products']} products and ${values['demo-tills']} tills in ${file}`);
  }
  // The demo store's cashiers, on every start: a demo database made before cashiers existed gets
  // them too, and those already there are left as head office changed them.
  if (!values['no-demo'] && (await repository.getDocument('stores', DEMO_STORE_ID))) {
    const added = await seedDemoCashiers(repository, [DEMO_STORE_ID]);
    if (added > 0) console.log(`added ${added} demo cashiers (PINs: Alex Cashier 1111, Sam Supervisor 2222, Morgan Manager 9999)`);
  }
  const perSecond = Number(values['rate-limit']);
  const app = await buildServer({ repository, logger: { level: values['log-level'] }, officeKey: officeKey.key, rateLimit: { perSecond, burst: perSecond * 10 } });
  const address = await app.listen({ host: values.host, port: Number(values.port) });
  console.log(`sync server listening on ${address} (database ${file}); head office: ${address}/office (office key ${officeKey.where})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`sync server stopping (${signal})`);
    await app.close();
    db.close();
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

function resolveOfficeKey(given: string | undefined, file: string): { key: string; where: string } {
  if (given) {
    if (given.trim().length < MIN_OFFICE_KEY_LENGTH) {
      console.error(`the office key given (--office-key or KASSA_OFFICE_KEY) is shorter than ${MIN_OFFICE_KEY_LENGTH} characters; give a longer one, or none to have one made`);
      process.exit(1);
    }
    return { key: given, where: 'as given' };
  }
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
    console.log(`made a head-office key in ${file}`);
  }
  return { key: fs.readFileSync(file, 'utf8').trim(), where: `in ${file}` };
}

/**
 * TEST HOOK, off unless KASSA_TEST_CRASH_AFTER_SALES=N is set (only e2e/sync/fault-kill.test.ts sets
 * it): the process SIGKILLs itself right after its N-th sale row is inserted, inside the push's
 * transaction and before the commit, to prove a push is stored all or nothing. It wraps the prepared
 * `INSERT INTO sales` statement, so the repository itself carries no test code.
 */
function crashAfterInsertingSales(db: SqliteDatabase, count: number): void {
  const prepare = db.prepare.bind(db);
  let inserted = 0;
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    if (!/^\s*INSERT INTO sales\b/i.test(source)) return statement;
    const run = statement.run.bind(statement);
    statement.run = (...parameters: unknown[]) => {
      const result = run(...parameters);
      if (result.changes > 0 && ++inserted >= count) process.kill(process.pid, 'SIGKILL');
      return result;
    };
    return statement;
  }) as typeof db.prepare;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
