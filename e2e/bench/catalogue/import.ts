/**
 * Catalogue import at chain size: a CSV of `--products` new products (default 100,000) imported
 * through the office API into a server on SQLite (and on PostgreSQL when it is reachable), timed
 * from the request to the answer; then the same file again (every row unchanged), and the export.
 *
 * `npx tsx e2e/bench/catalogue/import.ts [--products=100000]`
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ean13, formatCsv, type CatalogueImportReport } from '../../../shared/src/index.js';
import { createTestDatabase, postgresLane } from '../../../sync-server/src/storage/postgres/testing.js';
import { startServer, TEST_OFFICE_KEY } from '../../../sync-server/src/testing.js';

export interface CatalogueImportRun {
  storage: string;
  products: number;
  /** Seconds for the import that adds every product, for the same file again, and for the export. */
  importSeconds: number;
  reimportSeconds: number;
  exportSeconds: number;
  megabytes: number;
}

/** A catalogue file of `count` new products, each with an EAN-13 of its own. */
export function catalogueFile(count: number): string {
  const rows = [['sku', 'name', 'barcodes', 'unit', 'taxClass', 'price', 'cost', 'active']];
  for (let index = 1; index <= count; index++) {
    rows.push([`BENCH-${index}`, `Bench product ${index}`, ean13(`27${String(index).padStart(10, '0')}`), 'piece', index % 3 === 0 ? 'reduced' : 'standard', `${(index % 50) + 1}.49`, '0.80', 'yes']);
  }
  return formatCsv(rows);
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: Math.round((performance.now() - started) / 10) / 100, value };
}

async function run(storage: 'sqlite' | 'postgres', csv: string, products: number): Promise<CatalogueImportRun> {
  // PostgreSQL: a database of its own, dropped at the end.
  const database = storage === 'postgres' ? await createTestDatabase() : undefined;
  const server = await startServer({ products: 20, ...(database ? { file: database.url } : {}) });
  try {
    const post = async (apply: 'valid') => {
      const response = await fetch(`${server.url}/api/office/products/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ csv, apply }),
      });
      if (!response.ok) throw new Error(`import answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      return (await response.json()) as CatalogueImportReport;
    };
    const first = await timed(() => post('valid'));
    if (first.value.added !== products) throw new Error(`the import added ${first.value.added} of ${products}`);
    const second = await timed(() => post('valid'));
    if (second.value.unchanged !== products || second.value.applied) throw new Error('importing the same file again changed something');
    const exported = await timed(async () => (await fetch(`${server.url}/api/office/catalogue.csv`, { headers: { authorization: `Bearer ${TEST_OFFICE_KEY}` } })).text());
    return { storage, products, importSeconds: first.seconds, reimportSeconds: second.seconds, exportSeconds: exported.seconds, megabytes: Math.round(csv.length / 10_000) / 100 };
  } finally {
    await server.stop();
    await database?.drop();
  }
}

export async function runCatalogueImport(products = 100_000): Promise<CatalogueImportRun[]> {
  const csv = catalogueFile(products);
  const runs = [await run('sqlite', csv, products)];
  if ((await postgresLane()).reachable) runs.push(await run('postgres', csv, products));
  else console.log('catalogue import on PostgreSQL: skipped, PostgreSQL not reachable');
  return runs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const match = process.argv.slice(2).map((argument) => /^--products=(\d+)$/.exec(argument)).find(Boolean);
  console.table(await runCatalogueImport(match ? Number(match[1]) : undefined));
}
