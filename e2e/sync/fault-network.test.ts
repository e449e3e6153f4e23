import { afterEach, expect, it } from 'vitest';
import { Dec, dec, toQuantityString, type Sale } from '../../shared/src/index.js';
import { seededRandom } from '../../shared/src/seeded-random.js';
import { pairTill } from '../../sync-server/src/testing.js';
import { freePort, SyncServerProcess, temporaryFolder } from '../support/processes.js';
import { TcpProxy, type CutRecord } from '../support/tcp-proxy.js';
import { eventually, openNodeTill, type NodeTill } from './node-till.js';

/**
 * Connections cut in the middle of requests and responses, in both directions, again and again, by
 * TCP proxies that are the only way between two tills and the server (one proxy per till, so each
 * cut is known to be of that till's traffic). Till 1 pushes a backlog of sales, till 2 starts empty
 * and pulls a 3,000-product catalogue. With no help from the test, replication retries (RxDB's
 * fixed retry interval, 200 ms here), resumes each pull from its checkpoint, and converges: each
 * sale stored once, stock exact on the server and on both tills. A push whose answer is lost after
 * the server stored it is sent again, and the server takes the repeat as the same sale.
 */
const SEED = 7_031_989;
const STORE_ID = 'store-1';
const CATALOGUE = 3000;
const BACKLOG = 1200;
const MIXED_ROUNDS = 4;
/** Piece products the pushing till sells from. */
const SOLD_PRODUCTS = Array.from({ length: 24 }, (_, index) => `p-${String(index + 7).padStart(6, '0')}`);

interface OfficeStock {
  salesCount: number;
  tills: { id: string; lastNumber: number }[];
  products: { productId: string; opening: string; sold: string; quantity: string }[];
}

let server: SyncServerProcess | undefined;
const links: TcpProxy[] = [];
const tills: NodeTill[] = [];

afterEach(async () => {
  for (const till of tills.splice(0)) await till.close();
  for (const link of links.splice(0)) await link.close();
  await server?.stop();
  server = undefined;
});

const isPush = (cut: CutRecord) => cut.request?.method === 'POST' && cut.request.path.startsWith('/api/sync/sales/push');
const isPull = (cut: CutRecord) => /^\/api\/sync\/\w+\/pull/.test(cut.request?.path ?? '');
/** The cut fell before the response was complete: the till cannot have taken it. */
const midResponse = (cut: CutRecord) => cut.direction === 'downstream' && cut.phase !== 'idle';

it('converges with each sale once and exact stock while a proxy cuts requests and responses mid-way, both directions, again and again', async () => {
  const running = new SyncServerProcess(temporaryFolder('kassa-network-'), await freePort(), ['--demo-products', String(CATALOGUE)]);
  server = running;
  await running.start();
  const officeStock = () => running.json<OfficeStock>(`/api/office/stock?store=${STORE_ID}`);
  const opening = new Map((await officeStock()).products.map((row) => [row.productId, dec(row.quantity)]));
  const pusherLink = await TcpProxy.start({ port: running.port });
  const pullerLink = await TcpProxy.start({ port: running.port });
  links.push(pusherLink, pullerLink);
  /** Both links cut by the same plan (one stream of seeded random numbers). */
  const cutBoth = (plan: Parameters<TcpProxy['cutAfterBytes']>[0]) => links.forEach((link) => link.cutAfterBytes(plan));
  const allCuts = () => links.flatMap((link) => link.cuts);

  const random = seededRandom(SEED);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low));
  const sold = new Map<string, Dec>();
  let made = 0;

  // Till 1 gets the catalogue over a sound link, then sells a backlog with the link down.
  const pusher = await openNodeTill({ serverUrl: pusherLink.url, tillId: 'till-1', tillCode: 'T1' });
  tills.push(pusher);
  await pusher.sync.awaitInitialReplication();
  await eventually(() => expect(pusher.catalog.size).toBe(CATALOGUE));
  const sell = async (count: number) => {
    for (let index = 0; index < count; index++) {
      const lines = new Map<string, string>();
      const lineCount = 1 + Math.floor(random() * 3);
      while (lines.size < lineCount) lines.set(SOLD_PRODUCTS[Math.floor(random() * SOLD_PRODUCTS.length)], String(1 + Math.floor(random() * 3)));
      const sale = await pusher.sell([...lines]);
      for (const movement of sale.stockMovements) sold.set(movement.productId, (sold.get(movement.productId) ?? new Dec(0)).minus(dec(movement.quantity)));
      made++;
    }
  };
  pusherLink.goOffline();
  await sell(BACKLOG);

  // Round 1, uploads cut: every connection of till 1 is cut within 150 kB going up, less than a push
  // of 500 sales (about 580 kB), so each attempt at the backlog breaks off in the middle of its body.
  pusherLink.cutAfterBytes(() => ({ direction: 'upstream', bytes: between(1, 150_000) }));
  pusherLink.goOnline();
  await eventually(() => expect(pusherLink.cutsIn('upstream', 'body').filter(isPush).length).toBeGreaterThanOrEqual(3));

  // Round 2, answers cut mid-download: till 2 is paired and joins empty. The first page of each of its
  // pulls comes through; every answer to a pull from a checkpoint is cut within 100 kB (a page of 1,000
  // products is about 240 kB, of 1,000 stock levels about 115 kB), until three were. Till 1's backlog
  // gets through meanwhile.
  const credential = await pairTill(pullerLink.url, 'till-2');
  cutBoth(() => ({ direction: 'downstream', bytes: between(1, 100_000), from: (request) => /\/pull\?(.*&)?seq=/.test(request.path) }));
  // Page by page, as a till does whose server offers no snapshot (a new till's snapshot is one answer).
  const puller = await openNodeTill({ serverUrl: pullerLink.url, tillId: 'till-2', tillCode: 'T2', credential, sync: { snapshot: false } });
  tills.push(puller);
  await eventually(() => expect(pullerLink.cuts.filter((cut) => midResponse(cut) && isPull(cut) && cut.request!.path.includes('seq=')).length).toBeGreaterThanOrEqual(3));

  // Round 3, answers lost: every response is cut in its head, just after the status line. The server
  // has stored the push; the till never hears so and sends the same sales again.
  cutBoth(() => ({ direction: 'downstream', bytes: between(20, 120) }));
  await sell(20);
  await eventually(() => expect(pusherLink.cuts.filter((cut) => midResponse(cut) && isPush(cut) && cut.status === 200).length).toBeGreaterThanOrEqual(2));

  // Rounds 4 to 7: each connection cut one way or the other after a seeded random number of bytes,
  // spread evenly over orders of magnitude (1 B to 400 kB), while till 1 sells at a brisk pace, until
  // the round has cut three times; then the link is left alone.
  for (let round = 0; round < MIXED_ROUNDS; round++) {
    const before = allCuts().length;
    cutBoth(() => ({ direction: random() < 0.5 ? 'upstream' : 'downstream', bytes: Math.floor(Math.exp(random() * Math.log(400_000))) }));
    // Bounded: a till that backs off after each cut makes fewer requests to cut.
    for (let sale = 0; allCuts().length < before + 3; sale++) {
      if (sale === 1000) throw new Error(`round ${round + 4} cut ${allCuts().length - before} times in 1,000 sales`);
      await sell(1);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  links.forEach((link) => link.stopCutting());

  await eventually(async () => expect((await officeStock()).salesCount).toBe(made), 40_000);
  await eventually(() => expect(puller.catalog.size).toBe(CATALOGUE), 40_000);
  await eventually(() => expect([pusher.catalog.till?.lastNumber, puller.catalog.till?.lastNumber]).toEqual([made, 0]));
  const office = await officeStock();
  expect(office.tills.find((till) => till.id === 'till-1')?.lastNumber).toBe(made);
  for (const row of office.products) {
    expect(row.sold, `sold of ${row.productId}`).toBe(toQuantityString(sold.get(row.productId) ?? new Dec(0)));
    expect(row.quantity, `central stock of ${row.productId}`).toBe(toQuantityString(opening.get(row.productId)!.minus(sold.get(row.productId) ?? new Dec(0))));
    expect(puller.catalog.product(row.productId), `product ${row.productId} on till 2`).toBeDefined();
  }
  await eventually(() => {
    for (const row of office.products) {
      expect(pusher.stock.quantity(row.productId), `till 1's stock of ${row.productId}`).toBe(row.quantity);
      expect(puller.stock.quantity(row.productId), `till 2's stock of ${row.productId}`).toBe(row.quantity);
    }
  });
  // Its own sales all counted in the levels it has pulled (the figures above already agree either way).
  await eventually(() => expect(pusher.stock.pendingDocuments).toBe(0));
  // Head office lists each of the latest sales once, as the till made it.
  const tillSales = new Map((await pusher.db.sales.find().exec()).map((document) => [document.id, document.toJSON() as Sale]));
  expect(tillSales.size).toBe(made);
  const recent = await running.json<{ sale: Sale }[]>(`/api/office/sales?store=${STORE_ID}&limit=1000`);
  expect(recent).toHaveLength(1000);
  expect(new Set(recent.map(({ sale }) => sale.id)).size).toBe(recent.length);
  for (const { sale } of recent) expect([sale.number, sale.receiptNumber, sale.totals]).toEqual([tillSales.get(sale.id)?.number, tillSales.get(sale.id)?.receiptNumber, tillSales.get(sale.id)?.totals]);

  // The faults really happened, both ways: a push cut mid-body, a pull answer cut mid-way, a push
  // stored by the server whose answer was cut.
  expect(allCuts().filter((cut) => cut.direction === 'upstream').length).toBeGreaterThan(0);
  expect(allCuts().filter((cut) => cut.direction === 'downstream').length).toBeGreaterThan(0);
  expect(pusherLink.cutsIn('upstream', 'body').filter(isPush).length).toBeGreaterThan(0);
  expect(pullerLink.cuts.filter((cut) => midResponse(cut) && isPull(cut)).length).toBeGreaterThan(0);
  expect(pusherLink.cuts.filter((cut) => midResponse(cut) && isPush(cut) && cut.status === 200).length).toBeGreaterThan(0);

  // Each of till 2's pulls cut mid-answer was asked again from the same checkpoint, never from an
  // earlier one (nor from scratch). A collection that changed no more (the store) is asked again
  // when its replication retries, which may come after everything else has converged.
  const collectionOf = (path: string) => path.split('/')[3];
  for (const cut of pullerLink.cuts.filter((entry) => midResponse(entry) && isPull(entry))) {
    await eventually(() => {
      const pullsOfTill2 = pullerLink.requests.filter((request) => request.path.includes('/pull'));
      const index = pullsOfTill2.indexOf(cut.request!);
      expect(index).toBeGreaterThanOrEqual(0);
      const next = pullsOfTill2.slice(index + 1).find((request) => collectionOf(request.path) === collectionOf(cut.request!.path));
      expect(next?.path, `the pull after a cut of ${cut.request!.path}`).toBe(cut.request!.path);
    }, 20_000);
  }
});
