import { expect, test, type Page } from '@playwright/test';
import { ean13 } from '../shared/src/barcode.js';
import type { Sale } from '../shared/src/index.js';
import { centralStock } from './support/scenario.js';
import type { SyncServerProcess } from './support/processes.js';
import { withPairedTill } from './support/till-session.js';

/** A shop PC's screen: the cart's weight column and its Change button must fit at this size. */
async function counterScreen(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** The sale the server stored under a receipt number. */
async function storedSale(server: SyncServerProcess, receiptNumber: string): Promise<Sale> {
  const stored = (await server.json<{ sale: Sale }[]>('/api/office/sales?store=store-1')).map((row) => row.sale);
  const sale = stored.find((candidate) => candidate.receiptNumber === receiptNumber);
  if (!sale) throw new Error(`the server holds no sale ${receiptNumber}`);
  return sale;
}

/**
 * Scan, weigh and sell with the server down: scale labels (EAN-13, prefix 21 weight, 23 price) ring
 * up loose produce by the label's weight, or by the weight that costs the label's price; each label
 * is its own line, its weight shown and not typed over; an unknown item's label adds nothing; once
 * synced, central stock drops by exactly the weights sold.
 */
test('scale labels ring up weighed produce offline, each its own line, and sync to the gram', async ({ browser }) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'weighed', async ({ server, page, till }) => {
    await counterScreen(page);
    const before = await centralStock(server);
    const bananas = before.products.find((row) => row.productId === 'p-000001')!;
    const apples = before.products.find((row) => row.productId === 'p-000002')!;
    await till.expectStock(bananas.sku, Number(bananas.quantity), 'kg');
    await till.expectStock(apples.sku, Number(apples.quantity), 'kg');
    await server.stop();
    await expect(till.syncState).toHaveText('Offline');

    // 1.234 kg and 0.500 kg of bananas at 1.89/kg: two lines, 2.33 and 0.95 (0.945 rounds half up).
    await till.scan(ean13('210010101234'));
    await till.scan(ean13('210010100500'));
    const bananaLines = page.locator(`[data-testid="cart-line"][data-sku="${bananas.sku}"]`);
    await expect(bananaLines).toHaveCount(2);
    await expect(bananaLines.nth(0).getByTestId('line-quantity')).toHaveText('1.234 kg');
    await expect(bananaLines.nth(1).getByTestId('line-quantity')).toHaveText('0.500 kg');
    await expect(bananaLines.nth(0).getByRole('textbox')).toHaveCount(0);
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
    await till.expectStock(bananas.sku, Number(bananas.quantity) - 1.734, 'kg');

    await server.start();
    await expect(till.waiting).toHaveText('all sales synced');
    await expect.poll(async () => (await centralStock(server)).salesCount).toBe(1);
    const after = await centralStock(server);
    expect(after.products.find((row) => row.productId === bananas.productId)!.sold).toBe('1.734');
    const applesSold = Number(after.products.find((row) => row.productId === apples.productId)!.sold);
    expect([1.248, 1.249]).toContain(applesSold);
    const stored = await storedSale(server, sale.receiptNumber);
    expect(stored.lines.map((line) => line.weighing)).toEqual(['scale', 'scale', 'scale']);
  });
});

/**
 * A loose product picked from the search has no weight yet: the till asks for it (never 1 kg
 * unasked), refuses what is no weight to the gram, adds nothing on Escape, and the sale says the
 * weight was keyed in. Prices of loose goods are per kg, their stock in kg; pieces are counted.
 */
test('a loose product from the search asks for its weight, and the sale at the server says it was keyed in', async ({ browser }) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'weighed-keyed', async ({ server, page, till }) => {
    await counterScreen(page);
    const before = await centralStock(server);
    const apples = before.products.find((row) => row.productId === 'p-000002')!;
    const piece = before.products.find((row) => row.sku.endsWith('00010'))!;
    const name = 'Apples Braeburn (loose)';
    expect(apples.name).toBe(name);

    await till.search(apples.sku);
    await expect(till.result(apples.sku).locator('.search-results__price')).toHaveText('2.49 EUR/kg');
    await expect(till.result(apples.sku).getByTestId('result-stock')).toHaveText(`${Number(apples.quantity)} kg in stock`);
    await till.search(piece.sku);
    await expect(till.result(piece.sku).locator('.search-results__price')).toHaveText(/^\d+\.\d\d EUR$/);
    await expect(till.result(piece.sku).getByTestId('result-stock')).toHaveText(`${Number(piece.quantity)} in stock`);

    // Escape adds nothing, and the search box takes the keyboard again.
    await till.search(apples.sku);
    await till.result(apples.sku).click();
    await expect(till.weightDialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(till.weightDialog).toBeHidden();
    await expect(page.getByTestId('cart-line')).toHaveCount(0);
    await expect(till.searchBox).toBeFocused();

    // Enter on the SKU asks too; what is no weight to the gram is refused in so many words.
    await till.search(apples.sku);
    await till.searchBox.press('Enter');
    const field = till.weightDialog.getByLabel(`Weight of ${name} in kg`);
    await expect(field).toBeFocused();
    await field.press('Enter');
    await expect(till.weightDialog.getByRole('alert')).toHaveText(`Weight of ${name}: enter the weight in kg.`);
    await field.fill('0.3755');
    await field.press('Enter');
    await expect(till.weightDialog.getByRole('alert')).toHaveText(`Weight of ${name}: at most 3 decimals (grams).`);
    await field.fill('0');
    await field.press('Enter');
    await expect(till.weightDialog.getByRole('alert')).toHaveText(`Weight of ${name}: must be more than zero.`);
    await expect(page.getByTestId('cart-line')).toHaveCount(0);
    // A decimal comma is a counter's habit.
    await field.fill('0,375');
    await field.press('Enter');
    await expect(till.weightDialog).toBeHidden();

    // 0.375 kg x 2.49 = 0.93375 -> 0.93. A weight keyed in may be keyed again in the cart.
    const line = till.cartLine(apples.sku);
    await expect(line.getByRole('textbox', { name: `Quantity of ${name}` })).toHaveValue('0.375');
    await expect(line.locator('.cart-line__unit')).toHaveText('kg');
    await expect(line.getByTestId('line-price')).toHaveText('2.49 EUR/kg');
    await expect(line.getByTestId('line-stock')).toHaveText(`${Number(apples.quantity)} kg`);
    await expect(page.getByTestId('total')).toHaveText('0.93 EUR');
    // A second weighing of the same product is a line of its own.
    await till.addWeighed(apples.sku, name, '1.2');
    await expect(page.getByTestId('cart-line')).toHaveCount(2);
    // 1.2 x 2.49 = 2.988 -> 2.99; with 0.93: 3.92
    await expect(page.getByTestId('total')).toHaveText('3.92 EUR');

    const sale = await till.payCash('5');
    await expect(till.waiting).toHaveText('all sales synced');
    const stored = await storedSale(server, sale.receiptNumber);
    expect(stored.lines.map(({ productId, unit, quantity, weighing, gross }) => ({ productId, unit, quantity, weighing, gross }))).toEqual([
      { productId: 'p-000002', unit: 'kg', quantity: '0.375', weighing: 'keyed', gross: '0.93' },
      { productId: 'p-000002', unit: 'kg', quantity: '1.2', weighing: 'keyed', gross: '2.99' },
    ]);
    expect(stored.adjustments).toBeUndefined();
    await expect.poll(async () => (await centralStock(server)).products.find((row) => row.productId === apples.productId)!.sold).toBe('1.575');
  });
});

/**
 * A scale label's weight is what the customer pays for: the cart shows it and offers no field to
 * type over it. Change weight asks for the new weight and a reason, then a manager's PIN; without
 * the PIN the label's weight stays. The sale at the server carries the override: the label's weight,
 * the weight charged, why, who and which manager approved.
 */
test('a scale label’s weight cannot be typed over; changing it needs a manager’s PIN and is on the sale', async ({ browser }) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'weighed-override', async ({ server, page, till }) => {
    await counterScreen(page);
    const bananas = (await centralStock(server)).products.find((row) => row.productId === 'p-000001')!;
    const name = 'Bananas (loose)';
    await till.scan(ean13('210010101234'));
    const line = till.cartLine(bananas.sku);
    await expect(line.getByTestId('line-quantity')).toHaveText('1.234 kg');
    await expect(line.getByRole('textbox')).toHaveCount(0);
    await expect(line.getByTestId('line-price')).toHaveText('1.89 EUR/kg');
    await expect(page.getByTestId('total')).toHaveText('2.33 EUR');

    // The manager does not come: the label's weight stays.
    await line.getByRole('button', { name: `Change weight of ${name}` }).click();
    const change = page.getByRole('dialog', { name: 'Change weight' });
    await expect(change.getByTestId('change-weight-label')).toHaveText(`${name}: the scale label says 1.234 kg.`);
    await change.getByLabel(`New weight of ${name} in kg`).fill('0.5');
    // No reason is picked for the cashier.
    await change.getByRole('button', { name: /^change/i }).click();
    await expect(change.getByRole('alert')).toHaveText('Choose or type a reason.');
    await change.getByRole('button', { name: 'Label misprinted' }).click();
    await change.getByRole('button', { name: /^change/i }).click();
    const approval = page.getByRole('dialog', { name: 'Manager approval' });
    await expect(approval.getByTestId('approval-what')).toHaveText(`Weight of ${name}: 1.234 kg on the scale label → 0.5 kg (Label misprinted)`);
    await page.keyboard.press('Escape');
    await expect(approval).toBeHidden();
    await expect(change.getByRole('alert')).toHaveText('Not approved: the label’s weight stays.');
    await page.keyboard.press('Escape');
    await expect(change).toBeHidden();
    await expect(line.getByTestId('line-quantity')).toHaveText('1.234 kg');
    await expect(line.getByTestId('line-weight-override')).toHaveCount(0);

    // Morgan, a manager, approves: 0.5 kg x 1.89 = 0.945 -> 0.95.
    await till.changeWeight(name, '0.500', 'Half the bunch stayed behind');
    await expect(line.getByTestId('line-quantity')).toHaveText('0.5 kg');
    await expect(line.getByTestId('line-weight-override')).toHaveText('Weight 0.5 kg instead of the label’s 1.234 kg · Half the bunch stayed behind · approved by Morgan Manager');
    await expect(page.getByTestId('total')).toHaveText('0.95 EUR');

    const sale = await till.payCash('1');
    await expect(till.waiting).toHaveText('all sales synced');
    const stored = await storedSale(server, sale.receiptNumber);
    expect(stored.lines[0]).toMatchObject({ productId: 'p-000001', quantity: '0.5', weighing: 'scale', gross: '0.95' });
    expect(stored.adjustments).toEqual([
      {
        kind: 'weight-override',
        line: 0,
        was: '1.234',
        amount: '0.5',
        reason: 'Half the bunch stayed behind',
        by: { id: 'cashier-store-1-alex', name: 'Alex Cashier' },
        approvedBy: { id: 'cashier-store-1-morgan', name: 'Morgan Manager' },
      },
    ]);
    await expect.poll(async () => (await centralStock(server)).products.find((row) => row.productId === bananas.productId)!.sold).toBe('0.5');
  });
});

/**
 * Goods sold by the metre or the litre: head office adds them, the till asks for the length or the
 * volume (never 1 m unasked), refuses what is finer than the unit is sold, prices per unit, and the
 * server stores the lines in their units and counts the lengths in stock.
 */
test('a product sold by the metre and one by the litre are keyed in by length and volume, and sync in their units', async ({ browser }) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'measured', async ({ server, page, till }) => {
    await counterScreen(page);
    const add = (fields: Record<string, unknown>) =>
      server.json<{ id: string }>('/api/office/products', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ taxClass: 'standard', cost: '0.50', ...fields }) });
    const cableCode = ean13('400000000091');
    const cable = await add({ sku: 'CABLE-3X15', name: 'Cable 3x1.5', barcodes: [cableCode], unit: 'm', price: '1.25' });
    const oil = await add({ sku: 'OIL-TAP', name: 'Olive oil from the tap', barcodes: [], unit: 'l', price: '12.40' });

    // The new products reach the online till; the price shows per metre.
    await expect(async () => {
      await till.search('CABLE-3X15');
      await expect(till.result('CABLE-3X15').locator('.search-results__price')).toHaveText('1.25 EUR/m', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    // The dialog that asks for a weight asks for a length or a volume, titled so.
    const measure = page.getByTestId('weight-dialog');
    // Scanning the cable asks for its length; nothing is added until it is keyed in to the centimetre.
    await till.scan(cableCode);
    await expect(measure.getByRole('heading')).toHaveText('Length');
    const length = measure.getByLabel('Length of Cable 3x1.5 in m');
    await expect(length).toBeFocused();
    await length.press('Enter');
    await expect(measure.getByRole('alert')).toHaveText('Length of Cable 3x1.5: enter the length in m.');
    await length.fill('2,355');
    await length.press('Enter');
    await expect(measure.getByRole('alert')).toHaveText('Length of Cable 3x1.5: at most 2 decimals (centimetres).');
    await expect(page.getByTestId('cart-line')).toHaveCount(0);
    await length.fill('2,35');
    await length.press('Enter');
    await expect(measure).toBeHidden();
    const cableLine = till.cartLine('CABLE-3X15');
    await expect(cableLine.getByRole('textbox', { name: 'Quantity of Cable 3x1.5' })).toHaveValue('2.35');
    await expect(cableLine.locator('.cart-line__unit')).toHaveText('m');
    await expect(cableLine.getByTestId('line-price')).toHaveText('1.25 EUR/m');

    // Oil by the litre, from the search: 0.75 l x 12.40 = 9.30; with 2.35 m x 1.25 = 2.94: 12.24.
    await till.search('OIL-TAP');
    await till.result('OIL-TAP').click();
    await expect(measure.getByRole('heading')).toHaveText('Volume');
    const volume = measure.getByLabel('Volume of Olive oil from the tap in l');
    await volume.fill('0.75');
    await volume.press('Enter');
    await expect(till.cartLine('OIL-TAP').locator('.cart-line__unit')).toHaveText('l');
    await expect(page.getByTestId('total')).toHaveText('12.24 EUR');
    await page.screenshot({ path: test.info().outputPath('measured-cart.png') });

    const sale = await till.payCash('20');
    await expect(till.waiting).toHaveText('all sales synced');
    const stored = await storedSale(server, sale.receiptNumber);
    expect(stored.lines.map(({ productId, unit, quantity, weighing, gross }) => ({ productId, unit, quantity, weighing, gross }))).toEqual([
      { productId: cable.id, unit: 'm', quantity: '2.35', weighing: undefined, gross: '2.94' },
      { productId: oil.id, unit: 'l', quantity: '0.75', weighing: undefined, gross: '9.30' },
    ]);
    await expect.poll(async () => (await centralStock(server)).products.find((row) => row.productId === cable.id)?.sold).toBe('2.35');
    await till.search('CABLE-3X15');
    await expect(till.result('CABLE-3X15').getByTestId('result-stock')).toHaveText('-2.35 m in stock');
  });
});
