import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import path from 'node:path';
import { projectRoot } from '../support/processes.js';
import { TILL_CONFIG_VARIABLE, type FromTill, type TillProcessConfig, type ToTill } from './messages.js';

const TILL_SCRIPT = path.join(projectRoot, 'e2e', 'load', 'till-process.ts');
/** Enough of a till's output to say why it failed. */
const KEPT_OUTPUT = 20_000;

/** One simulated till (till-process.ts) as a child process, spoken to over Node's IPC channel. */
export class TillProcess {
  private readonly child: ChildProcess;
  private readonly inbox: FromTill[] = [];
  private readonly events = new EventEmitter();
  private output = '';

  constructor(readonly config: TillProcessConfig) {
    // In the environment, not the command line: the config carries the till's credential.
    this.child = spawn(process.execPath, ['--import', 'tsx', TILL_SCRIPT, config.tillId], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, [TILL_CONFIG_VARIABLE]: JSON.stringify(config) },
    });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-KEPT_OUTPUT));
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.child.on('message', (message: FromTill) => {
      this.inbox.push(message);
      this.events.emit('changed');
    });
    this.child.on('exit', () => this.events.emit('changed'));
    // A till that died cannot be written to; `next` reports it with the till's output.
    this.child.on('error', () => this.events.emit('changed'));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  send(message: ToTill): void {
    if (this.child.connected) this.child.send(message);
  }

  /** The till's next report of this type; throws on a failure report, an exit, or after the timeout. */
  async next<Type extends FromTill['type']>(type: Type, timeoutMs: number): Promise<Extract<FromTill, { type: Type }>> {
    const signal = AbortSignal.timeout(timeoutMs);
    for (;;) {
      const failure = this.inbox.find((message) => message.type === 'failed');
      if (failure) throw new Error(`${this.config.tillId} failed: ${failure.message}`);
      const index = this.inbox.findIndex((message) => message.type === type);
      if (index >= 0) return this.inbox.splice(index, 1)[0] as Extract<FromTill, { type: Type }>;
      if (!this.running) throw new Error(`${this.config.tillId} exited (${this.child.exitCode ?? this.child.signalCode}) before "${type}":\n${this.output}`);
      try {
        await once(this.events, 'changed', { signal });
      } catch {
        throw new Error(`${this.config.tillId}: no "${type}" within ${Math.round(timeoutMs / 1000)} s:\n${this.output}`);
      }
    }
  }

  /** Asks the till to close its database and exit; kills it if it has not gone within `graceMs`. */
  async close(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    const exited = once(this.child, 'exit');
    this.send({ type: 'close' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** Ends the till at once (an interrupted run). */
  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }
}
