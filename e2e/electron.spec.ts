import { _electron as electron, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary } from '../scripts/electron-binary.js';
import { freePort, projectRoot, startTillHost, SyncServerProcess, temporaryFolder } from './support/processes.js';
import { offlineSaleScenario } from './support/scenario.js';
import { TillPage } from './support/till-page.js';

/**
 * The same core-loop scenario with till A in the Electron desktop shell. Runs wherever the Electron
 * binary is installed; elsewhere it is reported as skipped, plainly.
 */
const binary = electronBinary();

test('electron lane: a sale on an offline desktop till reconciles centrally exactly once', async ({ browser }) => {
  if ('reason' in binary) {
    console.log(`skipped: ${binary.reason}`);
    test.skip(true, `skipped: ${binary.reason}`);
    return;
  }
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-electron.ts'], { cwd: projectRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the Electron shell did not build');

  const server = new SyncServerProcess(temporaryFolder('kassa-e2e-electron-'), await freePort());
  await server.start();
  const host = await startTillHost();
  const app = await electron.launch({
    executablePath: binary.path,
    args: [path.join(projectRoot, 'dist', 'electron', 'main.cjs')],
    cwd: projectRoot,
    env: {
      ...process.env,
      KASSA_SERVER_URL: server.url,
      KASSA_PAIRING_CODE: await server.pairingCode('till-1'),
      KASSA_CASHIER: 'Alice',
      KASSA_USER_DATA: temporaryFolder('kassa-electron-profile-'),
    },
  });
  const contextB = await browser.newContext();
  try {
    const tillA = await app.firstWindow();
    const tillB = await contextB.newPage();
    await tillB.goto(await TillPage.address(host.url, server, 'till-2'));
    await offlineSaleScenario({
      server,
      tillA,
      tillB,
      reloadTillA: async () => {
        await tillA.reload();
      },
      officePage: await contextB.newPage(),
    });
  } finally {
    await app.close();
    await contextB.close();
    await host.close();
    await server.stop();
  }
});
