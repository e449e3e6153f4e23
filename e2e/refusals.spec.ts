import { expect, test } from '@playwright/test';
import { openDatabase } from '../sync-server/src/database.js';
import { Repository } from '../sync-server/src/repository.js';
import { PostgresStorage } from '../sync-server/src/storage/postgres/postgres-storage.js';
import { SqliteStorage } from '../sync-server/src/storage/sqlite/sqlite-storage.js';
import { freePort, startTillHost, SyncServerProcess, temporaryFolder } from './support/processes.js';
import { centralStock } from './support/scenario.js';
import { TillPage } from './support/till-page.js';
import { changeStoreSettings } from '../sync-server/src/stores/settings.js';

/**
 * A sale refused by a rule the till had not heard of (a line limit head office set while the till
 * was offline) is taken as it is by a manager from the Refused documents page, with a reason: it
 * counts in stock once, and the audit log says who took it and why.
 */
test('a manager takes a refused sale as it is, with a reason, and it counts once', async ({ browser }) => {
  test.setTimeout(150_000);
  const dataDir = temporaryFolder('kassa-e2e-take-refused-');
  const server = new SyncServerProcess(dataDir, await freePort(), ['--demo-products', '30']);
  await server.start();
  const host = await startTillHost();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await page.goto(await TillPage.address(host.url, server, 'till-1'));
    const till = new TillPage(page);
    await till.ready();
    await expect(till.syncState).toHaveText('Online');
    const before = await centralStock(server);
    const item = before.products.find((row) => row.sku.endsWith('00012'))!;

    // Offline, two of one product; meanwhile head office allows at most one on a line.
    await server.stop();
    await expect(till.syncState).toHaveText('Offline');
    await till.search(item.sku);
    await till.result(item.sku).click();
    await till.setQuantity(item.name, '2');
    const sold = await till.payCash('100');
    const storage = server.databaseUrl ? await PostgresStorage.open(server.databaseUrl) : new SqliteStorage(openDatabase(`${dataDir}/kassa.sqlite`));
    try {
      await changeStoreSettings(new Repository(storage), 'store-1', { limits: { lineQuantity: '1', documentAmount: '1000000' } });
    } finally {
      await storage.close();
    }
    await server.start();
    await expect(page.getByTestId('sync-refused')).toHaveText('1 refused', { timeout: 60_000 });

    const { email, password } = await server.createAccount('manager', ['store-1']);
    const office = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await office.goto(`${server.url}/office/refusals`);
    await office.getByLabel('E-mail').fill(email);
    await office.getByLabel('Password').fill(password);
    await office.getByRole('button', { name: 'Log in' }).click();
    const row = office.locator('tr[data-refusal]');
    await expect(row).toContainText(sold.receiptNumber);
    await row.getByRole('button', { name: 'Take as it is' }).click();
    const dialog = office.getByRole('dialog', { name: `Take ${sold.receiptNumber} as it is?` });
    await dialog.getByRole('button', { name: 'Take it' }).click();
    await expect(dialog.getByLabel('Reason')).toHaveAccessibleDescription(/3 to 500 characters/);
    await dialog.getByLabel('Reason').fill('a case of two sold with the manager by the till; the limit came after');
    await office.screenshot({ path: test.info().outputPath('take-refused.png') });
    await dialog.getByRole('button', { name: 'Take it' }).click();
    await expect(dialog).toBeHidden();
    await expect(row.locator('.status')).toHaveText(/^taken/);

    const after = await centralStock(server);
    expect(Number(after.products.find((entry) => entry.productId === item.productId)!.quantity)).toBe(Number(item.quantity) - 2);
    const audit = await server.json<{ action: string; after: { reason: string } }[]>('/api/office/audit?kind=refusal');
    expect(audit.map((entry) => [entry.action, entry.after.reason])).toEqual([['refusal.accept', 'a case of two sold with the manager by the till; the limit came after']]);
    await expect(page.getByTestId('sync-refused')).toHaveCount(0, { timeout: 60_000 });
  } finally {
    await host.close();
    await server.stop();
  }
});
