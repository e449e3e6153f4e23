import { test } from '@playwright/test';
import { freePort, startTillHost, SyncServerProcess, temporaryFolder } from './support/processes.js';
import { offlineSaleScenario } from './support/scenario.js';
import { TillPage } from './support/till-page.js';

test('a sale on an offline till takes stock down at once and reconciles centrally exactly once', async ({ browser }) => {
  const server = new SyncServerProcess(temporaryFolder('kassa-e2e-'), await freePort());
  await server.start();
  const host = await startTillHost();
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const tillA = await contextA.newPage();
    const tillB = await contextB.newPage();
    await tillA.goto(await TillPage.address(host.url, server, 'till-1'));
    await tillB.goto(await TillPage.address(host.url, server, 'till-2'));
    await offlineSaleScenario({
      server,
      tillA,
      tillB,
      reloadTillA: async () => {
        await tillA.reload();
      },
      officePage: await (await browser.newContext()).newPage(),
    });
  } finally {
    await contextA.close();
    await contextB.close();
    await host.close();
    await server.stop();
  }
});
