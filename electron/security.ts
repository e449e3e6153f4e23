/**
 * The rules every page and session of the app lives under, from Electron's security checklist:
 * no navigation away from the till, no new windows, no <webview>, and no permissions beyond the
 * till's own short list.
 */
import { app, type Session, type WebContents } from 'electron';
import { isTillUrl } from './tillProtocol.js';

/**
 * What the till itself is granted; everything else, and everyone else, is denied.
 * - persistent-storage: Chromium must never evict the IndexedDB that holds sales the server has
 *   not accepted yet (docs/architecture.md, invariant 7). Electron asks the request handler for
 *   `navigator.storage.persist()` and the check handler for `persisted()`.
 * - local-network-access (Chromium 142+; later split into local-network and loopback-network):
 *   the sync server usually sits on the shop's LAN or on 127.0.0.1, and a page that Chromium
 *   does not count as local (file:// and custom schemes) is refused such requests without it.
 */
const tillPermissions: ReadonlySet<string> = new Set([
  'persistent-storage',
  'local-network-access',
  'local-network',
  'loopback-network',
]);

function isGrantedToTill(permission: string, requestingUrl: string | undefined): boolean {
  return tillPermissions.has(permission) && requestingUrl !== undefined && isTillUrl(requestingUrl);
}

/** Deny every permission request and check, except the till's own short list above. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isGrantedToTill(permission, details.requestingUrl);
    if (!granted) console.warn(`Kassa: denied permission "${permission}" to ${details.requestingUrl}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isGrantedToTill(permission, requestingOrigin),
  );
}

function refuseNavigation(event: { url: string; preventDefault(): void }): void {
  if (isTillUrl(event.url)) return;
  event.preventDefault();
  console.warn(`Kassa: blocked navigation to ${event.url}`);
}

function lockDownWebContents(contents: WebContents): void {
  // will-navigate covers the main frame, will-frame-navigate every frame; a link, a form or a
  // script changing location are all refused unless they stay inside app://till.
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-frame-navigate', refuseNavigation);
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`Kassa: blocked a new window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies the navigation rules to every web contents the app ever creates, now and later. */
export function lockDownAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
}
