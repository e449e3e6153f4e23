/**
 * The contract between the till UI and the desktop shell: what the Electron preload puts on
 * `window.kassa`. In a plain browser `window.kassa` is undefined and the UI falls back to web APIs.
 *
 * Types only, no imports: the renderer may `import type` this file without pulling in anything
 * from Electron.
 */
export interface KassaBridge {
  /** Which shell the till runs in; a browser build has no bridge at all. */
  readonly platform: 'electron';
  /**
   * Opens the system print dialog for one receipt. `html` is a whole, self-contained document
   * (inline styles, images as data: URLs); scripts in it do not run and it loads nothing from the
   * network. Rejects if the dialog is cancelled or the job fails, with the reason in the message.
   */
  printReceipt(html: string): Promise<void>;
  /** The installed application's version, as in package.json. */
  getAppVersion(): Promise<string>;
  /**
   * The till's device credential (from pairing), kept encrypted with the operating system's key
   * store through Electron's safeStorage, never in the page's own storage. Null when none is kept.
   */
  loadCredential(): Promise<string | null>;
  /** Keeps a new credential, replacing the old; rejects if the OS offers no encryption. */
  saveCredential(credential: string): Promise<void>;
  clearCredential(): Promise<void>;
}

declare global {
  interface Window {
    kassa?: KassaBridge;
  }
}
