import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { SyncServerProcess } from './processes.js';

/** EUR notes and coins in cents, largest first: how a cashier counts an amount into the drawer. */
const EURO_CENTS = [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1];

/** Fills a count-by-denomination table with the fewest notes and coins that make `total`. */
export async function countCash(table: Locator, total: string): Promise<void> {
  let cents = Math.round(Number(total) * 100);
  for (const denomination of EURO_CENTS) {
    const pieces = Math.floor(cents / denomination);
    cents -= pieces * denomination;
    if (pieces > 0) await table.getByLabel(`Count of ${(denomination / 100).toFixed(2)}`, { exact: true }).fill(String(pieces));
  }
}

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

  /** Stock on hand the till shows for a product, found by SKU (in kg for goods sold by weight). */
  async stockOf(sku: string): Promise<number> {
    await this.search(sku);
    const text = await this.result(sku).getByTestId('result-stock').innerText();
    return Number(text.replace(/( kg)? in stock$/, ''));
  }

  /** Checks the stock the search shows: "12 in stock", or "38.766 kg in stock" for goods sold by weight. */
  async expectStock(sku: string, quantity: number, unit: 'piece' | 'kg' = 'piece'): Promise<void> {
    await this.search(sku);
    await expect(this.result(sku).getByTestId('result-stock')).toHaveText(`${quantity}${unit === 'kg' ? ' kg' : ''} in stock`);
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

  /** Selects a cart line as a cashier does, by its name (a click on the row's middle could land on − or +). */
  async selectLine(sku: string): Promise<void> {
    await this.cartLine(sku).locator('.cart-line__name').click();
  }

  async setQuantity(name: string, quantity: string): Promise<void> {
    const input = this.page.getByRole('textbox', { name: `Quantity of ${name}` });
    await input.fill(quantity);
    await input.press('Enter');
  }

  /** The dialog that asks the weight of a product sold by the kg added without one. */
  get weightDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Weight', exact: true });
  }

  /**
   * Adds a product sold by the kg from the search, as a cashier at a counter scale does: the till
   * asks its weight, which is keyed in and confirmed with Enter.
   */
  async addWeighed(sku: string, name: string, kg: string): Promise<void> {
    await this.search(sku);
    await this.result(sku).click();
    await expect(this.weightDialog).toBeVisible();
    const field = this.weightDialog.getByLabel(`Weight of ${name} in kg`);
    await expect(field).toBeFocused();
    await field.fill(kg);
    await field.press('Enter');
    await expect(this.weightDialog).toBeHidden();
  }

  /**
   * Changes a scale label's weight from the cart: Change weight, the new weight and a reason, then a
   * manager's PIN (the demo store's Morgan, 9999, unless told otherwise).
   */
  async changeWeight(name: string, kg: string, reason: string, managerPin = '9999'): Promise<void> {
    await this.page.getByRole('button', { name: `Change weight of ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Change weight' });
    await dialog.getByLabel(`New weight of ${name} in kg`).fill(kg);
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: /^change/i }).click();
    const approval = this.page.getByRole('dialog', { name: 'Manager approval' });
    await approval.getByLabel('Manager PIN').fill(managerPin);
    await approval.getByRole('button', { name: /approve/i }).click();
    await expect(approval).toBeHidden();
    await expect(dialog).toBeHidden();
  }

  /**
   * Parks the cart as a cashier does: F4, a name if one is given, Enter. Resolves once the cart is
   * parked and the counter is clear.
   */
  async park(name?: string): Promise<void> {
    await this.page.keyboard.press('F4');
    const dialog = this.page.getByRole('dialog', { name: 'Park cart' });
    await expect(dialog).toBeVisible();
    const field = dialog.getByLabel('Name (optional)');
    await expect(field).toBeFocused();
    if (name !== undefined) await field.fill(name);
    await field.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(this.page.getByTestId('cart-line')).toHaveCount(0);
  }

  /**
   * Chooses why a returned product came back, in the return dialog: one of Damaged, Faulty, Wrong
   * item, Not wanted, or Other with a few words.
   */
  async chooseReturnReason(dialog: Locator, productName: string, reason: 'Damaged' | 'Faulty' | 'Wrong item' | 'Not wanted' | 'Other', words?: string): Promise<void> {
    await dialog.getByLabel(`Reason for returning ${productName}`, { exact: true }).selectOption(reason);
    if (reason === 'Other') await dialog.getByLabel(`Other reason for returning ${productName}`).fill(words ?? '');
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
