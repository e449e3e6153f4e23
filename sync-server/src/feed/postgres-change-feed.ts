import crypto from 'node:crypto';
import pg from 'pg';
import type { CollectionName } from '../../../shared/src/index.js';
import { addChanges, COALESCE_MS, ChangeWindow, EVERY_COLLECTION, Subscribers, type ChangeFeed, type ChangeListener, type Changes } from './change-feed.js';

/**
 * The change feed of several server processes on one PostgreSQL: each process LISTENs on one
 * channel over a dedicated connection, and announces its own changes there with NOTIFY, so a till
 * streaming from one process hears of a sale pushed to another.
 *
 * A process's own changes go to its own subscribers at once, as in `MemoryChangeFeed`, and the echo
 * of its own NOTIFY (every notification carries the sending process's `origin`) is ignored. Delivery
 * through the echo alone would be simpler, but it would tie the process's own tills to the listening
 * connection: while that is down they would hear nothing, not even of their own store's sales.
 *
 * Notifications are sent once a window (25 ms), all the window's changes coalesced, in as few
 * NOTIFYs as PostgreSQL's payload limit allows. NOTIFY is transactional: one sent inside a
 * transaction is delivered only when it commits. The feed sends its own on its own connection, so
 * a route must announce a change after the write that made it has committed; otherwise a till could
 * hear of the change, pull, and not find it.
 *
 * If the listening connection drops, the feed reconnects with a growing delay. Nothing said while
 * it was down can be recovered, so once it listens again it tells every local subscriber that
 * everything may have changed (every collection), and each till pulls from its checkpoints. The
 * changes this process made meanwhile are kept (coalesced) and sent once it is back.
 */
export class PostgresChangeFeed implements ChangeFeed {
  /** Identifies this process's notifications, so that it can ignore their echo. */
  readonly origin = crypto.randomUUID();
  private readonly subscribers = new Subscribers();
  /** Changes for this process's subscribers: its own and other processes'. */
  private readonly local: ChangeWindow;
  /** This process's changes for the others. */
  private readonly outgoing: ChangeWindow;
  /** Changes not yet sent to the others because the connection was down; sent after a reconnect. */
  private unsent: Changes = new Map();
  private readonly channel: string;
  private readonly reconnectDelay: { firstMs: number; mostMs: number };
  private readonly onError: (error: Error) => void;
  private client: pg.Client | undefined;
  /** The listening connection's server process, while it is up (for operators and tests). */
  private pid: number | undefined;
  private failedAttempts = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(private readonly options: PostgresChangeFeedOptions) {
    this.channel = options.channel ?? DEFAULT_CHANNEL;
    // The channel is written into LISTEN as an identifier; lower case so that LISTEN and pg_notify agree.
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.channel)) throw new Error(`change feed channel "${this.channel}": use lower-case letters, digits and _`);
    this.reconnectDelay = { firstMs: options.reconnectDelay?.firstMs ?? 100, mostMs: options.reconnectDelay?.mostMs ?? 5_000 };
    this.onError = options.onError ?? ((error) => console.warn(`change feed: ${error.message}`));
    const coalesceMs = options.coalesceMs ?? COALESCE_MS;
    this.local = new ChangeWindow(coalesceMs, (changes) => this.subscribers.deliver(changes));
    this.outgoing = new ChangeWindow(coalesceMs, (changes) => void this.send(changes));
  }

  /** Connects and listens; rejects if the first connection fails (a server should not start so). */
  static async open(options: PostgresChangeFeedOptions): Promise<PostgresChangeFeed> {
    const feed = new PostgresChangeFeed(options);
    await feed.listen();
    return feed;
  }

  /** The server process (pg_backend_pid) of the listening connection, while it is up. */
  get listenerPid(): number | undefined {
    return this.pid;
  }

  subscribe(storeId: string, listener: ChangeListener): () => void {
    return this.subscribers.add(storeId, listener);
  }

  notify(storeId: string | null, collections: readonly CollectionName[]): void {
    if (this.closed || collections.length === 0) return;
    this.local.add(storeId, collections);
    this.outgoing.add(storeId, collections);
  }

  /** Sends what this process changed in the last window, stops listening and closes the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.local.take();
    this.subscribers.clear();
    const last = this.outgoing.take();
    const client = this.client;
    this.client = undefined;
    this.pid = undefined;
    if (!client) return;
    for (const payload of notificationPayloads(this.origin, last)) {
      await client.query('SELECT pg_notify($1, $2)', [this.channel, payload]).catch((error: Error) => this.onError(error));
    }
    await client.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ application_name: 'kassa-change-feed', ...this.options.connection });
    // Without an error listener a dropped connection would crash the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('the listening connection ended')));
    // Heard from the moment LISTEN is in place (a lost connection is ended and hears nothing more).
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.received(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      if (this.closed) throw new Error('the change feed was closed while it connected');
      this.client = client;
      this.pid = rows[0]?.pid;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  private lost(client: pg.Client, error: Error): void {
    if (client !== this.client) return;
    this.client = undefined;
    this.pid = undefined;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.onError(new Error(`lost the listening connection, reconnecting: ${error.message}`));
    this.reconnectLater();
  }

  private reconnectLater(): void {
    // Doubling, with jitter so that processes cut off together do not all come back at once.
    const delay = Math.min(this.reconnectDelay.mostMs, this.reconnectDelay.firstMs * 2 ** this.failedAttempts);
    this.reconnectTimer = setTimeout(() => void this.reconnect(), delay * (0.5 + Math.random() / 2));
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    try {
      await this.listen();
    } catch (error) {
      if (this.closed) return;
      this.failedAttempts += 1;
      this.onError(new Error(`could not listen again: ${(error as Error).message}`));
      this.reconnectLater();
      return;
    }
    this.failedAttempts = 0;
    // Listening again, so nothing from now on is missed; what was said meanwhile is unknown.
    this.local.add(null, EVERY_COLLECTION);
    const unsent = this.unsent;
    this.unsent = new Map();
    if (unsent.size > 0) await this.send(unsent);
  }

  /** Sends this process's changes to the others; while the connection is down, keeps them for later. */
  private async send(changes: Changes): Promise<void> {
    const client = this.client;
    if (!client) {
      for (const [storeId, collections] of changes) addChanges(this.unsent, storeId, collections);
      return;
    }
    try {
      for (const payload of notificationPayloads(this.origin, changes)) await client.query('SELECT pg_notify($1, $2)', [this.channel, payload]);
    } catch (error) {
      // The connection went down under the query: send all of it again after the reconnect (one
      // notification twice costs a till one needless pull; one lost would cost it the change).
      for (const [storeId, collections] of changes) addChanges(this.unsent, storeId, collections);
      this.onError(new Error(`could not announce a change: ${(error as Error).message}`));
    }
  }

  private received(payload: string | undefined): void {
    const notification = parseNotification(payload);
    if (!notification) {
      this.onError(new Error('ignored a notification that is not a change feed message'));
      return;
    }
    if (notification.origin === this.origin) return;
    for (const [storeId, collections] of notification.changes) this.local.add(storeId, collections);
  }
}

export interface PostgresChangeFeedOptions {
  /** The database the server processes share: its URL in `connectionString`, or host, user and so on. */
  connection: pg.ClientConfig;
  /** The channel every process listens on (default `kassa_changes`). */
  channel?: string;
  coalesceMs?: number;
  /** The delay before the first attempt to listen again, doubled after each failure up to `mostMs`. */
  reconnectDelay?: { firstMs: number; mostMs: number };
  /** Told of a lost connection or a failed notification; by default a warning on the console. */
  onError?: (error: Error) => void;
}

export const DEFAULT_CHANNEL = 'kassa_changes';

/**
 * The most bytes one notification's payload may have. PostgreSQL refuses 8000 or more; the margin
 * leaves room for the JSON around the changes.
 */
export const PAYLOAD_LIMIT_BYTES = 7_000;

/** One notification: which process sent it, and the changes by store (null: chain-wide). */
interface ChangeNotification {
  origin: string;
  changes: [string | null, CollectionName[]][];
}

/**
 * The changes as notification payloads (JSON), each under PAYLOAD_LIMIT_BYTES: as many stores in
 * each as fit. A store whose entry alone would not fit (it cannot, with ids of at most 64
 * characters) is sent as "everything changed, chain-wide", which is true if wasteful.
 */
export function notificationPayloads(origin: string, changes: Changes): string[] {
  const payloads: string[] = [];
  let entries: ChangeNotification['changes'] = [];
  const payloadOf = (some: ChangeNotification['changes']) => JSON.stringify({ origin, changes: some } satisfies ChangeNotification);
  const fits = (some: ChangeNotification['changes']) => Buffer.byteLength(payloadOf(some)) <= PAYLOAD_LIMIT_BYTES;
  for (const [storeId, collections] of changes) {
    if (collections.size === 0) continue;
    let entry: [string | null, CollectionName[]] = [storeId, [...collections]];
    if (!fits([entry])) entry = [null, [...EVERY_COLLECTION]];
    if (!fits([...entries, entry])) {
      payloads.push(payloadOf(entries));
      entries = [];
    }
    entries.push(entry);
  }
  if (entries.length > 0) payloads.push(payloadOf(entries));
  return payloads;
}

const KNOWN_COLLECTIONS = new Set<string>(EVERY_COLLECTION);

function isCollection(value: unknown): value is CollectionName {
  return typeof value === 'string' && KNOWN_COLLECTIONS.has(value);
}

/**
 * A notification read back, or undefined if it is not one of ours. Anyone who may connect to the
 * database may NOTIFY on the channel; collection names the server does not know are dropped.
 */
export function parseNotification(payload: string | undefined): ChangeNotification | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload ?? '');
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { origin, changes } = value as Record<string, unknown>;
  if (typeof origin !== 'string' || !Array.isArray(changes)) return undefined;
  const parsed: ChangeNotification['changes'] = [];
  for (const entry of changes as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return undefined;
    const [storeId, collections] = entry as unknown[];
    if ((storeId !== null && typeof storeId !== 'string') || !Array.isArray(collections)) return undefined;
    parsed.push([storeId, collections.filter(isCollection)]);
  }
  return { origin, changes: parsed };
}
