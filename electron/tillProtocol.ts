/**
 * The till's own origin, `app://till`, and how its files are served from dist/renderer.
 *
 * A privileged standard scheme gives the till a stable, secure origin: IndexedDB survives moving
 * the install folder (a file:// origin would not be stable), fetch and CORS behave as on https,
 * and the sync server sees `Origin: app://till`. Node only; nothing here imports Electron, so
 * it is tested in plain Node.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const TILL_SCHEME = 'app';
export const TILL_HOST = 'till';
export const TILL_ORIGIN = `${TILL_SCHEME}://${TILL_HOST}`;

/**
 * Sent on every app:// response, on top of the meta tag in index.html (a page is bound by both).
 * connect-src allows any http(s) host because the sync server's address is a shop setting.
 * The directives after script-src close what default-src leaves open: plugins, <base> rewriting,
 * framing the till, and form posts that would reload it.
 */
export const TILL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self' http: https:",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** True for the till's origin itself or any URL under it (not app://till.example/ nor app://till:1/). */
export function isTillUrl(url: string): boolean {
  return url === TILL_ORIGIN || url.startsWith(`${TILL_ORIGIN}/`);
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rendererRoot` that a till URL names, or null when the URL is not the till's or
 * would leave the folder (`..`, encoded or not, backslashes, NUL bytes).
 */
export function resolveTillFile(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${TILL_SCHEME}:` || url.host !== TILL_HOST) return null;

  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  if (relative === '' || relative === '/') relative = '/index.html';

  const root = path.resolve(rendererRoot);
  const filePath = path.resolve(root, `.${relative}`);
  const inside = path.relative(root, filePath);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return filePath;
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-security-policy': TILL_CONTENT_SECURITY_POLICY,
    },
  });
}

/**
 * Answers one app:// request from the built renderer. Only GET and HEAD; anything outside the
 * folder is 404 as if it did not exist, so the response says nothing about the disk.
 */
export async function serveTillRequest(rendererRoot: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'Method not allowed');
  }
  const filePath = resolveTillFile(rendererRoot, request.url);
  if (filePath === null) return textResponse(404, 'Not found');

  let body: Buffer;
  try {
    body = await readFile(filePath);
  } catch {
    return textResponse(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': contentTypeFor(filePath),
      'content-length': String(body.byteLength),
      'content-security-policy': TILL_CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      // The files change only with an update of the app; revalidating costs nothing locally.
      'cache-control': 'no-cache',
    },
  });
}
