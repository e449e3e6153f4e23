import { expect, test } from '@playwright/test';
import { freePort, SyncServerProcess, temporaryFolder } from './support/processes.js';
import { OfficePage } from './support/office-page.js';

/**
 * A transfer between two stores as a manager of both makes it in the office app: sent from S1
 * (milk scanned three times by its SKU, butter typed to 4), out of S1's stock at once and in transit
 * to S2; received at S2 one milk short, the difference shown before it is recorded and kept on the
 * transfer; S2's stock up by what arrived.
 */
test('a manager sends milk and butter from S1 to S2 and receives them at S2 one milk short', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = new SyncServerProcess(temporaryFolder('kassa-e2e-transfers-'), await freePort(), ['--demo-products', '20']);
  await server.start();
  try {
    const [milk, butter] = (await server.json<{ sku: string; name: string; unit: string }[]>('/api/office/products')).filter((product) => product.unit === 'piece');
    const harbour = await server.json<{ id: string }>('/api/office/stores', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'S2', name: 'Harbour Street' }) });
    const manager = await server.createAccount('manager', ['store-1', harbour.id]);
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const office = new OfficePage(page, server.url);
    await page.goto(`${server.url}/office`);
    await office.login(manager.email, manager.password);
    const onHandAtS1 = Number(await (await office.stockRow(milk.sku)).locator('td.on-hand').innerText());

    // Sent from S1: milk scanned three times, butter typed and its quantity changed to 4.
    await office.show('Transfers');
    await expect(page.getByText('No transfers in or out of this store yet.')).toBeVisible();
    await page.getByLabel('To store').selectOption({ label: 'S2 Harbour Street' });
    const scan = page.getByLabel('Scan or type a barcode or SKU');
    for (let scanned = 0; scanned < 3; scanned++) {
      await scan.fill(milk.sku);
      await scan.press('Enter');
    }
    await scan.fill(butter.sku);
    await scan.press('Enter');
    await page.getByLabel(`Quantity of ${butter.sku} to send`).fill('4');
    await page.getByLabel('Reference').fill('Van Tuesday');
    await page.getByRole('button', { name: 'Send transfer' }).click();
    await expect(page.getByText('Sent TR-000001 to S2: in transit until received.')).toBeVisible();
    const outgoing = page.locator('tr[data-transfer="TR-000001"]');
    await expect(outgoing).toContainText('out to S2');
    await expect(outgoing).toContainText('in transit');

    // Out of S1's stock at once, and in transit.
    const milkAtS1 = await office.stockRow(milk.sku);
    await expect(milkAtS1.locator('td.on-hand')).toHaveText(String(onHandAtS1 - 3));
    await expect(milkAtS1.locator('td.sent-in-transit')).toHaveText('3');

    // At S2: in transit there, received one milk short.
    await page.getByRole('combobox', { name: 'Store' }).selectOption({ label: 'Harbour Street (S2)' });
    await expect((await office.stockRow(milk.sku)).locator('td.in-transit')).toHaveText('3');
    await office.show('Transfers');
    const incoming = page.locator('tr[data-transfer="TR-000001"]');
    await expect(incoming).toContainText('in from S1');
    await incoming.getByRole('button', { name: 'Receive TR-000001' }).click();
    await expect(page.getByLabel(`Received of ${milk.sku}`)).toHaveValue('3');
    await expect(page.getByLabel(`Received of ${butter.sku}`)).toHaveValue('4');
    await page.getByLabel(`Received of ${milk.sku}`).fill('2');
    await expect(page.locator(`tr[data-transfer-line="${milk.sku}"]`)).toContainText('-1');
    await page.screenshot({ path: test.info().outputPath('transfer-receiving.png') });
    await page.getByRole('button', { name: 'Record receipt' }).click();
    await expect(page.getByText('Received TR-000001, 1 line differs from what was sent.')).toBeVisible();
    await expect(incoming).toContainText('received, with differences');
    await expect(page.locator(`tr[data-transfer-line="${milk.sku}"]`)).toContainText('-1');
    await page.screenshot({ path: test.info().outputPath('transfer-received.png') });

    const milkAtS2 = await office.stockRow(milk.sku);
    await expect(milkAtS2.locator('td.on-hand')).toHaveText('2');
    await expect(milkAtS2.locator('td.in-transit')).toHaveText('0');
    await expect(milkAtS2.locator('td.transferred')).toHaveText('2');
    await expect((await office.stockRow(butter.sku)).locator('td.on-hand')).toHaveText('4');
  } finally {
    await server.stop();
  }
});
