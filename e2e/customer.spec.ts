import { expect, test } from '@playwright/test';
import type { Customer, Sale } from '../shared/src/index.js';
import { centralStock } from './support/scenario.js';
import { withPairedTill } from './support/till-session.js';

/**
 * A customer recorded at the counter with the server down is attached to the sale and goes up with
 * it; a second customer with the same phone is taken at the till too (never blocked there) and head
 * office sees the two flagged as likely duplicates.
 */
test('a customer created offline at the till is on the sale and at head office, and a duplicate is flagged there, not blocked', async ({ browser }) => {
  test.setTimeout(150_000);
  await withPairedTill(browser, 'customer', async ({ server, page, till }) => {
    const product = (await centralStock(server)).products.find((row) => row.sku.endsWith('00017'))!;
    await server.stop();
    await expect(till.syncState).toHaveText('Offline');

    await till.search(product.sku);
    await till.result(product.sku).click();
    await page.keyboard.press('F11');
    const dialog = page.getByRole('dialog', { name: 'Customer' });
    await dialog.getByLabel('Find customer').fill('Dana');
    await expect(dialog.getByText('No customer matches “Dana”.')).toBeVisible();
    await dialog.getByRole('button', { name: 'New customer' }).click();
    await expect(dialog.getByLabel('Name')).toHaveValue('Dana');
    await dialog.getByLabel('Name').fill('Dana Fischer');
    await dialog.getByLabel('Phone').fill('+49 170 1234567');
    await dialog.getByLabel('E-mail').fill('dana@example.org');
    await dialog.getByRole('button', { name: /save and attach/i }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('cart-customer')).toHaveText('Dana Fischer');
    const sale = await till.payCash('100');

    // Another cashier records "D. Fischer" with the same phone: the till takes it.
    await page.keyboard.press('F11');
    await dialog.getByLabel('Find customer').fill('0049 170 1234567');
    await expect(dialog.getByTestId('customer-result')).toHaveText(/Dana Fischer/);
    await dialog.getByRole('button', { name: 'New customer' }).click();
    await dialog.getByLabel('Name').fill('D. Fischer');
    await dialog.getByRole('button', { name: /save and attach/i }).click();
    await expect(dialog).toBeHidden();
    await page.keyboard.press('F11');
    await dialog.getByRole('button', { name: 'Remove from the sale' }).click();

    await server.start();
    await expect(till.waiting).toHaveText('all sales synced', { timeout: 60_000 });
    await expect
      .poll(async () => (await server.json<{ customers: Customer[] }>('/api/office/customers?store=store-1')).customers.length, { timeout: 30_000 })
      .toBe(2);
    const office = await server.json<{ customers: Customer[]; duplicates: { field: string; customerIds: string[] }[] }>('/api/office/customers?store=store-1');
    const dana = office.customers.find((customer) => customer.name === 'Dana Fischer')!;
    expect(dana).toMatchObject({ phone: '+49 170 1234567', email: 'dana@example.org', createdBy: 'till-1' });
    expect(office.duplicates).toEqual([expect.objectContaining({ field: 'phone', customerIds: expect.arrayContaining(office.customers.map((customer) => customer.id)) })]);
    const stored = (await server.json<{ sale: Sale }[]>('/api/office/sales?store=store-1')).map((row) => row.sale);
    expect(stored.find((document) => document.receiptNumber === sale.receiptNumber)!.customer).toEqual({ id: dana.id, name: 'Dana Fischer' });
  });
});
