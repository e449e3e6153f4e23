import { expect, test, type Locator, type Page } from '@playwright/test';
import { ean13 } from '../shared/src/barcode.js';
import type { TillPage } from './support/till-page.js';
import { scannerBurst } from './support/scanner.js';
import { withPairedTill } from './support/till-session.js';

/** The demo catalogue's own EAN of product number `number` sold by the piece (7 and up). */
const pieceBarcode = (number: number) => ean13(`40${String(number).padStart(10, '0')}`);
/** The demo catalogue's own EAN of loose product `number` (1 to 6): no weight on it, the till asks. */
const looseBarcode = (number: number) => ean13(`400${String(900000 + number).padStart(9, '0')}`);

/** Products 7 to 38: 32 lines, more than the cart shows at once at either size. */
const FULL_CART = Array.from({ length: 32 }, (_, index) => index + 7);

/** The page itself does not scroll: the till is laid out to the window, each pane scrolls inside. */
async function expectPageFits(page: Page): Promise<void> {
  const { scrollHeight, scrollWidth, innerHeight, innerWidth, scrollY } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
    scrollY: window.scrollY,
  }));
  expect(scrollHeight).toBeLessThanOrEqual(innerHeight);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  expect(scrollY).toBe(0);
}

/** Wholly inside the window: a cashier reaches it without scrolling anything. */
async function expectInWindow(page: Page, element: Locator): Promise<void> {
  const box = (await element.boundingBox())!;
  const size = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
}

/** Wholly inside the cart's scrolling box: the line the cashier just rang up is in view. */
async function expectInCartView(till: TillPage, line: Locator): Promise<void> {
  await expect(async () => {
    const box = (await line.boundingBox())!;
    const view = (await till.page.getByTestId('cart-scroll').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(view.y - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height + 1);
  }).toPass({ timeout: 5_000 });
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
]) {
  /**
   * At a busy counter, {width}×{height}: 32 lines in the cart (it scrolls, the page does not), then a
   * loose product without a label asks for its weight. The dialog and its Cancel and Add fit the
   * window. A scanner's burst while it is up adds nothing behind it and loses no scan in silence:
   * each code is named as refused, the weight keyed so far stays. Add puts the line in the cart, in
   * view, and the search box takes the next scan; so does Escape, adding nothing.
   */
  test(`the measured-unit dialog over a full cart at ${size.width}×${size.height}: fits, refuses a scanner's burst aloud, gives the keyboard back`, async ({ browser }) => {
    test.setTimeout(150_000);
    await withPairedTill(browser, `dialogs-${size.width}`, async ({ server, page, till }) => {
      await page.setViewportSize(size);
      // A product sold by the metre, added at head office: it reaches the till while the cart fills.
      const cableCode = ean13('400000000091');
      await server.json('/api/office/products', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sku: 'CABLE-3X15', name: 'Cable 3x1.5', barcodes: [cableCode], unit: 'm', price: '1.25', cost: '0.50', taxClass: 'standard' }),
      });

      // A full cart, scanned into the search box as a scanner types.
      await till.searchBox.focus();
      await scannerBurst(page, FULL_CART.map(pieceBarcode));
      const lines = page.getByTestId('cart-line');
      await expect(lines).toHaveCount(FULL_CART.length);
      const cartScroll = page.getByTestId('cart-scroll');
      expect(await cartScroll.evaluate((box) => box.scrollHeight > box.clientHeight)).toBe(true);
      await expectPageFits(page);
      // The last line scanned is the one in view, not the first of the sale.
      await expectInCartView(till, lines.last());
      await expectInWindow(page, page.getByRole('button', { name: /^pay/i }));

      // Bananas by their own EAN: no weight on it, so the till asks.
      await till.scan(looseBarcode(1));
      const dialog = page.getByTestId('weight-dialog');
      await expect(dialog.getByRole('heading')).toHaveText('Weight');
      const weight = dialog.getByLabel('Weight of Bananas (loose) in kg');
      await expect(weight).toBeFocused();
      await expectInWindow(page, dialog);
      await expectInWindow(page, dialog.getByRole('button', { name: /^cancel/i }));
      await expectInWindow(page, dialog.getByRole('button', { name: /^add/i }));
      await expectPageFits(page);
      await page.screenshot({ path: test.info().outputPath(`weight-dialog-full-cart-${size.width}.png`) });

      // The cashier has keyed half the weight when the next customer's goods are scanned.
      await weight.pressSequentially('0.4', { delay: 120 });
      // A person's key and a scanner's first are further apart than a scanner's keys (SCANNER_KEY_GAP_MS).
      await page.waitForTimeout(300);
      // The till is busy drawing when the burst comes: 200 ms in the middle of each code, longer than
      // a scanner's keys are apart. The keys wait their turn, and are still one scan each.
      const busy = await page.evaluateHandle(() => {
        const seen = { keys: 0, draws: 0 };
        const draw = () => {
          seen.keys += 1;
          if (seen.keys % 7 !== 0) return;
          seen.draws += 1;
          const until = performance.now() + 200;
          while (performance.now() < until);
        };
        window.addEventListener('keydown', draw, true);
        return () => {
          window.removeEventListener('keydown', draw, true);
          return seen;
        };
      });
      const burst = [pieceBarcode(39), pieceBarcode(40), looseBarcode(2)];
      await scannerBurst(page, burst);
      // Every character of the three codes reached the page, which was busy five times; their Enters
      // were the scanner's alone (taken before anything else on the page heard them).
      expect(await busy.evaluate((stop) => stop())).toEqual({ keys: 3 * 13, draws: 5 });
      await expect(dialog.getByTestId('dialog-said')).toHaveText(
        `Scans ${burst.join(', ')} ignored: a scan does nothing in this dialog. Finish or close it first.`,
      );
      await expect(lines).toHaveCount(FULL_CART.length);
      await expect(dialog).toBeVisible();
      await expect(weight).toHaveValue('0.4');
      await expect(weight).toBeFocused();
      await expectInWindow(page, dialog.getByRole('button', { name: /^add/i }));
      await page.screenshot({ path: test.info().outputPath(`weight-dialog-scans-refused-${size.width}.png`) });

      // The weight finished and confirmed: one line more, in view, and the search box takes the next scan.
      await page.waitForTimeout(300);
      await weight.pressSequentially('5');
      await weight.press('Enter');
      await expect(dialog).toBeHidden();
      await expect(lines).toHaveCount(FULL_CART.length + 1);
      const bananas = till.cartLine('LOOSE-001');
      await expect(bananas.getByRole('textbox', { name: 'Quantity of Bananas (loose)' })).toHaveValue('0.45');
      await expectInCartView(till, bananas);
      await expect(till.searchBox).toBeFocused();
      await scannerBurst(page, [pieceBarcode(39)]);
      await expect(lines).toHaveCount(FULL_CART.length + 2);
      await expectInCartView(till, lines.last());

      // A burst whose first code asks for a length: the rest are refused by name, not rung up behind it.
      await expect(async () => {
        await till.search('CABLE-3X15');
        await expect(till.result('CABLE-3X15')).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 30_000 });
      await till.search('');
      await scannerBurst(page, [cableCode, pieceBarcode(40)]);
      await expect(dialog.getByRole('heading')).toHaveText('Length');
      await expect(dialog.getByTestId('dialog-said')).toHaveText(`Scan ${pieceBarcode(40)} ignored: a scan does nothing in this dialog. Finish or close it first.`);
      await expect(lines).toHaveCount(FULL_CART.length + 2);
      await expect(dialog.getByLabel('Length of Cable 3x1.5 in m')).toBeFocused();
      await expectInWindow(page, dialog.getByRole('button', { name: /^add/i }));
      await page.screenshot({ path: test.info().outputPath(`length-dialog-scan-refused-${size.width}.png`) });
      // Escape adds nothing, and the keyboard is the search box's again.
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(lines).toHaveCount(FULL_CART.length + 2);
      await expect(till.searchBox).toBeFocused();
      await scannerBurst(page, [pieceBarcode(40)]);
      await expect(lines).toHaveCount(FULL_CART.length + 3);
      await expectPageFits(page);
      await page.screenshot({ path: test.info().outputPath(`full-cart-after-dialogs-${size.width}.png`) });
    });
  });
}
