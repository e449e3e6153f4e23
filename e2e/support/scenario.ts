import { expect, type Page } from '@playwright/test';
import { demoCatalogue } from '../../sync-server/src/demo.js';
import { OfficePage, type OfficeSection } from './office-page.js';
import { TillPage } from './till-page.js';
import type { SyncServerProcess } from './processes.js';

interface StockReport {
  salesCount: number;
  tills: { id: string; lastContactAt: string | null }[];
  products: { productId: string; sku: string; name: string; quantity: string; sold: string; onOrder: string; averageCost: string }[];
}

export async function centralStock(server: SyncServerProcess): Promise<StockReport> {
  return server.json<StockReport>('/api/office/stock?store=store-1');
}

/** Opens the head-office app with the office key (the owner's rights), at one of its pages. */
export async function openOffice(page: Page, server: SyncServerProcess, section: OfficeSection = 'Tills'): Promise<OfficePage> {
  return OfficePage.withOfficeKey(page, server.url, section);
}

/**
 * The core loop as a shop lives it: till A sells 3 units while the server is down, is reloaded while
 * still offline and keeps the sale and the lower stock; when the server is back, central stock and
 * till B both drop by exactly 3 and the server holds the sale once.
 *
 * `reloadTillA` reloads till A the way its shell does (a browser reload, or Electron's window reload).
 */
export async function offlineSaleScenario(options: {
  server: SyncServerProcess;
  tillA: Page;
  tillB: Page;
  reloadTillA(): Promise<void>;
  officePage: Page;
}): Promise<void> {
  const { server } = options;
  const a = new TillPage(options.tillA);
  const b = new TillPage(options.tillB);
  await a.ready();
  await b.ready();
  await expect(a.syncState).toHaveText('Online');
  await expect(b.syncState).toHaveText('Online');

  const before = await centralStock(server);
  const row = before.products.find((entry) => entry.sku.endsWith('00010'))!;
  const opening = Number(row.quantity);
  await a.expectStock(row.sku, opening);
  await b.expectStock(row.sku, opening);

  // The server goes away. Till A notices and keeps selling.
  await server.stop();
  await expect(a.syncState).toHaveText('Offline');

  await a.search(row.sku);
  await a.result(row.sku).click();
  await expect(a.cartLine(row.sku)).toBeVisible();
  await a.setQuantity(row.name, '3');
  await expect(a.cartLine(row.sku).getByRole('textbox')).toHaveValue('3');
  const total = await a.total();
  const sale = await a.payCash('100');
  expect(sale.receiptNumber).toBe('S1-T1-000001');
  await expect(a.waiting).toHaveText(/^1 sale waiting since /);
  await a.expectStock(row.sku, opening - 3);

  // Closing and reopening the till while offline loses nothing.
  await options.reloadTillA();
  await a.ready();
  await expect(a.syncState).toHaveText('Offline');
  await expect(a.waiting).toHaveText(/^1 sale waiting since /);
  await a.expectStock(row.sku, opening - 3);

  // The server comes back: the till replicates by itself.
  await server.start();
  await expect(a.syncState).toHaveText('Online');
  await expect(a.waiting).toHaveText('all sales synced');
  await expect.poll(async () => (await centralStock(server)).salesCount).toBe(1);
  const after = await centralStock(server);
  const afterRow = after.products.find((entry) => entry.productId === row.productId)!;
  expect(Number(afterRow.quantity)).toBe(opening - 3);
  expect(afterRow.sold).toBe('3');

  // Till B shows the new level without a restart, and till A counts its sale once, not twice.
  await b.expectStock(row.sku, opening - 3);
  await a.expectStock(row.sku, opening - 3);

  const sales = await server.json<{ sale: { receiptNumber: string; totals: { gross: string }; lines: { quantity: string }[] } }[]>(
    '/api/office/sales?store=store-1',
  );
  expect(sales).toHaveLength(1);
  expect(sales[0].sale.receiptNumber).toBe('S1-T1-000001');
  expect(sales[0].sale.lines[0].quantity).toBe('3');
  expect(total.startsWith(sales[0].sale.totals.gross)).toBe(true);

  // Head office sees the level and when each till last synced.
  const office = await openOffice(options.officePage, server);
  await expect((await office.till('till-1')).locator('.last-synced')).not.toHaveText('never');
  const officeRow = await office.stockRow(row.sku);
  await expect(officeRow.locator('.on-hand')).toHaveText(String(opening - 3));
  await expect(office.live).toHaveText('live');
  // A further sale on till B, scanned, while the office page is open updates it live. An unknown
  // barcode first: it is reported and adds nothing.
  await b.scan('4000000999996');
  await expect(options.tillB.getByTestId('notice')).toHaveText(/Unknown barcode 4000000999996: nothing added/);
  await expect(options.tillB.getByTestId('cart-line')).toHaveCount(0);
  const barcode = demoCatalogue(Number(row.productId.slice(2)), '').at(-1)!.product.barcodes[0];
  await b.scan(barcode);
  await expect(b.cartLine(row.sku)).toBeVisible();
  await b.payCash('100');
  await expect(officeRow.locator('.on-hand')).toHaveText(String(opening - 4));
  await a.expectStock(row.sku, opening - 4);
}
