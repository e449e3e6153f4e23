/**
 * A catalogue import reaching a till that is online: the real sync server (its demo store of
 * `--existing` products, default 1,000) and the real till in headless Chromium, paired, signed in,
 * its shift open and its first sync done. Then a CSV of `--products` new products (default 100,000)
 * is imported through head office's import route, and the till is watched from the import's answer
 * until (1) its RxDB products collection in IndexedDB holds every product, and (2) a scan of the
 * file's last barcode finds its product (the till's in-memory catalogue, which a scan reads, polled
 * every 50 ms; then a real scan into the search box puts it in the cart). The till receives the
 * products by its ordinary pulls, woken by the server's event stream (a till already synced takes
 * no snapshot).
 *
 * `npx tsx e2e/bench/catalogue/import-to-till.ts [--products=100000] [--existing=1000]` (build the renderer first)
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { ean13, type CatalogueImportReport } from '../../../shared/src/index.js';
import { TEST_OFFICE_KEY } from '../../../sync-server/src/testing.js';
import { chromiumLaunchOptions } from '../../support/chromium.js';
import { freePort, startTillHost, SyncServerProcess, temporaryFolder } from '../../support/processes.js';
import { TillPage } from '../../support/till-page.js';
import { percentile } from '../ingest/server-ingest.js';
import { catalogueFile } from './import.js';

export interface ImportToTillRun {
  products: number;
  /** Products the till held, and had synced, before the import. */
  existing: number;
  /** The import on the server, from the request to its answer (SQLite). */
  importSeconds: number;
  /** From the import's answer to the till's RxDB products collection holding every product. */
  tillStoredSeconds: number;
  /** From the import's answer to the till's catalogue (what a scan reads) finding the file's last barcode. */
  scanFindsLastSeconds: number;
  /** From the import's answer to a real scan of the last barcode at the till putting it in the cart. */
  scanInCartSeconds: number;
  /**
   * Scans of products the till held before, one every 500 ms while it catches up: from the scanner's
   * Enter to the line in the cart, in ms (how the till sells meanwhile).
   */
  scanWhileCatchingUp: { scans: number; p50Ms: number; p95Ms: number; maxMs: number };
  /**
   * From the import's answer to the till's last product pull answered: the rest of `tillStoredSeconds`
   * is the till storing what it pulled (RxDB's replication fetches the next page while it stores).
   */
  lastPullSeconds: number;
  /** Product pull requests the till made from the import's request to caught up, and the documents they carried. */
  pulls: number;
  pulledDocuments: number;
}

/** How long the till is given to catch up before the bench gives up (the target is 60 s). */
const CATCH_UP_TIMEOUT_MS = 600_000;

interface TillDiagnostics {
  kassaTill: {
    db: { products: { count(): { exec(): Promise<number> } } };
    catalog: { size: number; scan(code: string): { product?: { sku: string } } };
    sync: { awaitInSync(): Promise<void> };
  };
}

/** Waits in the page until the till's products collection holds `count` documents; answers Date.now() then. */
async function productsStored(page: Page, count: number, timeoutMs: number): Promise<number> {
  return page.evaluate(
    async ({ count, timeoutMs }) => {
      const kassa = (window as unknown as TillDiagnostics).kassaTill;
      const started = Date.now();
      for (;;) {
        if ((await kassa.db.products.count().exec()) >= count) return Date.now();
        if (Date.now() - started > timeoutMs) throw new Error(`the till's products collection did not reach ${count} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    { count, timeoutMs },
  );
}

/** Waits in the page until a scan of `barcode` finds the product `sku` in the till's catalogue; answers Date.now() then. */
async function scanFinds(page: Page, barcode: string, sku: string, timeoutMs: number): Promise<number> {
  return page.evaluate(
    async ({ barcode, sku, timeoutMs }) => {
      const kassa = (window as unknown as TillDiagnostics).kassaTill;
      const started = Date.now();
      for (;;) {
        if (kassa.catalog.scan(barcode).product?.sku === sku) return Date.now();
        if (Date.now() - started > timeoutMs) throw new Error(`a scan of ${barcode} did not find ${sku} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    { barcode, sku, timeoutMs },
  );
}

/**
 * Scans products the till already holds, one every `everyMs`, until `window.kassaBenchStop` is set:
 * each from the scanner's Enter to its line in the cart, in ms. The cart is emptied every 20 scans.
 */
async function scanMeanwhile(page: Page, everyMs: number): Promise<number[]> {
  return page.evaluate(async (everyMs) => {
    const kassa = (window as unknown as { kassaTill: { catalog: { product(id: string): { barcodes: string[]; sku: string; unit: string } | undefined } } }).kassaTill;
    const input = document.querySelector<HTMLInputElement>('#product-search')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const clearCart = () => {
      for (const button of document.querySelectorAll<HTMLButtonElement>('.cart-line__remove')) button.click();
    };
    // The demo store's products sold by the piece (the others ask for a weight).
    const products = Array.from({ length: 200 }, (_, index) => kassa.catalog.product(`p-${String(index + 1).padStart(6, '0')}`)).filter(
      (product): product is { barcodes: string[]; sku: string; unit: string } => product?.unit === 'piece',
    );
    const timings: number[] = [];
    for (let index = 0; !(window as unknown as { kassaBenchStop?: boolean }).kassaBenchStop; index++) {
      if (index % 20 === 0) clearCart();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
      const product = products[index % products.length];
      setValue.call(input, product.barcodes[0]);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const start = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      while (!document.querySelector(`[data-testid="cart-line"][data-sku="${product.sku}"]`)) {
        if (performance.now() - start > 30_000) throw new Error(`a scan of ${product.barcodes[0]} did not reach the cart`);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      timings.push(performance.now() - start);
    }
    clearCart();
    return timings;
  }, everyMs);
}

/** Scans a barcode as a keyboard-wedge scanner does (the digits, then Enter) and waits for its line in the cart; answers Date.now() then. */
async function scanIntoCart(page: Page, barcode: string, sku: string): Promise<number> {
  return page.evaluate(
    async ({ barcode, sku }) => {
      const input = document.querySelector<HTMLInputElement>('#product-search')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(input, barcode);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      const started = Date.now();
      while (!document.querySelector(`[data-testid="cart-line"][data-sku="${sku}"]`)) {
        if (Date.now() - started > 10_000) throw new Error(`a scan of ${barcode} did not put ${sku} in the cart`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return Date.now();
    },
    { barcode, sku },
  );
}

export async function runImportToTill(products = 100_000, existing = 1000): Promise<ImportToTillRun> {
  const csv = catalogueFile(products);
  const lastSku = `BENCH-${products}`;
  const lastBarcode = ean13(`27${String(products).padStart(10, '0')}`);
  const server = new SyncServerProcess(temporaryFolder('kassa-bench-import-to-till-'), await freePort(), ['--demo-products', String(existing)]);
  await server.start();
  const host = await startTillHost();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // tsx names functions with an `__name` helper that exists only in Node; the watchers above run in the page.
    await context.addInitScript({ content: 'window.__name = (target) => target;' });
    const page = await context.newPage();
    await page.goto(`${await TillPage.address(host.url, server, 'till-1')}&diagnostics`);
    // Online and synced: signed in, a shift open, every demo product stored and every replication caught up.
    await new TillPage(page).ready();
    await productsStored(page, existing, 120_000);
    await page.evaluate(() => (window as unknown as TillDiagnostics).kassaTill.sync.awaitInSync());

    let pulls = 0;
    let pulledDocuments = 0;
    let lastPullAt = 0;
    let counting = false;
    page.on('response', (response) => {
      if (!counting || !/\/api\/sync\/products\/pull/.test(response.url())) return;
      pulls++;
      lastPullAt = Date.now();
      void response.json().then(
        (body: { documents?: unknown[] }) => (pulledDocuments += body.documents?.length ?? 0),
        () => undefined,
      );
    });

    counting = true;
    const meanwhile = scanMeanwhile(page, 500);
    // Awaited once the till has caught up; a failure before then must not end the process unhandled.
    meanwhile.catch(() => undefined);
    const started = performance.now();
    const response = await fetch(`${server.url}/api/office/products/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ csv, apply: 'valid' }),
    });
    if (!response.ok) throw new Error(`import answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    const report = (await response.json()) as CatalogueImportReport;
    const imported = Date.now();
    const importSeconds = (performance.now() - started) / 1000;
    if (report.added !== products) throw new Error(`the import added ${report.added} of ${products}`);

    const [stored, found] = await Promise.all([
      productsStored(page, existing + products, CATCH_UP_TIMEOUT_MS),
      scanFinds(page, lastBarcode, lastSku, CATCH_UP_TIMEOUT_MS),
    ]);
    await page.evaluate(() => ((window as unknown as { kassaBenchStop: boolean }).kassaBenchStop = true));
    const scans = (await meanwhile).sort((a, b) => a - b);
    const inCart = await scanIntoCart(page, lastBarcode, lastSku);
    counting = false;
    const seconds = (at: number) => Math.round((at - imported) / 100) / 10;
    return {
      products,
      existing,
      importSeconds: Math.round(importSeconds * 100) / 100,
      tillStoredSeconds: seconds(stored),
      scanFindsLastSeconds: seconds(found),
      scanInCartSeconds: seconds(inCart),
      lastPullSeconds: seconds(lastPullAt),
      scanWhileCatchingUp: {
        scans: scans.length,
        p50Ms: Math.round(percentile(scans, 0.5)),
        p95Ms: Math.round(percentile(scans, 0.95)),
        maxMs: Math.round(scans.at(-1) ?? 0),
      },
      pulls,
      pulledDocuments,
    };
  } finally {
    await browser.close();
    await host.close();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const number = (name: string) => {
    const match = process.argv.slice(2).map((argument) => new RegExp(`^--${name}=(\\d+)$`).exec(argument)).find(Boolean);
    return match ? Number(match[1]) : undefined;
  };
  const { scanWhileCatchingUp, ...run } = await runImportToTill(number('products'), number('existing'));
  console.table([run]);
  console.log('scans while catching up:', scanWhileCatchingUp);
}
