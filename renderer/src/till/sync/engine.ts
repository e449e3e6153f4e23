import { setCheckpoint } from 'rxdb';
import { BehaviorSubject, filter, firstValueFrom, Subject } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import {
  DOWNSTREAM_COLLECTIONS,
  CLOCK_HEADER,
  PROTOCOL_HEADER,
  SNAPSHOT_COLLECTIONS,
  PROTOCOL_VERSION,
  credentialHeader,
  syncPaths,
  WAITING_HEADER,
  type Checkpoint,
  type Customer,
  type DownstreamCollection,
  type TwoWayCollection,
  type PullResponse,
  type PushRefusal,
  type Sale,
  type ShiftEvent,
  type PushResponse,
  type SnapshotCollection,
  type SnapshotResponse,
  type SyncErrorBody,
} from '../../../../shared/src/index.js';
import type { TillDatabase } from '../data/database.js';
import { StreamRefusal, type OpenEventStream } from './event-stream.js';

export interface SyncOptions {
  db: TillDatabase;
  /** e.g. "http://127.0.0.1:8787" */
  serverUrl: string;
  tillId: string;
  /** The device credential this till got when it was paired. */
  credential: string;
  openEventStream: OpenEventStream;
  fetch?: typeof fetch;
  /** How long a failed pull or push waits before it is tried again; doubled after each failure in a row. */
  retryMs?: number;
  /** The longest wait between tries while the server stays away (default 30 s). */
  maxRetryMs?: number;
  /** A request that has not been answered in this long is given up and tried again (default 60 s). */
  requestTimeoutMs?: number;
  pullBatchSize?: number;
  pushBatchSize?: number;
  /** Names this till's replication checkpoints; a new name starts them over (used to prove re-pushes are harmless). */
  replicationName?: string;
  /**
   * Whether a till with no catalogue yet takes it in one snapshot from the server (default true)
   * rather than document by document; see `bootstrap`.
   */
  snapshot?: boolean;
  /** Documents per bulk write when a snapshot is stored (default 5,000). */
  snapshotBatchSize?: number;
  /**
   * Hears a new till's snapshot as soon as it has arrived, before it is stored: the till's in-memory
   * views can sell from it at once (the same documents reach them again from the database later).
   */
  onSnapshot?: (collections: Partial<SnapshotResponse['collections']>) => void;
  /**
   * While this answers true (a payment is being taken), pulls the server asks for wait: the cashier's
   * own write goes first and the levels arrive a moment later. Nothing is skipped, only deferred.
   */
  isBusy?: () => boolean;
  /** How many of this till's documents wait to be sent; reported to head office with each request. */
  waiting?: () => number;
}

/** Collections the till pulls: master data and projections, and customers (which it pushes too). */
type PulledCollection = DownstreamCollection | TwoWayCollection;

export interface SyncStatus {
  /** The server answered the last request, or the live stream is open. */
  online: boolean;
  /** When the server last answered, by this device's clock (display only). */
  lastContactAt: string | null;
  /** The last failure, in words a person can act on. */
  lastError: string | null;
  /**
   * Set when the server refuses this till's credential (revoked by head office, or unknown): the
   * till keeps selling and keeps its sales, but nothing syncs until it is paired again.
   */
  accessRefused: string | null;
  /**
   * Set while the server refuses this till's pushes because it keeps as many of the till's refused
   * documents as it may: the documents wait on the till until head office has looked at them.
   */
  sendingHeld: string | null;
}

/** A failure answered by the server (4xx/5xx), as opposed to a network that is not there. */
export class ServerRefusal extends Error {
  override name = 'ServerRefusal';
  constructor(
    readonly status: number,
    readonly body: SyncErrorBody | undefined,
    /** How long the server asked the till to wait before trying again (429). */
    readonly retryAfterMs = 0,
  ) {
    super(body ? `${body.message}${body.details ? `: ${body.details.flatMap((detail) => detail.problems).join('; ')}` : ''}` : `server answered ${status}`);
  }
}

/**
 * Keeps a till's database in step with the sync server using RxDB's replication: master data and
 * stock levels are pulled (live, woken by the server's event stream), sales and shift events are pushed. Checkpoints
 * are the server's change sequence; nothing here reads the device clock except for display.
 */
export class SyncEngine {
  readonly status$ = new BehaviorSubject<SyncStatus>({ online: false, lastContactAt: null, lastError: null, accessRefused: null, sendingHeld: null });
  readonly replications: RxReplicationState<unknown, unknown>[] = [];
  private readonly pullTriggers = new Map<PulledCollection, Subject<'RESYNC'>>();
  private closeStream: (() => void) | undefined;
  private readonly deferredPulls = new Set<PulledCollection>();
  private deferTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: SyncOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  private url(path: string): URL {
    return new URL(path, this.options.serverUrl);
  }

  private update(change: Partial<SyncStatus>): void {
    const next = { ...this.status$.value, ...change };
    const current = this.status$.value;
    if (
      next.online !== current.online ||
      next.lastContactAt !== current.lastContactAt ||
      next.lastError !== current.lastError ||
      next.accessRefused !== current.accessRefused ||
      next.sendingHeld !== current.sendingHeld
    ) {
      this.status$.next(next);
    }
  }

  private contact(): void {
    // A sync burst answers many requests a second; the status only needs to move once a second.
    const last = this.status$.value.lastContactAt;
    const now = Date.now();
    const lastContactAt = last && this.status$.value.online && now - Date.parse(last) < 1000 ? last : new Date(now).toISOString();
    this.update({ online: true, lastContactAt, lastError: null, accessRefused: null });
  }

  private waitingNow(): number | undefined {
    return this.options.waiting ? Math.max(0, Math.floor(this.options.waiting())) : undefined;
  }

  /**
   * Head office sees how many documents wait on each till as the till last said. Every request says
   * it; when the count has changed since (the push's answer brought it down), one small report follows.
   */
  private scheduleWaitingReport(): void {
    if (!this.options.waiting || this.reportTimer || this.stopped) return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = undefined;
      if (this.stopped || this.waitingNow() === this.reportedWaiting) return;
      this.request(this.url(syncPaths.status), { method: 'POST', body: '{}' }).catch(() => undefined);
    }, 1000);
  }

  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private reportedWaiting: number | undefined;
  private stopped = false;

  /** Failed requests in a row (network errors and timeouts), for the backoff. */
  private failures = 0;
  /** Not before this time (performance.now() ms): the server asked the till to slow down (429 retry-after). */
  private notBefore = 0;
  /**
   * Per collection, pushes wait until then: the server keeps as many of this till's refused documents
   * as it may and refuses a push that would add one (429 too_many_refusals). Pulls go on meanwhile.
   */
  private readonly pushesNotBefore = new Map<'sales' | 'shiftEvents' | 'customers', number>();
  /** Why each held collection's push is held (see SyncStatus.sendingHeld). */
  private readonly pushesHeld = new Map<'sales' | 'shiftEvents' | 'customers', string>();

  private holdPushes(collection: 'sales' | 'shiftEvents' | 'customers', reason: string | null): void {
    if (reason === null) this.pushesHeld.delete(collection);
    else this.pushesHeld.set(collection, reason);
    this.update({ sendingHeld: [...this.pushesHeld.values()][0] ?? null });
  }
  private readonly sleepers = new Set<() => void>();

  /**
   * Waits before a retry: RxDB tries again after `retryMs`; while the server stays away each further
   * try waits twice as long (with jitter, up to `maxRetryMs`), so a shop full of tills does not
   * hammer a server that is coming back. The server's event stream opening again ends every wait.
   */
  private async backOff(): Promise<void> {
    const base = this.options.retryMs ?? 2000;
    const exponential = this.failures > 1 ? Math.min(this.options.maxRetryMs ?? 30_000, base * 2 ** Math.min(this.failures - 1, 16)) - base : 0;
    // performance.now(), not the device clock: a clock set back must not stall the till.
    await this.sleep(Math.max(exponential * (0.75 + Math.random() * 0.25), this.notBefore - performance.now()));
  }

  /** Waits `wait` ms, or until the server is back or the engine stops. */
  private async sleep(wait: number): Promise<void> {
    if (wait <= 0 || this.stopped) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, wait);
      this.sleepers.add(wake);
    });
  }

  /** The server is back (its stream opened): every waiting retry goes now. */
  private wakeRetries(): void {
    this.failures = 0;
    this.notBefore = 0;
    for (const wake of [...this.sleepers]) wake();
  }

  /** One request to the server with the till's headers; records whether the server was reachable. */
  private async request<T>(url: URL, init: RequestInit = {}): Promise<T> {
    let response: Response;
    await this.backOff();
    const waiting = this.waitingNow();
    try {
      response = await this.fetchImpl(url, {
        ...init,
        // A connection that goes silent without closing must not hold this collection up for minutes.
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 60_000),
        headers: {
          ...credentialHeader(this.options.credential),
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          // The till's clock as it sends: the server tells when a sale was made by its own clock from it.
          [CLOCK_HEADER]: new Date().toISOString(),
          ...(waiting === undefined ? {} : { [WAITING_HEADER]: String(waiting) }),
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      });
    } catch (error) {
      this.failures++;
      this.update({ online: false, lastError: (error as Error).name === 'TimeoutError' ? 'the server did not answer in time' : 'server not reachable' });
      throw error;
    }
    // A server that answers but fails (5xx) is backed off like one that does not answer.
    this.failures = response.status >= 500 ? this.failures + 1 : 0;
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as SyncErrorBody | undefined;
      const refusal = new ServerRefusal(response.status, body, Number(response.headers.get('retry-after') ?? 1) * 1000);
      // Too many requests, or a server whose database is out of reach, slows every request; too many
      // refused documents only that push (see pushTo).
      if ((response.status === 429 && body?.error !== 'too_many_refusals') || response.status === 503) this.notBefore = performance.now() + refusal.retryAfterMs;
      // The server answered, so the till is online even though it refused this request.
      const accessRefused = response.status === 401 ? refusal.message : null;
      this.update({ online: true, lastContactAt: new Date().toISOString(), lastError: refusal.message, accessRefused });
      throw refusal;
    }
    const result = (await response.json()) as T;
    this.contact();
    this.reportedWaiting = waiting;
    this.scheduleWaitingReport();
    return result;
  }

  /** Asks the collections to pull now, or as soon as the till is no longer busy. */
  private requestPull(collections: Iterable<PulledCollection>): void {
    for (const collection of collections) this.deferredPulls.add(collection);
    if (this.deferTimer) return;
    const flush = () => {
      this.deferTimer = undefined;
      if (this.options.isBusy?.()) {
        this.deferTimer = setTimeout(flush, 50);
        return;
      }
      const due = [...this.deferredPulls];
      this.deferredPulls.clear();
      for (const collection of due) this.pullTriggers.get(collection)?.next('RESYNC');
    };
    flush();
  }

  /**
   * How documents made at the till go up: in batches to the collection's push endpoint, answered with
   * the server's version of any that conflicted. A till back online after a day offline sends its
   * backlog in a few large, atomic pushes.
   */
  private pushTo(collection: 'sales' | 'shiftEvents' | 'customers') {
    return {
      batchSize: this.options.pushBatchSize ?? 500,
      handler: async (rows: unknown[]) => {
        await this.sleep((this.pushesNotBefore.get(collection) ?? 0) - performance.now());
        try {
          const answer = await this.request<PushResponse<never>>(this.url(syncPaths.push(collection)), { method: 'POST', body: JSON.stringify(rows) });
          if (this.pushesHeld.has(collection)) this.holdPushes(collection, null);
          return answer.conflicts;
        } catch (error) {
          // Nothing changes until head office has looked at this till's refused documents: the push
          // waits as the server asks (the documents stay on the till, the status says why).
          if (error instanceof ServerRefusal && error.body?.error === 'too_many_refusals') {
            this.pushesNotBefore.set(collection, performance.now() + error.retryAfterMs);
            this.holdPushes(collection, error.message);
          }
          throw error;
        }
      },
    };
  }

  /** A replication the engine waits on, stops and reports as active. */
  private keep<Document, Checkpoint>(state: RxReplicationState<Document, Checkpoint>): void {
    this.replications.push(state as unknown as RxReplicationState<unknown, unknown>);
    this.watchActivity(state as unknown as RxReplicationState<unknown, unknown>);
  }

  /** Set once `start` has begun; resolves when every replication has been set up (after any snapshot). */
  private started: Promise<void> | undefined;
  /** How the last start went: whether a snapshot was taken and how long storing it took (diagnostics, benchmarks). */
  bootstrapResult: { documents: number; ms: number; checkpoint: Checkpoint } | { skipped: string } | undefined;

  start(): void {
    const { db } = this.options;
    const retryTime = this.options.retryMs ?? 2000;
    const identifier = (collection: string) => `${this.options.replicationName ?? 'kassa'}-${collection}-${this.options.serverUrl}`;

    // A database opened with only some collections (see STOCK_COLLECTIONS) replicates just those.
    const pulled = DOWNSTREAM_COLLECTIONS.filter((name) => db.collections[name]);
    /**
     * Starts pulling a collection. With `resumeAt`, its pulls wait until the promise settles and a
     * pull without a checkpoint of its own asks from the checkpoint it answers (see bootstrap).
     */
    const startPull = (collection: (typeof pulled)[number], resumeAt?: Promise<Checkpoint | undefined>) => {
      const trigger = new Subject<'RESYNC'>();
      this.pullTriggers.set(collection, trigger);
      const state = replicateRxCollection<unknown, Checkpoint>({
        collection: db[collection] as never,
        replicationIdentifier: identifier(collection),
        live: true,
        retryTime,
        waitForLeadership: false,
        pull: {
          batchSize: this.options.pullBatchSize ?? 1000,
          stream$: trigger.asObservable(),
          handler: async (checkpoint, batchSize) => {
            const from = checkpoint ?? (await resumeAt);
            if (this.stopped) return { documents: [], checkpoint: from };
            return this.pullPage(collection, from, batchSize);
          },
        },
      });
      this.keep(state);
      return state;
    };
    // The collections a snapshot may fill start once it has been fetched (or was not taken); the rest at once.
    const snapshotted = this.options.snapshot === false ? [] : SNAPSHOT_COLLECTIONS.filter((name) => db.collections[name]);
    for (const collection of pulled.filter((name) => !(snapshotted as string[]).includes(name))) startPull(collection);
    this.started = this.bootstrap(snapshotted, startPull);

    const sales = replicateRxCollection({
      collection: db.sales,
      replicationIdentifier: identifier('sales'),
      live: true,
      retryTime,
      waitForLeadership: false,
      push: this.pushTo('sales'),
    });
    this.keep(sales);

    // Shift events go up the same way, on their own replication: a refused one never holds back a
    // sale, nor a sale a shift event. (Test tills that open only the stock collections have none.)
    if (db.collections.shiftEvents) {
      const shiftEvents = replicateRxCollection({
        collection: db.shiftEvents,
        replicationIdentifier: identifier('shiftEvents'),
        live: true,
        retryTime,
        waitForLeadership: false,
        push: this.pushTo('shiftEvents'),
      });
      this.keep(shiftEvents);
    }

    // Customers go both ways: pulled like master data (each merged version the server writes has a
    // new sequence, announced on the stream), pushed as the till records and changes them. The
    // server answers a push with its merged customer wherever it differs from what was sent, and the
    // collection's conflict handler (customers.ts) makes that the till's own.
    if (db.collections.customers) {
      const trigger = new Subject<'RESYNC'>();
      this.pullTriggers.set('customers', trigger);
      const customers = replicateRxCollection<Customer, Checkpoint>({
        collection: db.customers,
        replicationIdentifier: identifier('customers'),
        live: true,
        retryTime,
        waitForLeadership: false,
        pull: {
          batchSize: this.options.pullBatchSize ?? 1000,
          stream$: trigger.asObservable(),
          handler: (checkpoint, batchSize) => this.pullPage<Customer>('customers', checkpoint, batchSize),
        },
        push: this.pushTo('customers'),
      });
      this.keep(customers);
    }

    this.openStream();
    this.followNetwork();
  }

  /** Stops following the machine's network (see followNetwork). */
  private unfollowNetwork: (() => void) | undefined;

  /**
   * The machine's own word on its network: when it says it lost it (a cable pulled, Wi-Fi gone), the
   * till shows itself offline at once and drops its event stream, rather than waiting for a request
   * to fail (a stream that was open may sit silent); when it says it has it back, the till tries at
   * once. Being on a network says nothing of the server, so only a request or the stream says online.
   */
  private followNetwork(): void {
    const target = globalThis as unknown as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
    if (typeof target.addEventListener !== 'function' || typeof target.removeEventListener !== 'function') return;
    const lost = () => {
      if (this.stopped) return;
      this.update({ online: false, lastError: 'this machine has no network' });
      // Reopened at once: it keeps trying, as it does after any drop, until the network is back.
      this.openStream();
    };
    const back = () => {
      if (!this.stopped) void this.tryNow().catch(() => undefined);
    };
    target.addEventListener('offline', lost);
    target.addEventListener('online', back);
    this.unfollowNetwork = () => {
      target.removeEventListener?.('offline', lost);
      target.removeEventListener?.('online', back);
    };
  }

  /**
   * A new till's first sync in one request, for the collections that grow with the catalogue. For
   * each of them that holds nothing yet, the server's snapshot (SnapshotResponse) is stored in large
   * bulk writes and the collection's replication resumes from the snapshot's checkpoint instead of
   * from the beginning; the others start as usual.
   *
   * How the replication resumes there (RxDB's replicateRxCollection):
   * - The replication starts first, with its pulls held until the snapshot is stored; a pull without
   *   a checkpoint of its own then asks from the snapshot's.
   * - The documents are written through the collection's storage with the replication's own
   *   "written by the downstream" context, so RxDB's upstream does not read every one of them back
   *   looking for local changes to push (these collections push nothing).
   * - Only once every document is stored is the snapshot's checkpoint written as the replication's
   *   downstream checkpoint (RxDB's setCheckpoint), so a restart resumes from it too. A till closed
   *   before that has documents and no checkpoint: the collection is not empty at the next start, so
   *   it replicates from the beginning over what is there, which is slower but always correct.
   * - A document changed after the checkpoint is pulled again and written over the snapshot's copy:
   *   these collections are pull-only, for which RxDB keeps no per-document replication state
   *   (skipStoringPullMeta) and overwrites a local document by id, never adds a second. Nothing
   *   committed up to the checkpoint is missing: the server read the checkpoint before listing the
   *   documents (sync-server/src/bootstrap/snapshot.ts).
   * Should the server offer no snapshot (an older one) or the network fail, every collection
   * replicates document by document from the beginning, as before.
   */
  private async bootstrap(
    collections: readonly SnapshotCollection[],
    startPull: (collection: SnapshotCollection, resumeAt?: Promise<Checkpoint | undefined>) => RxReplicationState<unknown, Checkpoint>,
  ): Promise<void> {
    const { db } = this.options;
    const empty: SnapshotCollection[] = [];
    for (const collection of collections) if ((await db[collection].count().exec()) === 0) empty.push(collection);
    let snapshot: SnapshotResponse | undefined;
    if (empty.length === 0) this.bootstrapResult = collections.length === 0 ? undefined : { skipped: 'the till already holds its catalogue' };
    else {
      try {
        snapshot = await this.request<SnapshotResponse>(this.url(syncPaths.snapshot));
      } catch (error) {
        this.bootstrapResult = { skipped: `no snapshot: ${(error as Error).message}` };
      }
    }
    if (this.stopped) return;
    if (!snapshot) {
      for (const collection of collections) startPull(collection);
      return;
    }
    try {
      this.options.onSnapshot?.(Object.fromEntries(empty.map((collection) => [collection, snapshot.collections[collection] ?? []])));
    } catch {
      // A view that cannot take it now reads the same documents from the database as they are stored.
    }
    const began = performance.now();
    const batch = this.options.snapshotBatchSize ?? 5000;
    let documents = 0;
    const outcomes = await Promise.all(
      collections.map(async (collection) => {
        if (!empty.includes(collection)) {
          startPull(collection);
          return true;
        }
        let resume!: (checkpoint: Checkpoint | undefined) => void;
        const state = startPull(collection, new Promise<Checkpoint | undefined>((resolve) => (resume = resolve)));
        const stored = await this.storeSnapshot(collection, state, snapshot.collections[collection] ?? [], snapshot.checkpoint, batch).then(
          (count) => {
            documents += count;
            return true;
          },
          (error: unknown) => {
            this.bootstrapResult = { skipped: `storing the snapshot's ${collection} failed: ${(error as Error).message}` };
            return false;
          },
        );
        // Stored: resume after the snapshot. Not (or stopped): from the beginning, over what is there.
        resume(stored && !this.stopped ? snapshot.checkpoint : undefined);
        return stored;
      }),
    );
    if (outcomes.every(Boolean)) this.bootstrapResult = { documents, ms: performance.now() - began, checkpoint: snapshot.checkpoint };
  }

  /** Writes one collection's snapshot in bulk, then the checkpoint its replication resumes from; answers how many documents. */
  private async storeSnapshot(collection: SnapshotCollection, state: RxReplicationState<unknown, Checkpoint>, rows: Record<string, unknown>[], checkpoint: Checkpoint, batch: number): Promise<number> {
    await state.startPromise;
    const replication = state.internalReplicationState;
    if (!replication) throw new Error('the replication did not start');
    // The upstream's first pass over the (empty) collection is done: what follows it hears as events.
    await firstValueFrom(replication.firstSyncDone.up.pipe(filter(Boolean)));
    const context = await replication.downstreamBulkWriteFlag;
    const storage = this.options.db[collection].storageInstance as unknown as {
      bulkWrite(rows: { document: Record<string, unknown> }[], context: string): Promise<{ error: { status: number }[] }>;
    };
    let count = 0;
    for (let start = 0; start < rows.length; start += batch) {
      if (this.stopped) throw new Error('the till stopped syncing');
      const result = await storage.bulkWrite(
        rows.slice(start, start + batch).map((row) => ({ document: { ...row, _deleted: false, _attachments: {}, _meta: { lwt: 0 }, _rev: '' } })),
        context,
      );
      // Inserts, not updates: a document already there (none should be) is kept as it is.
      const failed = result.error.find((error) => error.status !== 409);
      if (failed) throw new Error(`write refused (${failed.status})`);
      count += Math.min(batch, rows.length - start);
    }
    await setCheckpoint(replication, 'down', checkpoint);
    return count;
  }

  /** Whether the server's event stream is open now (it tells the till of every change as it happens). */
  private streamOpen = false;

  /** Opens the server's event stream (closing any earlier one): it reconnects by itself when it drops. */
  private openStream(): void {
    this.closeStream?.();
    this.streamOpen = false;
    this.closeStream = this.options.openEventStream(this.url(syncPaths.stream).toString(), {
      onOpen: () => {
        this.streamOpen = true;
        this.contact();
        this.wakeRetries();
        // Anything may have changed while the stream was down: pull everything from its checkpoint.
        this.requestPull(this.pullTriggers.keys());
      },
      onMessage: (message) => {
        this.contact();
        if (message.type === 'changed') {
          this.requestPull(message.collections.filter((collection): collection is PulledCollection => this.pullTriggers.has(collection as PulledCollection)));
        }
      },
      onError: (error) => {
        this.streamOpen = false;
        // Refused rather than unreachable: the server is there, but this till may not sync.
        if (error instanceof StreamRefusal && error.status === 401) this.update({ online: true, lastError: error.message, accessRefused: error.message });
        else this.update({ online: false });
      },
    }, { ...credentialHeader(this.options.credential), [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) });
  }

  /**
   * Tries to reach the server at once, for a cashier who will not wait for the next retry (the
   * network is back, the server PC restarted): every backoff wait ends, a push held back for the
   * server's refusals included; the event stream reconnects if it is down; every collection pulls
   * from its checkpoint; and one request asks the server whether it answers. Resolves with the status
   * after that request (online or not, when the server last answered, the last problem). Documents
   * waiting to go up follow within RxDB's fixed retry interval (`retryMs`), which cannot be cut short.
   */
  async tryNow(): Promise<SyncStatus> {
    if (this.stopped) return this.status$.value;
    this.pushesNotBefore.clear();
    this.wakeRetries();
    // A stream that is up is left alone: reopening it would only pull everything again.
    if (!this.streamOpen || !this.status$.value.online) this.openStream();
    this.requestPull(this.pullTriggers.keys());
    try {
      await this.request(this.url(syncPaths.status), { method: 'POST', body: '{}' });
    } catch {
      // Unreachable or refused: the status says which, in words a cashier can act on.
    }
    return this.status$.value;
  }

  /** One page of a collection after `checkpoint`, in the server's sequence. */
  private async pullPage<T>(collection: PulledCollection, checkpoint: Checkpoint | undefined, batchSize: number): Promise<{ documents: (T & { _deleted: boolean })[]; checkpoint: Checkpoint | undefined }> {
    const url = this.url(syncPaths.pull(collection));
    if (checkpoint) {
      url.searchParams.set('seq', String(checkpoint.seq));
      url.searchParams.set('id', checkpoint.id);
    }
    url.searchParams.set('limit', String(batchSize));
    const page = await this.request<PullResponse<T>>(url);
    return { documents: page.documents, checkpoint: page.checkpoint ?? checkpoint };
  }

  /** A sale of this store by receipt number, with the returns the server holds against it (online only). */
  async saleByReceipt(receiptNumber: string): Promise<{ sale: Sale; returns: Sale[] } | undefined> {
    const url = this.url(syncPaths.saleByReceipt);
    url.searchParams.set('receipt', receiptNumber);
    try {
      return await this.request<{ sale: Sale; returns: Sale[] }>(url);
    } catch (error) {
      if (error instanceof ServerRefusal && error.status === 404) return undefined;
      throw error;
    }
  }

  /**
   * Sends documents the server refused once more, as they are (the till never edits a completed
   * sale): for when head office has fixed the cause, such as a product missing from its catalogue.
   * Answers the ones refused again; the refusals collection follows by replication either way.
   */
  async resend(ids: readonly string[]): Promise<PushRefusal[]> {
    const { db } = this.options;
    const documents = await db.sales.findByIds([...ids]).exec();
    // Ids that are not sales may be refused shift events.
    const events = db.collections.shiftEvents ? await db.shiftEvents.findByIds(ids.filter((id) => !documents.has(id))).exec() : new Map<string, never>();
    // Ids that are neither may be refused customers (changed at the till since, or not).
    const customers = db.collections.customers
      ? await db.customers.findByIds(ids.filter((id) => !documents.has(id) && !events.has(id))).exec()
      : new Map<string, never>();
    if (documents.size === 0 && events.size === 0 && customers.size === 0) return [];
    const refused: PushRefusal[] = [];
    /** Sends documents again as they are, in the order given; answers the ones refused again. */
    const sendAgain = async <T extends object>(collection: 'sales' | 'shiftEvents' | 'customers', documents: T[]) => {
      if (documents.length === 0) return;
      const rows = documents.map((document) => ({ newDocumentState: { ...document, _deleted: false } }));
      const answer = await this.request<PushResponse<never>>(this.url(syncPaths.push(collection)), { method: 'POST', body: JSON.stringify(rows) });
      refused.push(...answer.refused);
    };
    // In number order, so a return comes after the sale it returns when both were refused.
    await sendAgain('sales', [...documents.values()].map((document) => document.toJSON() as Sale).sort((a, b) => a.number - b.number));
    // In sequence order, so a shift's open goes before what happened in it.
    await sendAgain('shiftEvents', [...events.values()].map((document) => document.toJSON() as ShiftEvent).sort((a, b) => a.sequence - b.sequence));
    if (customers.size > 0) {
      await sendAgain('customers', [...customers.values()].map((document) => document.toJSON() as Customer));
      this.requestPull(['customers']);
    }
    this.requestPull(['refusals', 'stockLevels', 'tills']);
    // Documents were taken: pushes held back for too many refused documents may try again now.
    if (refused.length < documents.size + events.size + customers.size) {
      this.pushesNotBefore.clear();
      this.wakeRetries();
    }
    return refused;
  }

  private readonly activeStates = new Set<RxReplicationState<unknown, unknown>>();

  /** True while any replication is moving documents. */
  get active(): boolean {
    return this.activeStates.size > 0;
  }

  private watchActivity(state: RxReplicationState<unknown, unknown>): void {
    state.active$.subscribe((active) => (active ? this.activeStates.add(state) : this.activeStates.delete(state)));
  }

  /** Resolves when every replication has caught up with what it knows of (used by tests and benchmarks). */
  async awaitInSync(): Promise<void> {
    await this.started;
    await Promise.all(this.replications.map((state) => state.awaitInSync()));
  }

  async awaitInitialReplication(): Promise<void> {
    await this.started;
    await Promise.all(this.replications.map((state) => state.awaitInitialReplication()));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unfollowNetwork?.();
    this.closeStream?.();
    clearTimeout(this.deferTimer);
    clearTimeout(this.reportTimer);
    for (const wake of [...this.sleepers]) wake();
    await this.started?.catch(() => undefined);
    await Promise.all(this.replications.map((state) => state.cancel()));
    for (const trigger of this.pullTriggers.values()) trigger.complete();
  }
}
