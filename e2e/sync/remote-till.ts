import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../support/processes.js';
import type { TillCommands, TillProcessOptions } from './till-process.js';

type Remote = { [K in keyof TillCommands]: (...args: Parameters<TillCommands[K]>) => Promise<Awaited<ReturnType<TillCommands[K]>>> };

/** A till running in its own process (see till-process.ts), called like a local object. */
export interface RemoteTill extends Remote {
  readonly tillId: string;
  readonly credential: string;
  /** Ends the process without asking (used when a test fails). */
  kill(): void;
}

export async function startRemoteTill(options: TillProcessOptions): Promise<RemoteTill> {
  const child: ChildProcess = fork(path.join(projectRoot, 'e2e', 'sync', 'till-process.ts'), [], {
    cwd: projectRoot,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, KASSA_TILL_PROCESS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`till process ${options.tillId} exited (${code}) before it was ready`));
    child.once('exit', onExit);
    child.on('message', (message: { ready?: boolean; id?: number; result?: unknown; error?: string }) => {
      if (message.ready) {
        child.off('exit', onExit);
        resolve();
        return;
      }
      const waiting = pending.get(message.id!);
      pending.delete(message.id!);
      if (message.error !== undefined) waiting?.reject(new Error(`till ${options.tillId}: ${message.error}`));
      else waiting?.resolve(message.result);
    });
  });
  child.once('exit', (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`till process ${options.tillId} exited (${code})`));
    pending.clear();
  });
  const call =
    (method: keyof TillCommands) =>
    (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        child.send({ id, method, args });
      });
  return {
    tillId: options.tillId,
    credential: options.credential,
    sell: call('sell'),
    returnGoods: call('returnGoods'),
    hasProduct: call('hasProduct'),
    stock: call('stock'),
    openRefusals: call('openRefusals'),
    resend: call('resend'),
    network: call('network'),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await call('close')();
      await exited;
    },
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  } as RemoteTill;
}
