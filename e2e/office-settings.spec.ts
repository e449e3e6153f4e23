import { expect, test } from '@playwright/test';
import { buildCashSale, type Product, type Sale, type Store } from '../shared/src/index.js';
import { centralStock, openOffice } from './support/scenario.js';
import { withPairedTill } from './support/till-session.js';

/** "12,34 EUR", "07.06.26, 14:05:09": how a store in Germany writes (de-DE). */
const GERMAN_AMOUNT = /\d,\d\d EUR/;
const GERMAN_DATE_TIME = /\d\d\.\d\d\.\d\d, \d\d:\d\d:\d\d/;

/**
 * Head office sets the counter's settings in the office app: quick keys are typed as SKUs (one no
 * product has is refused by name, beside the field); the till then writes dates and amounts as the
 * store does, on its screen and its receipts, and so does the office app; a sale whose change is
 * more than the largest note is listed in words among the exceptions.
 */
test('head office sets the store’s locale, largest note and quick keys; the till and the office write as the store does', async ({ browser }) => {
  test.setTimeout(150_000);
  await withPairedTill(browser, 'office-settings', async ({ server, page, till }) => {
    const office = await openOffice(await page.context().newPage(), server, 'Store settings');
    const settings = office.page;

    // The demo store's settings are in the form; the quick keys by SKU.
    await expect(settings.getByLabel('VAT number')).toHaveValue('DE123456789');
    await expect(settings.getByLabel('Quick keys')).toHaveValue(/^LOOSE-001=Bananas\nLOOSE-002=Apples\n/);

    // An SKU no product has is refused by name, and nothing is sent.
    await settings.getByLabel('Locale').fill('de-DE');
    await settings.getByLabel('Time zone').fill('Europe/Berlin');
    await settings.getByLabel('Largest note taken').fill('100');
    await settings.getByLabel('Quick keys').fill('LOOSE-001=Bananen, NOPE-42');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(office.status('settings-result')).toHaveText('Not saved: quick keys: no product with SKU NOPE-42.');
    // The field says so too, and is marked for a screen reader.
    await expect(settings.getByLabel('Quick keys')).toHaveAttribute('aria-invalid', 'true');
    await expect(settings.locator('[data-field-error]')).toHaveText('no product with SKU NOPE-42');
    expect((await server.json<{ locale?: string }[]>('/api/office/stores'))[0].locale).toBeUndefined();

    const { products } = await centralStock(server);
    const milk = products.find((row) => row.name.includes('Whole Milk'))!;
    await settings.getByLabel('Quick keys').fill(`LOOSE-001=Bananen\n${milk.sku.toLowerCase()}`);
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(office.status('settings-result')).toHaveText('Saved; the tills receive the settings as they sync.');
    await expect(settings.locator('[data-field-error]')).toHaveCount(0);
    const [store] = await server.json<{ locale?: string; timeZone?: string; largestNote?: string; quickKeys?: unknown; negativeStock: string }[]>('/api/office/stores');
    expect(store).toMatchObject({ locale: 'de-DE', timeZone: 'Europe/Berlin', largestNote: '100', quickKeys: [{ productId: 'p-000001', label: 'Bananen' }, { productId: milk.productId }], negativeStock: 'warn' });
    // The policy below zero is a form field too: blocking, then warning again.
    await settings.getByLabel('Below zero').selectOption('block');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await server.json<{ negativeStock: string }[]>('/api/office/stores'))[0].negativeStock).toBe('block');
    await settings.getByLabel('Below zero').selectOption('warn');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await server.json<{ negativeStock: string }[]>('/api/office/stores'))[0].negativeStock).toBe('warn');

    // The till hears of it as it syncs: its amounts, and the receipt's date and amounts, as in Germany.
    await till.search(milk.sku);
    await till.result(milk.sku).click();
    await expect.poll(() => till.total()).toMatch(GERMAN_AMOUNT);
    const sale = await till.payCash('5');
    await page.keyboard.press('F7');
    const receipt = () => till.printedReceipt.locator('body').innerText();
    await expect.poll(receipt).toContain(sale.receiptNumber);
    const printed = await receipt();
    expect(printed).toMatch(new RegExp(`Date\\s+${GERMAN_DATE_TIME.source}`));
    expect(printed).toMatch(/Tendered\s+5,00/);
    await page.keyboard.press('F6');
    await expect(page.getByTestId('reprint-row').first()).toContainText(GERMAN_DATE_TIME);
    await page.keyboard.press('Escape');

    // Another till gave 400.00 change, more than the 100 the store takes at most: the sale stands
    // and head office reads why it should look, and when, as the store writes it.
    const code = await server.pairingCode('till-2');
    const { credential } = (await (await fetch(`${server.url}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })).json()) as {
      credential: string;
    };
    const pull = async <T>(collection: string) =>
      ((await (await fetch(`${server.url}/api/sync/${collection}/pull?limit=1000`, { headers: { authorization: `Bearer ${credential}` } })).json()) as { documents: T[] }).documents;
    const [storeOnTill2] = await pull<Store>('stores');
    const item = (await pull<Product>('products')).find((candidate) => candidate.id === milk.productId)!;
    const bigChange: Sale = buildCashSale([{ product: item, quantity: '1', taxRatePercent: '7' }], '400', {
      id: 'sale-till-2-1',
      number: 1,
      store: storeOnTill2,
      till: { id: 'till-2', code: 'T2' },
      cashier: { id: 'c1', name: 'Alice' },
      completedAt: new Date().toISOString(),
    });
    const pushed = await fetch(`${server.url}/api/sync/sales/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ newDocumentState: { ...bigChange, _deleted: false } }]),
    });
    expect(((await pushed.json()) as { refused: unknown[] }).refused).toEqual([]);
    const change = bigChange.payments[0].change.replace('.', ',');
    await office.show('Exceptions');
    const row = settings.locator('tr[data-exception="implausible_change"]');
    await expect(row).toContainText(`Change of ${change} EUR given on receipt S1-T2-000001 is more than the largest note (100)`);
    await expect(row.locator('td').first()).toHaveText(GERMAN_DATE_TIME);
  });
});
