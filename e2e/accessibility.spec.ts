import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { freePort, startTillHost, SyncServerProcess, temporaryFolder } from './support/processes.js';
import type { OfficeSection } from './support/office-page.js';
import { centralStock, openOffice } from './support/scenario.js';
import { TillPage } from './support/till-page.js';

/**
 * An automated accessibility check (axe-core, WCAG 2 A and AA rules) of the till's main screens and
 * dialogs and of every page of the office app: no serious or critical violations. Lesser findings
 * are printed.
 */
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const OFFICE_SECTIONS: OfficeSection[] = ['Dashboard', 'Sales report', 'What sells', 'Margins', 'Running low', 'Customer report', 'Control', 'Tills', 'Stock', 'Sales', 'Shifts', 'Cashiers', 'Customers', 'Refused documents', 'Exceptions', 'Store settings', 'Tax classes', 'Stores', 'Catalogue', 'Suppliers', 'Purchase orders', 'Reorder', 'Stock value', 'Transfers', 'Stock counts', 'Accounts', 'Audit log'];

async function violations(page: Page, screen: string): Promise<Violation[]> {
  // Evaluated by the browser's debugger, so the till's Content-Security-Policy does not stand in the way.
  await page.evaluate(axeSource);
  const found = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`)) as Violation[];
  for (const violation of found) console.log(`${screen}: ${violation.impact} ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  return found.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

test('the till’s screens and dialogs and the office app’s pages have no serious or critical accessibility violations', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = new SyncServerProcess(temporaryFolder('kassa-e2e-a11y-'), await freePort(), ['--demo-products', '40']);
  await server.start();
  const host = await startTillHost();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${host.url}/`);
    await expect(page.getByRole('heading', { name: 'Set up this till' })).toBeVisible();
    expect(await violations(page, 'setup')).toEqual([]);

    await page.goto(await TillPage.address(host.url, server, 'till-1'));
    const till = new TillPage(page);
    await expect(page.getByRole('heading', { name: /sign in to till/i })).toBeVisible();
    await expect(page.getByRole('radio', { name: /Alex Cashier/ })).toBeVisible();
    expect(await violations(page, 'sign in')).toEqual([]);
    await till.signIn();
    await expect(page.getByRole('dialog', { name: 'Open shift' }).getByTestId('cash-count')).toBeVisible();
    expect(await violations(page, 'open shift')).toEqual([]);
    await till.ready();
    const row = (await centralStock(server)).products.find((entry) => entry.sku.endsWith('00010'))!;
    await till.expectStock(row.sku, Number(row.quantity));
    await till.search(row.sku);
    await till.result(row.sku).click();
    await expect(till.cartLine(row.sku)).toBeVisible();
    expect(await violations(page, 'till with a cart')).toEqual([]);

    await page.keyboard.press('F11');
    const customer = page.getByRole('dialog', { name: 'Customer' });
    await customer.getByRole('button', { name: 'New customer' }).click();
    await expect(customer.getByLabel('Name')).toBeVisible();
    expect(await violations(page, 'new customer')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(customer).toBeHidden();

    await page.keyboard.press('F10');
    const discount = page.getByRole('dialog', { name: 'Discount or price' });
    await expect(discount).toBeVisible();
    expect(await violations(page, 'discount')).toEqual([]);
    await discount.getByRole('radio', { name: /new price/i }).check();
    await discount.getByLabel('New unit price').fill('0.50');
    await discount.getByLabel('Reason').fill('Price match');
    await discount.getByRole('button', { name: /apply/i }).click();
    await expect(page.getByRole('dialog', { name: 'Manager approval' })).toBeVisible();
    expect(await violations(page, 'manager approval')).toEqual([]);
    await page.getByRole('dialog', { name: 'Manager approval' }).getByRole('button', { name: /cancel/i }).click();
    await page.keyboard.press('Escape');
    await expect(discount).toBeHidden();

    await page.keyboard.press('F12');
    await expect(page.getByRole('dialog', { name: 'Payment' })).toBeVisible();
    expect(await violations(page, 'payment')).toEqual([]);
    await page.getByRole('dialog', { name: 'Payment' }).getByRole('radio', { name: 'Card' }).check();
    expect(await violations(page, 'payment by card')).toEqual([]);
    await page.getByRole('dialog', { name: 'Payment' }).getByRole('radio', { name: 'Cash' }).check();
    const sale = await (async () => {
      const dialog = page.getByRole('dialog', { name: 'Payment' });
      await dialog.getByLabel('Cash received').fill('100');
      await dialog.getByRole('button', { name: /complete sale/i }).click();
      await expect(dialog).toBeHidden();
      return page.getByTestId('last-sale-number').innerText();
    })();
    expect(await violations(page, 'sale completed')).toEqual([]);

    await page.keyboard.press('F9');
    await expect(page.getByTestId('sync-panel')).toBeVisible();
    expect(await violations(page, 'sync panel')).toEqual([]);
    await page.keyboard.press('Escape');

    await page.keyboard.press('F8');
    const returns = page.getByTestId('return-dialog');
    await returns.getByLabel('Receipt number').fill(sale);
    await returns.getByRole('button', { name: 'Find' }).click();
    await expect(returns.getByTestId('return-line')).toHaveCount(1);
    expect(await violations(page, 'return')).toEqual([]);
    await page.keyboard.press('Escape');

    await page.keyboard.press('F6');
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await violations(page, 'reprint')).toEqual([]);
    await page.keyboard.press('Escape');

    // Shifts: the Shift dialog, cash out, the X report, the close with its count, the Z report.
    await page.keyboard.press('F3');
    const shift = page.getByRole('dialog', { name: 'Shift', exact: true });
    await expect(shift).toBeVisible();
    expect(await violations(page, 'shift')).toEqual([]);
    await shift.getByRole('button', { name: 'Cash out' }).click();
    await expect(shift.getByTestId('drawer-expected')).toBeVisible();
    expect(await violations(page, 'cash out')).toEqual([]);
    await shift.getByRole('button', { name: 'Back' }).click();
    await shift.getByRole('button', { name: 'X report' }).click();
    await expect(shift.getByTestId('shift-report')).toHaveAttribute('data-kind', 'x');
    expect(await violations(page, 'X report')).toEqual([]);
    await shift.getByRole('button', { name: 'Back' }).click();
    await shift.getByRole('button', { name: 'Close shift' }).click();
    await shift.getByLabel('Count of 50.00', { exact: true }).fill('1');
    await expect(shift.getByTestId('close-difference')).toBeVisible();
    expect(await violations(page, 'close shift')).toEqual([]);
    await shift.getByRole('button', { name: 'Close shift' }).click();
    await expect(shift.getByTestId('shift-report')).toHaveAttribute('data-kind', 'z');
    expect(await violations(page, 'Z report')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Open shift' })).toBeVisible();

    // The office app: its login and first-start pages (no key), then every page and a dialog.
    const login = await context.newPage();
    await login.goto(`${server.url}/office`);
    await expect(login.getByRole('heading', { name: 'Log in' })).toBeVisible();
    expect(await violations(login, 'office login')).toEqual([]);
    await login.goto(`${server.url}/office/setup?token=not-a-real-token`);
    await expect(login.getByRole('heading', { name: 'Create the owner’s account' })).toBeVisible();
    expect(await violations(login, 'office setup')).toEqual([]);
    const office = await openOffice(await context.newPage(), server);
    // At a shop PC's screen size; each page as it first shows, attached to the report to be looked at.
    await office.page.setViewportSize({ width: 1366, height: 768 });
    for (const section of OFFICE_SECTIONS) {
      await office.show(section);
      expect(await violations(office.page, `office ${section}`)).toEqual([]);
      await office.page.screenshot({ path: test.info().outputPath(`office-${section.toLowerCase().replace(/ /g, '-')}.png`) });
    }
    await office.show('Cashiers');
    await office.page.getByRole('button', { name: /^Change / }).first().click();
    await expect(office.dialog(/^Change /)).toBeVisible();
    expect(await violations(office.page, 'office cashier dialog')).toEqual([]);
  } finally {
    await context.close();
    await host.close();
    await server.stop();
  }
});
