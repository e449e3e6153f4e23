import Database from 'better-sqlite3';
import path from 'node:path';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { Dec, dec, toQuantityString, type Sale, type StockLevel, type Till } from '../../shared/src/index.js';
import { seededRandom } from '../../shared/src/seeded-random.js';
import { freePort, SyncServerProcess, temporaryFolder } from '../support/processes.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { eventually, openNodeTill, type NodeTill } from './node-till.js';

/**
 * The sync server killed (SIGKILL) in the middle of applying a push, then restarted on the same
 * SQLite file: no partial push is ever visible in the file, the till's own retries complete the
 * backlog, and nothing is stored or counted twice.
 *
 * The till reaches the server through a TCP proxy used here only as a link that can be down, so the
 * backlog builds up offline and the server is healthy before the till may reach it. The first kill
 * is deterministic: the server's test hook (KASSA_TEST_CRASH_AFTER_SALES, sync-server/src/main.ts)
 * kills it right after it inserts its 1,250th sale, inside a push's transaction. Then a few kills at
 * seeded random moments while further backlogs are pushed. After every kill the file is read
 * directly, before the restart. With KASSA_TEST_STORAGE=postgres the server runs on a PostgreSQL
 * database of its own and the same checks read that.
 */
const SEED = 20_250_611;
const STORE_ID = 'store-1';
const TILL_ID = 'till-1';
const BACKLOG = 2000;
const CRASH_AFTER_SALES = 1250;
/** The sync engine's default push batch: the push that was killed carried at most this many sales. */
const PUSH_BATCH = 500;
const RANDOM_KILLS = 3;
const BACKLOG_PER_RANDOM_KILL = 200;
/** Piece products sold by whole units, and a loose one sold by weight so decimals are exercised too. */
const PRODUCTS = ['p-000007', 'p-000008', 'p-000009', 'p-000010', 'p-000011', 'p-000012', 'p-000013'];
const LOOSE_PRODUCT = 'p-000002';

interface OfficeStock {
  salesCount: number;
  tills: { id: string; lastNumber: number }[];
  products: { productId: string; opening: string; sold: string; quantity: string }[];
}

let server: SyncServerProcess | undefined;
let link: TcpProxy | undefined;
let till: NodeTill | undefined;

afterEach(async () => {
  await till?.close();
  await link?.close();
  await server?.stop();
  till = link = server = undefined;
});

/** Up to three lines of different products: whole units, or a weight of up to 1.5 kg in 5 g steps. */
function randomLines(random: () => number): [productId: string, quantity: string][] {
  const lines = new Map<string, string>();
  const count = 1 + Math.floor(random() * 3);
  while (lines.size < count) {
    if (random() < 0.15) lines.set(LOOSE_PRODUCT, (0.005 * (1 + Math.floor(random() * 300))).toFixed(3));
    else lines.set(PRODUCTS[Math.floor(random() * PRODUCTS.length)], String(1 + Math.floor(random() * 3)));
  }
  return [...lines];
}

interface FileState {
  /** Sales of the till stored in the file, and the till's last applied number there. */
  stored: number;
  lastNumber: number;
  saleIds: Set<string>;
  /** Every way the stored state fails to add up; empty when it is whole. */
  problems: string[];
}

/** Runs a query of the test's own on the server's database, SQLite file or PostgreSQL, read-only. */
type Query = <T>(sql: string) => Promise<T[]>;

async function withServerDatabase<T>(target: SyncServerProcess, file: string, work: (query: Query) => Promise<T>): Promise<T> {
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      return await work(async <R>(sql: string) => (await client.query(sql)).rows as R[]);
    } finally {
      await client.end();
    }
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return await work(async <R>(sql: string) => db.prepare(sql).all() as R[]);
  } finally {
    db.close();
  }
}

/**
 * Reads the server's database directly (its SQLite file read-only, or its PostgreSQL database) (the server killed, or running) and lists
 * what does not add up: a sequence number above the server's counter (numbers are taken from it
 * in the transaction that uses them), stored sales applied out of number order, ledger rows that are
 * not exactly the movements of the applied sales, stock levels that are not opening plus ledger, and
 * exceptions about sales that are not stored.
 */
async function inspectServer(target: SyncServerProcess, file: string): Promise<FileState> {
  return withServerDatabase(target, file, async (query) => {
    const problems: string[] = [];
    // Numbers as text and back, so both databases answer alike (PostgreSQL's bigint comes as text).
    const counter = Number((await query<{ value: string }>(`SELECT value FROM meta WHERE key = 'seq'`))[0].value);
    const highest = Number(
      (await query<{ seq: number | string }>(`SELECT MAX(seq) AS seq FROM (SELECT MAX(seq) AS seq FROM documents UNION ALL SELECT MAX(received_seq) FROM sales) AS highest`))[0].seq,
    );
    if (highest > counter) problems.push(`a row carries sequence ${highest} but the server's counter stands at ${counter}: a transaction was half written`);

    const tillDocument = JSON.parse((await query<{ body: string }>(`SELECT body FROM documents WHERE collection = 'tills' AND id = '${TILL_ID}'`))[0].body) as Till;
    const lastNumber = tillDocument.lastNumber;
    const sales = (await query<{ id: string; number: number | string; body: string; applied_at: string | null }>(`SELECT id, number, body, applied_at FROM sales WHERE till_id = '${TILL_ID}'`)).map(
      (row) => ({ ...row, number: Number(row.number), sale: JSON.parse(row.body) as Sale }),
    );
    const upToLast = sales.filter((row) => row.number <= lastNumber).length;
    if (upToLast !== lastNumber) problems.push(`the till's last applied number is ${lastNumber} but ${upToLast} of its sales up to it are stored`);
    const outOfOrder = sales.filter((row) => (row.number <= lastNumber) !== (row.applied_at !== null)).map((row) => row.number);
    if (outOfOrder.length > 0) {
      problems.push(`${outOfOrder.length} sales (numbers ${outOfOrder.slice(0, 5).join(', ')}…) are applied or not against the till's last applied number ${lastNumber}`);
    }

    const applied = sales.filter((row) => row.applied_at !== null);
    const expectedLedger = applied.flatMap((row) => row.sale.stockMovements.map((movement) => `${row.id} ${movement.productId} ${movement.quantity}`)).sort();
    const ledgerRows = await query<{ source: string; document_id: string | null; product_id: string; quantity: string }>(
      `SELECT source, document_id, product_id, quantity FROM stock_ledger WHERE store_id = '${STORE_ID}'`,
    );
    const saleLedger = ledgerRows.filter((row) => row.source === 'sale').map((row) => `${row.document_id} ${row.product_id} ${row.quantity}`).sort();
    if (saleLedger.join('\n') !== expectedLedger.join('\n')) {
      problems.push(`the ledger holds ${saleLedger.length} sale movements, the ${applied.length} applied sales make ${expectedLedger.length}`);
    }

    const balance = new Map<string, Dec>();
    for (const row of ledgerRows) balance.set(row.product_id, (balance.get(row.product_id) ?? new Dec(0)).plus(dec(row.quantity)));
    const lastMover = new Map<string, number>();
    for (const row of applied) for (const movement of row.sale.stockMovements) lastMover.set(movement.productId, Math.max(lastMover.get(movement.productId) ?? 0, row.number));
    const levels = (await query<{ body: string }>(`SELECT body FROM documents WHERE collection = 'stockLevels' AND store_id = '${STORE_ID}'`)).map((row) => JSON.parse(row.body) as StockLevel);
    for (const level of levels) {
      const expected = toQuantityString(balance.get(level.productId) ?? new Dec(0));
      if (level.quantity !== expected) problems.push(`stock level of ${level.productId} is ${level.quantity}, opening plus ledger is ${expected}`);
      if ((level.applied[TILL_ID] ?? 0) !== (lastMover.get(level.productId) ?? 0)) {
        problems.push(`stock level of ${level.productId} includes sales up to ${level.applied[TILL_ID] ?? 0}, the last applied sale moving it is ${lastMover.get(level.productId) ?? 0}`);
      }
    }

    const orphans = Number((await query<{ count: number | string }>(`SELECT COUNT(*) AS count FROM exceptions WHERE document_id NOT IN (SELECT id FROM sales)`))[0].count);
    if (orphans > 0) problems.push(`${orphans} exceptions are about sales that are not stored`);
    return { stored: sales.length, lastNumber, saleIds: new Set(sales.map((row) => row.id)), problems };
  });
}

async function isDown(target: SyncServerProcess): Promise<boolean> {
  return target.json('/health').then(
    () => false,
    () => true,
  );
}

it('keeps every push all or nothing when the server is killed mid-push, and the till’s own retries complete it once', async () => {
  const dataDir = temporaryFolder('kassa-kill-');
  const file = path.join(dataDir, 'kassa.sqlite');
  const running = new SyncServerProcess(dataDir, await freePort(), ['--demo-products', '40']);
  server = running;
  // The hook is read once when the server process starts; only this first start has it.
  process.env.KASSA_TEST_CRASH_AFTER_SALES = String(CRASH_AFTER_SALES);
  try {
    await running.start();
  } finally {
    delete process.env.KASSA_TEST_CRASH_AFTER_SALES;
  }
  const officeStock = () => running.json<OfficeStock>(`/api/office/stock?store=${STORE_ID}`);
  const opening = new Map((await officeStock()).products.map((row) => [row.productId, dec(row.quantity)]));

  const network = await TcpProxy.start({ port: running.port });
  link = network;
  const opened = await openNodeTill({ serverUrl: network.url, tillId: TILL_ID, tillCode: 'T1' });
  till = opened;
  await opened.sync.awaitInitialReplication();
  await eventually(() => expect(opened.catalog.store).toBeDefined());

  const random = seededRandom(SEED);
  const sold = new Map<string, Dec>();
  let made = 0;
  const sellOffline = async (count: number) => {
    network.goOffline();
    for (let index = 0; index < count; index++) {
      const sale = await opened.sell(randomLines(random));
      for (const movement of sale.stockMovements) sold.set(movement.productId, (sold.get(movement.productId) ?? new Dec(0)).minus(dec(movement.quantity)));
      made++;
    }
  };
  const expectedQuantity = (productId: string) => toQuantityString(opening.get(productId)!.minus(sold.get(productId) ?? new Dec(0)));

  await sellOffline(BACKLOG);
  // Offline, the till's own figures moved with every sale.
  for (const productId of [...PRODUCTS, LOOSE_PRODUCT]) expect(opened.stock.quantity(productId)).toBe(expectedQuantity(productId));

  // 1. The deterministic kill: the link comes up, the till pushes its backlog, and the server dies
  //    inside the transaction of the push in which it inserts its 1,250th sale.
  network.goOnline();
  await eventually(async () => expect(await isDown(running), 'the KASSA_TEST_CRASH_AFTER_SALES hook should have killed the server').toBe(true), 30_000);
  await running.stop('SIGKILL');
  const afterCrash = await inspectServer(running, file);
  expect(afterCrash.problems).toEqual([]);
  // Every push before the killed one is there in full; not one sale of the killed push is.
  expect(afterCrash.stored).toBeLessThan(CRASH_AFTER_SALES);
  expect(afterCrash.stored).toBeGreaterThanOrEqual(CRASH_AFTER_SALES - PUSH_BATCH);

  // 2. Kills at random moments: each time a fresh backlog, the server up (the till still cut off),
  //    then the link up and the server killed a seeded random while later. A sale stored before a
  //    kill is still stored after every later one.
  let previous = afterCrash;
  for (let round = 0; round < RANDOM_KILLS; round++) {
    await sellOffline(BACKLOG_PER_RANDOM_KILL);
    await running.start();
    network.goOnline();
    // A cold server takes a few hundred milliseconds over a 500-sale push: some kills land before a
    // push arrives, some inside one, some after a commit.
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(random() * 1200)));
    await running.stop('SIGKILL');
    const state = await inspectServer(running, file);
    expect(state.problems, `after random kill ${round + 1}`).toEqual([]);
    expect([...previous.saleIds].filter((id) => !state.saleIds.has(id)), `sales lost by random kill ${round + 1}`).toEqual([]);
    previous = state;
  }

  // 3. Restarted for good: the till's own retries complete the backlog, each sale once.
  await running.start();
  await eventually(async () => expect((await officeStock()).salesCount).toBe(made), 30_000);
  await eventually(() => expect(opened.catalog.till?.lastNumber).toBe(made));
  const office = await officeStock();
  expect(office.tills.find((entry) => entry.id === TILL_ID)?.lastNumber).toBe(made);
  for (const row of office.products) {
    expect(dec(row.opening).eq(opening.get(row.productId)!), `opening of ${row.productId}`).toBe(true);
    expect(row.sold, `sold of ${row.productId}`).toBe(toQuantityString(sold.get(row.productId) ?? new Dec(0)));
    expect(row.quantity, `central stock of ${row.productId}`).toBe(expectedQuantity(row.productId));
  }
  await eventually(() => {
    for (const row of office.products) expect(opened.stock.quantity(row.productId), `till's stock of ${row.productId}`).toBe(row.quantity);
  });
  // Its own sales all counted in the levels it has pulled (the figures above already agree either way).
  await eventually(() => expect(opened.stock.pendingDocuments).toBe(0));

  // Head office lists each of the latest sales once, as the till made it.
  const tillSales = new Map((await opened.db.sales.find().exec()).map((document) => [document.id, document.toJSON() as Sale]));
  const recent = await running.json<{ sale: Sale }[]>(`/api/office/sales?store=${STORE_ID}&limit=1000`);
  expect(recent).toHaveLength(1000);
  expect(new Set(recent.map(({ sale }) => sale.id)).size).toBe(recent.length);
  for (const { sale } of recent) expect([sale.number, sale.receiptNumber, sale.totals]).toEqual([tillSales.get(sale.id)?.number, tillSales.get(sale.id)?.receiptNumber, tillSales.get(sale.id)?.totals]);

  const final = await inspectServer(running, file);
  expect(final.problems).toEqual([]);
  expect(tillSales.size).toBe(made);
  expect([...final.saleIds].sort()).toEqual([...tillSales.keys()].sort());
  expect(final.lastNumber).toBe(made);
});
