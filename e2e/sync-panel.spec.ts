import { expect, test } from '@playwright/test';
import { centralStock } from './support/scenario.js';
import { withPairedTill } from './support/till-session.js';

/** "4:05:09 AM", "16:05:09": a time of day as the till shows it, in whatever locale it runs. */
const TIME = String.raw`\d{1,2}:\d{2}:\d{2}`;

/**
 * Try now in the sync panel (F9): with the server away the till says at once that it is still
 * offline and when the server last answered; with the server back it says "Trying…", then that it is
 * online, and the sale that waited goes up without the till waiting out its retries (the engine-level
 * timing is proved in e2e/sync/try-now.test.ts).
 */
test('Try now reaches the server at once and says what it found', async ({ browser }) => {
  test.setTimeout(120_000);
  await withPairedTill(browser, 'sync-panel', async ({ server, page, till }) => {
    const product = (await centralStock(server)).products.find((row) => row.sku.endsWith('00011'))!;
    await server.stop();
    await expect(till.syncState).toHaveText('Offline');
    await till.search(product.sku);
    await till.result(product.sku).click();
    await till.payCash('100');

    await page.keyboard.press('F9');
    const panel = page.getByTestId('sync-panel');
    const result = panel.getByTestId('sync-panel-try');
    const tryNow = panel.getByRole('button', { name: 'Try now' });
    await expect(panel.getByTestId('sync-panel-waiting')).toContainText('1 sale');
    await tryNow.click();
    await expect(result).toHaveText(new RegExp(`^Still offline \\(.+\\); the server last answered at ${TIME}.*\\. Sales go on and wait on this till\\.$`), { timeout: 5000 });
    await expect(result).toHaveAttribute('data-online', 'false');

    // Back: the answer is held a moment, so the panel is seen trying, then online.
    await server.start();
    await page.route('**/api/sync/status', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await tryNow.click();
    await expect(result).toHaveText('Trying…');
    await expect(tryNow).toBeDisabled();
    await expect(result).toHaveText(new RegExp(`^Online: the server answered at ${TIME}.*\\.$`), { timeout: 5000 });
    await expect(result).toHaveAttribute('data-online', 'true');
    await expect(panel.getByTestId('sync-panel-state')).toHaveText('Online');
    // The waiting sale goes up at once, not after the till's backoff.
    await expect(panel.getByTestId('sync-panel-waiting')).toHaveText('nothing', { timeout: 5000 });
    await expect.poll(async () => (await centralStock(server)).salesCount).toBe(1);
  });
});
