import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { SyncServerProcess } from './processes.js';

/** The till screen as a cashier uses it. */
export class TillPage {
  constructor(readonly page: Page) {}

  /**
   * The address a till is first started with: the server and a fresh one-time pairing code head
   * office made for `tillId`. The till pairs itself with it; cashiers then sign in with their PIN.
   */
  static async address(tillHost: string, server: SyncServerProcess, tillId: string): Promise<string> {
    const query = new URLSearchParams({ server: server.url, pair: await server.pairingCode(tillId) });
    return `${tillHost}/?${query}`;
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: /find product/i });
  }

  get syncState(): Locator {
    return this.page.getByTestId('sync-state');
  }

  get waiting(): Locator {
    return this.page.getByTestId('sync-waiting');
  }

  /**
   * Waits until the till can sell: signs in (the demo store's cashier Alex, PIN 1111, unless told
   * otherwise) when it asks who is at it, and opens a shift with a float of 100.00 when none is open.
   */
  async ready(options: { cashier?: string; pin?: string; float?: string } = {}): Promise<void> {
    const signIn = this.page.getByRole('heading', { name: /sign in to till/i });
    const openShift = this.page.getByRole('dialog', { name: 'Open shift' });
    await expect(signIn.or(openShift).or(this.searchBox).first()).toBeVisible({ timeout: 30_000 });
    if (await signIn.isVisible()) await this.signIn(options.cashier, options.pin);
    await expect(openShift.or(this.searchBox).first()).toBeVisible({ timeout: 30_000 });
    // The till reads its shift book before it shows the counter; the dialog follows at once if none is open.
    await this.page.waitForTimeout(0);
    if (await openShift.isVisible()) await this.openShift(options.float ?? '100.00');
    await expect(openShift).toBeHidden();
    await expect(this.searchBox).toBeVisible();
  }

  /** Signs a cashier in with their PIN (the demo store's cashiers: Alex 1111, Sam 2222, Morgan 9999). */
  async signIn(cashier = 'Alex Cashier', pin = '1111'): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^${cashier}`) }).check();
    await this.page.getByLabel('PIN', { exact: true }).fill(pin);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByRole('heading', { name: /sign in to till/i })).toBeHidden();
  }

  /** Opens a shift with the float given as one total. */
  async openShift(float: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Open shift' });
    await dialog.getByLabel('Float', { exact: true }).fill(float);
    await dialog.getByRole('button', { name: 'Open shift' }).click();
    await expect(dialog).toBeHidden();
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  result(sku: string): Locator {
    return this.page.locator(`[data-testid="search-result"][data-sku="${sku}"]`);
  }

  /** Stock on hand the till shows for a product, found by SKU. */
  async stockOf(sku: string): Promise<number> {
    await this.search(sku);
    const text = await this.result(sku).getByTestId('result-stock').innerText();
    return Number(text.replace(/ in stock$/, ''));
  }

  async expectStock(sku: string, quantity: number): Promise<void> {
    await this.search(sku);
    await expect(this.result(sku).getByTestId('result-stock')).toHaveText(`${quantity} in stock`);
  }

  /** Types a barcode into the search box and presses Enter, as a keyboard-wedge scanner does. */
  async scan(barcode: string): Promise<void> {
    await this.searchBox.fill('');
    await this.searchBox.pressSequentially(barcode, { delay: 5 });
    await this.searchBox.press('Enter');
  }

  cartLine(sku: string): Locator {
    return this.page.locator(`[data-testid="cart-line"][data-sku="${sku}"]`);
  }

  async setQuantity(name: string, quantity: string): Promise<void> {
    const input = this.page.getByRole('textbox', { name: `Quantity of ${name}` });
    await input.fill(quantity);
    await input.press('Enter');
  }

  /**
   * The receipt the till last printed in the browser: the hidden frame it printed from, once the
   * browser has begun printing it (headless Chromium prints without a dialog).
   */
  get printedReceipt(): FrameLocator {
    return this.page.frameLocator('iframe[data-testid="receipt-print-frame"][data-printed="true"]');
  }

  async total(): Promise<string> {
    return this.page.getByTestId('total').innerText();
  }

  get paymentDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Payment' });
  }

  /** Pays cash with the amount given and completes the sale; returns the receipt number shown. */
  async payCash(tendered: string): Promise<{ receiptNumber: string; change: string }> {
    await this.page.keyboard.press('F12');
    const dialog = this.paymentDialog;
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Cash received').fill(tendered);
    const change = await dialog.getByTestId('change').innerText();
    await dialog.getByRole('button', { name: /complete sale/i }).click();
    await expect(dialog).toBeHidden();
    const receiptNumber = await this.page.getByTestId('last-sale-number').innerText();
    return { receiptNumber, change };
  }
}
