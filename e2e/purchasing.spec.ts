import { expect, test } from '@playwright/test';
import { freePort, SyncServerProcess, temporaryFolder } from './support/processes.js';
import { OfficePage } from './support/office-page.js';

/** The id of the store's first purchase order. */
async function orderId(server: SyncServerProcess): Promise<string> {
  const [order] = await server.json<{ id: string }[]>('/api/office/purchase-orders?store=store-1');
  return order.id;
}

/**
 * Suppliers as a manager keeps them in the office app: one added (a wrong e-mail refused beside its
 * field), what it supplies recorded in its packs at its cost, a second supplier of the same product
 * made the preferred one, a purchase order drafted from it, sent and on order for the store,
 * received in two deliveries (short, then the rest with a product not ordered, scanned), and a
 * clerk who may read them but change none.
 */
test('a manager adds a supplier and what it supplies, orders from it for the store; a clerk reads suppliers and changes nothing', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = new SyncServerProcess(temporaryFolder('kassa-e2e-suppliers-'), await freePort(), ['--demo-products', '20']);
  await server.start();
  try {
    const [milk, extra] = (await server.json<{ sku: string; name: string; unit: string; barcodes: string[] }[]>('/api/office/products')).filter((product) => product.unit === 'piece');
    const manager = await server.createAccount('manager', ['store-1']);
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const office = new OfficePage(page, server.url);
    await page.goto(`${server.url}/office`);
    await office.login(manager.email, manager.password);
    await office.show('Suppliers');
    await expect(page.getByText('No suppliers yet.')).toBeVisible();

    await page.getByRole('button', { name: 'Add a supplier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a supplier' });
    await dialog.getByLabel('Name').fill('Green Valley Dairy');
    await dialog.getByLabel('Contact person').fill('Jo Meyer');
    // An address the browser lets through (no domain), refused by the server beside its field.
    await dialog.getByLabel('E-mail for orders').fill('orders@greenvalley');
    await dialog.getByLabel('Lead time in days').fill('3');
    await dialog.getByLabel('Mon').check();
    await dialog.getByLabel('Thu').check();
    await dialog.getByLabel('Minimum order').fill('150');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('an e-mail address such as orders@dairy.example', { exact: true })).toBeVisible();
    await dialog.getByLabel('E-mail for orders').fill('orders@greenvalley.example');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const row = page.locator('tr[data-supplier="Green Valley Dairy"]');
    await expect(row).toContainText('Jo Meyer · orders@greenvalley.example');
    await expect(row).toContainText('Mon, Thu');
    await expect(row).toContainText('150.00 EUR');

    // What it supplies: milk in cases of 12 at 8.40 a case.
    await row.getByRole('button', { name: 'Products of Green Valley Dairy' }).click();
    await page.getByLabel('Product SKU').fill(milk.sku);
    await page.getByLabel('Supplier’s SKU').fill('GV-1001');
    await page.getByLabel('Pack size').fill('12');
    await page.getByLabel('Cost per pack').fill('8,40');
    await page.getByRole('button', { name: 'Save product' }).click();
    await expect(page.getByText(`${milk.name}: saved for Green Valley Dairy.`)).toBeVisible();
    const supplied = page.locator(`tr[data-supplied="${milk.sku}"]`);
    await expect(supplied).toContainText('GV-1001');
    await expect(supplied).toContainText('12 pcs');
    await expect(supplied).toContainText('8.40 EUR');
    await expect(supplied).toContainText('yes');
    // Half a piece in a pack is refused beside its field.
    await page.getByLabel('Product SKU').fill(milk.sku);
    await page.getByLabel('Pack size').fill('1.5');
    await page.getByLabel('Cost per pack').fill('1');
    await page.getByRole('button', { name: 'Save product' }).click();
    await expect(page.getByText('a pack of pieces holds a whole number of them')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('suppliers.png') });

    // A purchase order from it for the store: 3 cases drafted, sent, and on order on the Stock page.
    await office.show('Purchase orders');
    await page.getByRole('button', { name: 'New purchase order' }).click();
    await page.getByLabel(`Packs of ${milk.sku}`).fill('3');
    await page.getByLabel('Note for the supplier').fill('before the weekend');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const order = page.locator('tr[data-order="PO-000001"]');
    await expect(order).toContainText('draft');
    await expect(order).toContainText('25.20 EUR');
    await expect(page.getByRole('heading', { name: 'PO-000001 · Green Valley Dairy · draft' })).toBeVisible();
    await page.getByRole('button', { name: 'Send to Green Valley Dairy' }).click();
    await expect(page.getByText('PO-000001 sent to Green Valley Dairy.')).toBeVisible();
    await expect(order).toContainText('sent');
    await expect(page.locator(`tr[data-order-line="${milk.sku}"]`)).toContainText('GV-1001');
    await page.screenshot({ path: test.info().outputPath('purchase-order.png') });
    const csv = await page.request.get(`${server.url}/api/office/purchase-orders/${await orderId(server)}/csv`);
    expect((await csv.text()).split(/\r?\n/)[1]).toBe(`GV-1001,${milk.sku},${milk.name},3,12,piece,8.40,25.20,EUR`);
    await office.show('Stock');
    const stockRow = page.locator('tr', { hasText: milk.sku });
    await expect(stockRow.locator('.on-order')).toHaveText('36');
    const costBefore = await stockRow.locator('.average-cost').innerText();
    const onHandBefore = Number(await stockRow.locator('.on-hand').innerText());

    // The delivery comes in two: 24 of 36 first (short), then 12 with one of a product not ordered, scanned.
    await office.show('Purchase orders');
    await order.getByRole('button', { name: 'Open PO-000001' }).click();
    await page.getByLabel('Delivery note').fill('DN-1');
    await page.getByLabel(`Arrived of ${milk.sku}`).fill('24');
    await page.getByRole('button', { name: 'Record receipt' }).click();
    await expect(page.getByText('Received 1 line against PO-000001.')).toBeVisible();
    await expect(order).toContainText('partly received');
    const scanner = page.getByLabel('Scan or type a barcode or SKU');
    for (let scan = 0; scan < 12; scan++) {
      await scanner.fill(milk.barcodes[0]);
      await scanner.press('Enter');
    }
    await scanner.fill(extra.barcodes[0]);
    await scanner.press('Enter');
    await expect(page.getByText(`${extra.name}: +1 (not on the order).`)).toBeVisible();
    await expect(page.getByLabel(`Arrived of ${milk.sku}`)).toHaveValue('12');
    await expect(page.locator(`tr[data-arrival="${extra.sku}"]`)).toContainText('(not ordered)');
    await page.getByLabel('Delivery note').fill('DN-2');
    await page.screenshot({ path: test.info().outputPath('receive.png') });
    await page.getByRole('button', { name: 'Record receipt' }).click();
    await expect(page.getByText('Received 2 lines against PO-000001.')).toBeVisible();
    await expect(order).toContainText('received');
    await expect(page.locator(`tr[data-order-line="${milk.sku}"]`)).toContainText('36');
    await office.show('Stock');
    await expect(stockRow.locator('.on-order')).toHaveText('0');
    await expect(stockRow.locator('.on-hand')).toHaveText(String(onHandBefore + 36));
    await expect(stockRow.locator('.average-cost')).not.toHaveText(costBefore);

    // A clerk reads the suppliers and what they supply, and is offered no change.
    const clerk = await server.createAccount('clerk', ['store-1']);
    const clerkPage = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const clerkOffice = new OfficePage(clerkPage, server.url);
    await clerkPage.goto(`${server.url}/office`);
    await clerkOffice.login(clerk.email, clerk.password);
    await clerkOffice.show('Suppliers');
    await expect(clerkPage.locator('tr[data-supplier="Green Valley Dairy"]')).toBeVisible();
    await expect(clerkPage.getByRole('button', { name: 'Add a supplier' })).toHaveCount(0);
    await expect(clerkPage.getByRole('button', { name: 'Edit Green Valley Dairy' })).toHaveCount(0);
    await clerkPage.getByRole('button', { name: 'Products of Green Valley Dairy' }).click();
    await expect(clerkPage.locator(`tr[data-supplied="${milk.sku}"]`)).toContainText('GV-1001');
    await expect(clerkPage.getByRole('button', { name: 'Save product' })).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
