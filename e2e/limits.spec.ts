import { expect, test } from '@playwright/test';
import { centralStock } from './support/scenario.js';
import { withPairedTill } from './support/till-session.js';

/**
 * A store's plausibility limits at the counter: head office lowers them, the till hears of it as it
 * syncs, and the cashier is told at once, before any payment, when a line or a receipt would go past
 * them; the server would refuse such a sale later. Within the limits the sale goes through as ever.
 */
test('a line or a receipt past the store’s limits is refused at the counter, before payment', async ({ browser }) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'limits', async ({ server, page, till }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const product = (await centralStock(server)).products.find((row) => row.sku.endsWith('00015'))!;
    await server.json(`/api/office/stores/store-1/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ limits: { lineQuantity: '5', documentAmount: '10' } }),
    });

    await till.search(product.sku);
    await till.result(product.sku).click();
    const quantity = till.cartLine(product.sku).getByRole('textbox');
    // The store's change reaches the till live; the sixth piece on one line is refused.
    await expect(async () => {
      await till.setQuantity(product.name, '6');
      await expect(page.getByTestId('notice')).toContainText(`Quantity of ${product.name}: more than the 5 store S1 allows on one line`, { timeout: 1000 });
    }).toPass();
    await expect(quantity).toHaveValue('1');

    // Five pieces are within the line's limit, but more than one receipt may carry: Pay waits.
    await till.setQuantity(product.name, '5');
    const problem = page.getByTestId('cart-problem');
    await expect(problem).toContainText('is more than the 10.00 EUR store S1 allows on one receipt: split the sale.');
    await expect(page.getByRole('button', { name: /^Pay/ })).toBeDisabled();
    await page.keyboard.press('F12');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/limits-receipt-above.png' });

    // One piece is within both: paid and synced as ever.
    await till.setQuantity(product.name, '1');
    await expect(problem).toHaveCount(0);
    expect((await till.payCash('50')).receiptNumber).toBe('S1-T1-000001');
    await expect.poll(async () => (await centralStock(server)).salesCount).toBe(1);
  });
});
