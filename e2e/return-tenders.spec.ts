import { expect, test } from '@playwright/test';
import type { Sale } from '../shared/src/index.js';
import { centralStock } from './support/scenario.js';
import { withPairedTill } from './support/till-session.js';

/**
 * Refunds go back where the money came from: a sale paid by card is refunded to that card (offline,
 * the card's brand and last four digits from the sale); a return without a receipt needs a manager's
 * PIN and is refunded in cash at the shelf price. Once the server is back it holds both returns once,
 * with their tenders and the manager's approval, and central stock counts the restocked goods.
 */
test('a card sale is refunded to its card, and a return without a receipt needs a manager’s PIN, offline then synced', async ({ browser }) => {
  test.setTimeout(150_000);
  await withPairedTill(browser, 'return-tenders', async ({ server, page, till }) => {
    const before = await centralStock(server);
    const product = before.products.find((row) => row.sku.endsWith('00015'))!;
    const other = before.products.find((row) => row.sku.endsWith('00016'))!;
    await server.stop();
    await expect(till.syncState).toHaveText('Offline');

    // A sale of two, paid by card alone.
    await till.search(product.sku);
    await till.result(product.sku).click();
    await till.setQuantity(product.name, '2');
    const total = (await page.getByTestId('total').innerText()).replace(' EUR', '');
    await page.keyboard.press('F12');
    await till.paymentDialog.getByRole('radio', { name: 'Card' }).check();
    await till.paymentDialog.getByLabel('Card brand').selectOption('Mastercard');
    await till.paymentDialog.getByLabel('Last 4 digits').fill('5100');
    await till.paymentDialog.getByRole('button', { name: /add card payment/i }).click();
    await expect(till.paymentDialog).toBeHidden();
    const receiptNumber = await page.getByTestId('last-sale-number').innerText();

    // One comes back: the refund goes to the same card, unless the cashier chooses cash.
    await page.keyboard.press('F8');
    const dialog = page.getByTestId('return-dialog');
    await dialog.getByLabel('Receipt number').fill(receiptNumber);
    await dialog.getByRole('button', { name: 'Find' }).click();
    await dialog.getByLabel(`Returned quantity of ${product.name}`).fill('1');
    await till.chooseReturnReason(dialog, product.name, 'Wrong item');
    await expect(dialog.getByTestId('return-refund')).toHaveText(/^Refund (\d+\.\d\d) EUR: card Mastercard ····5100 \1 EUR$/);
    // Card money out in cash would need a manager's PIN.
    await dialog.getByRole('radio', { name: 'Cash' }).check();
    await expect(dialog.getByTestId('return-refund')).toHaveText(/^Refund (\d+\.\d\d) EUR: cash \1 EUR \(a manager’s PIN: paid by card or voucher\)$/);
    await dialog.getByRole('radio', { name: 'The original payment' }).check();
    await dialog.getByRole('button', { name: 'Complete return' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('notice')).toContainText('refund card Mastercard ····5100');

    // Without a receipt: a manager's PIN, cash at the shelf price.
    await page.keyboard.press('F8');
    await dialog.getByRole('button', { name: /return without a receipt/i }).click();
    await dialog.getByLabel('Barcode or SKU').fill(other.sku);
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(dialog.getByTestId('return-refund')).toHaveText(/^Refund (\d+\.\d\d) EUR: cash \1 EUR$/);
    // Nothing is preselected here either: the reason comes first.
    await expect(dialog.getByTestId('return-reason-missing')).toHaveText(`Choose a reason for ${other.name}.`);
    await expect(dialog.getByRole('button', { name: 'Complete return' })).toBeDisabled();
    await expect(dialog.locator(`[data-testid="return-line"][data-sku="${other.sku}"]`).getByTestId('return-unit-price')).toContainText(' EUR');
    await till.chooseReturnReason(dialog, other.name, 'Damaged');
    await dialog.getByRole('button', { name: 'Complete return' }).click();
    const approval = page.getByRole('dialog', { name: 'Manager approval' });
    await expect(approval.getByTestId('approval-what')).toContainText('Return without a receipt');
    await approval.getByLabel('Manager PIN').fill('9999');
    await approval.getByRole('button', { name: /approve/i }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('notice')).toContainText('completed without a receipt');
    await expect(till.waiting).toHaveText(/^3 sales waiting since /);

    await server.start();
    await expect(till.waiting).toHaveText('all sales synced', { timeout: 60_000 });
    const stored = (await server.json<{ sale: Sale }[]>('/api/office/sales?store=store-1')).map((row) => row.sale);
    expect(stored).toHaveLength(3);
    const refund = stored.find((document) => document.returnOf?.receiptNumber === receiptNumber)!;
    expect(refund.payments).toEqual([{ tender: 'card', amount: refund.totals.gross, tendered: refund.totals.gross, change: '0.00', card: { brand: 'Mastercard', last4: '5100' } }]);
    const unreceipted = stored.find((document) => document.kind === 'return' && !document.returnOf)!;
    expect(unreceipted.approvedBy).toEqual({ id: 'cashier-store-1-morgan', name: 'Morgan Manager' });
    expect(unreceipted.payments.map((payment) => payment.tender)).toEqual(['cash']);
    expect([refund.lines[0].returnReason, unreceipted.lines[0].returnReason]).toEqual(['Wrong item', 'Damaged']);
    expect(stored.find((document) => document.receiptNumber === receiptNumber)!.totals.gross).toBe(total);
    const after = await centralStock(server);
    // Two sold, one back on the shelf; the other product one more than it had.
    expect(after.products.find((row) => row.productId === product.productId)!.quantity).toBe(String(Number(product.quantity) - 1));
    expect(after.products.find((row) => row.productId === other.productId)!.quantity).toBe(String(Number(other.quantity) + 1));
  });
});
