import fs from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { dec, Dec, isReturn, parseCsv, toFixedString, type Sale } from '../shared/src/index.js';
import { demoCatalogue } from '../sync-server/src/demo.js';
import { OfficePage } from './support/office-page.js';
import { centralStock } from './support/scenario.js';
import { countCash } from './support/till-page.js';
import { withPairedTill } from './support/till-session.js';

/** The demo store's products (the server runs with 40), by SKU. */
const CATALOGUE = new Map(demoCatalogue(40, '').map(({ product }) => [product.sku, product]));

/** A figure as a page shows it with the demo store's fixed form: "1,234.50". */
function shown(amount: Dec): string {
  return toFixedString(amount, 2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A tile's big figure. */
function figure(tile: Locator): Locator {
  return tile.locator('.tile-figure');
}

/**
 * The owner's first reports, from what the till sold today: two sales online (one paid in cash, one by
 * card), one while the till is offline that reaches the server later, and a return of one unit of the
 * first sale. The dashboard's figures for the period are what these add up to (worked out here from
 * the shelf prices, the stored documents' net and the products' cost); its chart draws the days; the
 * sales report by cashier and by tender shows the rows and downloads the same totals as CSV, and
 * keeps its filters in the address.
 */
test('the dashboard and the sales report add up what the till sold, offline sales and returns included', async ({ browser }) => {
  test.setTimeout(180_000);
  await withPairedTill(browser, 'reports', async ({ server, page, till }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const stock = await centralStock(server);
    const [bread, coffee, soap] = ['00013', '00022', '00030'].map((suffix) => stock.products.find((row) => row.sku.endsWith(suffix))!);
    const price = (sku: string) => dec(CATALOGUE.get(sku)!.price);
    const cost = (sku: string) => dec(stock.products.find((row) => row.sku === sku)!.averageCost);

    // Sale 1, online: 2 bread, cash.
    await till.search(bread.sku);
    await till.result(bread.sku).click();
    await till.setQuantity(bread.name, '2');
    await expect(till.cartLine(bread.sku).getByRole('textbox')).toHaveValue('2');
    const first = await till.payCash('100');
    // Sale 2, online: 1 coffee, by card.
    await till.search(coffee.sku);
    await till.result(coffee.sku).click();
    await expect(till.cartLine(coffee.sku)).toBeVisible();
    await page.keyboard.press('F12');
    await till.paymentDialog.getByRole('radio', { name: 'Card' }).check();
    await till.paymentDialog.getByLabel('Card brand').selectOption('Visa');
    await till.paymentDialog.getByLabel('Last 4 digits').fill('4242');
    await till.paymentDialog.getByRole('button', { name: /add card payment/i }).click();
    await expect(till.paymentDialog).toBeHidden();
    await expect(till.waiting).toHaveText('all sales synced', { timeout: 60_000 });

    // Sale 3, while the till is offline: 3 soap, cash. It waits on the till.
    await page.context().setOffline(true);
    await expect(till.syncState).toHaveText('Offline', { timeout: 30_000 });
    await till.search(soap.sku);
    await till.result(soap.sku).click();
    await till.setQuantity(soap.name, '3');
    await expect(till.cartLine(soap.sku).getByRole('textbox')).toHaveValue('3');
    await till.payCash('100');
    // Still offline, one bread of sale 1 comes back, on the shelf again, refunded in cash.
    await page.keyboard.press('F8');
    const returnDialog = page.getByTestId('return-dialog');
    await returnDialog.getByLabel('Receipt number').fill(first.receiptNumber);
    await returnDialog.getByRole('button', { name: 'Find' }).click();
    await returnDialog.getByLabel(`Returned quantity of ${bread.name}`).fill('1');
    await till.chooseReturnReason(returnDialog, bread.name, 'Not wanted');
    await returnDialog.getByRole('button', { name: 'Complete return' }).click();
    await expect(returnDialog).toBeHidden();
    await expect(till.waiting).toHaveText(/^2 sales waiting since /);

    // The owner logs in meanwhile: head office lands on the dashboard, which has the online sales only.
    const { email, password } = await server.createAccount('owner');
    const officePage = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await officePage.goto(`${server.url}/office`);
    const office = new OfficePage(officePage, server.url);
    await office.login(email, password);
    await expect(office.heading('Dashboard')).toBeVisible();
    await expect(officePage).toHaveURL(/\/office\/dashboard$/);
    const period = officePage.getByTestId('period');
    const onlineGross = price(bread.sku).times(2).plus(price(coffee.sku));
    await expect(figure(period.getByTestId('period-gross'))).toHaveText(`${shown(onlineGross)} EUR`);
    await expect(figure(period.getByTestId('period-sales'))).toHaveText('2');
    await officePage.screenshot({ path: test.info().outputPath('dashboard-till-offline.png'), fullPage: true });

    // The till is back: the offline sale and the return arrive, on the day they were made.
    await page.context().setOffline(false);
    await expect(till.waiting).toHaveText('all sales synced', { timeout: 60_000 });
    const stored = (await server.json<{ sale: Sale }[]>('/api/office/sales?store=store-1')).map((entry) => entry.sale);
    expect(stored).toHaveLength(4);

    // What the day adds up to: gross from the shelf prices; net as the stored documents have it (tax per
    // line); cost at each product's average cost, the bread put back on the shelf bringing its cost back.
    const gross = price(bread.sku).times(2).plus(price(coffee.sku)).plus(price(soap.sku).times(3)).minus(price(bread.sku));
    const signed = (document: Sale, amount: string) => (isReturn(document) ? dec(amount).abs().negated() : dec(amount));
    expect(toFixedString(stored.reduce((sum, document) => sum.plus(signed(document, document.totals.gross)), new Dec(0)), 2)).toBe(toFixedString(gross, 2));
    const net = stored.reduce((sum, document) => sum.plus(signed(document, document.totals.net)), new Dec(0));
    const costOfGoods = cost(bread.sku).plus(cost(coffee.sku)).plus(cost(soap.sku).times(3));
    const margin = net.minus(costOfGoods);
    const cardGross = price(coffee.sku);
    const cashGross = gross.minus(cardGross);

    // The dashboard follows its stores live: the sales that arrived show without a refresh.
    for (const group of ['today', 'period']) {
      const tiles = officePage.getByTestId(group);
      await expect(figure(tiles.getByTestId(`${group}-gross`))).toHaveText(`${shown(gross)} EUR`);
      await expect(figure(tiles.getByTestId(`${group}-sales`))).toHaveText('3');
      await expect(tiles.getByTestId(`${group}-sales`).locator('.tile-detail')).toHaveText('sales, and 1 return');
      await expect(figure(tiles.getByTestId(`${group}-margin`))).toHaveText(`${shown(margin)} EUR`);
      await expect(tiles.getByTestId(`${group}-margin`).locator('.tile-detail')).toHaveText(`${toFixedString(margin.div(net).times(100), 1)} %`);
    }
    // Once the till has said it has nothing waiting, the figures are complete.
    await expect(async () => {
      await officePage.getByRole('button', { name: 'Refresh' }).click();
      await expect(officePage.getByTestId('completeness')).toHaveText(/^Complete: every till has sent everything it made up to /, { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    // Today's bar in the chart, drawn on a canvas of real size, named for a screen reader.
    const chart = officePage.getByTestId('dashboard-chart');
    await expect(chart).toHaveAttribute('role', 'img');
    await expect(chart).toHaveAttribute('aria-label', new RegExp(`^Sales per day, with tax: \\d+ bars?, highest ${shown(gross).replace('.', '\\.')} EUR`));
    const canvas = await chart.locator('canvas').boundingBox();
    expect(canvas!.width).toBeGreaterThan(600);
    expect(canvas!.height).toBeGreaterThan(150);
    await officePage.screenshot({ path: test.info().outputPath('dashboard.png'), fullPage: true });
    await test.info().attach('dashboard', { path: test.info().outputPath('dashboard.png'), contentType: 'image/png' });

    // The sales report by cashier: Alex sold everything, and the CSV holds the same figures as decimal strings.
    await office.show('Sales report');
    const report = officePage.getByRole('form', { name: 'What the report shows' });
    const downloadCsv = async () => {
      const [download] = await Promise.all([officePage.waitForEvent('download'), report.getByRole('button', { name: 'Download CSV' }).click()]);
      const rows = parseCsv(fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '')).map((row) => row.fields);
      return { name: download.suggestedFilename(), header: rows[0], rows: rows.slice(1, -1), totals: rows.at(-1)! };
    };
    await report.getByLabel('By').selectOption('cashier');
    const cashiers = officePage.getByRole('table', { name: 'Sales by cashier' });
    await expect(cashiers.locator('tbody tr')).toHaveCount(1);
    const alex = cashiers.locator('tbody tr').first();
    await expect(alex.getByRole('rowheader')).toHaveText('Alex Cashier');
    await expect(alex.locator('td.gross')).toHaveText(shown(gross));
    await expect(alex.locator('td.net')).toHaveText(shown(net));
    await expect(alex.locator('td.margin')).toHaveText(shown(margin));
    await expect(alex.locator('td.sales')).toHaveText('3');
    await expect(alex.locator('td.returns')).toHaveText('1');
    const byCashier = await downloadCsv();
    expect(byCashier.name).toMatch(/^sales-by-cashier-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/);
    const column = (name: string) => byCashier.header.indexOf(name);
    expect(byCashier.rows.map((row) => row[0])).toEqual(['Alex Cashier']);
    expect(byCashier.totals[0]).toBe('Total');
    for (const figures of [byCashier.rows[0], byCashier.totals]) {
      expect([figures[column('Sales')], figures[column('Returns')]]).toEqual(['3', '1']);
      expect([figures[column('Gross (EUR)')], figures[column('Net (EUR)')], figures[column('Margin (EUR)')]]).toEqual([toFixedString(gross, 2), toFixedString(net, 2), toFixedString(margin, 2)]);
    }

    // By tender: what each tender took, the cash refund off the cash; a tender counts no margin, so none is shown.
    await report.getByLabel('By').selectOption('tender');
    const tenders = officePage.getByRole('table', { name: 'Sales by tender' });
    await expect(tenders.locator('tbody tr')).toHaveCount(2);
    await expect(tenders.locator('tr[data-row="cash"] td.gross')).toHaveText(shown(cashGross));
    await expect(tenders.locator('tr[data-row="card"] td.gross')).toHaveText(shown(cardGross));
    await expect(tenders.locator('tr[data-row="totals"] td.gross')).toHaveText(shown(gross));
    await expect(tenders.getByRole('columnheader', { name: 'Margin' })).toHaveCount(0);
    const salesChart = officePage.getByTestId('sales-chart');
    await expect(salesChart).toHaveAttribute('aria-label', /^Sales with tax by tender: 2 bars, highest /);
    const bars = await salesChart.locator('canvas').boundingBox();
    expect(bars!.width).toBeGreaterThan(600);
    expect(bars!.height).toBeGreaterThan(150);
    // The address keeps the filters: a reload shows the same report.
    await expect(officePage).toHaveURL(/\/office\/reports\/sales\?.*by=tender/);
    await officePage.reload();
    await expect(report.getByLabel('By')).toHaveValue('tender');
    await expect(tenders.locator('tr[data-row="totals"] td.gross')).toHaveText(shown(gross));
    await officePage.screenshot({ path: test.info().outputPath('sales-report.png'), fullPage: true });
    await test.info().attach('sales report', { path: test.info().outputPath('sales-report.png'), contentType: 'image/png' });
    const byTender = await downloadCsv();
    expect(byTender.header).toEqual(['Tender', 'Tender id', 'Sales', 'Returns', 'Gross (EUR)']);
    expect(new Map(byTender.rows.map((row) => [row[1], row[4]]))).toEqual(new Map([['cash', toFixedString(cashGross, 2)], ['card', toFixedString(cardGross, 2)]]));
    expect(byTender.totals).toEqual(['Total', '', '3', '1', toFixedString(gross, 2)]);

    // The cashier closes the shift, 1.00 short: the till's Z report has the sales and tenders the
    // reports have, and the Control page has the shortfall under the cashier once the close arrives.
    await page.keyboard.press('F3');
    const shift = page.getByRole('dialog', { name: 'Shift', exact: true });
    await shift.getByRole('button', { name: 'Close shift' }).click();
    const expected = dec('100.00').plus(cashGross);
    await expect(shift.getByTestId('close-expected')).toHaveText(`${shown(expected)} EUR`);
    await countCash(shift.getByTestId('cash-count'), toFixedString(expected.minus(1), 2));
    await expect(shift.getByTestId('close-difference')).toHaveText('Short by 1.00 EUR');
    await shift.getByRole('button', { name: 'Close shift' }).click();
    const zReport = shift.getByTestId('shift-report');
    await expect(zReport).toHaveAttribute('data-kind', 'z');
    await expect(zReport.locator('[data-tender="cash"]').getByTestId('report-tender-net')).toHaveText(`${shown(cashGross)} EUR`);
    await expect(zReport.locator('[data-tender="card"]').getByTestId('report-tender-net')).toHaveText(`${shown(cardGross)} EUR`);
    await page.keyboard.press('Escape');
    await expect(till.waiting).toHaveText('all sales synced', { timeout: 60_000 });
    await office.show('Control');
    const alexControl = officePage.getByRole('table', { name: 'Control per cashier' }).locator('tr[data-cashier="cashier-store-1-alex"]');
    await expect(alexControl.locator('td.cash-short-count')).toHaveText('1', { timeout: 30_000 });
    await expect(alexControl.locator('td.cash-short-amount')).toHaveText('1.00');
    await expect(alexControl.locator('td.refunds-count')).toHaveText('1');
    await expect(alexControl.locator('td.refunds-amount')).toHaveText(shown(price(bread.sku)));
  });
});
