import { expect, test } from '@playwright/test';
import { DEFAULT_PRICING_RULES, dec, priceSale, type CartItem, type Sale } from '../shared/src/index.js';
import { demoCatalogue } from '../sync-server/src/demo.js';
import { withPairedTill } from './support/till-session.js';

const RATES: Record<string, string> = { standard: '20', reduced: '7' };

/**
 * A cashier's day at the counter with the server down: a 5 % line discount the cashier may give
 * alone, a 20 % order discount above a cashier's 10 % that needs a manager's PIN (a wrong PIN is
 * refused), then a split payment, part by card and the rest in cash with change. Once the server is
 * back it holds the sale once, with who gave and who approved each discount, both tenders, and totals
 * priced by the shared rules.
 */
test('a discount above the cashier’s limit needs a manager’s PIN, and a split payment completes the sale, offline then synced', async ({ browser }) => {
  test.setTimeout(150_000);
  await withPairedTill(browser, 'discount', async ({ server, page, till }) => {
    const catalogue = demoCatalogue(40, '2026-01-01T00:00:00.000Z').map((entry) => entry.product);
    const reduced = catalogue.find((product) => product.taxClass === 'reduced' && product.unit === 'piece' && product.sku.endsWith('00013'))!;
    const standard = catalogue.find((product) => product.taxClass === 'standard' && product.unit === 'piece')!;

    await server.stop();
    await expect(till.syncState).toHaveText('Offline');
    await till.search(reduced.sku);
    await till.result(reduced.sku).click();
    await till.setQuantity(reduced.name, '3');
    await till.search(standard.sku);
    await till.result(standard.sku).click();

    // 5 % off the first line: within a cashier's limit, no PIN.
    await till.selectLine(reduced.sku);
    await page.keyboard.press('F10');
    const discount = page.getByRole('dialog', { name: 'Discount or price' });
    await discount.getByLabel('Discount percent').fill('5');
    await discount.getByLabel('Reason').fill('Short dated');
    await discount.getByRole('button', { name: /apply/i }).click();
    await expect(discount).toBeHidden();
    await expect(till.cartLine(reduced.sku).getByTestId('line-discount')).toHaveText('Discount 5 % · Short dated');

    // 20 % off the order: above a cashier's 10 %, so a manager steps up.
    await page.keyboard.press('F10');
    await discount.getByRole('radio', { name: 'Whole order' }).check();
    await discount.getByLabel('Discount percent').fill('20');
    await discount.getByLabel('Reason').fill('Loyal customer');
    await discount.getByRole('button', { name: /apply/i }).click();
    const approval = page.getByRole('dialog', { name: 'Manager approval' });
    await expect(approval.getByTestId('approval-what')).toContainText('Discount of 20 % on the order');
    await approval.getByLabel('Manager PIN').fill('1111');
    await approval.getByRole('button', { name: /approve/i }).click();
    await expect(approval.getByRole('alert')).toHaveText('That is not a manager’s PIN.');
    await approval.getByLabel('Manager PIN').fill('9999');
    await approval.getByRole('button', { name: /approve/i }).click();
    await expect(approval).toBeHidden();
    await expect(page.getByTestId('order-discount')).toContainText('approved by Morgan Manager');

    // What the shared rules make of this cart: the till shows it, the server must store it.
    const cashier = { id: 'cashier-store-1-alex', name: 'Alex Cashier' };
    const items: CartItem[] = [
      { product: reduced, quantity: '3', taxRatePercent: RATES[reduced.taxClass], discount: { percent: '5', reason: 'Short dated', by: cashier } },
      { product: standard, quantity: '1', taxRatePercent: RATES[standard.taxClass] },
    ];
    const expected = priceSale(items, { percent: '20', reason: 'Loyal customer', by: cashier }, DEFAULT_PRICING_RULES);
    await expect(page.getByTestId('total')).toHaveText(`${expected.totals.gross} EUR`);

    // Split payment: 10.00 by card, the rest in cash with change.
    await page.keyboard.press('F12');
    const payment = till.paymentDialog;
    await payment.getByRole('radio', { name: 'Card' }).check();
    await payment.getByLabel('Card amount').fill('10.00');
    await payment.getByLabel('Card brand').selectOption('Visa');
    await payment.getByLabel('Last 4 digits').fill('4242');
    await payment.getByRole('button', { name: /add card payment/i }).click();
    await expect(payment.getByTestId('payment-taken')).toContainText('Card Visa ····4242 10.00 EUR');
    const left = dec(expected.totals.gross).minus(10).toFixed(2);
    await expect(payment.getByTestId('payment-left')).toHaveText(`${left} EUR`);
    await payment.getByRole('radio', { name: 'Cash' }).check();
    await payment.getByLabel('Cash received').fill('50');
    await expect(payment.getByTestId('change')).toHaveText(`${dec('50').minus(dec(left)).toFixed(2)} EUR`);
    await payment.getByRole('button', { name: /complete sale/i }).click();
    await expect(payment).toBeHidden();
    const receiptNumber = await page.getByTestId('last-sale-number').innerText();
    await expect(till.waiting).toHaveText(/1 sale waiting/);

    await server.start();
    await expect(till.waiting).toHaveText('all sales synced', { timeout: 60_000 });
    const stored = (await server.json<{ sale: Sale }[]>('/api/office/sales?store=store-1')).map((row) => row.sale);
    const sale = stored.find((candidate) => candidate.receiptNumber === receiptNumber)!;
    expect(stored.filter((candidate) => candidate.receiptNumber === receiptNumber)).toHaveLength(1);
    expect(sale.cashierName).toBe('Alex Cashier');
    expect(sale.shiftId).toBeTruthy();
    expect(sale.totals).toEqual(expected.totals);
    expect(sale.taxes).toEqual(expected.taxes);
    expect(sale.adjustments).toEqual([
      { kind: 'line-discount', line: 0, percent: '5', amount: expected.adjustments[0].amount, reason: 'Short dated', by: cashier },
      { kind: 'order-discount', percent: '20', amount: expected.adjustments[1].amount, reason: 'Loyal customer', by: cashier, approvedBy: { id: 'cashier-store-1-morgan', name: 'Morgan Manager' } },
    ]);
    expect(sale.payments).toEqual([
      { tender: 'card', amount: '10.00', tendered: '10.00', change: '0.00', card: { brand: 'Visa', last4: '4242' } },
      { tender: 'cash', amount: left, tendered: '50.00', change: dec('50').minus(dec(left)).toFixed(2) },
    ]);
  });
});
