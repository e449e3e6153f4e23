import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dec, Dec, parseCsv, toFixedString, type Sale } from '../shared/src/index.js';
import { demoCatalogue } from '../sync-server/src/demo.js';
import { OfficePage, type OfficeSection } from './support/office-page.js';
import { centralStock } from './support/scenario.js';
import { withPairedTill } from './support/till-session.js';

/** The demo store's products (the server runs with 40), by SKU. */
const CATALOGUE = new Map(demoCatalogue(40, '').map(({ product }) => [product.sku, product]));

/** A figure as a page shows it with the demo store's fixed form: "1,234.50". */
function shown(amount: Dec | string): string {
  return toFixedString(dec(amount), 2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A page of head office at 1366×768, whole, kept with the test's results. */
async function snapshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/**
 * The owner's questions answered from what the till sold today: a product sold down to nothing
 * (online, cash), one sold at 60 % off with a manager's approval while the till is offline (a loss),
 * and one more by card. What sells lists the product sold most first; Margins has the discounted one
 * among the weak margins as a loss; Running low has the one sold out; Control shows the discount
 * under the cashier who gave it; and the accountant's CSV has the same gross per day as the dashboard.
 */
test('the head-office reports answer what sells, weak margins, what runs low and what each cashier gave away', async ({ browser }) => {
  test.setTimeout(240_000);
  await withPairedTill(browser, 'reports-products', async ({ server, page, till }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const stock = await centralStock(server);
    // The piece product with the least stock (5 or more) sells out; two others sell a unit or two.
    const pieces = stock.products.filter((row) => CATALOGUE.get(row.sku)?.unit === 'piece' && dec(row.quantity).gte(5)).sort((a, b) => dec(a.quantity).cmp(b.quantity));
    const soldOut = pieces[0];
    const [discounted, byCard] = pieces.filter((row) => row.sku !== soldOut.sku).slice(-2);

    // Sale 1, online: every unit of the sold-out product, cash.
    await till.search(soldOut.sku);
    await till.result(soldOut.sku).click();
    await till.setQuantity(soldOut.name, soldOut.quantity);
    await expect(till.cartLine(soldOut.sku).getByRole('textbox')).toHaveValue(soldOut.quantity);
    await till.payCash('100');
    // Sale 2, online: two of another, by card.
    await till.search(byCard.sku);
    await till.result(byCard.sku).click();
    await till.setQuantity(byCard.name, '2');
    await expect(till.cartLine(byCard.sku).getByRole('textbox')).toHaveValue('2');
    // A new customer, recorded at the till for this sale.
    await page.keyboard.press('F11');
    const customer = page.getByRole('dialog', { name: 'Customer' });
    await customer.getByLabel('Find customer').fill('Dana Fischer');
    await customer.getByRole('button', { name: 'New customer' }).click();
    await customer.getByLabel('Name').fill('Dana Fischer');
    await customer.getByRole('button', { name: /save and attach/i }).click();
    await expect(page.getByTestId('cart-customer')).toHaveText('Dana Fischer');
    await page.keyboard.press('F12');
    await till.paymentDialog.getByRole('radio', { name: 'Card' }).check();
    await till.paymentDialog.getByLabel('Card brand').selectOption('Visa');
    await till.paymentDialog.getByLabel('Last 4 digits').fill('4242');
    await till.paymentDialog.getByRole('button', { name: /add card payment/i }).click();
    await expect(till.paymentDialog).toBeHidden();
    await expect(till.waiting).toHaveText('all sales synced', { timeout: 60_000 });

    // Sale 3, offline: one unit at 60 % off, above a cashier's limit, so the manager approves; cash.
    await page.context().setOffline(true);
    await expect(till.syncState).toHaveText('Offline', { timeout: 30_000 });
    await till.search(discounted.sku);
    await till.result(discounted.sku).click();
    await till.selectLine(discounted.sku);
    await page.keyboard.press('F10');
    const discount = page.getByRole('dialog', { name: 'Discount or price' });
    await discount.getByLabel('Discount percent').fill('60');
    await discount.getByLabel('Reason').fill('Damaged box');
    await discount.getByRole('button', { name: /apply/i }).click();
    const approval = page.getByRole('dialog', { name: 'Manager approval' });
    await approval.getByLabel('Manager PIN').fill('9999');
    await approval.getByRole('button', { name: /approve/i }).click();
    await expect(approval).toBeHidden();
    await expect(till.cartLine(discounted.sku).getByTestId('line-discount')).toContainText('Discount 60 %');
    await till.payCash('100');
    await expect(till.waiting).toHaveText(/^1 sale waiting since /);
    await page.context().setOffline(false);
    await expect(till.waiting).toHaveText('all sales synced', { timeout: 60_000 });

    const stored = (await server.json<{ sale: Sale }[]>('/api/office/sales?store=store-1')).map((entry) => entry.sale);
    expect(stored).toHaveLength(3);
    const gross = stored.reduce((sum, sale) => sum.plus(sale.totals.gross), new Dec(0));
    const lineDiscount = stored.flatMap((sale) => sale.adjustments ?? []).find((adjustment) => adjustment.kind === 'line-discount')!;

    const officePage = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const office = await OfficePage.withOfficeKey(officePage, server.url, 'Dashboard');
    // Once the till has said it has nothing waiting, every report is complete.
    await expect(async () => {
      await officePage.getByRole('button', { name: 'Refresh' }).click();
      await expect(officePage.getByTestId('completeness')).toHaveText(/^Complete: /, { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    // The dashboard's questions lead to the pages that answer them.
    const questions = officePage.getByRole('region', { name: 'Questions to ask next' });
    for (const [link, path] of [
      ['What sells', '/reports/products'],
      ['Running low', '/reports/running-low'],
      ['Customer report', '/reports/customers'],
      ['Margins', '/reports/margins'],
    ]) {
      await expect(questions.getByRole('link', { name: link })).toHaveAttribute('href', new RegExp(`^/office${path}\\?`));
    }
    // The dashboard's gross per day, for the accountant's export to match.
    await officePage.getByText('The figures per day').click();
    const dashboardDays = new Map<string, string>();
    for (const row of await officePage.getByRole('table', { name: 'Sales per day' }).locator('tbody tr').all()) {
      dashboardDays.set((await row.getAttribute('data-day'))!, (await row.locator('td').nth(1).innerText()).replace(/,/g, ''));
    }

    // What sells, by units: the product sold out first, with all its units; the chart draws the top ones.
    await office.show('What sells');
    const filters = officePage.getByRole('form', { name: 'What the report shows' });
    await filters.getByLabel('Order by').selectOption({ label: 'Units sold' });
    await expect(officePage).toHaveURL(/order=quantity/);
    const topSellers = officePage.getByRole('table', { name: 'Top sellers by units sold' });
    await expect(topSellers.locator('tbody tr').first()).toHaveAttribute('data-sku', soldOut.sku);
    await expect(topSellers.locator('tbody tr').first().locator('td.quantity')).toHaveText(soldOut.quantity);
    await expect(topSellers.locator('tbody tr')).toHaveCount(3);
    await expect(topSellers.locator('tr[data-row="totals"] td.gross')).toHaveText(shown(gross));
    await expect(officePage.getByTestId('products-chart')).toHaveAttribute('aria-label', new RegExp(`^Top 3 products by units sold: first ${soldOut.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await snapshot(officePage, 'what-sells');

    // Margins: the product sold at 60 % off is a loss among the weak margins.
    await office.show('Margins');
    const weak = officePage.getByRole('table', { name: 'Weak margins' });
    const weakRow = weak.locator(`tr[data-sku="${discounted.sku}"]`);
    await expect(weakRow.locator('td.reasons')).toContainText('Loss');
    await expect(weakRow.locator('td.margin')).toHaveText(/^-/);
    await snapshot(officePage, 'margins');
    // Another target goes into the address and the report; a loss stays weak at any target.
    await officePage.getByLabel('Target margin (%)').fill('10');
    await expect(officePage).toHaveURL(/target=10/);
    await expect(officePage.getByText(/^Target 10 % · /)).toBeVisible();
    await expect(weakRow.locator('td.reasons')).toContainText('Loss');

    // Running low: the product sold out is out of stock.
    await office.show('Running low');
    const low = officePage.getByRole('table', { name: 'Products running low' }).locator(`tr[data-sku="${soldOut.sku}"]`);
    await expect(low.locator('td.state')).toHaveText('Out of stock');
    await expect(low.locator('td.on-hand')).toHaveText('0');
    await expect(officePage.getByTestId('count-out').locator('.tile-figure')).not.toHaveText('0');
    await expect(officePage.getByRole('link', { name: 'Make orders from the reorder suggestions' })).toHaveAttribute('href', /^\/office\/reorder/);
    // A shorter list is asked for, kept in the address; the product sold out is still listed.
    await officePage.getByLabel('Show', { exact: true }).selectOption('100');
    await expect(officePage).toHaveURL(/[?&]limit=100(&|$)/);
    await expect(low.locator('td.state')).toHaveText('Out of stock');
    await snapshot(officePage, 'running-low');

    // The customer report: Dana, new this month, with her sale; the other two sales had no customer.
    await office.show('Customer report');
    await expect(officePage.getByTestId('customers').locator('.tile-figure')).toHaveText('1');
    await expect(officePage.getByTestId('new-customers').locator('.tile-figure')).toHaveText('1');
    await expect(officePage.getByTestId('anonymous-sales').locator('.tile-detail')).toHaveText('2 sales');
    const dana = officePage.getByRole('table', { name: 'Customers' }).locator('tbody tr').filter({ has: officePage.getByRole('rowheader', { name: 'Dana Fischer' }) });
    await expect(dana.locator('td.sales')).toHaveText('1');
    await expect(dana.locator('td.gross')).toHaveText(shown(stored.find((sale) => sale.customer)!.totals.gross));
    await expect(dana.locator('td.new')).toHaveText('yes');
    await expect(dana.locator('td.rfm [role="img"]')).toHaveAttribute('aria-label', /^Recency \d, frequency \d, monetary \d, out of 5$/);
    await snapshot(officePage, 'customer-report');

    // Control, this month: Alex gave the line discount.
    await office.show('Control');
    await officePage.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'This month' }).click();
    const alex = officePage.getByRole('table', { name: 'Control per cashier' }).locator('tr[data-cashier="cashier-store-1-alex"]');
    await expect(alex.locator('td.line-discounts-count')).toHaveText('1');
    await expect(alex.locator('td.line-discounts-amount')).toHaveText(shown(lineDiscount.amount));
    await expect(alex.locator('td.sales')).toHaveText('3');

    // The accountant's CSV: one row per day, the same gross as the dashboard's, the totals last.
    const [download] = await Promise.all([officePage.waitForEvent('download'), officePage.getByRole('button', { name: 'Download accountant CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^accounting-EUR-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/);
    const rows = parseCsv(fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '')).map((row) => row.fields);
    const [header, ...body] = rows;
    expect(header[0]).toBe('Day');
    expect(header).toEqual(expect.arrayContaining(['Net 20 %', 'Tax 20 %', 'Gross 20 %', 'Cash', 'Card', 'Gross']));
    const days = body.slice(0, -1);
    expect(body.at(-1)![0]).toBe('Total');
    // Every day the dashboard sold on is in the export, and every day of the export has the dashboard's gross.
    const exported = new Map(days.map((row) => [row[0], row[header.indexOf('Gross')]]));
    for (const [day, dayGross] of dashboardDays) if (dayGross !== '0.00') expect(exported.get(day), day).toBe(dayGross);
    for (const [day, dayGross] of exported) expect(dashboardDays.get(day), day).toBe(dayGross);
    expect(body.at(-1)![header.indexOf('Gross')]).toBe(toFixedString(gross, 2));
    await snapshot(officePage, 'control');

    // Every new page, at 1366×768, has no table cut off: what does not fit scrolls in its own box.
    for (const section of ['What sells', 'Margins', 'Running low', 'Customer report', 'Control'] satisfies OfficeSection[]) {
      await office.show(section);
      const width = await officePage.evaluate(() => document.documentElement.scrollWidth);
      expect(width, section).toBeLessThanOrEqual(1366);
    }
  });
});
