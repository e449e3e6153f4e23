import { expect, test } from '@playwright/test';
import type { ShiftDetail, ShiftReport, ShiftSummary } from '../shared/src/index.js';
import { freePort, startTillHost, SyncServerProcess, temporaryFolder } from './support/processes.js';
import { centralStock } from './support/scenario.js';
import { countCash, TillPage } from './support/till-page.js';
import { withPairedTill } from './support/till-session.js';

/** "2.38 EUR" as the till shows it, "2.38" as an amount. */
const amount = (shown: string) => shown.replace(/ EUR$/, '').replaceAll(',', '');


/**
 * A whole shift with the server down: the float counted note by note, cash sales and a card sale, a
 * cash out to the bank with its reason, the close with the drawer counted 0.50 short, the Z report on
 * screen and printed; then the Open shift dialog for the next shift. Once the server is back, head
 * office's report of the shift (computed by the server from the events and sales the till pushed)
 * has the same expected cash, difference, sales and tenders.
 */
test('a shift kept offline closes short with a Z report, and head office’s report agrees once synced', async ({ browser }) => {
  test.setTimeout(180_000);
  const server = new SyncServerProcess(temporaryFolder('kassa-e2e-shift-'), await freePort(), ['--demo-products', '40']);
  await server.start();
  const host = await startTillHost();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const { products } = await centralStock(server);
    const milk = products.find((row) => row.name.includes('Whole Milk'))!;
    const wine = products.find((row) => row.name.includes('Red Wine'))!;
    // Diagnostics only to know the catalogue has arrived before the server goes (the float dialog covers the counter).
    await page.goto(`${await TillPage.address(host.url, server, 'till-1')}&diagnostics`);
    const till = new TillPage(page);
    await expect(page.getByRole('heading', { name: /sign in to till/i })).toBeVisible();
    await till.signIn();
    const openDialog = page.getByRole('dialog', { name: 'Open shift' });
    await expect(openDialog).toBeVisible();
    await page.waitForFunction((size) => (window as unknown as { kassaTill?: { catalog: { size: number } } }).kassaTill?.catalog.size === size, products.length);
    await expect(till.syncState).toHaveText('Online');

    await server.stop();
    await expect(till.syncState).toHaveText('Offline');

    // The float, counted: 2 × 50, 2 × 20, 1 × 10.
    await openDialog.getByLabel('Count of 50.00', { exact: true }).fill('2');
    await openDialog.getByLabel('Count of 20.00', { exact: true }).fill('2');
    await openDialog.getByLabel('Count of 10.00', { exact: true }).fill('1');
    await expect(openDialog.getByTestId('count-total')).toHaveText('150.00 EUR');
    await expect(openDialog.getByLabel('Float', { exact: true })).toHaveValue('150.00');
    await openDialog.getByRole('button', { name: 'Open shift' }).click();
    await expect(openDialog).toBeHidden();
    await expect(till.searchBox).toBeVisible();

    // Two sales in cash, one by card.
    await till.search(milk.sku);
    await till.result(milk.sku).click();
    await till.setQuantity(milk.name, '2');
    await expect(till.cartLine(milk.sku).getByRole('textbox')).toHaveValue('2');
    const milkTotal = amount(await till.total());
    expect((await till.payCash('50')).receiptNumber).toBe('S1-T1-000001');

    await till.search(wine.sku);
    await till.result(wine.sku).click();
    const wineTotal = amount(await till.total());
    await page.keyboard.press('F12');
    await till.paymentDialog.getByRole('radio', { name: 'Card' }).check();
    await till.paymentDialog.getByLabel('Last 4 digits').fill('4242');
    await till.paymentDialog.getByRole('button', { name: /add card payment/i }).click();
    await expect(till.paymentDialog).toBeHidden();
    await expect(page.getByTestId('last-sale-number')).toHaveText('S1-T1-000002');

    await till.search(milk.sku);
    await till.result(milk.sku).click();
    const secondMilk = amount(await till.total());
    expect((await till.payCash('20')).receiptNumber).toBe('S1-T1-000003');
    const cashSales = (Number(milkTotal) + Number(secondMilk)).toFixed(2);

    // A line rung up and removed again, the cart left empty: a voided cart on the shift, not a void on the next sale.
    await till.search(wine.sku);
    await till.result(wine.sku).click();
    await till.cartLine(wine.sku).getByRole('button', { name: `Remove ${wine.name}` }).click();
    await expect(till.cartLine(wine.sku)).toHaveCount(0);

    // F3: 40.00 out to the bank, with the reason chosen from the usual ones.
    await page.keyboard.press('F3');
    const shift = page.getByRole('dialog', { name: 'Shift', exact: true });
    await expect(shift).toBeVisible();
    await expect(shift.getByTestId('shift-summary')).toContainText('with a float of 150.00 EUR');
    await shift.getByRole('button', { name: 'Cash out' }).click();
    await expect(shift.getByTestId('drawer-expected')).toHaveText(`The drawer should hold ${(150 + Number(cashSales)).toFixed(2)} EUR.`);
    await shift.getByLabel('Amount', { exact: true }).fill('40');
    await shift.getByRole('button', { name: 'Bank deposit' }).click();
    await expect(shift.getByLabel('Reason', { exact: true })).toHaveValue('Bank deposit');
    await shift.getByRole('button', { name: 'Record cash out' }).click();
    await expect(shift.getByTestId('shift-done')).toHaveText('Cash out of 40.00 EUR recorded: Bank deposit.');

    // The X report so far.
    const expected = (150 + Number(cashSales) - 40).toFixed(2);
    await shift.getByRole('button', { name: 'X report' }).click();
    const report = shift.getByTestId('shift-report');
    await expect(report).toHaveAttribute('data-kind', 'x');
    await expect(report.getByTestId('report-expected')).toHaveText(`${expected} EUR`);
    await expect(report.getByTestId('report-sales-count')).toHaveText('3');
    await shift.getByRole('button', { name: 'Back' }).click();

    // The close: the drawer counted 0.50 short.
    await shift.getByRole('button', { name: 'Close shift' }).click();
    await expect(shift.getByTestId('close-expected')).toHaveText(`${expected} EUR`);
    const counted = (Number(expected) - 0.5).toFixed(2);
    await countCash(shift.getByTestId('cash-count'), counted);
    await expect(shift.getByTestId('close-counted')).toHaveText(`${counted} EUR`);
    await expect(shift.getByTestId('close-difference')).toHaveText('Short by 0.50 EUR');
    await shift.getByRole('button', { name: 'Close shift' }).click();

    // The Z report: expected, counted, the difference marked short, sales and tenders.
    await expect(report).toHaveAttribute('data-kind', 'z');
    await expect(report.getByRole('heading', { name: 'Z report' })).toBeVisible();
    await expect(report.getByTestId('report-float')).toHaveText('150.00 EUR');
    await expect(report.getByTestId('report-expected')).toHaveText(`${expected} EUR`);
    await expect(report.getByTestId('report-counted')).toHaveText(`${counted} EUR`);
    await expect(report.getByTestId('report-difference')).toHaveText('Short by 0.50 EUR');
    await expect(report.getByTestId('report-difference')).toHaveAttribute('data-difference', '-0.50');
    await expect(report.getByTestId('report-sales-count')).toHaveText('3');
    await expect(report.getByTestId('report-cash-out')).toHaveText('-40.00 EUR');
    await expect(report.locator('[data-tender="cash"]').getByTestId('report-tender-net')).toHaveText(`${cashSales} EUR`);
    await expect(report.locator('[data-tender="card"]').getByTestId('report-tender-net')).toHaveText(`${wineTotal} EUR`);

    // Printed: the Z report in the hidden print frame, as a receipt is.
    await shift.getByRole('button', { name: 'Print Z report' }).click();
    const printed = () => till.printedReceipt.locator('body').innerText();
    await expect.poll(printed).toMatch(/Z report/i);
    await expect(shift.getByTestId('shift-print-outcome')).toHaveText('Z report sent to the printer.');
    // As laid out for paper (innerText: cells apart, the title in capitals as printed).
    const paper = await printed();
    expect(paper).toMatch(/Till\s+T1/);
    expect(paper).toMatch(/Sales \(3\)\s+/);
    expect(paper).toMatch(new RegExp(`Float\\s+150\\.00\\s+Cash taken\\s+${literal(cashSales)}`));
    expect(paper).toMatch(/Bank deposit\s+40\.00/);
    expect(paper).toMatch(new RegExp(`Expected cash\\s+${literal(expected)}`));
    expect(paper).toMatch(new RegExp(`Counted cash\\s+${literal(counted)}\\s+Difference \\(short\\)\\s+-0\\.50`));
    await expect(till.printedReceipt.locator('script')).toHaveCount(0);

    // Done: the next shift starts with its float.
    await page.keyboard.press('Escape');
    await expect(shift).toBeHidden();
    await expect(openDialog).toBeVisible();

    // Head office, once the till has synced: the same figures, computed by the server.
    await server.start();
    await expect(till.syncState).toHaveText('Online');
    await expect(till.waiting).toHaveText('all sales synced');
    const shifts = () => server.json<ShiftSummary[]>('/api/office/shifts?store=store-1');
    await expect.poll(async () => (await shifts()).some((summary) => summary.status === 'closed')).toBe(true);
    const closed = (await shifts()).find((summary) => summary.status === 'closed')!;
    expect(closed).toMatchObject({ tillId: 'till-1', float: '150.00', expectedCash: expected, countedCash: counted, difference: '-0.50' });
    await expect.poll(async () => (await server.json<ShiftDetail>(`/api/office/shifts/${closed.shiftId}`)).sales.length).toBe(3);
    const office = await server.json<ShiftDetail>(`/api/office/shifts/${closed.shiftId}`);
    const officeReport = office.report as ShiftReport;
    expect(officeReport).toMatchObject({ expectedCash: expected, countedCash: counted, difference: '-0.50', sales: { count: 3 }, cashOut: '40.00' });
    expect(officeReport.voids).toEqual({ lines: 0, amount: '0.00', carts: 1, cartsAmount: wineTotal });
    expect(officeReport.byTender.map((row) => [row.tender, row.net])).toEqual([
      ['cash', cashSales],
      ['card', wineTotal],
    ]);
    expect(office.discrepancies).toEqual([]);
  } finally {
    await context.close();
    await host.close();
    await server.stop();
  }
});

/**
 * A blind close (the store's blindClose, set by head office while the till is running): until the
 * cashier has counted the drawer and confirmed the count, no screen of the open shift says what the
 * drawer should hold: not cash out, not the X report (nor its print), not the close. Confirmed, the
 * count is fixed and the expected cash and the difference show; the Z report shows everything.
 */
test('a blind close keeps the expected cash back until the count is confirmed', async ({ browser }) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'blind-close', async ({ server, page, till }) => {
    const product = (await centralStock(server)).products.find((row) => row.sku.endsWith('00012'))!;
    await till.search(product.sku);
    await till.result(product.sku).click();
    const sold = amount(await till.total());
    await till.payCash('100');
    const expected = (100 + Number(sold)).toFixed(2);
    const counted = (Number(expected) - 1).toFixed(2);

    await server.json('/api/office/stores/store-1/settings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ blindClose: true }) });
    await page.keyboard.press('F3');
    const shift = page.getByRole('dialog', { name: 'Shift', exact: true });
    // The store's change arrives live: cash out no longer says what the drawer should hold.
    await shift.getByRole('button', { name: 'Cash out' }).click();
    await expect(shift.getByTestId('drawer-expected-hidden')).toBeVisible();
    await expect(shift.getByTestId('drawer-expected')).toHaveCount(0);
    await shift.getByRole('button', { name: 'Back' }).click();

    // The X report counts the sales but keeps the drawer back, and offers no print (the paper shows it).
    await shift.getByRole('button', { name: 'X report' }).click();
    const report = shift.getByTestId('shift-report');
    await expect(report.getByTestId('report-sales-count')).toHaveText('1');
    await expect(report.getByTestId('report-expected-hidden')).toBeVisible();
    await expect(report.getByTestId('report-expected')).toHaveCount(0);
    await expect(shift.getByRole('button', { name: 'Print X report' })).toHaveCount(0);
    await shift.getByRole('button', { name: 'Back' }).click();

    // The close: counted first, nothing said of what is expected.
    await shift.getByRole('button', { name: 'Close shift' }).click();
    await expect(shift.getByTestId('close-blind')).toContainText('This store closes blind');
    await expect(shift.getByTestId('close-expected')).toHaveText('shown once the count is confirmed');
    await countCash(shift.getByTestId('cash-count'), counted);
    await expect(shift.getByTestId('close-counted')).toHaveText(`${counted} EUR`);
    await expect(shift.getByTestId('close-difference')).toHaveCount(0);
    await expect(shift).not.toContainText(`${expected} EUR`);
    await expect(shift.getByRole('button', { name: 'Close shift' })).toHaveCount(0);

    // Confirmed: the count is fixed, and only now the expected cash and the difference show.
    await shift.getByRole('button', { name: 'Confirm count' }).click();
    await expect(shift.getByTestId('close-expected')).toHaveText(`${expected} EUR`);
    await expect(shift.getByTestId('close-difference')).toHaveText('Short by 1.00 EUR');
    await expect(shift.getByLabel('Count of 50.00', { exact: true })).not.toBeEditable();
    await shift.getByRole('button', { name: 'Close shift' }).click();

    // The Z report shows everything, as ever.
    await expect(report).toHaveAttribute('data-kind', 'z');
    await expect(report.getByTestId('report-expected')).toHaveText(`${expected} EUR`);
    await expect(report.getByTestId('report-counted')).toHaveText(`${counted} EUR`);
    await expect(report.getByTestId('report-difference')).toHaveText('Short by 1.00 EUR');
    await expect(shift.getByRole('button', { name: 'Print Z report' })).toBeVisible();
  });
});

/** A literal string for a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
