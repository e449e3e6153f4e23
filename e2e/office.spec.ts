import { expect, test, type TestInfo } from '@playwright/test';
import type { CashierView, Customer } from '../shared/src/index.js';
import { OfficePage, type OfficeSection } from './support/office-page.js';
import { freePort, startTillHost, SyncServerProcess, temporaryFolder } from './support/processes.js';
import { centralStock, openOffice } from './support/scenario.js';
import { TillPage } from './support/till-page.js';

/** Each page of the app at 1366×768, in the HTML report (npx playwright show-report test-results/playwright-report). */
async function screenshots(office: OfficePage, testInfo: TestInfo, sections: OfficeSection[]): Promise<void> {
  for (const section of sections) {
    await office.show(section);
    const file = testInfo.outputPath(`office-${section.toLowerCase().replace(/ /g, '-')}.png`);
    await office.page.screenshot({ path: file });
    await testInfo.attach(`office: ${section}`, { path: file, contentType: 'image/png' });
  }
}

/**
 * Head office's app, page by page, as the owner uses it (with the office key, which acts as the
 * owner): a till paired with the code the app shows, a cashier added and changed, settings saved
 * after the server named the field it refused, goods received raising stock, and two customers
 * who are one person merged; the till's shift and sale are there, live, with the shift's X report.
 */
test('head office pairs a till, keeps its cashiers, settings, stock and customers', async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const server = new SyncServerProcess(temporaryFolder('kassa-e2e-office-'), await freePort(), ['--demo-products', '40']);
  await server.start();
  const host = await startTillHost();
  const officeContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const tillContext = await browser.newContext();
  try {
    const office = await openOffice(await officeContext.newPage(), server);
    const page = office.page;
    await expect(office.live).toHaveText('live');
    await expect(office.tillRow('till-2').locator('.device')).toHaveText('not paired');

    // Pairing: the code the app shows, entered with the server's address, pairs till 2.
    const code = await office.pairingCode('till-2');
    expect(code).toMatch(/\S{4,}/);
    const tillPage = await tillContext.newPage();
    await tillPage.goto(`${host.url}/?${new URLSearchParams({ server: server.url, pair: code })}`);
    const till = new TillPage(tillPage);
    await till.ready();
    await expect(till.syncState).toHaveText('Online');
    await page.reload();
    await expect(office.tillRow('till-2').locator('.device')).toHaveText(/^paired/);
    await expect(office.tillRow('till-2').locator('.last-synced')).not.toHaveText('never');

    // Cashiers: one added, then renamed, promoted and given a new PIN in the dialog, then deactivated.
    await office.show('Cashiers');
    const add = page.getByRole('form', { name: 'Add a cashier' });
    await add.getByLabel('Name').fill('Jamie Till');
    await add.getByLabel('Role').selectOption('cashier');
    await add.getByLabel('PIN').fill('4321');
    await add.getByRole('button', { name: 'Add' }).click();
    await expect(office.status('cashier-result')).toHaveText('Added Jamie Till (cashier).');
    await expect(office.cashierRow('Jamie Till')).toBeVisible();
    await page.getByRole('button', { name: 'Change Jamie Till' }).click();
    const change = office.dialog('Change Jamie Till');
    await expect(change.getByLabel('Name')).toBeFocused();
    await change.getByLabel('Name').fill('Jamie Tillman');
    await change.getByLabel('Role').selectOption('supervisor');
    await change.getByLabel('New PIN').fill('8765');
    await change.getByRole('button', { name: 'Save' }).click();
    await expect(change).toBeHidden();
    await expect(office.status('cashier-result')).toHaveText('Saved Jamie Tillman, with a new PIN.');
    await expect(office.cashierRow('Jamie Tillman').getByRole('cell', { name: 'supervisor' })).toBeVisible();
    await page.getByRole('button', { name: 'Deactivate Jamie Tillman' }).click();
    await expect(office.cashierRow('Jamie Tillman').locator('.cashier-status')).toHaveText('deactivated');
    const jamie = (await server.json<CashierView[]>('/api/office/cashiers?store=store-1')).find((cashier) => cashier.name === 'Jamie Tillman')!;
    expect(jamie).toMatchObject({ role: 'supervisor', active: false });

    // Settings: the server refuses a rounding step finer than a cent, and says so beside the field.
    await office.show('Store settings');
    await page.getByLabel('Cash rounding step').fill('0.001');
    await page.getByLabel('Receipt footer').fill('Thank you!');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByLabel('Cash rounding step')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('[data-field-error]')).toHaveText(/0\.001 has more decimals than the currency/);
    await expect(office.status('settings-result')).toHaveText(/^Not saved: cash rounding step: /);
    await page.getByLabel('Cash rounding step').fill('0,05');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(office.status('settings-result')).toHaveText('Saved; the tills receive the settings as they sync.');
    await expect(page.locator('[data-field-error]')).toHaveCount(0);
    const [store] = await server.json<{ cashRounding?: string; receiptFooter?: string }[]>('/api/office/stores');
    expect(store).toMatchObject({ cashRounding: '0.05', receiptFooter: 'Thank you!' });

    // The scale labels' layout: nine digits of item code leave too few for the weight, and the form says so.
    const scale = page.getByRole('region', { name: 'Scale labels' });
    await scale.getByLabel('Prefix 28').selectOption('weight');
    await scale.getByLabel('Digits of the item code').fill('9');
    await scale.getByRole('button', { name: 'Save scale labels' }).click();
    await expect(scale.getByLabel('Digits of the item code')).toHaveAttribute('aria-invalid', 'true');
    await scale.getByLabel('Digits of the item code').fill('4');
    await scale.getByRole('button', { name: 'Save scale labels' }).click();
    await expect(scale.getByRole('status')).toHaveText('Saved; the tills read labels this way as soon as they hear of it.');
    const [withLayout] = await server.json<{ scaleBarcodes?: { prefixes: { prefix: string; value: string }[]; itemDigits: number } }[]>('/api/office/stores');
    expect(withLayout.scaleBarcodes).toMatchObject({ itemDigits: 4, prefixes: expect.arrayContaining([{ prefix: '28', value: 'weight' }]) });

    // Goods received raise stock on hand, and the receipt is listed as recorded here.
    const product = (await centralStock(server)).products.find((row) => row.sku.endsWith('00007'))!;
    await office.recordStock({ kind: 'Goods received', sku: product.sku, quantity: '12', reference: 'DN-4711' });
    await expect(office.status('stock-result')).toHaveText(`Recorded: ${product.name} 12.`);
    const row = await office.stockRow(product.sku);
    await expect(row.locator('.on-hand')).toHaveText(String(Number(product.quantity) + 12));
    await expect(page.getByRole('table', { name: 'Goods received and adjustments recorded lately' })).toContainText('DN-4711');
    // An SKU no product has is named beside its field; nothing is recorded.
    await office.recordStock({ kind: 'Adjustment', sku: 'NOPE-1', quantity: '-1', reason: 'damaged' });
    await expect(page.locator('[data-field-error]')).toHaveText('no product with SKU NOPE-1');

    // Customers: two with one phone number are flagged, and merged into one.
    await office.show('Customers');
    for (const [name, email] of [
      ['Dana Fischer', 'dana@example.com'],
      ['D. Fischer', ''],
    ]) {
      await page.getByRole('button', { name: 'Add a customer' }).click();
      const dialog = office.dialog('Add a customer');
      await dialog.getByLabel('Name').fill(name);
      await dialog.getByLabel('Phone').fill('+49 30 1234567');
      if (email) await dialog.getByLabel('E-mail').fill(email);
      await dialog.getByRole('button', { name: 'Add' }).click();
      await expect(dialog).toBeHidden();
      await expect(office.status('customer-result')).toHaveText(`Added ${name}; the tills receive it as they sync.`);
    }
    await expect(page.getByText('1 group of possible duplicates (same phone or e-mail).')).toBeVisible();
    await office.customerRow('Dana Fischer').getByRole('button', { name: /^Merge into this one: keep Dana Fischer/ }).click();
    const merge = office.dialog('Merge D. Fischer into Dana Fischer?');
    await expect(merge.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await merge.getByRole('button', { name: 'Merge' }).click();
    await expect(office.status('customer-result')).toHaveText('Merged D. Fischer into Dana Fischer.');
    await expect(page.locator('tr[data-customer]')).toHaveCount(1);
    const { customers } = await server.json<{ customers: Customer[] }>('/api/office/customers?store=store-1');
    expect(customers).toEqual([expect.objectContaining({ name: 'Dana Fischer', phone: '+49 30 1234567', email: 'dana@example.com' })]);

    // The shift till 2 opened, and a sale made there while the page is open, arrive by themselves.
    await office.show('Sales');
    await till.search(product.sku);
    await till.result(product.sku).click();
    const sale = await till.payCash('50');
    await expect(page.locator(`tr[data-receipt="${sale.receiptNumber}"]`)).toContainText('Alex Cashier');
    await office.show('Shifts');
    await page.getByRole('button', { name: /^X report of till T2/ }).click();
    const report = office.dialog(/^X report, till T2/);
    await expect(report.getByRole('definition').first()).toBeVisible();
    await expect(report).toContainText('Sales');
    await expect(report).toContainText('1 for');
    await page.screenshot({ path: testInfo.outputPath('office-x-report.png') });
    await testInfo.attach('office: X report', { path: testInfo.outputPath('office-x-report.png'), contentType: 'image/png' });
    await page.keyboard.press('Escape');
    await expect(report).toBeHidden();
    await screenshots(office, testInfo, ['Tills', 'Stock', 'Sales', 'Shifts', 'Cashiers', 'Customers', 'Refused documents', 'Exceptions', 'Store settings', 'Accounts', 'Audit log']);
  } finally {
    await officeContext.close();
    await tillContext.close();
    await host.close();
    await server.stop();
  }
});

/**
 * The first start: the server prints a one-time link; the owner creates their account with it and
 * logs in, adds a manager for the store and a clerk; each logs in and is offered only what their
 * role allows; the audit log lists who changed what.
 */
test('the owner sets up head office from the server’s link, adds a manager and a clerk, and each sees what their role allows', async ({ browser }) => {
  test.setTimeout(150_000);
  const server = new SyncServerProcess(temporaryFolder('kassa-e2e-office-setup-'), await freePort(), ['--demo-products', '40']);
  await server.start();
  const contexts = [await browser.newContext(), await browser.newContext(), await browser.newContext()];
  try {
    const [ownerPage, managerPage, clerkPage] = await Promise.all(contexts.map((context) => context.newPage()));
    const link = (await server.waitForLine(/create the owner account at /)).replace(/^.*create the owner account at /, '').trim();
    expect(link).toMatch(/\/office\/setup\?token=/);

    // Before anyone has an account, the app asks to log in and says nothing went wrong.
    await ownerPage.goto(`${server.url}/office`);
    await expect(ownerPage.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(ownerPage.locator('#login-error')).toHaveText('');

    await ownerPage.goto(link);
    await expect(ownerPage.getByRole('heading', { name: 'Create the owner’s account' })).toBeVisible();
    await ownerPage.getByLabel('Your name').fill('Olga Owner');
    await ownerPage.getByLabel('E-mail').fill('olga@shop.test');
    await ownerPage.getByLabel('Password', { exact: true }).fill('owner password 1');
    await ownerPage.getByLabel('Password again').fill('owner password 1');
    await ownerPage.getByRole('button', { name: 'Create the account' }).click();
    const owner = new OfficePage(ownerPage, server.url);
    // Head office opens on the dashboard.
    await expect(owner.heading('Dashboard')).toBeVisible();
    await expect(ownerPage.locator('header')).toContainText('Olga Owner (owner)');
    // The link works once.
    await ownerPage.goto(link);
    await expect(ownerPage.getByText('The owner’s account exists already.')).toBeVisible();

    // The owner logs out and in again with the password, then adds the manager and the clerk.
    await ownerPage.goto(`${server.url}/office`);
    await owner.logout();
    await owner.login('olga@shop.test', 'not the password');
    await expect(ownerPage.locator('#login-error')).toHaveText('That e-mail and password do not match an active account.');
    await owner.login('olga@shop.test', 'owner password 1');
    await expect(owner.heading('Dashboard')).toBeVisible();
    await owner.show('Accounts');
    for (const person of [
      { name: 'Mia Manager', email: 'mia@shop.test', role: 'manager' },
      { name: 'Carl Clerk', email: 'carl@shop.test', role: 'clerk' },
    ]) {
      await ownerPage.getByRole('button', { name: 'Add an account' }).click();
      const dialog = owner.dialog('Add an account');
      await dialog.getByLabel('Name').fill(person.name);
      await dialog.getByLabel('E-mail').fill(person.email);
      await dialog.getByLabel('Role').selectOption(person.role);
      await dialog.getByLabel(/Kassa Demo Store/).check();
      await dialog.getByLabel('Password').fill(`${person.role} password 1`);
      await dialog.getByRole('button', { name: 'Add' }).click();
      await expect(dialog).toBeHidden();
      await expect(owner.status('account-result')).toHaveText(`Added ${person.name} (${person.role}).`);
    }
    await expect(ownerPage.locator(`tr[data-account="carl@shop.test"] .account-role`)).toHaveText('clerk');

    // The manager runs the store: tills, cashiers, settings; not the accounts.
    const manager = new OfficePage(managerPage, server.url);
    await managerPage.goto(`${server.url}/office`);
    await manager.login('mia@shop.test', 'manager password 1');
    await expect(manager.heading('Dashboard')).toBeVisible();
    await expect(manager.menu.getByRole('link', { name: 'Store settings' })).toBeVisible();
    await expect(manager.menu.getByRole('link', { name: 'Audit log' })).toBeVisible();
    await expect(manager.menu.getByRole('link', { name: 'Accounts' })).toHaveCount(0);
    await manager.show('Tills');
    await expect(manager.tillRow('till-1').getByRole('button', { name: 'Pair a device' })).toBeVisible();
    await manager.show('Store settings');
    await managerPage.getByLabel('VAT number').fill('DE999999999');
    await managerPage.getByRole('button', { name: 'Save settings' }).click();
    await expect(manager.status('settings-result')).toHaveText('Saved; the tills receive the settings as they sync.');

    // The clerk receives goods and reads; no pairing, no settings, no cashiers to change.
    const clerk = new OfficePage(clerkPage, server.url);
    await clerkPage.goto(`${server.url}/office`);
    await clerk.login('carl@shop.test', 'clerk password 1');
    await expect(clerk.heading('Dashboard')).toBeVisible();
    await expect(clerk.menu.getByRole('link', { name: 'Stock', exact: true })).toBeVisible();
    for (const section of ['Store settings', 'Accounts', 'Audit log']) await expect(clerk.menu.getByRole('link', { name: section })).toHaveCount(0);
    await clerk.show('Tills');
    await expect(clerk.tillRow('till-1')).toBeVisible();
    await expect(clerk.tillRow('till-1').getByRole('button')).toHaveCount(0);
    await clerk.show('Cashiers');
    await expect(clerkPage.getByRole('form', { name: 'Add a cashier' })).toHaveCount(0);
    const product = (await centralStock(server)).products[0];
    await clerk.recordStock({ kind: 'Goods received', sku: product.sku, quantity: '5', reference: 'DN-1' });
    await expect(clerk.status('stock-result')).toHaveText(`Recorded: ${product.name} 5.`);
    // An address the menu does not offer shows no page.
    await clerkPage.goto(`${server.url}/office/accounts`);
    await expect(clerkPage.getByText('There is no such page here.')).toBeVisible();

    // The owner makes the clerk a viewer, then deactivates them: the clerk's next step shows the login again.
    await owner.show('Accounts');
    await ownerPage.getByRole('button', { name: 'Change Carl Clerk' }).click();
    const changeCarl = owner.dialog('Change Carl Clerk');
    await changeCarl.getByLabel('Role').selectOption('viewer');
    await changeCarl.getByRole('button', { name: 'Save' }).click();
    await expect(owner.status('account-result')).toHaveText('Saved Carl Clerk (viewer).');
    await expect(ownerPage.locator('tr[data-account="carl@shop.test"] .account-role')).toHaveText('viewer');
    await ownerPage.getByRole('button', { name: 'Deactivate Carl Clerk' }).click();
    await owner.dialog('Deactivate Carl Clerk?').getByRole('button', { name: 'Deactivate' }).click();
    await expect(ownerPage.locator('tr[data-account="carl@shop.test"] .account-status')).toHaveText('deactivated');
    await clerkPage.goto(`${server.url}/office/stock`);
    await expect(clerkPage.getByRole('heading', { name: 'Log in' })).toBeVisible();

    // The owner's audit log: who did what, filtered by person.
    await owner.show('Audit log');
    const entries = ownerPage.locator('tr[data-audit]');
    await expect(ownerPage.locator('tr[data-audit="account.create"]')).toHaveCount(2);
    await expect(ownerPage.locator('tr[data-audit="store.settings"]')).toContainText(['Mia Manager']);
    await expect(ownerPage.locator('tr[data-audit="store.settings"]')).toContainText(['DE999999999']);
    await ownerPage.getByLabel('Person').selectOption({ label: 'Carl Clerk' });
    await expect(entries).not.toHaveCount(0);
    for (const who of await entries.locator('td:nth-child(2)').allInnerTexts()) expect(who).toContain('Carl Clerk');
  } finally {
    for (const context of contexts) await context.close();
    await server.stop();
  }
});
