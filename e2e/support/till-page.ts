import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { SyncServerProcess } from './processes.js';

/** The till screen as a cashier uses it. */
export class TillPage {
  constructor(readonly page: Page) {}

  /**
   * The address a till is first started with: the server, a fresh one-time pairing code head office
   * made for `tillId`, and the cashier. The till pairs itself with it.
   */
  static async address(tillHost: string, server: SyncServerProcess, tillId: string, cashier = 'Alice'): Promise<string> {
    const query = new URLSearchParams({ server: server.url, pair: await server.pairingCode(tillId), cashier });
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

  async ready(): Promise<void> {
    await expect(this.searchBox).toBeVisible();
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

  /** Pays cash with the amount given and completes the sale; returns the receipt number shown. */
  async payCash(tendered: string): Promise<{ receiptNumber: string; change: string }> {
    await this.page.keyboard.press('F12');
    const dialog = this.page.getByRole('dialog', { name: 'Cash payment' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Cash received').fill(tendered);
    const change = await dialog.getByTestId('change').innerText();
    await dialog.getByRole('button', { name: /complete sale/i }).click();
    await expect(dialog).toBeHidden();
    const receiptNumber = await this.page.getByTestId('last-sale-number').innerText();
    return { receiptNumber, change };
  }
}
