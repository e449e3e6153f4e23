import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { centralStock, openOffice } from './support/scenario.js';
import { withPairedTill } from './support/till-session.js';

/**
 * A stock count while the till sells, as a shop lives it. A blind count of milk and bread is opened;
 * bread is counted, then the till sells a bread (a sale while counting: no difference). The till
 * loses its connection and sells 2 milk; milk is counted after, and one milk is missing for real
 * (the shelf holds 3 fewer than the books: 2 sold offline, 1 gone). The count is posted before the
 * offline sale arrives. When it arrives, it is not taken off a second time: milk ends where the
 * count put it, and the count's differences are the real ones (milk -1, bread none).
 */
test('a blind count while the till sells, with an offline sale made before the count that arrives after it is posted', async ({ browser }) => {
  test.setTimeout(180_000);
  await withPairedTill(browser, 'counts', async ({ server, page, till }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const before = await centralStock(server);
    const products = await server.json<{ id: string; sku: string; name: string; unit: string; barcodes: string[] }[]>('/api/office/products');
    const quantityOf = (stock: typeof before, id: string) => Number(stock.products.find((row) => row.productId === id)!.quantity);
    const [milk, bread] = products.filter((product) => product.unit === 'piece' && product.barcodes.length > 0 && quantityOf(before, product.id) >= 5);
    const milkBefore = quantityOf(before, milk.id);
    const breadBefore = quantityOf(before, bread.id);

    // Head office opens a blind count of milk and bread, scanned onto the sheet.
    const office = await openOffice(await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage(), server, 'Stock counts');
    const sheetPage = office.page;
    await sheetPage.getByLabel('Count', { exact: true }).selectOption('chosen products');
    const scan = sheetPage.getByLabel('Scan or type a barcode or SKU');
    await expect(scan).toBeEnabled();
    for (const item of [milk, bread]) {
      await scan.fill(item.barcodes[0]);
      await scan.press('Enter');
    }
    await expect(sheetPage.getByRole('list', { name: 'Products on the sheet' }).getByRole('listitem')).toHaveCount(2);
    await sheetPage.getByLabel('Reference').fill('Dairy and bakery');
    await sheetPage.getByRole('button', { name: 'Open count' }).click();
    await expect(sheetPage.getByText('Opened SC-000001: 2 products on the sheet.')).toBeVisible();
    await expect(sheetPage.getByRole('heading', { name: 'SC-000001: 2 chosen products, blind (open)' })).toBeVisible();
    // Blind: no expected quantity anywhere on the sheet.
    await expect(sheetPage.getByRole('columnheader', { name: 'Expected' })).toHaveCount(0);

    // Bread is counted by scanning each loaf: the shelf holds what the books say.
    const counter = sheetPage.getByRole('region', { name: /SC-000001/ }).getByLabel('Scan or type a barcode or SKU');
    await sheetPage.getByLabel(`Add to counted of ${bread.sku}`).fill(String(breadBefore - 1));
    await sheetPage.getByLabel(`Add to counted of ${bread.sku}`).press('Enter');
    await counter.fill(bread.barcodes[0]);
    await counter.press('Enter');
    await expect(sheetPage.locator(`tr[data-count-line="${bread.sku}"] td.counted`)).toHaveText(`${breadBefore} pcs`);

    // While counting, the till sells a bread: after bread was counted, so no difference.
    await till.scan(bread.barcodes[0]);
    await till.payCash('20');
    await expect(till.waiting).toHaveText('all sales synced', { timeout: 60_000 });

    // The till loses its connection and sells 2 milk; milk is counted after, 1 missing besides.
    await page.context().setOffline(true);
    await expect(till.syncState).toHaveText('Offline', { timeout: 30_000 });
    await till.scan(milk.barcodes[0]);
    await till.scan(milk.barcodes[0]);
    await till.payCash('20');
    await sheetPage.getByLabel(`Add to counted of ${milk.sku}`).fill(String(milkBefore - 3));
    await sheetPage.getByLabel(`Add to counted of ${milk.sku}`).press('Enter');
    await expect(sheetPage.locator(`tr[data-count-line="${milk.sku}"] td.counted`)).toHaveText(`${milkBefore - 3} pcs`);
    await expect(sheetPage.getByText('2 of 2 products counted')).toBeVisible();
    await sheetPage.screenshot({ path: test.info().outputPath('count-sheet-blind.png') });

    // Posted while the sale is still on the offline till: milk looks 3 short for now.
    await sheetPage.getByRole('button', { name: 'Post count' }).click();
    await sheetPage.getByRole('button', { name: 'Yes, post the count' }).click();
    await expect(sheetPage.getByText('Posted SC-000001: 1 line differs from the books; stock is moved by it.')).toBeVisible();
    await expect(sheetPage.locator(`tr[data-count-line="${milk.sku}"] td.difference`)).toHaveText('-3');
    await expect(sheetPage.locator(`tr[data-count-line="${bread.sku}"] td.difference`)).toHaveText('');
    let stock = await centralStock(server);
    expect(quantityOf(stock, milk.id)).toBe(milkBefore - 3);
    expect(quantityOf(stock, bread.id)).toBe(breadBefore - 1);

    // The till is back: its sale of 2 milk arrives, made before milk was counted.
    await page.context().setOffline(false);
    await expect(till.waiting).toHaveText('all sales synced', { timeout: 60_000 });
    stock = await centralStock(server);
    expect(quantityOf(stock, milk.id)).toBe(milkBefore - 3);
    expect(quantityOf(stock, bread.id)).toBe(breadBefore - 1);
    // The count now shows the real difference: 1 milk gone.
    await sheetPage.reload();
    await office.show('Stock counts');
    await sheetPage.locator('tr[data-count="SC-000001"]').getByRole('button', { name: 'Open SC-000001' }).click();
    await expect(sheetPage.locator(`tr[data-count-line="${milk.sku}"] td.expected`)).toHaveText(String(milkBefore - 2));
    await expect(sheetPage.locator(`tr[data-count-line="${milk.sku}"] td.difference`)).toHaveText('-1');
    await sheetPage.screenshot({ path: test.info().outputPath('count-sheet-posted.png') });
    // The sheet downloads as CSV for the count's records.
    const [download] = await Promise.all([sheetPage.waitForEvent('download'), sheetPage.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('SC-000001.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe('SKU,Product,Unit,Counted,Counted at,Expected,"Of it, late sales",Difference');
    expect(csv).toContain(`${milk.sku},`);
    expect(csv.split(/\r?\n/).find((row) => row.startsWith(`${milk.sku},`))).toMatch(new RegExp(`,${milkBefore - 3},[^,]+,${milkBefore - 2},-2,-1$`));
    // And the till shows the stock the count left.
    await till.expectStock(milk.sku, milkBefore - 3);
  });
});
