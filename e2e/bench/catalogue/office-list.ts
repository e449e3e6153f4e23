/**
 * The office app's catalogue at chain size: a server with `--products` products (default 100,000),
 * its Catalogue page in Chromium, then (1) each keystroke of a few searches typed into Find, to the
 * filtered list painted, and (2) a product opened to edit, from the click to its form painted.
 *
 * `npx tsx e2e/bench/catalogue/office-list.ts [--products=100000]` (build the renderer first)
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { TEST_OFFICE_KEY } from '../../../sync-server/src/testing.js';
import { chromiumLaunchOptions, UNTHROTTLED_FRAMES } from '../../support/chromium.js';
import { freePort, SyncServerProcess, temporaryFolder } from '../../support/processes.js';
import { percentile } from '../ingest/server-ingest.js';

export interface OfficeListRun {
  products: number;
  /** From the page's address to the list shown, once. */
  openSeconds: number;
  keystrokes: number;
  keystrokeP50Ms: number;
  keystrokeP95Ms: number;
  /** From the Edit click to the product's form painted, over several products. */
  openProductP50Ms: number;
  openProductP95Ms: number;
}

const SEARCHES = ['kassa basics milk', 'nord', 'choc 100', 'p-0099', 'organic yog'];

export async function runOfficeList(products = 100_000): Promise<OfficeListRun> {
  const server = new SyncServerProcess(temporaryFolder('kassa-bench-office-list-'), await freePort(), ['--demo-products', String(products)]);
  await server.start();
  const browser = await chromium.launch(chromiumLaunchOptions(UNTHROTTLED_FRAMES));
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, extraHTTPHeaders: { authorization: `Bearer ${TEST_OFFICE_KEY}` } });
    // tsx names functions with an `__name` helper that exists only in Node; the measuring code below runs in the page.
    await context.addInitScript({ content: 'window.__name = (target) => target;' });
    const page = await context.newPage();
    const opened = Date.now();
    await page.goto(`${server.url}/office/catalogue`);
    await page.locator('#catalogue-count').filter({ hasText: /^\d+ products$/ }).waitFor({ timeout: 120_000 });
    const openSeconds = (Date.now() - opened) / 1000;
    const keystrokes = await page.evaluate(async (searches) => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const count = document.querySelector('#catalogue-count')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const nextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      // The list is filtered for what was typed once the count says so (the filter is deferred; the
      // count and the rows change in one commit). Watched, not polled: a poll by setTimeout, nested,
      // waits 4 ms a turn and would add up to that to each keystroke.
      const shown = (typed: string) =>
        new Promise<void>((resolve, reject) => {
          if (count.getAttribute('data-filter') === typed.trim()) return resolve();
          const timeout = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`the list never showed "${typed}"`));
          }, 10_000);
          const observer = new MutationObserver(() => {
            if (count.getAttribute('data-filter') !== typed.trim()) return;
            observer.disconnect();
            clearTimeout(timeout);
            resolve();
          });
          observer.observe(count, { attributes: true, attributeFilter: ['data-filter'] });
        });
      const timings: number[] = [];
      for (const search of searches) {
        for (let length = 1; length <= search.length; length++) {
          const typed = search.slice(0, length);
          const start = performance.now();
          setValue.call(input, typed);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await shown(typed);
          timings.push((await nextPaint()) - start);
        }
        setValue.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await nextPaint();
      }
      return timings;
    }, SEARCHES);
    // Opening a product, measured in the page: from the Edit button's click to its form painted.
    const openings = await page.evaluate(async () => {
      const nextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      const timings: number[] = [];
      for (let index = 0; index < 10; index++) {
        const edit = [...document.querySelectorAll<HTMLButtonElement>('button[aria-label^="Edit "]')][index];
        const start = performance.now();
        edit.click();
        while (!document.querySelector('dialog[open] .product-form')) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (performance.now() - start > 10_000) throw new Error('the product never opened');
        }
        timings.push((await nextPaint()) - start);
        [...document.querySelectorAll<HTMLButtonElement>('dialog[open] button')].find((button) => button.textContent === 'Close')!.click();
        while (document.querySelector('dialog[open]')) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return timings;
    });
    const sorted = [...keystrokes].sort((a, b) => a - b);
    const sortedOpenings = [...openings].sort((a, b) => a - b);
    const round = (value: number) => Math.round(value * 10) / 10;
    return {
      products,
      openSeconds: round(openSeconds),
      keystrokes: keystrokes.length,
      keystrokeP50Ms: round(percentile(sorted, 0.5)),
      keystrokeP95Ms: round(percentile(sorted, 0.95)),
      openProductP50Ms: round(percentile(sortedOpenings, 0.5)),
      openProductP95Ms: round(percentile(sortedOpenings, 0.95)),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const match = process.argv.slice(2).map((argument) => /^--products=(\d+)$/.exec(argument)).find(Boolean);
  console.table([await runOfficeList(match ? Number(match[1]) : undefined)]);
}
