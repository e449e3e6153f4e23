/**
 * `npm start`: builds the till, starts the sync server (SQLite in ./data, seeded with a demo store on
 * first start) and opens the till in Electron, or serves it on 127.0.0.1 for a browser where the
 * Electron binary is not installed. Ctrl-C stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { electronBinary } from './electron-binary.js';
import { serveTill } from './serve-till.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverPort = Number(process.env.KASSA_PORT ?? 8787);
const tillPort = Number(process.env.KASSA_TILL_PORT ?? 5174);
const serverUrl = `http://127.0.0.1:${serverPort}`;
const dataDir = path.resolve(root, process.env.KASSA_DATA ?? 'data');
const children: ChildProcess[] = [];
let tillServer: Server | undefined;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, stdout: 'inherit' | 'pipe' = 'inherit'): ChildProcess {
  const child = spawn(command, args, { cwd: root, stdio: ['inherit', stdout, 'inherit'], env: { ...process.env, ...env } });
  children.push(child);
  return child;
}

function finished(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the sync server did not answer on ${url} within ${timeoutMs / 1000} s`);
}

/** Head office's key (made by the server on first start) and a one-time pairing code for a demo till. */
async function pairingCode(tillId: string): Promise<{ code: string; officeKey: string }> {
  const officeKey = process.env.KASSA_OFFICE_KEY ?? fs.readFileSync(path.join(dataDir, 'office-key'), 'utf8').trim();
  const response = await fetch(`${serverUrl}/api/office/tills/${tillId}/pairing-code`, { method: 'POST', headers: { authorization: `Bearer ${officeKey}` } });
  if (!response.ok) throw new Error(`could not make a pairing code for ${tillId}: the server answered ${response.status}`);
  return { code: ((await response.json()) as { code: string }).code, officeKey };
}

let stopping = false;
async function stop(code = 0): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nstopping the till and the sync server…');
    tillServer?.close();
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? finished(child) : Promise.resolve(0))));
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

async function main(): Promise<void> {
  // Node with tsx's loader directly, so signals reach the server without a wrapper in between.
  const node = (script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}, stdout: 'inherit' | 'pipe' = 'inherit') =>
    run(process.execPath, ['--import', 'tsx', script, ...args], env, stdout);
  console.log('building the till…');
  if ((await finished(run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']))) !== 0) {
    throw new Error('the till did not build');
  }
  // The server's output is passed on as it comes, and its one-time link to create the owner's
  // account (printed while no owner exists) is kept to be shown again below.
  const server = node('sync-server/src/main.ts', ['--data', dataDir, '--port', String(serverPort)], {}, 'pipe');
  let setupLink: string | undefined;
  let recent = '';
  server.stdout?.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (setupLink) return;
    // A line may come in two chunks: the link counts once its line has ended.
    recent = (recent + chunk.toString()).slice(-4096);
    setupLink = /create the owner account at (\S+)\r?\n/.exec(recent)?.[1];
  });
  void finished(server).then((code) => {
    if (!stopping) {
      console.error(`the sync server stopped (exit ${code})`);
      void stop(1);
    }
  });
  await waitForHealth(serverUrl, 30_000);

  const electron = electronBinary();
  if (!('reason' in electron)) {
    if ((await finished(node('scripts/build-electron.ts'))) !== 0) throw new Error('the Electron shell did not build');
    if (setupLink) console.log(`Head office: create the owner account at ${setupLink}`);
    // A till already paired keeps its credential and ignores the code; a first start pairs with it.
    const { code } = await pairingCode('till-1');
    const shell = run(electron.path, ['.'], { KASSA_SERVER_URL: serverUrl, KASSA_PAIRING_CODE: code });
    await finished(shell);
    await stop(0);
    return;
  }
  tillServer = await serveTill(path.join(root, 'dist', 'renderer'), tillPort);
  const first = await pairingCode('till-1');
  const second = await pairingCode('till-2');
  const tillUrl = (code: string) => `http://127.0.0.1:${tillPort}/?${new URLSearchParams({ server: serverUrl, pair: code })}`;
  console.log(`
  ${electron.reason}, so the till runs in a browser instead.
  Open till 1 in Chrome or Chromium:     ${tillUrl(first.code)}
  Till 2 (in another browser profile):   ${tillUrl(second.code)}
  (each address pairs its till once, within 15 minutes; a till already paired ignores the code)
  Head office:                           ${setupLink ? `create the owner account at ${setupLink}` : `${serverUrl}/office (log in with your account)`}
  Office key, for scripts only:          ${first.officeKey}
  Press Ctrl-C to stop.
`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  void stop(1);
});
