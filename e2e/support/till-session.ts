import { expect, type Browser, type Page } from '@playwright/test';
import { freePort, startTillHost, SyncServerProcess, temporaryFolder } from './processes.js';
import { TillPage } from './till-page.js';

export interface TillSession {
  server: SyncServerProcess;
  page: Page;
  till: TillPage;
}

/**
 * A scenario's setting: the sync server (its own process, a demo store of `products` products),
 * the built till served on 127.0.0.1, and till 1 paired in a fresh browser context and online.
 * Everything is stopped afterwards, whatever the scenario did.
 */
export async function withPairedTill(browser: Browser, name: string, scenario: (session: TillSession) => Promise<void>, products = 40): Promise<void> {
  const server = new SyncServerProcess(temporaryFolder(`kassa-e2e-${name}-`), await freePort(), ['--demo-products', String(products)]);
  await server.start();
  const host = await startTillHost();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(await TillPage.address(host.url, server, 'till-1'));
    const till = new TillPage(page);
    await till.ready();
    await expect(till.syncState).toHaveText('Online');
    await scenario({ server, page, till });
  } finally {
    await context.close();
    await host.close();
    await server.stop();
  }
}
