import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveOfficeApp } from './app-files.js';

/**
 * The office app as the server hands it out: its page at /office and every path below (the app's
 * own router shows the page asked for), its built assets, and a plain page until it is built.
 */
let folder: string;
let app: FastifyInstance;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-office-app-'));
  app = Fastify();
});
afterEach(async () => {
  await app.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

function build(): void {
  fs.mkdirSync(path.join(folder, 'assets'));
  fs.writeFileSync(path.join(folder, 'office.html'), '<!doctype html><html><head><script type="module" src="./assets/office-1.js"></script></head><body></body></html>');
  fs.writeFileSync(path.join(folder, 'assets', 'office-1.js'), 'console.log("office");');
  fs.writeFileSync(path.join(folder, 'index.html'), 'the till');
}

describe('the office app’s files', () => {
  it('says how to build the app while it is not built', async () => {
    serveOfficeApp(app, folder);
    const answer = await app.inject('/office');
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('npm run build:renderer');
  });

  it('answers the app’s page at /office and below, with a base that keeps its relative assets under /office/', async () => {
    build();
    serveOfficeApp(app, folder);
    for (const address of ['/office', '/office/', '/office/stock?store=store-1', '/office/setup?token=abc']) {
      const answer = await app.inject(address);
      expect(answer.statusCode, address).toBe(200);
      expect(answer.headers['content-type']).toContain('text/html');
      expect(answer.body).toContain('<base href="/office/" />');
      expect(answer.body).toContain('./assets/office-1.js');
    }
    const script = await app.inject('/office/assets/office-1.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.headers['cache-control']).toContain('immutable');
  });

  it('serves nothing from outside the assets, and no asset that is not there', async () => {
    build();
    serveOfficeApp(app, folder);
    for (const address of ['/office/assets/../index.html', '/office/assets/%2e%2e/index.html', '/office/assets/missing.js', '/office/assets/office.html']) {
      const answer = await app.inject(address);
      expect(answer.body, address).not.toBe('the till');
      if (address.includes('missing') || address.endsWith('office.html')) expect(answer.statusCode, address).toBe(404);
    }
  });
});
