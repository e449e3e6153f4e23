import { expect, test, type Page } from '@playwright/test';
import { freePort, SyncServerProcess, temporaryFolder } from './support/processes.js';
import type { OfficePage, OfficeSection } from './support/office-page.js';
import { openOffice } from './support/scenario.js';

/** A back-office PC's small screen: the office's pages must work at this size, not only on a wide one. */
const SMALL_SCREEN = { width: 1024, height: 768 };

/**
 * The page is no wider than the window: a table too wide for its box scrolls inside it, a form wraps,
 * and nothing is pushed past the right edge where a clerk would have to scroll the whole page.
 */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** With these few rows every table fits its box: none has to be scrolled sideways to be read. */
async function expectTablesFit(page: Page): Promise<void> {
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main .data-table')]
      .filter((box) => box.scrollWidth > box.clientWidth)
      .map((box) => `${box.querySelector('table')?.getAttribute('aria-label')}: ${box.scrollWidth - box.clientWidth} px too wide`),
  );
  expect(overflowing).toEqual([]);
}

/** Every button, field and link of the page's main part is inside the window's width. */
async function expectControlsInWindow(page: Page): Promise<void> {
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main input, main select, main a, main textarea')]
      .filter((element) => element.offsetParent !== null && !element.closest('.scrolling'))
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((element) => element.getAttribute('aria-label') ?? element.textContent ?? element.tagName),
  );
  expect(outside).toEqual([]);
}

async function shoot(office: OfficePage, section: OfficeSection, name: string): Promise<void> {
  await office.show(section);
  await office.page.screenshot({ path: test.info().outputPath(`office-${name}-1024.png`), fullPage: true });
}

/**
 * Head office's newer pages on a 1024×768 screen, with enough on them to fill them: suppliers with
 * long names, an order of eight products open, a reorder run, the stock value, a transfer to another
 * store, and the stock counts page. Each is screenshotted (full page) for a look; none scrolls
 * sideways and none has a control past the window's edge.
 */
test('the office’s purchasing, transfer and count pages fit a 1024×768 screen', async ({ browser }) => {
  test.setTimeout(150_000);
  const server = new SyncServerProcess(temporaryFolder('kassa-e2e-office-pages-'), await freePort(), ['--demo-products', '40']);
  await server.start();
  const context = await browser.newContext({ viewport: SMALL_SCREEN });
  try {
    const send = <T = { id: string }>(path: string, method: string, body: unknown) =>
      server.json<T>(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const products = (await server.json<{ id: string; sku: string; name: string; unit: string }[]>('/api/office/products')).filter((product) => product.unit === 'piece');
    const harbour = await send('/api/office/stores', 'POST', { code: 'S2', name: 'Harbour Street' });

    // Suppliers as a shop has them: long names, full contacts, order days and minimums.
    const dairy = await send('/api/office/suppliers', 'POST', {
      name: 'Green Valley Dairy Cooperative and Cheese Makers of the Northern Hills',
      contact: { person: 'Johanna Meyer-Lüdenscheidt', email: 'orders.northern-hills@greenvalley-dairy-cooperative.example', phone: '+49 170 1234567', address: 'Hauptstraße 112, 12345 Musterstadt' },
      currency: 'EUR',
      leadTimeDays: 3,
      orderDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      minimumOrder: '150',
    });
    await send('/api/office/suppliers', 'POST', { name: 'Bakery Brothers', contact: { person: 'Sam Baker' }, currency: 'EUR', leadTimeDays: 1, orderDays: [] });
    await send('/api/office/suppliers', 'POST', { name: 'Household Wholesale International GmbH & Co. KG', contact: { email: 'sales@household.example' }, currency: 'EUR', leadTimeDays: 7, orderDays: ['wed'] });
    const ordered = products.slice(0, 8);
    for (const [index, product] of ordered.entries()) {
      await send(`/api/office/suppliers/${dairy.id}/products/${product.id}`, 'PUT', { supplierSku: `GVD-NORTH-${1000 + index}`, packSize: '12', packCost: '8.40', preferred: true });
    }
    const order = await send<{ id: string; number: string; updatedAt: string }>('/api/office/purchase-orders', 'POST', {
      storeId: 'store-1',
      supplierId: dairy.id,
      lines: ordered.map((product, index) => ({ productId: product.id, packs: String(index + 1) })),
      note: 'Please deliver before 10:00 at the back door; ring twice, the bell in the yard is broken.',
    });
    await send(`/api/office/purchase-orders/${order.id}/send`, 'POST', { updatedAt: order.updatedAt });
    await send('/api/office/transfers', 'POST', {
      id: 'transfer-office-pages-1',
      fromStoreId: 'store-1',
      toStoreId: harbour.id,
      reference: 'Van on Tuesday, with the crates that came back from the market stall',
      lines: products.slice(10, 16).map((product) => ({ productId: product.id, quantity: '2' })),
    });

    const office = await openOffice(await context.newPage(), server, 'Suppliers');
    const { page } = office;

    await expect(page.locator(`tr[data-supplier="Green Valley Dairy Cooperative and Cheese Makers of the Northern Hills"]`)).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectTablesFit(page);
    await expectControlsInWindow(page);
    await shoot(office, 'Suppliers', 'suppliers');
    await page.getByRole('button', { name: 'Products of Green Valley Dairy Cooperative and Cheese Makers of the Northern Hills' }).click();
    await expect(page.locator(`tr[data-supplied="${ordered[0].sku}"]`)).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectTablesFit(page);
    await expectControlsInWindow(page);
    await shoot(office, 'Suppliers', 'supplier-products');

    await office.show('Purchase orders');
    const row = page.locator(`tr[data-order="${order.number}"]`);
    await row.getByRole('button', { name: `Open ${order.number}` }).click();
    await expect(page.getByLabel(`Arrived of ${ordered[0].sku}`)).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectTablesFit(page);
    await expectControlsInWindow(page);
    await shoot(office, 'Purchase orders', 'purchase-order-open');
    await page.getByRole('button', { name: 'New purchase order' }).click();
    await expectNoSidewaysScroll(page);
    await expectTablesFit(page);
    await expectControlsInWindow(page);
    await shoot(office, 'Purchase orders', 'purchase-order-new');

    // Fixed minimums above what is on hand: the reorder page has suggestions to show.
    for (const product of ordered.slice(0, 5)) await send(`/api/office/reorder/rules/store-1/${product.id}`, 'PUT', { min: '150', max: '300' });
    await office.show('Reorder');
    await page.getByRole('button', { name: 'Suggest' }).click();
    await expect(page.locator(`tr[data-suggestion="${ordered[0].sku}"]`)).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectTablesFit(page);
    await expectControlsInWindow(page);
    await shoot(office, 'Reorder', 'reorder');

    await office.show('Stock value');
    await expectNoSidewaysScroll(page);
    await expectTablesFit(page);
    await expectControlsInWindow(page);
    await shoot(office, 'Stock value', 'stock-value');

    await office.show('Transfers');
    await expect(page.locator('tr[data-transfer="TR-000001"]')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectTablesFit(page);
    await expectControlsInWindow(page);
    await shoot(office, 'Transfers', 'transfers');
    await page.getByRole('button', { name: 'Open TR-000001' }).click();
    await expect(page.locator(`tr[data-transfer-line="${products[10].sku}"]`)).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectTablesFit(page);
    await expectControlsInWindow(page);
    await shoot(office, 'Transfers', 'transfer-open');

    // The lead is finishing this page: it is looked at, not held to anything yet.
    await office.show('Stock counts');
    await shoot(office, 'Stock counts', 'stock-counts');
  } finally {
    await context.close();
    await server.stop();
  }
});
