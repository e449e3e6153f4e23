import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from './app.js';
import { openDatabase } from './database.js';
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
      'no-demo': { type: 'boolean', default: false },
      'log-level': { type: 'string', default: process.env.KASSA_LOG_LEVEL ?? 'warn' },
    },
  });
  const file = path.resolve(values.data, 'kassa.sqlite');
  const db = openDatabase(file);
  const repository = new Repository(db);
  if (!values['no-demo'] && isEmpty(repository)) {
    seedDemoStore(repository, { products: Number(values['demo-products']) });
    console.log(`seeded a demo store with ${values['demo-products']} products in ${file}`);
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
