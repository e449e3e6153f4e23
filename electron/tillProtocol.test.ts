import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentTypeFor,
  isTillUrl,
  resolveTillFile,
  serveTillRequest,
  TILL_CONTENT_SECURITY_POLICY,
} from './tillProtocol.js';

describe('isTillUrl', () => {
  it('accepts the till origin and anything under it', () => {
    expect(isTillUrl('app://till')).toBe(true);
    expect(isTillUrl('app://till/')).toBe(true);
    expect(isTillUrl('app://till/index.html?server=http%3A%2F%2Fx')).toBe(true);
  });

  it('refuses look-alike hosts, ports, schemes and remote pages', () => {
    for (const url of [
      'app://till.example/',
      'app://tillx/',
      'app://till:81/',
      'app://other/index.html',
      'https://till/',
      'file:///app://till/',
      'data:text/html,app://till/',
      '',
    ]) {
      expect(isTillUrl(url), url).toBe(false);
    }
  });
});

describe('resolveTillFile', () => {
  const root = path.resolve('/srv/kassa/dist/renderer');

  it('maps paths under the till host into the renderer folder', () => {
    expect(resolveTillFile(root, 'app://till/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveTillFile(root, 'app://till/assets/index-abc.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveTillFile(root, 'app://till/')).toBe(path.join(root, 'index.html'));
    expect(resolveTillFile(root, 'app://till')).toBe(path.join(root, 'index.html'));
    expect(resolveTillFile(root, 'app://till/a%20b.png')).toBe(path.join(root, 'a b.png'));
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://till/../../etc/passwd',
      'app://till/%2e%2e/%2e%2e/etc/passwd',
      'app://till/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://till/..%5c..%5cwindows%5cwin.ini',
      'app://till/%2e%2e',
      'app://till/index.html%00.png',
      'app://till/%E0%A4%A',
    ]) {
      const resolved = resolveTillFile(root, url);
      expect(resolved === null || resolved.startsWith(root + path.sep), `${url} -> ${resolved}`).toBe(true);
    }
    // The URL parser treats %2e%2e as a dot segment and stops it at the host, as Chromium does.
    expect(resolveTillFile(root, 'app://till/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    // An encoded slash is not a segment for the parser, only after decoding: the folder check catches it.
    expect(resolveTillFile(root, 'app://till/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd')).toBeNull();
    expect(resolveTillFile(root, 'app://till/index.html%00.png')).toBeNull();
    expect(resolveTillFile(root, 'app://till/%E0%A4%A')).toBeNull();
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveTillFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveTillFile(root, 'app://till:8080/index.html')).toBeNull();
    expect(resolveTillFile(root, 'file:///srv/kassa/dist/renderer/index.html')).toBeNull();
    expect(resolveTillFile(root, 'not a url')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types a Vite build emits and falls back to octet-stream', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/assets/INDEX.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/assets/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/blob')).toBe('application/octet-stream');
  });
});

describe('serveTillRequest', () => {
  let workspace: string;
  let root: string;

  beforeAll(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'kassa-till-protocol-'));
    root = path.join(workspace, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Kassa</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(workspace, 'secret.txt'), 'not for the till');
  });

  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  it('serves a file with its type, length and the CSP', async () => {
    const response = await serveTillRequest(root, new Request('app://till/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-length')).toBe('14');
    expect(response.headers.get('content-security-policy')).toBe(TILL_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves index.html for the bare origin, with its query string', async () => {
    const response = await serveTillRequest(root, new Request('app://till/?server=http%3A%2F%2F127.0.0.1%3A8787'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Kassa</title>');
  });

  it('answers HEAD without a body', async () => {
    const response = await serveTillRequest(root, new Request('app://till/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 404 for missing files, folders and anything outside the renderer folder', async () => {
    for (const url of ['app://till/missing.js', 'app://till/assets', 'app://till/%2e%2e/secret.txt']) {
      const response = await serveTillRequest(root, new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('not for the till');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await serveTillRequest(root, new Request('app://till/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});

describe('TILL_CONTENT_SECURITY_POLICY', () => {
  it('keeps scripts to the app itself and lets the till reach any sync server', () => {
    const directives = new Map(
      TILL_CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self' http: https:");
    expect(directives.get('img-src')).toBe("'self' data:");
    expect(directives.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(TILL_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
