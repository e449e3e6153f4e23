/**
 * The main-process side of the bridge: one handler per `pos:` channel, each behind a check that
 * the message comes from the till's own top-level page.
 */
import { app, BrowserWindow, ipcMain, safeStorage, session, type Session, type WebFrameMain } from 'electron';
import { type PosChannel, type PosHandlers } from './channels.js';
import { CredentialStore, type CredentialCipher } from './credential-store.js';
import { lockDownSession } from './security.js';
import { receiptDataUrl } from './receipt.js';
import { isTillUrl } from './tillProtocol.js';

/** Arguments arrive from the renderer untyped; every handler validates its own. */
type MainHandlers = {
  [C in PosChannel]: (args: readonly unknown[]) => ReturnType<PosHandlers[C]>;
};

const handlers: MainHandlers = {
  'pos:print-receipt': ([html]) => printReceipt(receiptDataUrl(html)),
  'pos:app-version': async () => app.getVersion(),
  'pos:credential-load': () => credentialStore().load(),
  'pos:credential-save': ([credential]) => credentialStore().save(credential),
  'pos:credential-clear': () => credentialStore().clear(),
};

/** Only the till page itself, not a frame inside it and not a page it was navigated to. */
function isTillSender(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isTillUrl(frame.url);
}

export function registerPosHandlers(): void {
  for (const channel of Object.keys(handlers) as PosChannel[]) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTillSender(event.senderFrame)) {
        console.warn(`Kassa: refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        throw new Error(`${channel} is only available to the till`);
      }
      return handlers[channel](args);
    });
  }
}

/**
 * The operating system's key store through safeStorage: DPAPI on Windows, the Keychain on macOS,
 * the desktop's secret service (libsecret, KWallet) on Linux. Without a secret service, Linux
 * safeStorage still "encrypts", with a password built into Chromium (the `basic_text` backend);
 * that protects nothing, so it counts as unavailable rather than as encryption.
 */
const safeStorageCipher: CredentialCipher = {
  unavailableReason() {
    if (!safeStorage.isEncryptionAvailable()) {
      return 'the operating system offers no encryption (safeStorage is unavailable)';
    }
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return 'no secret service (GNOME Keyring, KWallet) is running, and safeStorage would fall back to a built-in password';
    }
    return undefined;
  },
  encrypt: (plainText) => safeStorage.encryptString(plainText),
  decrypt: (encrypted) => safeStorage.decryptString(encrypted),
};

let credentials: CredentialStore | undefined;

/** Made on first use, once main.ts has settled the profile folder and the app is ready. */
function credentialStore(): CredentialStore {
  credentials ??= new CredentialStore({
    directory: app.getPath('userData'),
    cipher: safeStorageCipher,
    warn: (message) => console.warn(`Kassa: ${message}`),
  });
  return credentials;
}

const receiptPartition = 'kassa-receipt';
let receiptSessionReady = false;

/**
 * Receipts print from their own in-memory session that loads nothing but the data: URL itself,
 * so a receipt cannot reach the network, and grants no permissions.
 */
function receiptSession(): Session {
  const receipts = session.fromPartition(receiptPartition);
  if (!receiptSessionReady) {
    receipts.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !details.url.startsWith('data:') });
    });
    lockDownSession(receipts);
    receiptSessionReady = true;
  }
  return receipts;
}

async function printReceipt(dataUrl: string): Promise<void> {
  const receiptWindow = new BrowserWindow({
    show: false,
    webPreferences: {
      session: receiptSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      // A receipt is a document to print, not a program.
      javascript: false,
      spellcheck: false,
    },
  });
  try {
    await receiptWindow.loadURL(dataUrl);
    await new Promise<void>((resolve, reject) => {
      receiptWindow.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
        if (success) resolve();
        else reject(new Error(`Receipt not printed: ${failureReason}`));
      });
    });
  } finally {
    receiptWindow.destroy();
  }
}
