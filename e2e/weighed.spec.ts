import { expect, test } from '@playwright/test';
import { ean13 } from '../shared/src/barcode.js';
import { centralStock } from './support/scenario.js';
import { withPairedTill } from './support/till-session.js';

/**
 * Scan, weigh and sell with the server down: scale labels (EAN-13, prefix 21 weight, 23 price) ring
 * up loose produce by the label's weight, or by the weight that costs the label's price; each label
 * is its own line; an unknown item's label adds nothing; once synced, central stock drops by exactly
 * the weights sold.
 */
test('scale labels ring up weighed produce offline, each its own line, and sync to the gram', async ({ browser }) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'weighed', async ({ server, page, till }) => {
    const before = await centralStock(server);
    const bananas = before.products.find((row) => row.productId === 'p-000001')!;
    const apples = before.products.find((row) => row.productId === 'p-000002')!;
    await till.expectStock(bananas.sku, Number(bananas.quantity));
    await till.expectStock(apples.sku, Number(apples.quantity));
    await server.stop();
    await expect(till.syncState).toHaveText('Offline');

    // 1.234 kg and 0.500 kg of bananas at 1.89/kg: two lines, 2.33 and 0.95 (0.945 rounds half up).
    await till.scan(ean13('210010101234'));
    await till.scan(ean13('210010100500'));
    const bananaLines = page.locator(`[data-testid="cart-line"][data-sku="${bananas.sku}"]`);
    await expect(bananaLines).toHaveCount(2);
    await expect(bananaLines.nth(0).getByRole('textbox')).toHaveValue('1.234');
    await expect(bananaLines.nth(1).getByRole('textbox')).toHaveValue('0.500');
    // Apples at 2.49/kg labelled 3.11: the weight that costs exactly 3.11.
    await till.scan(ean13('230010200311'));
    await expect(till.cartLine(apples.sku)).toBeVisible();
    // A label of an item no product is registered for says so and adds nothing.
    await till.scan(ean13('210099901234'));
    await expect(page.getByTestId('notice')).toContainText(`Unknown barcode ${ean13('210099901234')}: nothing added`);
    await expect(page.getByTestId('cart-line')).toHaveCount(3);
    expect((await till.total()).startsWith('6.39')).toBe(true);
    const sale = await till.payCash('10');
    expect(sale.receiptNumber).toBe('S1-T1-000001');
    await till.expectStock(bananas.sku, Number(bananas.quantity) - 1.734);

    await server.start();
    await expect(till.waiting).toHaveText('all sales synced');
    await expect.poll(async () => (await centralStock(server)).salesCount).toBe(1);
    const after = await centralStock(server);
    expect(after.products.find((row) => row.productId === bananas.productId)!.sold).toBe('1.734');
    const applesSold = Number(after.products.find((row) => row.productId === apples.productId)!.sold);
    expect([1.248, 1.249]).toContain(applesSold);
  });
});
