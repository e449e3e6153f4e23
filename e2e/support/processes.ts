import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { serveTill } from '../../scripts/serve-till.js';
import { TEST_OFFICE_KEY } from '../../sync-server/src/testing.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function temporaryFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The real sync server as its own process (so a test can stop and kill it), on 127.0.0.1. */
export class SyncServerProcess {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    readonly dataDir: string,
    readonly port: number,
    /** More command-line options for the server, e.g. ['--demo-products', '100000']. */
    private readonly extraArgs: string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts', '--data', this.dataDir, '--port', String(this.port), '--office-key', TEST_OFFICE_KEY, ...this.extraArgs], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KASSA_LOG_LEVEL: 'warn' },
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    // Seeding a 100,000-product demo store takes a few seconds on first start.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`sync server exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`sync server did not become healthy:\n${this.output}`);
  }

  /** Stops the server (SIGTERM, or SIGKILL for a crash) and waits until its process has gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  /** Head office's API, with the office key the test server runs with. */
  async json<T>(pathAndQuery: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(`${this.url}${pathAndQuery}`, { ...init, headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, ...init.headers } });
    if (!response.ok) throw new Error(`${pathAndQuery} answered ${response.status}`);
    return (await response.json()) as T;
  }

  /** A one-time pairing code for a till, as head office makes it. */
  async pairingCode(tillId: string): Promise<string> {
    return (await this.json<{ code: string }>(`/api/office/tills/${encodeURIComponent(tillId)}/pairing-code`, { method: 'POST' })).code;
  }
}

/** Serves the built till from dist/renderer (run `npm run build:renderer` first). */
export async function startTillHost(): Promise<{ url: string; close(): Promise<void> }> {
  const root = path.join(projectRoot, 'dist', 'renderer');
  if (!fs.existsSync(path.join(root, 'index.html'))) throw new Error('dist/renderer is missing: run npm run build:renderer');
  const port = await freePort();
  const server: Server = await serveTill(root, port);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
