import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from './app.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { isEmpty, seedDemoStore } from './demo.js';
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
    },
  });
  const file = path.resolve(values.data, 'kassa.sqlite');
  const db = openDatabase(file);
  const crashAfterSales = Number(process.env.KASSA_TEST_CRASH_AFTER_SALES ?? 0);
  if (crashAfterSales > 0) crashAfterInsertingSales(db, crashAfterSales);
  const repository = new Repository(db);
  if (!values['no-demo'] && isEmpty(repository)) {
    seedDemoStore(repository, { products: Number(values['demo-products']), tills: Number(values['demo-tills']) });
    console.log(`seeded a demo store with ${values['demo-products']} products and ${values['demo-tills']} tills in ${file}`);
  }
  const app = await buildServer({ repository, logger: { level: values['log-level'] } });
  const address = await app.listen({ host: values.host, port: Number(values.port) });
  console.log(`sync server listening on ${address} (database ${file}); head office: ${address}/office`);

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
