import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { serveTill } from '../../scripts/serve-till.js';
import type { OfficeRole } from '../../shared/src/index.js';
import { createOfficeAccount, officeLogin, TEST_OFFICE_KEY, type TestAccount } from '../../sync-server/src/testing.js';

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
    /** More environment for the server process (e.g. KASSA_TEST_CRASH_AFTER_SALES), over this process's own. */
    private readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * The PostgreSQL database the server runs on when the tests run on PostgreSQL
   * (KASSA_TEST_STORAGE=postgres) and the test gave none: made on the first start and kept for the
   * restarts (dropped with the run's other databases). Undefined on SQLite.
   */
  databaseUrl: string | undefined;

  private async ensureDatabase(): Promise<void> {
    if (this.databaseUrl || process.env.KASSA_TEST_STORAGE !== 'postgres' || this.extraArgs.includes('--database')) return;
    const { createTestDatabase } = await import('../../sync-server/src/storage/postgres/test-databases.js');
    const database = await createTestDatabase();
    await database.pool.end();
    this.databaseUrl = database.url;
  }

  /** Everything the server printed so far (stdout and stderr, across its starts). */
  get printed(): string {
    return this.output;
  }

  /** The lines the server printed so far. */
  get lines(): string[] {
    return this.output.split('\n').filter((line) => line.length > 0);
  }

  /** The server's process id (with --processes, the cluster primary's), while one was started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** How the last started process ended, once it has: its exit code, or the signal that ended it. */
  get exit(): { code: number | null; signal: NodeJS.Signals | null } | undefined {
    const child = this.child;
    if (!child || (child.exitCode === null && child.signalCode === null)) return undefined;
    return { code: child.exitCode, signal: child.signalCode };
  }

  /** Starts the server process without waiting for it to answer (start() waits until /health does). */
  spawn(): ChildProcess {
    const database = this.databaseUrl ? ['--database', this.databaseUrl] : [];
    // KASSA_CPU_PROF=<dir> writes a CPU profile of each server process there when it exits (benchmarks).
    const profile = process.env.KASSA_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.KASSA_CPU_PROF}`] : [];
    this.child = spawn(process.execPath, [...profile, '--import', 'tsx', 'sync-server/src/main.ts', '--data', this.dataDir, '--port', String(this.port), '--office-key', TEST_OFFICE_KEY, ...database, ...this.extraArgs], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KASSA_LOG_LEVEL: 'warn', ...this.env },
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    return this.child;
  }

  /** Waits until the process started last has ended, and tells how (a kill after `timeoutMs` fails it). */
  async waitForExit(timeoutMs = 60_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.child;
    if (!child) throw new Error('the sync server was never started');
    if (this.exit) return this.exit;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise((resolve, reject) => {
        child.once('exit', (code, signal) => resolve({ code, signal }));
        timer = setTimeout(() => reject(new Error(`sync server did not exit within ${timeoutMs} ms:\n${this.output}`)), timeoutMs);
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits until the server has printed a line matching `pattern` (from any start) and answers it. */
  async waitForLine(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.find((line) => pattern.test(line));
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`sync server printed no line matching ${pattern} within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async start(): Promise<void> {
    await this.ensureDatabase();
    const child = this.spawn();
    // Seeding a 100,000-product demo store takes a few seconds on first start.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`sync server exited (${child.exitCode ?? child.signalCode}):\n${this.output}`);
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

  /**
   * Adds a head-office account with the office key, as the owner would: by default a name and e-mail
   * of its own, a password, and the demo store (none for an owner). Log in with its e-mail and password.
   */
  async createAccount(role: OfficeRole, storeIds?: string[], fields?: { email?: string; name?: string; password?: string }): Promise<TestAccount> {
    return createOfficeAccount(this.url, role, storeIds, fields);
  }

  /** Logs an account in and answers its session cookie, for a browser context (`context.addCookies`). */
  async sessionCookie(email: string, password: string): Promise<{ name: string; value: string; url: string }> {
    const [name, value] = (await officeLogin(this.url, email, password)).cookie.split('=');
    return { name, value, url: this.url };
  }

  /** The owner's one-time setup link the server printed on start (while no owner account exists). */
  setupLink(): string | undefined {
    return /create the owner account at (\S+)/.exec(this.output)?.[1];
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
