import { expect, test } from '@playwright/test';
import { centralStock } from './support/scenario.js';
import { withPairedTill } from './support/till-session.js';

/**
 * Park and resume, with the server down: a cart is parked (F4) while the next customer is served;
 * several can wait; they outlive a reload of the till; resuming one (F5) brings its lines back to
 * be paid; nothing parked moves stock. Once synced, the server holds exactly the sales paid.
 */
test('carts are parked and resumed offline, survive a reload, and only what is paid moves stock', async ({ browser }) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'park', async ({ server, page, till }) => {
    const products = (await centralStock(server)).products;
    const [first, second, third] = ['00015', '00016', '00017'].map((suffix) => products.find((row) => row.sku.endsWith(suffix))!);
    await till.expectStock(first.sku, Number(first.quantity));
    await server.stop();
    await expect(till.syncState).toHaveText('Offline');

    const ring = async (row: typeof first, quantity = '1') => {
      await till.search(row.sku);
      await till.result(row.sku).click();
      if (quantity !== '1') await till.setQuantity(row.name, quantity);
      await expect(till.cartLine(row.sku)).toBeVisible();
    };
    // Two carts parked, one after the other.
    await ring(first, '2');
    await page.keyboard.press('F4');
    await expect(page.getByTestId('notice')).toContainText('Cart parked (1 line); F5 resumes it.');
    await expect(page.getByTestId('cart-line')).toHaveCount(0);
    await ring(second);
    await page.getByRole('button', { name: /Park/ }).first().click();
    await expect(page.getByTestId('cart-line')).toHaveCount(0);
    await till.expectStock(first.sku, Number(first.quantity));

    // The next customer pays; resuming needs an empty cart.
    await ring(third);
    await page.keyboard.press('F5');
    await expect(page.getByTestId('notice')).toContainText('Park (F4) or finish the cart at the counter before resuming another.');
    expect((await till.payCash('50')).receiptNumber).toBe('S1-T1-000001');

    // A reload keeps both parked carts; the first parked is resumed and paid.
    await page.reload();
    await till.ready();
    await page.keyboard.press('F5');
    const dialog = page.getByTestId('parked-dialog');
    await expect(dialog.getByTestId('parked-cart')).toHaveCount(2);
    await dialog.getByTestId('parked-cart').filter({ hasText: first.name }).getByRole('button', { name: 'Resume' }).click();
    await expect(dialog).toBeHidden();
    await expect(till.cartLine(first.sku).getByRole('textbox')).toHaveValue('2');
    expect((await till.payCash('50')).receiptNumber).toBe('S1-T1-000002');
    await page.keyboard.press('F5');
    await expect(dialog.getByTestId('parked-cart')).toHaveCount(1);
    await page.keyboard.press('Escape');

    await server.start();
    await expect(till.waiting).toHaveText('all sales synced');
    await expect.poll(async () => (await centralStock(server)).salesCount).toBe(2);
    const after = (await centralStock(server)).products;
    expect(after.find((row) => row.productId === first.productId)!.sold).toBe('2');
    expect(after.find((row) => row.productId === second.productId)!.sold).toBe('0');
    expect(after.find((row) => row.productId === third.productId)!.sold).toBe('1');
  });
});
