import { expect, test } from '@playwright/test';
import type { Product } from '../shared/src/index.js';
import { openDatabase } from '../sync-server/src/database.js';
import { Repository } from '../sync-server/src/repository.js';
import { PostgresStorage } from '../sync-server/src/storage/postgres/postgres-storage.js';
import { SqliteStorage } from '../sync-server/src/storage/sqlite/sqlite-storage.js';
import { freePort, startTillHost, SyncServerProcess, temporaryFolder } from './support/processes.js';
import { centralStock, openOffice } from './support/scenario.js';
import { TillPage } from './support/till-page.js';

/**
 * What a cashier and the store owner see when sync goes wrong, through the real UI in Chromium:
 *  - a sale the server refuses is listed on the till (status bar and the F9 sync panel) with its
 *    reason and at head office, the sales behind it sync, and once head office has fixed the cause
 *    the cashier sends it again and it counts once;
 *  - head office revokes the till (confirming in a dialog): it stops syncing at once but keeps
 *    selling; a new pairing code from the office app, entered in the sync panel, brings it back
 *    with every sale.
 */
test('a refused sale is shown, holds nothing back and is sent again; a revoked till is paired again and loses nothing', async ({ browser }) => {
  test.setTimeout(150_000);
  const dataDir = temporaryFolder('kassa-e2e-trust-');
  const server = new SyncServerProcess(dataDir, await freePort(), ['--demo-products', '40']);
  await server.start();
  const host = await startTillHost();
  const tillContext = await browser.newContext();
  const officeContext = await browser.newContext();
  /** Head office changes its catalogue while the server is stopped (there is no catalogue editor yet). */
  const editCatalogue = async (edit: (repository: Repository) => Promise<void>) => {
    const storage = server.databaseUrl ? await PostgresStorage.open(server.databaseUrl) : new SqliteStorage(openDatabase(`${dataDir}/kassa.sqlite`));
    try {
      await edit(new Repository(storage));
    } finally {
      await storage.close();
    }
  };
  try {
    const page = await tillContext.newPage();
    await page.goto(await TillPage.address(host.url, server, 'till-1'));
    const till = new TillPage(page);
    await till.ready();
    await expect(till.syncState).toHaveText('Online');
    const before = await centralStock(server);
    const withdrawn = before.products.find((row) => row.sku.endsWith('00011'))!;
    const kept = before.products.find((row) => row.sku.endsWith('00012'))!;
    await till.expectStock(withdrawn.sku, Number(withdrawn.quantity));

    // Offline: two sales; meanwhile head office withdraws the first one's product.
    await server.stop();
    await expect(till.syncState).toHaveText('Offline');
    await till.search(withdrawn.sku);
    await till.result(withdrawn.sku).click();
    await till.setQuantity(withdrawn.name, '2');
    await expect(till.cartLine(withdrawn.sku).getByRole('textbox')).toHaveValue('2');
    expect((await till.payCash('100')).receiptNumber).toBe('S1-T1-000001');
    await till.search(kept.sku);
    await till.result(kept.sku).click();
    expect((await till.payCash('100')).receiptNumber).toBe('S1-T1-000002');
    let product: Product | undefined;
    await editCatalogue(async (repository) => {
      product = await repository.getDocument<Product>('products', withdrawn.productId);
      await repository.putDocument('products', product!, null, true);
    });

    // Back online: the second sale is taken, the first is refused and shown with its reason.
    await server.start();
    await expect(till.syncState).toHaveText('Online');
    await expect(page.getByTestId('sync-refused')).toHaveText('1 refused');
    await expect(till.waiting).toHaveText('all sales synced');
    await expect.poll(async () => (await centralStock(server)).products.find((row) => row.productId === kept.productId)!.quantity).toBe(String(Number(kept.quantity) - 1));
    await page.keyboard.press('F9');
    const panel = page.getByTestId('sync-panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('refused-sale')).toHaveCount(1);
    await expect(panel.getByTestId('refused-sale')).toContainText('S1-T1-000001');
    await expect(panel.getByTestId('refused-reasons')).toHaveText(`unknown product "${withdrawn.productId}"`);
    await expect(panel.getByTestId('sync-panel-waiting')).toHaveText('nothing');

    // Head office sees it too, with the till's waiting count.
    const office = await openOffice(await officeContext.newPage(), server, 'Refused documents');
    await expect(office.refusalRows().locator('.status')).toHaveText('open');
    const tillRow = await office.till('till-1');
    await expect(tillRow.locator('.refused-count')).toHaveText('1');
    await expect(tillRow.locator('.waiting')).toHaveText('0');

    // Head office restores the product; the cashier sends the sale again.
    await server.stop();
    await editCatalogue(async (repository) => {
      await repository.putDocument('products', product!, null);
    });
    await server.start();
    await expect(panel.getByTestId('sync-panel-state')).toHaveText('Online');
    await panel.getByRole('button', { name: 'Send again' }).click();
    await expect(panel.getByTestId('sync-panel-outcome')).toHaveText('1 sale was taken by the server.');
    await expect(panel.getByTestId('sync-panel-no-refusals')).toBeVisible();
    await expect(page.getByTestId('sync-refused')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    const afterResend = await centralStock(server);
    expect(afterResend.salesCount).toBe(2);
    expect(afterResend.products.find((row) => row.productId === withdrawn.productId)!.quantity).toBe(String(Number(withdrawn.quantity) - 2));
    await till.expectStock(withdrawn.sku, Number(withdrawn.quantity) - 2);
    await office.page.reload();
    await office.show('Refused documents');
    await expect(office.refusalRows().locator('.status')).toHaveText(/^taken/);

    // Head office revokes the till: it stops syncing at once, and keeps selling.
    await office.revoke('till-1');
    await expect(office.tillRow('till-1').locator('.device')).toHaveText(/^revoked/);
    await expect(till.syncState).toHaveText('Not syncing: pair again');
    await till.search(kept.sku);
    await till.result(kept.sku).click();
    expect((await till.payCash('100')).receiptNumber).toBe('S1-T1-000003');
    await expect(till.waiting).toHaveText(/^1 sale waiting since /);
    expect((await centralStock(server)).salesCount).toBe(2);

    // A new code from the office page, entered in the sync panel, pairs the same till again.
    const code = await office.pairingCode('till-1');
    await page.keyboard.press('F9');
    await expect(panel.getByTestId('sync-panel-access')).toContainText('head office revoked this till');
    await panel.getByLabel('New pairing code').fill(code);
    await panel.getByRole('button', { name: 'Pair again' }).click();
    await till.ready();
    await expect(till.syncState).toHaveText('Online');
    await expect(till.waiting).toHaveText('all sales synced');
    await expect.poll(async () => (await centralStock(server)).salesCount).toBe(3);
    const final = await centralStock(server);
    expect(final.products.find((row) => row.productId === kept.productId)!.quantity).toBe(String(Number(kept.quantity) - 2));
    await till.expectStock(kept.sku, Number(kept.quantity) - 2);
    await expect(office.tillRow('till-1').locator('.device')).toHaveText(/^paired/);
  } finally {
    await tillContext.close();
    await officeContext.close();
    await host.close();
    await server.stop();
  }
});
