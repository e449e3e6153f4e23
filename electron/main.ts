/**
 * The Electron main process: one till window showing the built renderer from app://till, the
 * bridge handlers, and the security rules. The business lives in the renderer and shared/.
 *
 * Bundled by scripts/build-electron.ts to dist/electron/main.cjs, next to preload.cjs, with the
 * renderer in dist/renderer; the paths below rely on that layout.
 */
import { app, BrowserWindow, Menu, protocol, session } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { registerPosHandlers } from './ipc.js';
import { lockDownAllWebContents, lockDownSession } from './security.js';
import { readLaunchOptions, resolveTillSettings, tillStartUrl, type LaunchOptions } from './settings.js';
import { serveTillRequest, TILL_SCHEME } from './tillProtocol.js';

const rendererRoot = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

function readSettingsFile(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      console.warn(`Kassa: cannot read ${filePath}: ${(error as Error).message}`);
    }
    return undefined;
  }
}

function createTillWindow(launch: LaunchOptions): BrowserWindow {
  const settingsPath = path.join(app.getPath('userData'), 'settings.json');
  const settings = resolveTillSettings(process.env, readSettingsFile(settingsPath), (message) =>
    console.warn(`Kassa: ${message}`),
  );

  const tillWindow = new BrowserWindow({
    title: 'Kassa',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    kiosk: launch.kiosk,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Electron's spellchecker fetches dictionaries from a CDN; a till needs none.
      spellcheck: false,
      // A cashier must not be one shortcut away from the console of an installed till.
      devTools: !app.isPackaged || process.env.KASSA_DEVTOOLS === '1',
    },
  });
  tillWindow.once('ready-to-show', () => tillWindow.show());
  tillWindow.loadURL(tillStartUrl(settings)).catch((error: unknown) => {
    console.error(`Kassa: the till page failed to load: ${(error as Error).message}`);
  });
  return tillWindow;
}

function start(): void {
  const launch = readLaunchOptions(process.argv, process.env);

  // Before ready and before the single-instance lock, which is taken per profile folder: two
  // test profiles may run side by side, two tills on one profile may not.
  if (launch.userDataDir !== undefined) app.setPath('userData', path.resolve(launch.userDataDir));

  const indexPath = path.join(rendererRoot, 'index.html');
  if (!existsSync(indexPath)) {
    console.error(`Kassa: the till is not built (${indexPath} is missing). Run "npm run build" first.`);
    app.exit(1);
    return;
  }

  // Privileged schemes must be declared before ready. No bypassCSP: the till's CSP stays in force.
  protocol.registerSchemesAsPrivileged([
    {
      scheme: TILL_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
  app.enableSandbox();
  lockDownAllWebContents();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let tillWindow: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (tillWindow === undefined || tillWindow.isDestroyed()) return;
    if (tillWindow.isMinimized()) tillWindow.restore();
    tillWindow.focus();
  });
  // One window is the whole app, on macOS too: closing it ends the shift's session cleanly.
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(() => {
      lockDownSession(session.defaultSession);
      protocol.handle(TILL_SCHEME, (request) => serveTillRequest(rendererRoot, request));
      registerPosHandlers();
      // The default menu offers reload and developer tools; an installed till offers neither.
      if (app.isPackaged && process.platform !== 'darwin') Menu.setApplicationMenu(null);
      tillWindow = createTillWindow(launch);
    })
    .catch((error: unknown) => {
      console.error('Kassa: failed to start', error);
      app.exit(1);
    });
}

start();
