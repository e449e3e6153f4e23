import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { Sale, ShiftDetail, ShiftSummary } from '../shared/src/index.js';
import { demoCatalogue } from '../sync-server/src/demo.js';
import { scannerBurst } from './support/scanner.js';
import { withPairedTill } from './support/till-session.js';
import type { TillPage } from './support/till-page.js';

/**
 * The till at a real counter, on the screens shops have (1024x768 and 1366x768), with a keyboard-wedge
 * scanner: the cart scrolls while Total and Pay stay in view, nothing wraps, the header holds still,
 * a scan never becomes an amount or a click, dialogs keep the keyboard, and after each action typing
 * goes to the search box. Every screen and dialog is attached to the report as a screenshot.
 */

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
] as const;

/** A loose product of the demo store, sold by the kg. */
const LOOSE = demoCatalogue(40, '').find((entry) => entry.product.unit === 'kg')!.product;

/** Products of the demo store sold by the piece, each with its barcode. */
const PIECES = demoCatalogue(40, '')
  .map((entry) => entry.product)
  .filter((product) => product.unit === 'piece' && (product.barcodes?.length ?? 0) > 0)
  .map((product) => ({ ...product, barcode: product.barcodes![0] }));

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

/** Whether the whole of an element is on the screen (not cut off at an edge). */
async function expectInView(page: Page, element: Locator): Promise<void> {
  const box = await element.boundingBox();
  const { width, height } = page.viewportSize()!;
  expect(box, 'the element is rendered').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(height);
}

/** How many line boxes an element's text takes: 1 when it did not wrap. */
function lineBoxes(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
  });
}

/** Whether the focused element is inside the open dialog on top. */
function focusInDialog(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const open = [...document.querySelectorAll('dialog[open]')];
    const top = open.at(-1);
    return top !== undefined && top.contains(document.activeElement);
  });
}

/** Typing a letter after an action lands in the search box. */
async function expectTypingGoesToSearch(page: Page, till: TillPage): Promise<void> {
  await till.searchBox.fill('');
  await page.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.type('z');
  await expect(till.searchBox).toHaveValue('z');
  await till.searchBox.fill('');
}

for (const size of SIZES) {
  test(`at ${size.width}x${size.height} a 15-line cart keeps Total and Pay in view, no column wraps and the header holds still`, async ({ browser }, testInfo) => {
    test.setTimeout(150_000);
    await withPairedTill(browser, `layout-${size.width}`, async ({ server, page, till }) => {
      await page.setViewportSize(size);
      for (const product of PIECES.slice(0, 15)) await till.scan(product.barcode);
      await expect(page.getByTestId('cart-line')).toHaveCount(15);

      // A discount on a line: its columns used to wrap (+/- under the quantity, "1.26 / EUR").
      await till.selectLine(PIECES[2].sku);
      await page.keyboard.press('F10');
      const discount = page.getByRole('dialog', { name: 'Discount or price' });
      await discount.getByLabel('Discount percent').fill('10');
      await discount.getByLabel('Reason').fill('Short dated');
      await discount.getByLabel('Reason').press('Enter');
      await expect(discount).toBeHidden();
      await expect(till.cartLine(PIECES[2].sku).getByTestId('line-discount')).toBeVisible();
      await attachScreenshot(page, testInfo, `cart-15-lines-${size.width}`);

      await expectInView(page, page.getByTestId('total'));
      await expectInView(page, page.getByRole('button', { name: /^Pay/ }));
      const scroller = page.getByTestId('cart-scroll');
      expect(await scroller.evaluate((node) => node.scrollHeight > node.clientHeight)).toBe(true);

      const rows = await page.getByTestId('cart-line').all();
      const heights: number[] = [];
      for (const row of rows) {
        // The quantity's -, field and + on one row; price and total each one line.
        const tops = await Promise.all([row.getByRole('button', { name: /^One less/ }), row.getByRole('textbox'), row.getByRole('button', { name: /^One more/ })].map(async (part) => (await part.boundingBox())!.y));
        expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(2);
        expect(await lineBoxes(row.getByTestId('line-price'))).toBe(1);
        expect(await lineBoxes(row.getByTestId('line-total'))).toBe(1);
        heights.push((await row.boundingBox())!.height);
      }
      // Every plain line is as high as the others; the discounted one has one more line of text, no more.
      const plain = heights.filter((_, index) => index !== 2);
      expect(Math.max(...plain) - Math.min(...plain)).toBeLessThanOrEqual(1);
      expect(heights[2] - plain[0]).toBeLessThanOrEqual(24);

      // Every button is a touch target of at least 44 x 44 px.
      for (const button of await page.getByRole('button').all()) {
        if (!(await button.isVisible())) continue;
        const box = (await button.boundingBox())!;
        expect(Math.min(box.width, box.height), `${await button.innerText()} is large enough to touch`).toBeGreaterThanOrEqual(44);
      }

      // The header keeps its layout when the till goes offline and sales wait.
      const header = page.locator('header.status-bar');
      const buttons = header.getByRole('button');
      const before = { header: await header.boundingBox(), buttons: await Promise.all((await buttons.all()).map((button) => button.boundingBox())) };
      await server.stop();
      await expect(till.syncState).toHaveText('Offline', { timeout: 30_000 });
      await till.payCash('100');
      await expect(till.waiting).toHaveText(/^1 sale waiting since /);
      await page.keyboard.press('Escape');
      await attachScreenshot(page, testInfo, `header-offline-${size.width}`);
      expect(await header.boundingBox()).toEqual(before.header);
      expect(await Promise.all((await buttons.all()).map((button) => button.boundingBox()))).toEqual(before.buttons);
      await server.start();
      await expect(till.waiting).toHaveText('all sales synced', { timeout: 30_000 });
    });
  });
}

test('a scanner burst during payment changes no field and presses nothing; in the sale screen it adds the product', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'scanner', async ({ page, till }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const [first, second, third] = PIECES;
    await till.scan(first.barcode);
    await page.keyboard.press('F12');
    const payment = till.paymentDialog;
    const cash = payment.getByLabel('Cash received');
    const due = await cash.inputValue();

    // The focus is in Cash received: the code does not become an amount, its Enter completes nothing.
    await scannerBurst(page, [second.barcode]);
    await expect(payment.getByTestId('dialog-said')).toContainText(`Scan ${second.barcode} ignored`);
    await expect(cash).toHaveValue(due);
    await expect(payment).toBeVisible();
    await attachScreenshot(page, testInfo, 'scan-refused-in-payment');

    // The focus on a button of the dialog: the scan's Enter does not press it.
    await payment.getByRole('button', { name: 'Exact' }).focus();
    await cash.fill('50');
    await payment.getByRole('button', { name: 'Exact' }).focus();
    await scannerBurst(page, [second.barcode]);
    await expect(cash).toHaveValue('50');
    await expect(payment).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(payment).toBeHidden();
    await expect(page.getByTestId('last-sale')).toHaveCount(0);
    await expect(page.getByTestId('cart-line')).toHaveCount(1);

    // In the sale screen, with the focus on a line's + button: the product is added, + is not pressed.
    await till.cartLine(first.sku).getByRole('button', { name: /^One more/ }).focus();
    await scannerBurst(page, [second.barcode]);
    await expect(till.cartLine(second.sku)).toHaveCount(1);
    await expect(till.cartLine(first.sku).getByRole('textbox')).toHaveValue('1');

    // With the focus in a line's quantity: the field keeps its quantity, the product is added.
    await till.cartLine(first.sku).getByRole('textbox').focus();
    await scannerBurst(page, [third.barcode]);
    await expect(till.cartLine(third.sku)).toHaveCount(1);
    await expect(till.cartLine(first.sku).getByRole('textbox')).toHaveValue('1');
    await expect(page.getByTestId('cart-line')).toHaveCount(3);
  });
});

test('in the return dialog a scanned receipt is looked up, and without a receipt a scanned product is added', async ({ browser }) => {
  await withPairedTill(browser, 'scan-return', async ({ page, till }) => {
    const [first, second] = PIECES;
    await till.scan(first.barcode);
    const { receiptNumber } = await till.payCash('20');
    await page.keyboard.press('F8');
    const dialog = page.getByTestId('return-dialog');
    // The focus is in the receipt field: the scanned receipt is looked up, not typed after what was there.
    await dialog.getByLabel('Receipt number').fill('S1-T1-');
    await dialog.getByLabel('Receipt number').focus();
    await scannerBurst(page, [receiptNumber]);
    await expect(dialog.getByText(`Sale ${receiptNumber}`)).toBeVisible();
    await expect(dialog.getByLabel(`Returned quantity of ${first.name}`)).toBeVisible();
    // A product's barcode is no receipt: said, and nothing else happens.
    await scannerBurst(page, [second.barcode]);
    await expect(dialog.getByRole('alert').first()).toContainText(`Scan ${second.barcode} is not a receipt`);

    await dialog.getByRole('button', { name: /^No receipt\?/ }).click();
    await scannerBurst(page, [second.barcode]);
    await expect(dialog.getByText(second.name).first()).toBeVisible();
    await expect(page.getByTestId('cart-line')).toHaveCount(0);
  });
});

test('an absurd cash amount asks for a confirmation, amounts beyond the money format are refused, and the change is shown large', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'tender', async ({ server, page, till }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await till.scan(PIECES[0].barcode);
    await page.keyboard.press('F12');
    const payment = till.paymentDialog;
    const cash = payment.getByLabel('Cash received');

    await cash.fill('12.345');
    await cash.press('Enter');
    await expect(payment.getByRole('alert')).toHaveText('Cash received: 12.345 has more than the 2 decimals EUR has.');
    await cash.fill('4006381333931');
    await cash.press('Enter');
    await expect(payment.getByRole('alert')).toContainText('is more than the');
    await expect(payment.getByRole('alert')).toContainText('a drawer may hold');

    // 5000 for a small sale: asked, and Enter answers "no, correct the amount".
    await cash.fill('5000');
    await cash.press('Enter');
    const confirm = payment.getByTestId('payment-confirm');
    await expect(confirm).toContainText('is more than the largest note');
    await attachScreenshot(page, testInfo, 'payment-confirm-absurd-cash');
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(payment).toBeVisible();
    await expect(cash).toBeFocused();

    // Confirmed on purpose: the sale completes and the change is shown large until the next key.
    await cash.press('Enter');
    await confirm.getByRole('button', { name: /^Yes, 5,000\.00 EUR received/ }).click();
    await expect(payment).toBeHidden();
    const changeDue = page.getByTestId('change-due');
    await expect(changeDue.getByTestId('change-due-given')).toHaveText('5,000.00 EUR');
    await attachScreenshot(page, testInfo, 'change-due');
    await page.keyboard.type('a');
    await expect(changeDue).toBeHidden();
    await expect(till.searchBox).toHaveValue('a');

    // The sale happened: the server stores it, and head office is told of the change given.
    await expect(till.waiting).toHaveText('all sales synced');
    const stored = (await server.json<{ sale: Sale }[]>('/api/office/sales?store=store-1')).map((row) => row.sale);
    expect(stored.map((sale) => sale.payments[0].change)).toEqual([expect.stringMatching(/^4999\.\d\d$/)]);
    const exceptions = await server.json<{ kind: string; saleId: string }[]>('/api/office/exceptions?store=store-1');
    expect(exceptions.filter((exception) => exception.kind === 'implausible_change').map((exception) => exception.saleId)).toEqual([stored[0].id]);
  });
});

test('after a card payment the form is back on cash, so a second Enter adds no second card payment', async ({ browser }) => {
  await withPairedTill(browser, 'card-then-cash', async ({ page, till }) => {
    await till.scan(PIECES[0].barcode);
    await till.scan(PIECES[1].barcode);
    await page.keyboard.press('F12');
    const payment = till.paymentDialog;
    await payment.getByRole('radio', { name: 'Card' }).check();
    await payment.getByLabel('Card amount').fill('1.00');
    await payment.getByLabel('Last 4 digits').fill('4242');
    await payment.getByLabel('Last 4 digits').press('Enter');
    await expect(payment.getByTestId('payment-taken')).toHaveCount(1);
    await expect(payment.getByRole('radio', { name: 'Cash' })).toBeChecked();
    await expect(payment.getByLabel('Cash received')).toBeFocused();
  });
});

test('a removed line can be put back for a few seconds; a removal kept is a void on the sale', async ({ browser }) => {
  await withPairedTill(browser, 'undo-remove', async ({ server, page, till }) => {
    const [first, second] = PIECES;
    await till.scan(first.barcode);
    await till.scan(second.barcode);
    await till.cartLine(first.sku).getByRole('button', { name: /^Remove/ }).click();
    await expect(till.cartLine(first.sku)).toHaveCount(0);
    await expect(page.getByTestId('notice')).toContainText(`${first.name} removed`);
    await page.getByTestId('notice-action').click();
    await expect(till.cartLine(first.sku)).toHaveCount(1);
    // Delete on the selected line, kept this time: the sale carries the void.
    await till.selectLine(second.sku);
    await page.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Delete');
    await expect(till.cartLine(second.sku)).toHaveCount(0);
    const { receiptNumber } = await till.payCash('20');
    await expect(till.waiting).toHaveText('all sales synced');
    const sale = (await server.json<{ sale: Sale }[]>('/api/office/sales?store=store-1')).map((row) => row.sale).find((document) => document.receiptNumber === receiptNumber)!;
    expect(sale.lines.map((line) => line.sku)).toEqual([first.sku]);
    expect(sale.voids?.map((entry) => entry.name)).toEqual([second.name]);
  });
});

test('a voided cart records the lines removed from it before, as well as those left in it', async ({ browser }) => {
  await withPairedTill(browser, 'void-cart', async ({ server, page, till }) => {
    const [first, second] = PIECES;
    await till.scan(first.barcode);
    await till.scan(second.barcode);
    await till.cartLine(first.sku).getByRole('button', { name: /^Remove/ }).click();
    await page.keyboard.press('Control+Delete');
    const dialog = page.getByRole('dialog', { name: 'Void the whole cart' });
    await dialog.getByLabel('Reason').press('Enter');
    await expect(dialog.getByRole('alert')).toHaveText('Choose or type a reason.');
    await dialog.getByRole('button', { name: 'Customer changed their mind' }).click();
    await dialog.getByLabel('Reason').press('Enter');
    await expect(dialog).toBeHidden();

    const shifts = await server.json<ShiftSummary[]>('/api/office/shifts?store=store-1');
    const detail = () => server.json<ShiftDetail>(`/api/office/shifts/${shifts[0].shiftId}`);
    await expect.poll(async () => (await detail()).events.filter((event) => event.kind === 'void').length).toBe(1);
    const voided = (await detail()).events.find((event) => event.kind === 'void')!;
    expect(voided.reason).toBe('Customer changed their mind');
    expect(voided.lines!.map((line) => line.productId).sort()).toEqual([first.id, second.id].sort());
  });
});

for (const size of SIZES) {
  test(`at ${size.width}x${size.height} every dialog holds the keyboard, Escape closes it and typing then goes to the search box`, async ({ browser }, testInfo) => {
    test.setTimeout(180_000);
    await withPairedTill(browser, `dialogs-${size.width}`, async ({ page, till }) => {
      await page.setViewportSize(size);
      await attachScreenshot(page, testInfo, `sale-screen-empty-${size.width}`);

      /** Opens a dialog, keeps Tab and Shift+Tab inside it, closes it with Escape; typing goes to the search box. */
      const check = async (name: string | RegExp, open: () => Promise<void>) => {
        await open();
        const dialog = page.getByRole('dialog', { name });
        await expect(dialog).toBeVisible();
        expect(await focusInDialog(page), `${String(name)}: the focus starts inside`).toBe(true);
        await attachScreenshot(page, testInfo, `dialog-${String(name).replace(/\W+/g, '-').toLowerCase()}-${size.width}`);
        await expectInView(page, dialog);
        for (const key of ['Tab', 'Shift+Tab']) {
          for (let press = 0; press < 12; press++) {
            await page.keyboard.press(key);
            expect(await focusInDialog(page), `${String(name)}: ${key} ${press + 1} stays inside`).toBe(true);
          }
        }
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
        await expect(till.searchBox).toBeFocused();
        await expectTypingGoesToSearch(page, till);
      };

      // With an empty cart.
      await check('Parked carts', () => page.keyboard.press('F5'));
      await check('Reprint a receipt', () => page.keyboard.press('F6'));
      await check(/^Return/, () => page.keyboard.press('F8'));
      await check('Sync', () => page.keyboard.press('F9'));
      await check('Customer', () => page.keyboard.press('F11'));
      await check('Shift', () => page.keyboard.press('F3'));

      // With a cart.
      await till.scan(PIECES[0].barcode);
      await expectTypingGoesToSearch(page, till);
      await till.setQuantity(PIECES[0].name, '2');
      await expectTypingGoesToSearch(page, till);
      await check('Discount or price', () => page.keyboard.press('F10'));
      await check('Void the whole cart', () => page.keyboard.press('Control+Delete'));
      await check('Payment', () => page.keyboard.press('F12'));
      await check('Park cart', () => page.keyboard.press('F4'));
      await check('Weight', async () => {
        await till.search(LOOSE.sku);
        await till.result(LOOSE.sku).click();
      });
      await attachScreenshot(page, testInfo, `sale-screen-cart-${size.width}`);

      // A manager's approval over the discount dialog: each Escape closes the dialog on top only.
      await page.keyboard.press('F10');
      const discount = page.getByRole('dialog', { name: 'Discount or price' });
      await discount.getByRole('radio', { name: /new price/i }).check();
      await discount.getByLabel('New unit price').fill('0.50');
      await discount.getByLabel('Reason').fill('Price match');
      await discount.getByLabel('Reason').press('Enter');
      const approval = page.getByRole('dialog', { name: 'Manager approval' });
      await expect(approval).toBeVisible();
      await attachScreenshot(page, testInfo, `dialog-manager-approval-${size.width}`);
      for (const key of ['Tab', 'Shift+Tab']) {
        for (let press = 0; press < 8; press++) {
          await page.keyboard.press(key);
          expect(await approval.evaluate((dialog) => dialog.contains(document.activeElement)), `approval: ${key} stays inside`).toBe(true);
        }
      }
      await page.keyboard.press('Escape');
      await expect(approval).toBeHidden();
      await expect(discount).toBeVisible();
      await expect.poll(() => focusInDialog(page)).toBe(true);
      await page.keyboard.press('Escape');
      await expect(discount).toBeHidden();
      await expect(till.searchBox).toBeFocused();

      // The shift closed, the Open shift dialog cannot be escaped (selling needs a shift): it says so.
      await page.keyboard.press('Control+Delete');
      const voidCart = page.getByRole('dialog', { name: 'Void the whole cart' });
      await voidCart.getByLabel('Reason').fill('Rung up by mistake');
      await voidCart.getByLabel('Reason').press('Enter');
      await expect(voidCart).toBeHidden();
      await page.keyboard.press('F3');
      const shift = page.getByRole('dialog', { name: 'Shift', exact: true });
      await shift.getByRole('button', { name: 'Close shift' }).click();
      // Enter in a count goes to the next note, never closes the shift halfway through the drawer.
      const fifties = shift.getByLabel('Count of 50.00', { exact: true });
      await fifties.fill('1');
      await fifties.press('Enter');
      await expect(shift.getByLabel('Count of 20.00', { exact: true })).toBeFocused();
      await expect(shift.getByTestId('shift-report')).toHaveCount(0);
      await fifties.fill('');
      await shift.getByRole('button', { name: 'Close shift' }).click();
      await expect(shift.getByTestId('shift-report')).toHaveAttribute('data-kind', 'z');
      await page.keyboard.press('Escape');
      const openShift = page.getByRole('dialog', { name: 'Open shift' });
      await expect(openShift).toBeVisible();
      await attachScreenshot(page, testInfo, `dialog-open-shift-${size.width}`);
      for (const key of ['Tab', 'Shift+Tab']) {
        for (let press = 0; press < 12; press++) {
          await page.keyboard.press(key);
          expect(await focusInDialog(page), `open shift: ${key} stays inside`).toBe(true);
        }
      }
      await page.keyboard.press('Escape');
      await expect(openShift).toBeVisible();
      await expect(openShift.getByTestId('dialog-said')).toHaveText('Selling needs an open shift: count the float and open it, or sign out.');
    });
  });
}
