import { expect, test } from '@playwright/test';
import type { Sale } from '../shared/src/index.js';
import { demoCatalogue } from '../sync-server/src/demo.js';
import { centralStock } from './support/scenario.js';
import { withPairedTill } from './support/till-session.js';

/** The demo store's shelf prices, by SKU (the server runs with 40 demo products). */
const PRICES = new Map(demoCatalogue(40, '').map(({ product }) => [product.sku, product.price]));

/**
 * A return against a receipt with the server down, at a 1366x768 till: one line back on the shelf,
 * one written off as damaged, each with its unit price as charged, its refund and the reason the
 * cashier chose (nothing preselected; the return waits until each line has one). The till's stock
 * moves at once by what is restocked only, a second return cannot take back more than is left, and
 * once the server is back central stock and its returned column agree, and the stored return carries
 * the reasons.
 */
test('a return against a receipt restocks one line and writes one off, offline, and syncs exactly', async ({ browser }) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'return', async ({ server, page, till }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const before = await centralStock(server);
    const kept = before.products.find((row) => row.sku.endsWith('00013'))!;
    const broken = before.products.find((row) => row.sku.endsWith('00014'))!;
    await till.expectStock(kept.sku, Number(kept.quantity));
    await till.expectStock(broken.sku, Number(broken.quantity));

    await server.stop();
    await expect(till.syncState).toHaveText('Offline');
    await till.search(kept.sku);
    await till.result(kept.sku).click();
    await till.setQuantity(kept.name, '2');
    await expect(till.cartLine(kept.sku).getByRole('textbox')).toHaveValue('2');
    await till.search(broken.sku);
    await till.result(broken.sku).click();
    const sale = await till.payCash('200');
    expect(sale.receiptNumber).toBe('S1-T1-000001');
    await till.expectStock(kept.sku, Number(kept.quantity) - 2);

    // F8: find the receipt, one of the two back on the shelf, the other product written off.
    await page.keyboard.press('F8');
    const dialog = page.getByTestId('return-dialog');
    await dialog.getByLabel('Receipt number').fill(sale.receiptNumber);
    await dialog.getByRole('button', { name: 'Find' }).click();
    const row = (sku: string) => dialog.locator(`[data-testid="return-line"][data-sku="${sku}"]`);
    // What the sale charged per unit, before anything is entered.
    await expect(row(kept.sku).getByTestId('return-unit-price')).toHaveText(`${PRICES.get(kept.sku)} EUR`);
    await expect(row(broken.sku).getByTestId('return-unit-price')).toHaveText(`${PRICES.get(broken.sku)} EUR`);
    await dialog.getByLabel(`Returned quantity of ${kept.name}`).fill('1');
    await dialog.getByLabel(`Returned quantity of ${broken.name}`).fill('1');
    await row(broken.sku).getByRole('checkbox').uncheck();
    await expect(dialog.getByTestId('return-refund')).toHaveText(/^Refund (\d+\.\d\d) EUR: cash \1 EUR$/);
    const refund = (await dialog.getByTestId('return-refund').innerText()).replace(/^Refund (\S+) EUR.*$/, '$1');
    await expect(row(kept.sku).getByTestId('return-line-refund')).toHaveText(`${PRICES.get(kept.sku)} EUR`);
    await expect(row(broken.sku).getByTestId('return-line-refund')).toHaveText(`${PRICES.get(broken.sku)} EUR`);

    // No reason is preselected: the return waits, and says which lines still need one.
    const complete = dialog.getByRole('button', { name: 'Complete return' });
    const missing = dialog.getByTestId('return-reason-missing');
    await expect(dialog.getByLabel(`Reason for returning ${kept.name}`, { exact: true })).toHaveValue('');
    await expect(missing).toHaveText(`Choose a reason for ${kept.name} and ${broken.name}.`);
    await expect(complete).toBeDisabled();
    await till.chooseReturnReason(dialog, kept.name, 'Not wanted');
    await expect(missing).toHaveText(`Choose a reason for ${broken.name}.`);
    await till.chooseReturnReason(dialog, broken.name, 'Other');
    await expect(missing).toHaveText(`Choose a reason for ${broken.name} (for Other, say in a few words).`);
    await expect(complete).toBeDisabled();
    await dialog.getByLabel(`Other reason for returning ${broken.name}`).fill('Dropped at the counter');
    await expect(missing).toHaveCount(0);
    // Reachable at 1366x768: the dialog scrolls within the screen.
    await complete.scrollIntoViewIfNeeded();
    await expect(complete).toBeInViewport();
    await complete.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('notice')).toHaveText(`Return S1-T1-000002 completed: refund cash ${refund} EUR.Print receipt (F7)×`);
    await till.expectStock(kept.sku, Number(kept.quantity) - 1);
    await till.expectStock(broken.sku, Number(broken.quantity) - 1);

    // The customer comes back with the receipt: scanning its barcode opens the return on it. What is
    // left to return is what was sold less what came back: the written-off one is gone.
    await till.scan(sale.receiptNumber);
    await expect(dialog.getByLabel('Receipt number')).toHaveValue(sale.receiptNumber);
    await expect(dialog.locator(`[data-testid="return-line"][data-sku="${broken.sku}"] td`).nth(2)).toHaveText('0');
    await dialog.getByLabel(`Returned quantity of ${broken.name}`).fill('1');
    await expect(dialog.getByTestId('return-refund')).toContainText('only 0 of what S1-T1-000001 sold is left to return');
    await expect(dialog.getByRole('button', { name: 'Complete return' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(till.waiting).toHaveText(/^2 sales waiting since /);

    // The server is back: both documents once, stock exact, the return in the report.
    await server.start();
    await expect(till.waiting).toHaveText('all sales synced');
    await expect.poll(async () => (await centralStock(server)).salesCount).toBe(2);
    const after = await centralStock(server);
    const keptRow = after.products.find((row) => row.productId === kept.productId)! as typeof kept & { returned: string };
    const brokenRow = after.products.find((row) => row.productId === broken.productId)! as typeof broken & { returned: string };
    expect([keptRow.quantity, keptRow.sold, keptRow.returned]).toEqual([String(Number(kept.quantity) - 1), '2', '1']);
    expect([brokenRow.quantity, brokenRow.sold, brokenRow.returned]).toEqual([String(Number(broken.quantity) - 1), '1', '0']);
    await till.expectStock(kept.sku, Number(kept.quantity) - 1);

    // The stored return says why each line came back.
    const stored = (await server.json<{ sale: Sale }[]>('/api/office/sales?store=store-1')).map((entry) => entry.sale);
    const back = stored.find((document) => document.kind === 'return')!;
    expect(back.lines.map((line) => [line.sku, line.restock, line.returnReason])).toEqual([
      [kept.sku, true, 'Not wanted'],
      [broken.sku, false, 'Other: Dropped at the counter'],
    ]);
  });
});
