import { expect, test, type Browser, type Page } from '@playwright/test';
import { ean13, formatCsv, type Product, type StockException } from '../shared/src/index.js';
import { freePort, startTillHost, SyncServerProcess, temporaryFolder } from './support/processes.js';
import { TillPage } from './support/till-page.js';
import { withPairedTill } from './support/till-session.js';

/** A head-office person logged in to the office app, on its Catalogue page, in a browser of their own. */
async function officeAs(browser: Browser, server: SyncServerProcess, role: 'manager' | 'clerk'): Promise<Page> {
  const { email, password } = await server.createAccount(role, ['store-1']);
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(`${server.url}/office`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation', { name: 'Head office' }).getByRole('link', { name: 'Catalogue', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Catalogue', level: 2 })).toBeVisible();
  return page;
}

/** Fills the product dialog's fields that are given. */
async function fillProduct(page: Page, fields: { sku?: string; name?: string; barcodes?: string; packs?: string; price?: string; cost?: string; taxClass?: string }): Promise<void> {
  const dialog = page.getByRole('dialog');
  if (fields.packs !== undefined) await dialog.getByLabel('Packs').fill(fields.packs);
  if (fields.sku !== undefined) await dialog.getByLabel('SKU').fill(fields.sku);
  if (fields.name !== undefined) await dialog.getByLabel('Name').fill(fields.name);
  if (fields.barcodes !== undefined) await dialog.getByLabel('Barcodes').fill(fields.barcodes);
  if (fields.taxClass !== undefined) await dialog.getByLabel('Tax class').fill(fields.taxClass);
  if (fields.price !== undefined) await dialog.getByLabel('Price', { exact: true }).fill(fields.price);
  if (fields.cost !== undefined) await dialog.getByLabel('Cost').fill(fields.cost);
}

/**
 * The catalogue as head office keeps it and a till sells from it: a manager adds a product with two
 * barcodes and a case of 12, and the online till scans all three within seconds (the case sells 12); a wrong check digit is refused beside
 * its field; a second manager's save over the first's is refused with what the first changed; a
 * price scheduled for later takes effect at the till at that time by its own clock while it is
 * offline, and the sale made at it is no mismatch; a clerk can read the catalogue and change none of it.
 */
test('a manager adds a product the till scans at once, edits never overwrite each other, and a scheduled price takes effect offline', async ({ browser }) => {
  test.setTimeout(180_000);
  await withPairedTill(browser, 'catalogue', async ({ server, page, till }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const office = await officeAs(browser, server, 'manager');
    await expect(office.locator('tr[data-sku]').first()).toBeVisible();

    // A check digit typed wrong is refused, beside the barcodes, and nothing is added.
    await office.getByRole('button', { name: 'Add a product' }).click();
    await fillProduct(office, { sku: 'TEA-GREEN-20', name: 'Green tea, 20 bags', barcodes: '4006381333932\n96385074', taxClass: 'reduced', price: '3.49', cost: '1.80' });
    await office.getByRole('dialog').getByRole('button', { name: 'Add' }).click();
    await expect(office.getByRole('dialog').getByLabel('Barcodes')).toHaveAccessibleDescription(/its check digit should be 1/);
    await fillProduct(office, { barcodes: '4006381333931\n96385074', packs: 'case 12 10012345678902' });
    await office.getByRole('dialog').getByLabel('Category').fill('Drinks/Tea');
    await office.getByRole('dialog').getByLabel('Brand').fill('Kassa Basics');
    await office.getByRole('dialog').getByLabel('Content of a piece').fill('0.04');
    await office.getByRole('dialog').getByRole('button', { name: 'Add' }).click();
    await expect(office.getByRole('dialog')).toBeHidden();
    await expect(office.locator('tr[data-sku="TEA-GREEN-20"] .price')).toHaveText('3.49');
    await expect(office.locator('tr[data-sku="TEA-GREEN-20"]')).toContainText('Drinks › Tea');
    await office.screenshot({ path: test.info().outputPath('catalogue.png') });

    // The till, online, hears of it within seconds and scans both barcodes.
    await expect(async () => {
      await till.scan('4006381333931');
      await expect(till.cartLine('TEA-GREEN-20')).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await till.scan('96385074');
    await expect(till.cartLine('TEA-GREEN-20').getByRole('textbox')).toHaveValue('2');
    // The case's barcode sells the 12 it holds.
    await till.scan('10012345678902');
    await expect(till.cartLine('TEA-GREEN-20').getByRole('textbox')).toHaveValue('14');
    await till.payCash('50');

    // A price for the whole chain from an hour on, scheduled in the product's dialog.
    const added = (await server.json<Product[]>('/api/office/products')).find((product) => product.sku === 'TEA-GREEN-20')!;
    const from = new Date(Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000);
    await office.getByRole('button', { name: 'Edit Green tea, 20 bags' }).click();
    // The chain-wide view: its stock in every store (14 sold, none received).
    await expect(office.getByRole('dialog').locator('tr[data-store-stock="S1"]')).toContainText('-14');
    await office.getByRole('dialog').getByLabel('From').fill(localDateTime(from));
    await office.getByRole('dialog').getByLabel('New price').fill('2.99');
    await office.getByRole('dialog').getByRole('button', { name: 'Change the price' }).click();
    await expect(office.locator(`tr[data-price-change="${from.toISOString()}"]`)).toContainText('scheduled');
    await office.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    // Two managers: the second save, made on the product as it was before the first's, is refused
    // with who changed what, and "Load their version" shows it.
    await office.getByRole('button', { name: 'Edit Green tea, 20 bags' }).click();
    const other = await officeAs(browser, server, 'manager');
    await other.getByRole('searchbox').fill('TEA-GREEN');
    await other.getByRole('button', { name: 'Edit Green tea, 20 bags' }).click();
    await fillProduct(other, { price: '3.79' });
    await other.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect(other.getByRole('dialog')).toBeHidden();
    await fillProduct(office, { name: 'Green tea, 20 bags (organic)' });
    await office.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    const conflict = office.locator('#product-conflict');
    await expect(conflict).toContainText('changed this product after you opened it');
    await expect(conflict).toContainText('price: 3.49 → 3.79');
    await office.screenshot({ path: test.info().outputPath('catalogue-conflict.png') });
    await conflict.getByRole('button', { name: 'Load their version' }).click();
    await expect(office.getByRole('dialog').getByLabel('Price', { exact: true })).toHaveValue('3.79');
    expect((await server.json<Product>(`/api/office/products/${added.id}`)).name).toBe('Green tea, 20 bags');

    // The till sells at 3.79 once it has the product as last saved, which holds the schedule too
    // (a product travels whole); then it goes offline, and its clock passes the scheduled time.
    await expect(async () => {
      await till.search('TEA-GREEN-20');
      await expect(till.result('TEA-GREEN-20')).toContainText('3.79', { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await server.stop();
    await expect(till.syncState).toHaveText('Offline');
    await page.clock.setFixedTime(new Date(from.getTime() + 60_000));
    await expect(async () => {
      await till.search('TEA-GREEN-20');
      await expect(till.result('TEA-GREEN-20')).toContainText('2.99', { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await till.scan('4006381333931');
    await expect(till.cartLine('TEA-GREEN-20')).toContainText('2.99');
    const sold = await till.payCash('5');
    await server.start();
    await expect(till.waiting).toHaveText('all sales synced', { timeout: 60_000 });
    const exceptions = await server.json<StockException[]>('/api/office/exceptions?store=store-1');
    expect(exceptions.filter((exception) => exception.kind === 'price_mismatch' && exception.details.receiptNumber === sold.receiptNumber)).toEqual([]);

    // A clerk reads the catalogue and is offered nothing to change.
    const clerk = await officeAs(browser, server, 'clerk');
    await expect(clerk.locator('tr[data-sku="TEA-GREEN-20"]')).toBeVisible();
    await expect(clerk.getByRole('button', { name: 'Add a product' })).toHaveCount(0);
    await expect(clerk.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  });
});

/**
 * A manager imports a CSV of 50 products, 3 of them bad: the preview lists each bad row with its line
 * and problem, the 47 good ones are imported, and the same file again changes nothing.
 */
test('a CSV with 3 bad rows of 50 is previewed, its 47 good rows imported, and importing it again changes nothing', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = new SyncServerProcess(temporaryFolder('kassa-e2e-catalogue-csv-'), await freePort(), ['--demo-products', '20']);
  await server.start();
  try {
    const office = await officeAs(browser, server, 'manager');
    const rows = [['sku', 'name', 'barcodes', 'unit', 'taxClass', 'price', 'cost', 'active']];
    for (let index = 1; index <= 50; index++) rows.push([`CSV-${index}`, `From the file ${index}`, ean13(`29800000${String(index).padStart(4, '0')}`), 'piece', 'standard', '1.99', '0.90', 'yes']);
    rows[5][2] = '4006381333932';
    rows[15][5] = '1,999';
    rows[25][1] = '';
    const file = { name: 'catalogue.csv', mimeType: 'text/csv', buffer: Buffer.from(formatCsv(rows)) };

    await office.getByText('Import a CSV').click();
    await office.getByLabel('CSV file').setInputFiles(file);
    await office.getByRole('button', { name: 'Preview' }).click();
    const report = office.locator('#import-report');
    await expect(report).toContainText('Preview from catalogue.csv: 50 rows; 47 to add, 0 to change, 0 unchanged, 3 refused.');
    await expect(report.locator('tr[data-line="6"]')).toContainText('its check digit should be 1');
    await expect(report.locator('tr[data-line="16"]')).toContainText('price: not an amount like "4.99"');
    await expect(report.locator('tr[data-line="26"]')).toContainText('name: required');
    await office.screenshot({ path: test.info().outputPath('catalogue-import-preview.png') });
    expect((await server.json<Product[]>('/api/office/products')).filter((product) => product.sku.startsWith('CSV-'))).toEqual([]);

    await office.getByRole('button', { name: 'Import the 47 valid rows' }).click();
    await expect(report).toContainText('Imported from catalogue.csv: 50 rows; 47 to add');
    await expect(office.locator('tr[data-sku="CSV-1"]')).toBeVisible();
    expect((await server.json<Product[]>('/api/office/products')).filter((product) => product.sku.startsWith('CSV-'))).toHaveLength(47);

    await office.getByLabel('CSV file').setInputFiles(file);
    await office.getByRole('button', { name: 'Preview' }).click();
    await expect(report).toContainText('0 to add, 0 to change, 47 unchanged, 3 refused.');
    await expect(office.getByRole('button', { name: /^Import the/ })).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

/**
 * The owner opens a second store from the office app, adds a till to it and pairs a device with the
 * code the Tills page shows; the till sells from the chain's catalogue in its new store.
 */
test('the owner opens a store, adds a till to it, and the till paired with the page’s code sells there', async ({ browser }) => {
  test.setTimeout(150_000);
  const server = new SyncServerProcess(temporaryFolder('kassa-e2e-stores-'), await freePort(), ['--demo-products', '20']);
  await server.start();
  const host = await startTillHost();
  try {
    const { email, password } = await server.createAccount('owner');
    const office = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await office.goto(`${server.url}/office`);
    await office.getByLabel('E-mail').fill(email);
    await office.getByLabel('Password').fill(password);
    await office.getByRole('button', { name: 'Log in' }).click();
    const menu = office.getByRole('navigation', { name: 'Head office' });
    await menu.getByRole('link', { name: 'Stores', exact: true }).click();
    await office.getByLabel('Store code').fill('S2');
    await office.getByLabel('Store name').fill('Harbour Street');
    await office.getByRole('button', { name: 'Open store' }).click();
    await expect(office.locator('tr[data-store="S2"]')).toContainText('Harbour Street');
    await office.screenshot({ path: test.info().outputPath('stores.png') });

    await office.reload();
    await menu.getByRole('link', { name: 'Tills', exact: true }).click();
    await office.getByRole('combobox', { name: 'Store' }).selectOption({ label: 'Harbour Street (S2)' });
    await expect(office.getByText('This store has no tills yet.')).toBeVisible();
    await office.getByLabel('Till code').fill('T1');
    await office.getByLabel('Till name').fill('Front till');
    await office.getByRole('button', { name: 'Add till' }).click();
    const row = office.locator('tr[data-till]').filter({ hasText: 'Front till' });
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: 'Pair a device' }).click();
    const code = await office.getByTestId('pairing-code').innerText();
    const [store] = (await server.json<{ id: string; code: string }[]>('/api/office/stores')).filter((candidate) => candidate.code === 'S2');
    await server.json('/api/office/cashiers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ storeId: store.id, name: 'Robin', role: 'cashier', pin: '4821' }) });

    const tillPage = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await tillPage.goto(`${host.url}/?${new URLSearchParams({ server: server.url, pair: code })}`);
    const till = new TillPage(tillPage);
    await till.ready({ cashier: 'Robin', pin: '4821' });
    await expect(till.syncState).toHaveText('Online');
    await expect(tillPage.getByText('Harbour Street')).toBeVisible();
    const [product] = await server.json<{ sku: string; barcodes: string[] }[]>('/api/office/products');
    await till.scan(product.barcodes[0]);
    const sold = await till.payCash('100');
    expect(sold.receiptNumber).toBe('S2-T1-000001');

    // The new store's tax classes came from the first store's; a new standard rate is dated for later.
    await menu.getByRole('link', { name: 'Tax classes', exact: true }).click();
    await expect(office.locator('tr[data-tax-class="standard"] .rate')).toHaveText('20 %');
    await office.getByLabel('Tax class', { exact: true }).selectOption({ label: 'Standard rate (standard)' });
    await office.getByLabel('From', { exact: true }).fill('2030-01-01T00:00');
    await office.getByLabel('Rate in %').fill('21');
    await office.getByRole('button', { name: 'Date the rate' }).click();
    await expect(office.locator('tr[data-tax-class="standard"]')).toContainText('21 % from');
    await expect(office.locator('tr[data-tax-class="standard"]')).toContainText('(to come)');
    // A class is renamed; its code, which products name, stays.
    await office.getByLabel('Class to rename').selectOption({ label: 'Reduced rate (reduced)' });
    await office.getByLabel('New name').fill('Food and books');
    await office.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(office.getByText('reduced is now called Food and books.')).toBeVisible();
    await expect(office.locator('tr[data-tax-class="reduced"]')).toContainText('Food and books');
    await office.screenshot({ path: test.info().outputPath('tax-classes.png') });
  } finally {
    await host.close();
    await server.stop();
  }
});

/** A time as a datetime-local field takes it, in the browser's (and this machine's) time zone, to the minute. */
function localDateTime(time: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}`;
}
