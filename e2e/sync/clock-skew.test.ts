import { afterEach, expect, it, vi } from 'vitest';
import { freePort, SyncServerProcess, temporaryFolder } from '../support/processes.js';
import { eventually, openNodeTill, type NodeTill } from './node-till.js';

/**
 * Ordering and checkpoints never read a till's clock: a till a day ahead and another a day behind
 * sync as exactly as any other. The server runs in its own process on the right time; only the
 * tills' clock (Date, in this process) is moved.
 */
const DAY = 24 * 60 * 60 * 1000;
const tills: NodeTill[] = [];
let server: SyncServerProcess | undefined;

afterEach(async () => {
  vi.useRealTimers();
  for (const till of tills.splice(0)) await till.close();
  await server?.stop();
});

interface OfficeStock {
  salesCount: number;
  products: { productId: string; opening: string; sold: string; quantity: string }[];
}

it('syncs tills whose clocks are a day ahead and a day behind, each sale once, stock exact', async () => {
  server = new SyncServerProcess(temporaryFolder('kassa-skew-'), await freePort(), ['--demo-products', '40']);
  await server.start();
  const running = server;
  const stock = () => running.json<OfficeStock>('/api/office/stock?store=store-1');
  const opening = Number((await stock()).products.find((row) => row.productId === 'p-000012')!.quantity);

  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + DAY });
  const ahead = await openNodeTill({ serverUrl: running.url, tillId: 'till-1', tillCode: 'T1' });
  tills.push(ahead);
  await ahead.sync.awaitInitialReplication();
  await eventually(() => expect(ahead.catalog.store).toBeDefined());
  const aheadSale = await ahead.sell([['p-000012', '2']]);
  await eventually(async () => expect((await stock()).salesCount).toBe(1));

  vi.setSystemTime(Date.now() - 2 * DAY);
  const behind = await openNodeTill({ serverUrl: running.url, tillId: 'till-2', tillCode: 'T2' });
  tills.push(behind);
  await behind.sync.awaitInitialReplication();
  await eventually(() => expect(behind.catalog.store).toBeDefined());
  // The till behind sees the sale of the till ahead, although it was "made tomorrow".
  await eventually(() => expect(behind.stock.quantity('p-000012')).toBe(String(opening - 2)));
  const behindSale = await behind.sell([['p-000012', '1']]);
  expect(Date.parse(behindSale.completedAt)).toBeLessThan(Date.parse(aheadSale.completedAt) - DAY);

  await eventually(async () => expect((await stock()).salesCount).toBe(2));
  const row = (await stock()).products.find((entry) => entry.productId === 'p-000012')!;
  expect([row.sold, row.quantity]).toEqual(['3', String(opening - 3)]);
  await eventually(() => expect([ahead.stock.quantity('p-000012'), behind.stock.quantity('p-000012')]).toEqual([String(opening - 3), String(opening - 3)]));
});
