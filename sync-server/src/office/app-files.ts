import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build:renderer` writes the till and the office app. */
export const BUILT_RENDERER = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kassa head office</title></head>
<body><main><h1>Kassa head office</h1><p>The office app is not built yet. Run <code>npm run build:renderer</code> and reload this page.</p></main></body></html>`;

/**
 * Head office's app, built by Vite beside the till: /office and every path under it answer the app's
 * page (its router shows /office/stock, /office/setup?token=… and the rest), /office/assets/… the
 * files it loads. The build's asset paths are relative, as the till's must be in Electron; a <base>
 * makes them resolve under /office/ from any depth.
 */
export function serveOfficeApp(app: FastifyInstance, folder = BUILT_RENDERER): void {
  const root = path.resolve(folder);
  const assets = path.join(root, 'assets');
  // Read on every request (a small file): a build made while the server runs is served at once.
  const sendPage = async (reply: FastifyReply) => {
    let built: string;
    try {
      built = await fs.readFile(path.join(root, 'office.html'), 'utf8');
    } catch {
      // Not built (the server's own tests run before the build): say how.
      return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(built.replace('<head>', '<head>\n    <base href="/office/" />'));
  };

  app.get('/office', async (_request, reply) => sendPage(reply));
  app.get<{ Params: { '*': string } }>('/office/*', async (request, reply) => {
    const wanted = request.params['*'];
    if (!wanted.startsWith('assets/')) return sendPage(reply);
    const file = path.resolve(root, wanted);
    const type = TYPES[path.extname(file)];
    if (!file.startsWith(assets + path.sep) || !type) return reply.code(404).type('text/plain').send('not found');
    try {
      const body = await fs.readFile(file);
      // Vite names each asset by its content: a new build has new names, so an old one never changes.
      return reply.type(type).header('cache-control', 'public, max-age=31536000, immutable').send(body);
    } catch {
      return reply.code(404).type('text/plain').send('not found');
    }
  });
}
