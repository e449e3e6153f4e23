import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseCsv } from '../shared/src/index.js';
import { centralStock, openOffice } from './support/scenario.js';
import { withPairedTill } from './support/till-session.js';

/**
 * From the counter to replenishment: the till sells a product, some of it offline; head office's
 * reorder suggestion for it appears with its figures once the sales are synced; a draft order is
 * made from it, sent, and received in two deliveries (short, then the rest with a product not
 * ordered); stock and the average cost move, and the till shows the new stock.
 */
test('till sales, some offline, bring a reorder suggestion; its order is sent and received in two deliveries, and the till shows the new stock', async ({ browser }) => {
  test.setTimeout(180_000);
  await withPairedTill(browser, 'reorder', async ({ server, page, till }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const before = await centralStock(server);
    const products = await server.json<{ id: string; sku: string; name: string; unit: string; barcodes: string[] }[]>('/api/office/products');
    // The piece product with the least on hand (at least the 5 sold), and another piece product.
    const quantityOf = (id: string) => Number(before.products.find((row) => row.productId === id)!.quantity);
    const pieces = products.filter((product) => product.unit === 'piece' && product.barcodes.length > 0 && quantityOf(product.id) >= 5);
    const milk = pieces.reduce((least, product) => (quantityOf(product.id) < quantityOf(least.id) ? product : least));
    const extra = pieces.find((product) => product.id !== milk.id)!;
    const onHand = quantityOf(milk.id);
    const costBefore = before.products.find((row) => row.productId === milk.id)!.averageCost;
    expect(onHand - 5).toBeLessThan(45);

    // A supplier delivering milk in cases of 12, in 2 days (set up through the office API).
    const post = (path: string, method: string, body: unknown) => server.json<{ id: string }>(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const supplier = await post('/api/office/suppliers', 'POST', { name: 'Green Valley Dairy', contact: {}, currency: 'EUR', leadTimeDays: 2, orderDays: [] });
    await post(`/api/office/suppliers/${supplier.id}/products/${milk.id}`, 'PUT', { supplierSku: 'GV-1', packSize: '12', packCost: '8.40', preferred: true });
    await post(`/api/office/suppliers/${supplier.id}/products/${extra.id}`, 'PUT', { supplierSku: 'GV-2', packSize: '6', packCost: '3.00', preferred: false });

    // 3 sold online, 2 while the server is down.
    for (let scan = 0; scan < 3; scan++) await till.scan(milk.barcodes[0]);
    await till.payCash('50');
    await server.stop();
    await expect(till.syncState).toHaveText('Offline');
    for (let scan = 0; scan < 2; scan++) await till.scan(milk.barcodes[0]);
    await till.payCash('50');
    await server.start();
    await expect(till.waiting).toHaveText('all sales synced', { timeout: 60_000 });

    // Head office: 5 sold today; over today alone, 5 a day × (2 d lead time + 7 d review) = 45, less what is on hand.
    const office = await openOffice(await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage(), server, 'Reorder');
    await office.page.getByLabel('Sales of the last (days)').fill('1');
    await office.page.getByRole('button', { name: 'Suggest' }).click();
    const suggestion = office.page.locator(`tr[data-suggestion="${milk.sku}"]`);
    const wanted = 45 - (onHand - 5);
    const packs = Math.ceil(wanted / 12);
    await expect(suggestion).toContainText(`5.00 a day × (2 d lead time + 7 d review)`);
    await expect(suggestion).toContainText(`less on hand ${onHand - 5} and on order 0`);
    await expect(suggestion.getByLabel(`Packs of ${milk.sku}`)).toHaveValue(String(packs));
    await office.page.screenshot({ path: test.info().outputPath('reorder.png') });
    // The suggestions as a report: a CSV with every figure each is worked out from.
    const [download] = await Promise.all([office.page.waitForEvent('download'), office.page.getByRole('button', { name: 'Download CSV' }).click()]);
    const rows = parseCsv(fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '')).map((row) => row.fields);
    expect(rows[0].slice(0, 5)).toEqual(['SKU', 'Product', 'Policy', 'Days of cover', 'Sold a day']);
    const milkRow = rows.find((row) => row[0] === milk.sku)!;
    expect([milkRow[2], milkRow[4], milkRow[6], milkRow[12]]).toEqual(['automatic', '5.000', '2', String(packs)]);
    expect(milkRow.at(-1)).toContain('5.00 a day × (2 d lead time + 7 d review)');
    // Only milk is accepted; any other suggestion is left out of this order.
    for (const checkbox of await office.page.getByRole('checkbox', { name: /^Order / }).all()) {
      if ((await checkbox.getAttribute('aria-label')) !== `Order ${milk.sku}`) await checkbox.uncheck();
    }
    await office.page.getByRole('button', { name: 'Make draft orders of 1 product' }).click();
    await expect(office.page.getByText(/^Made PO-000001 for Green Valley Dairy as drafts/)).toBeVisible();

    // Sent, then received: first 12 (short), then the rest and one product not ordered, scanned.
    await office.show('Purchase orders');
    const order = office.page.locator('tr[data-order="PO-000001"]');
    await order.getByRole('button', { name: 'Open PO-000001' }).click();
    await office.page.getByRole('button', { name: 'Send to Green Valley Dairy' }).click();
    // The state exactly: "received" is in "partly received" too, and would pass before the last
    // delivery was recorded.
    const state = order.locator('.po-state');
    await expect(state).toHaveText('sent');
    await office.page.getByLabel(`Arrived of ${milk.sku}`).fill('12');
    await office.page.getByRole('button', { name: 'Record receipt' }).click();
    await expect(state).toHaveText('partly received');
    await office.page.getByLabel(`Arrived of ${milk.sku}`).fill(String(packs * 12 - 12));
    const scanner = office.page.getByLabel('Scan or type a barcode or SKU');
    await scanner.fill(extra.barcodes[0]);
    await scanner.press('Enter');
    await office.page.getByRole('button', { name: 'Record receipt' }).click();
    await expect(state).toHaveText('received');

    const after = (await centralStock(server)).products.find((row) => row.productId === milk.id)!;
    expect(Number(after.quantity)).toBe(onHand - 5 + packs * 12);
    expect(after.onOrder).toBe('0');
    expect(after.averageCost).not.toBe(costBefore);
    // The till hears of the receipts and shows the new stock.
    await till.expectStock(milk.sku, onHand - 5 + packs * 12);
  });
});
