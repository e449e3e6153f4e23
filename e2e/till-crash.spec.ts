import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { receiptNumber, saleProblems, withoutInternalFields, type Sale } from '../shared/src/index.js';
import { seededRandom } from '../shared/src/seeded-random.js';
import { launchPersistentChromium, type PersistentChromium } from './support/persistent-chromium.js';
import { freePort, startTillHost, SyncServerProcess, temporaryFolder } from './support/processes.js';
import { centralStock } from './support/scenario.js';
import { TillPage } from './support/till-page.js';

/*
 * Fault test 4: the till is closed hard (SIGKILL to Chromium's whole process group) at a random
 * moment while a sale completes, and restarted on the same profile. After every restart the sale is
 * there whole or not at all, numbers stay gapless, and the stock the till shows matches its sales.
 * The server stays down throughout, so nothing can come back from it; at the end it returns and must
 * hold exactly the till's sales, once each.
 *
 * Reproduce a run with KASSA_CRASH_SEED=<seed printed in the log>.
 */

// Seed 1 draws delays across the whole range (0, 59, 17, 43, 60, 29, 24, 9, 4, 46 ms).
const SEED = Number(process.env.KASSA_CRASH_SEED ?? 1);
const ROUNDS = 10;
/** The kill comes 0 to this many ms after the Enter that completes the sale: before, during and after the insert. */
const MAX_KILL_DELAY_MS = 60;
const TILL_ID = 'till-1';
const STORE_ID = 'store-1';

interface Article {
  productId: string;
  sku: string;
  name: string;
  opening: number;
}

interface Attempt {
  round: number;
  delayMs: number;
  quantities: Map<string, number>;
}

interface OfficeSale {
  sale: Sale;
}

/**
 * First start of a till: everything that depends on how a till is set up is here. Head office makes
 * a one-time pairing code; the till is started with it in its address and pairs itself.
 */
async function setUpTill(page: Page, tillHost: string, server: SyncServerProcess): Promise<TillPage> {
  await page.goto(await TillPage.address(tillHost, server, TILL_ID));
  const till = new TillPage(page);
  await till.ready();
  await expect(till.syncState).toHaveText('Online');
  return till;
}

/** Every sale the server holds for the store (through the office API, like central stock). */
async function serverSales(server: SyncServerProcess): Promise<Sale[]> {
  return (await server.json<OfficeSale[]>(`/api/office/sales?store=${STORE_ID}&limit=1000`)).map((entry) => entry.sale);
}

/** Opens an already set-up till with its diagnostics hook (window.kassaTill). */
async function openTill(page: Page, tillHost: string): Promise<TillPage> {
  await page.goto(`${tillHost}/?diagnostics`);
  const till = new TillPage(page);
  await till.ready();
  await page.waitForFunction(() => 'kassaTill' in window);
  return till;
}

/** The sales in the till's own database, by number. */
async function tillSales(page: Page): Promise<Sale[]> {
  const documents = await page.evaluate(async () => {
    const till = (window as unknown as { kassaTill: { db: { sales: { find(): { exec(): Promise<{ toJSON(): unknown }[]> } } } } }).kassaTill;
    return (await till.db.sales.find().exec()).map((document) => document.toJSON());
  });
  return (documents as Record<string, unknown>[]).map((document) => withoutInternalFields(document) as Sale).sort((a, b) => a.number - b.number);
}

function sold(sales: readonly Sale[], productId: string): number {
  let total = 0;
  for (const sale of sales) for (const movement of sale.stockMovements) if (movement.productId === productId) total -= Number(movement.quantity);
  return total;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function launch(profile: string): Promise<{ chromium: PersistentChromium; page: Page }> {
  const chromium = await launchPersistentChromium(profile);
  const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
  return { chromium, page };
}

/**
 * What a restarted till must show: the sales it held before, unchanged, plus the interrupted sale
 * whole or not at all; numbers 1..n without a gap or a repeat; each product's stock shown as opening
 * minus what its sales took; the count of sales waiting. Returns the sales now held.
 */
async function expectWholeOrNothing(till: TillPage, before: Sale[], attempt: Attempt | undefined, articles: Article[]): Promise<{ sales: Sale[]; present: boolean }> {
  const sales = await tillSales(till.page);
  expect(sales.map((sale) => sale.number), 'numbers 1..n: no gap, no duplicate').toEqual(sales.map((_, index) => index + 1));
  expect(new Set(sales.map((sale) => sale.id)).size, 'no id twice').toBe(sales.length);
  expect(sales.slice(0, before.length), 'the sales from before the crash, unchanged').toEqual(before);
  expect(sales.length - before.length, 'at most the interrupted sale is new').toBeLessThanOrEqual(attempt ? 1 : 0);
  for (const sale of sales) expect(saleProblems(sale), `sale ${sale.receiptNumber} is complete and adds up`).toEqual([]);

  const present = sales.length > before.length;
  if (attempt && present) {
    const sale = sales.at(-1)!;
    expect(sale.number, 'the interrupted sale took the next number').toBe(before.length + 1);
    expect(sale.receiptNumber).toBe(receiptNumber('S1', 'T1', sale.number));
    expect(sale.tillId).toBe(TILL_ID);
    const lines = new Map(sale.lines.map((line) => [line.productId, Number(line.quantity)]));
    expect(lines, 'the lines that were in the cart').toEqual(attempt.quantities);
    const movements = new Map(sale.stockMovements.map((movement) => [movement.productId, -Number(movement.quantity)]));
    expect(movements, 'its stock effect: what it sold').toEqual(attempt.quantities);
  }

  // The till's own figures, as the cashier sees them.
  for (const article of articles) await till.expectStock(article.sku, article.opening - sold(sales, article.productId));
  await expect(till.waiting).toHaveText(sales.length === 0 ? 'all sales synced' : new RegExp(`^${sales.length} sales? waiting since `));
  await expect(till.syncState).toHaveText('Offline');
  return { sales, present };
}

/** Fills the cart with `firstQuantity` of the first article and one of the second; opens the payment. */
async function ringUp(till: TillPage, articles: Article[], firstQuantity: number): Promise<Map<string, number>> {
  const quantities = new Map<string, number>();
  for (const [index, article] of articles.entries()) {
    await till.search(article.sku);
    await till.result(article.sku).click();
    await expect(till.cartLine(article.sku)).toBeVisible();
    const quantity = index === 0 ? firstQuantity : 1;
    if (quantity !== 1) {
      await till.setQuantity(article.name, String(quantity));
      await expect(till.cartLine(article.sku).getByRole('textbox')).toHaveValue(String(quantity));
    }
    quantities.set(article.productId, quantity);
  }
  await till.page.keyboard.press('F12');
  const dialog = till.page.getByRole('dialog', { name: 'Payment' });
  // The cash received starts at the total: Enter completes the sale.
  await expect(dialog.getByRole('button', { name: /complete sale/i })).toBeEnabled();
  await expect(dialog.getByLabel('Cash received')).toBeFocused();
  return quantities;
}

test('a till killed while completing a sale keeps the whole sale or none of it, numbered without gaps', async () => {
  // About 40 s on an idle 2-core machine, under 60 s on a heavily loaded one; bounded either way.
  test.setTimeout(120_000);
  const started = Date.now();
  const random = seededRandom(SEED);
  const server = new SyncServerProcess(temporaryFolder('kassa-crash-server-'), await freePort(), ['--demo-products', '40']);
  const profile = temporaryFolder('kassa-crash-profile-');
  await server.start();
  const host = await startTillHost();
  let current: PersistentChromium | undefined;
  try {
    const report = await centralStock(server);
    // Two products with plenty of stock, so no sale takes the till's figure below zero.
    const articles: Article[] = report.products
      .filter((row) => !row.sku.startsWith('LOOSE'))
      .map((row) => ({ productId: row.productId, sku: row.sku, name: row.name, opening: Number(row.quantity) }))
      .sort((a, b) => b.opening - a.opening || a.sku.localeCompare(b.sku))
      .slice(0, 2);

    // Set up the till online, wait until it has the stock levels, then close it normally: Chromium
    // writes local storage, where the till keeps its settings and credential, to disk only every few
    // seconds, and a till killed within them forgets that it was paired. That is a fault of its own,
    // not this test's.
    // From here on the server is down.
    {
      const { chromium, page } = await launch(profile);
      current = chromium;
      const till = await setUpTill(page, host.url, server);
      for (const article of articles) await till.expectStock(article.sku, article.opening);
      await chromium.close();
      current = undefined;
    }
    await server.stop();

    let sales: Sale[] = [];
    let attempt: Attempt | undefined;
    let till: TillPage | undefined;
    const outcomes = { present: 0, absent: 0 };
    for (let round = 1; round <= ROUNDS + 1; round++) {
      const { chromium, page } = await launch(profile);
      current = chromium;
      till = await openTill(page, host.url);
      const checked = await expectWholeOrNothing(till, sales, attempt, articles);
      if (attempt) {
        outcomes[checked.present ? 'present' : 'absent']++;
        console.log(`round ${attempt.round}: killed ${attempt.delayMs} ms after Enter, sale ${checked.present ? `present as number ${checked.sales.at(-1)!.number}` : 'absent'}`);
      }
      sales = checked.sales;
      if (round > ROUNDS) break;

      const firstQuantity = 1 + Math.floor(random() * 3);
      const delayMs = Math.floor(random() * (MAX_KILL_DELAY_MS + 1));
      const quantities = await ringUp(till, articles, firstQuantity);
      attempt = { round, delayMs, quantities };
      // The clock starts as the key is sent, not when Playwright hears back: that answer waits for the
      // renderer, which is by then busy with the insert (see the timeline printed at the end).
      const pressing = page.keyboard.press('Enter').catch(() => undefined);
      await pause(delayMs);
      chromium.kill();
      await pressing;
      await chromium.gone();
      current = undefined;
    }
    console.log(`seed ${SEED}: ${ROUNDS} kills, sale present after ${outcomes.present}, absent after ${outcomes.absent}`);

    // The till is open again after the last kill: its next sale takes the next number. This one the
    // cashier sees completed before the plug is pulled, so it must be there after the restart.
    {
      if (!till || !current) throw new Error('the till did not reopen after the last kill');
      const quantities = await ringUp(till, articles, 1);
      const pressedAt = Date.now();
      await till.page.keyboard.press('Enter');
      await expect(till.page.getByTestId('last-sale-number')).toHaveText(receiptNumber('S1', 'T1', sales.length + 1));
      const [handled, stored] = await till.page.evaluate(() =>
        ['kassa:sale-submitted', 'kassa:sale-stored'].map((name) => performance.timeOrigin + performance.getEntriesByName(name)[0].startTime),
      );
      console.log(`for reference, an uninterrupted sale: Enter handled after ${(handled - pressedAt).toFixed(0)} ms, insert resolved after ${(stored - pressedAt).toFixed(0)} ms`);
      current.kill();
      await current.gone();
      const { chromium, page } = await launch(profile);
      current = chromium;
      till = await openTill(page, host.url);
      const checked = await expectWholeOrNothing(till, sales, { round: ROUNDS + 1, delayMs: -1, quantities }, articles);
      expect(checked.present, 'a sale shown as completed survives a crash').toBe(true);
      sales = checked.sales;
    }

    // The server comes back: it must end with exactly the till's sales, once each.
    await server.start();
    await expect(till.syncState).toHaveText('Online');
    await expect(till.waiting).toHaveText('all sales synced');
    await expect(till.page.getByTestId('sync-refused'), 'the server refused none of them').toHaveCount(0);
    await expect.poll(async () => (await centralStock(server)).salesCount).toBe(sales.length);
    const held = await serverSales(server);
    expect(held.map((sale) => sale.id).sort(), 'the server holds the till’s sales, once each').toEqual(sales.map((sale) => sale.id).sort());
    for (const sale of held) expect(sale, `${sale.receiptNumber} as the till stored it`).toEqual(sales.find((own) => own.id === sale.id));
    const central = await centralStock(server);
    for (const article of articles) {
      const row = central.products.find((entry) => entry.productId === article.productId)!;
      expect(Number(row.quantity), `central stock of ${article.sku}`).toBe(article.opening - sold(sales, article.productId));
      expect(Number(row.sold)).toBe(sold(sales, article.productId));
      // And the till counts its sales once, not again on top of the server's level.
      await till.expectStock(article.sku, article.opening - sold(sales, article.productId));
    }
    console.log(`till crash test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    if (current) await current.close().catch(() => undefined);
    await host.close();
    await server.stop();
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
});
