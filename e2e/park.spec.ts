import { expect, test } from '@playwright/test';
import type { ShiftDetail, ShiftSummary } from '../shared/src/index.js';
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
    await till.park();
    await expect(page.getByTestId('notice')).toContainText('Cart parked (1 line); F5 resumes it.');
    await ring(second);
    // The Park button asks the same; Escape keeps the cart at the counter, Enter parks it.
    await page.getByRole('button', { name: /Park/ }).first().click();
    const parkDialog = page.getByRole('dialog', { name: 'Park cart' });
    await expect(parkDialog.getByLabel('Name (optional)')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(parkDialog).toBeHidden();
    await expect(till.cartLine(second.sku)).toBeVisible();
    await page.getByRole('button', { name: /Park/ }).first().click();
    await page.keyboard.press('Enter');
    await expect(parkDialog).toBeHidden();
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

/**
 * A parked cart with a name: the list shows its name, its total as the cart priced it, its lines,
 * when and by whom. One no customer comes back for is deleted after a confirmation in place; its
 * lines are recorded on the shift as a voided cart (the X report counts it, and so does head office
 * once the event has synced), with the cart's name in the reason and the cashier who deleted it.
 */
test('a named parked cart shows its total; deleting it records a voided cart on the shift', async ({ browser }) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'park-delete', async ({ server, page, till }) => {
    const products = (await centralStock(server)).products;
    const [first, second] = ['00018', '00019'].map((suffix) => products.find((row) => row.sku.endsWith(suffix))!);
    const ring = async (row: typeof first, quantity = '1') => {
      await till.search(row.sku);
      await till.result(row.sku).click();
      if (quantity !== '1') await till.setQuantity(row.name, quantity);
      await expect(till.cartLine(row.sku).getByRole('textbox')).toHaveValue(quantity);
    };
    await ring(first, '3');
    await ring(second);
    const total = await till.total();
    await till.park('Mrs Patel, fetching her purse');
    await expect(page.getByTestId('notice')).toContainText('Cart “Mrs Patel, fetching her purse” parked (2 lines); F5 resumes it.');
    await ring(second);
    await till.park();

    await page.keyboard.press('F5');
    const dialog = page.getByTestId('parked-dialog');
    // Newest first; a cart without a name says so.
    await expect(dialog.getByTestId('parked-cart-name')).toHaveText(['No name', 'Mrs Patel, fetching her purse']);
    const named = dialog.getByTestId('parked-cart').filter({ hasText: 'Mrs Patel' });
    await expect(named.getByTestId('parked-cart-total')).toHaveText(total);
    await expect(named.getByTestId('parked-cart-count')).toHaveText('2 lines');
    await expect(named).toContainText('by Alex Cashier');
    await expect(named).toContainText(`${first.name} × 3`);

    // Delete asks first, with the safe answer focused.
    await named.getByRole('button', { name: 'Delete' }).click();
    await expect(named.getByTestId('parked-cart-confirm')).toContainText('Delete this parked cart? Its lines are recorded as voided.');
    await expect(named.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(named.getByTestId('parked-cart-confirm')).toHaveCount(0);
    await expect(dialog.getByTestId('parked-cart')).toHaveCount(2);
    await named.getByRole('button', { name: 'Delete' }).click();
    await named.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(dialog.getByTestId('parked-cart')).toHaveCount(1);
    await expect(page.getByTestId('notice')).toContainText('Parked cart “Mrs Patel, fetching her purse” deleted: 2 lines recorded as voided on the shift.');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // The shift's X report counts the voided cart at the total it had.
    await page.keyboard.press('F3');
    const shift = page.getByRole('dialog', { name: 'Shift', exact: true });
    await shift.getByRole('button', { name: 'X report' }).click();
    await expect(shift.getByTestId('report-carts-voided')).toHaveText('1');
    await expect(shift.getByTestId('report-carts-voided-amount')).toHaveText(total);
    await page.keyboard.press('Escape');

    // Head office has the void event: its lines, the reason with the cart's name, who deleted it.
    const shifts = () => server.json<ShiftSummary[]>('/api/office/shifts?store=store-1');
    await expect.poll(async () => (await shifts()).length).toBe(1);
    const shiftId = (await shifts())[0].shiftId;
    const detail = () => server.json<ShiftDetail>(`/api/office/shifts/${shiftId}`);
    await expect.poll(async () => (await detail()).events.filter((event) => event.kind === 'void').length).toBe(1);
    const office = await detail();
    const voided = office.events.find((event) => event.kind === 'void')!;
    expect(voided).toMatchObject({ reason: 'Parked cart deleted: Mrs Patel, fetching her purse', cashier: { name: 'Alex Cashier' } });
    expect(voided.lines!.map((line) => [line.productId, line.quantity])).toEqual([
      [first.productId, '3'],
      [second.productId, '1'],
    ]);
    expect(office.report!.voids).toMatchObject({ carts: 1, cartsAmount: total.replace(' EUR', '') });
  });
});
