import { expect, type Locator, type Page } from '@playwright/test';
import { TEST_OFFICE_KEY } from '../../sync-server/src/testing.js';

/** The office app's pages, by their name in its menu. */
export type OfficeSection = 'Dashboard' | 'Sales report' | 'What sells' | 'Margins' | 'Running low' | 'Customer report' | 'Control' | 'Tills' | 'Stock' | 'Sales' | 'Shifts' | 'Cashiers' | 'Customers' | 'Refused documents' | 'Exceptions' | 'Store settings' | 'Tax classes' | 'Stores' | 'Catalogue' | 'Suppliers' | 'Purchase orders' | 'Reorder' | 'Stock value' | 'Transfers' | 'Stock counts' | 'Accounts' | 'Audit log';

/** Each page's heading, where it is not the menu's name. */
const HEADINGS: Partial<Record<OfficeSection, string>> = { Stock: 'Stock on hand', Sales: 'Recent sales' };

/** The head-office app in a browser page: its menu, its pages, and the rows the scenarios read. */
export class OfficePage {
  constructor(
    readonly page: Page,
    readonly serverUrl: string,
  ) {}

  /**
   * The app as a script with the office key sees it (the owner's rights, no login): every request
   * of the page carries the key.
   */
  static async withOfficeKey(page: Page, serverUrl: string, section: OfficeSection = 'Tills'): Promise<OfficePage> {
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${TEST_OFFICE_KEY}` });
    const office = new OfficePage(page, serverUrl);
    await page.goto(`${serverUrl}/office`);
    await office.show(section);
    return office;
  }

  get menu(): Locator {
    return this.page.getByRole('navigation', { name: 'Head office' });
  }

  heading(section: OfficeSection): Locator {
    return this.page.getByRole('heading', { name: HEADINGS[section] ?? section, exact: true, level: 2 });
  }

  /** Opens a page from the menu (unless it is open) and waits for its heading. */
  async show(section: OfficeSection): Promise<void> {
    const link = this.menu.getByRole('link', { name: section, exact: true });
    if ((await link.getAttribute('aria-current')) !== 'page') await link.click();
    await expect(this.heading(section)).toBeVisible();
  }

  /** The live stream's state in the header: "live" once connected. */
  get live(): Locator {
    return this.page.locator('#live');
  }

  async login(email: string, password: string): Promise<void> {
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Log out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  }

  tillRow(tillId: string): Locator {
    return this.page.locator(`tr[data-till="${tillId}"]`);
  }

  /** A till's row on the Tills page. */
  async till(tillId: string): Promise<Locator> {
    await this.show('Tills');
    return this.tillRow(tillId);
  }

  /** Asks for a pairing code for a till and answers it as the page shows it. */
  async pairingCode(tillId: string): Promise<string> {
    await (await this.till(tillId)).getByRole('button', { name: 'Pair a device' }).click();
    return this.page.getByTestId('pairing-code').innerText();
  }

  /** Revokes a till, confirming in the dialog. */
  async revoke(tillId: string): Promise<void> {
    await (await this.till(tillId)).getByRole('button', { name: 'Revoke' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Revoke till/ });
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(dialog).toBeHidden();
  }

  /** A product's row on the Stock page, found through the filter (the table draws only what is in view). */
  async stockRow(sku: string): Promise<Locator> {
    await this.show('Stock');
    await this.page.getByLabel('Filter').fill(sku);
    const row = this.page.locator(`tr[data-sku="${sku}"]`);
    await expect(row).toBeVisible();
    return row;
  }

  /** Records goods received or an adjustment on the Stock page. */
  async recordStock(entry: { kind: 'Goods received' | 'Adjustment'; sku: string; quantity: string; reason?: string; reference?: string }): Promise<void> {
    await this.show('Stock');
    const form = this.page.getByRole('form', { name: 'Receive goods or adjust stock' });
    await form.getByLabel('What').selectOption({ label: entry.kind });
    await form.getByLabel('SKU').fill(entry.sku);
    await form.getByLabel('Quantity').fill(entry.quantity);
    if (entry.reason) await form.getByLabel('Reason').selectOption(entry.reason);
    if (entry.reference) await form.getByLabel('Reference').fill(entry.reference);
    await form.getByRole('button', { name: 'Record' }).click();
  }

  refusalRows(): Locator {
    return this.page.locator('tr[data-refusal]');
  }

  cashierRow(name: string): Locator {
    return this.page.locator('tr[data-cashier-row]').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  customerRow(name: string): Locator {
    return this.page.locator('tr[data-customer]').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** The open dialog of that name. */
  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** What a page's status line says after an action. */
  status(id: string): Locator {
    return this.page.locator(`#${id}`);
  }
}
