import { DOWNSTREAM_COLLECTIONS, TWO_WAY_COLLECTIONS, UPSTREAM_COLLECTIONS, type CollectionName } from '../../../shared/src/index.js';

/** Hears which collections of its store changed (chain-wide changes included). */
export type ChangeListener = (collections: CollectionName[]) => void;

/**
 * Tells listening tills and office pages which collections of a store changed. Routes announce a
 * change after the write that made it has committed; each till's and office page's event stream
 * subscribes to its store. Changes within a short window are sent as one message, so a burst of
 * pushes makes one pull per till rather than hundreds.
 *
 * Two implementations: `MemoryChangeFeed` for one server process (the default), and
 * `PostgresChangeFeed` (`postgres-change-feed.ts`) for several processes on one PostgreSQL.
 */
export interface ChangeFeed {
  /**
   * Announces that `collections` changed for a store, or, with `storeId` null, chain-wide (master
   * data such as products, which every store receives). Call it after the write has committed:
   * a till that hears of a change pulls at once and must find it.
   */
  notify(storeId: string | null, collections: readonly CollectionName[]): void;
  /** Listens to one store's changes (and to chain-wide ones). Returns the unsubscribe. */
  subscribe(storeId: string, listener: ChangeListener): () => void;
  /** Stops delivering and lets go of what the feed holds (timers, connections). */
  close(): Promise<void>;
}

/** How long changes are gathered before they go out as one message. */
export const COALESCE_MS = 25;

/**
 * Every collection: what a subscriber is told when anything may have changed (a cross-process
 * feed that was cut off for a while cannot know what it missed). A till pulls each of them from
 * its checkpoint, an office page reloads.
 */
export const EVERY_COLLECTION: readonly CollectionName[] = [...DOWNSTREAM_COLLECTIONS, ...UPSTREAM_COLLECTIONS, ...TWO_WAY_COLLECTIONS];

/** Changes by store; the key null is chain-wide. */
export type Changes = Map<string | null, Set<CollectionName>>;

/** Adds `collections` to what `changes` holds for the store. */
export function addChanges(changes: Changes, storeId: string | null, collections: Iterable<CollectionName>): void {
  let set = changes.get(storeId);
  if (!set) {
    set = new Set();
    changes.set(storeId, set);
  }
  for (const collection of collections) set.add(collection);
}

/** Gathers changes for a short window, then hands them over together. */
export class ChangeWindow {
  private pending: Changes = new Map();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly flush: (changes: Changes) => void,
  ) {}

  add(storeId: string | null, collections: Iterable<CollectionName>): void {
    addChanges(this.pending, storeId, collections);
    this.timer ??= setTimeout(() => this.flush(this.take()), this.windowMs);
  }

  /** What was gathered and not yet handed over; the window starts again empty. */
  take(): Changes {
    clearTimeout(this.timer);
    this.timer = undefined;
    const taken = this.pending;
    this.pending = new Map();
    return taken;
  }
}

/** The listeners of this process, each with the store it follows. */
export class Subscribers {
  private readonly listeners = new Map<ChangeListener, string>();

  add(storeId: string, listener: ChangeListener): () => void {
    this.listeners.set(listener, storeId);
    return () => this.listeners.delete(listener);
  }

  /** Gives each listener its store's changes and the chain-wide ones, in one call, if there are any. */
  deliver(changes: Changes): void {
    const chainWide = changes.get(null) ?? [];
    for (const [listener, storeId] of this.listeners) {
      const collections = new Set<CollectionName>([...(changes.get(storeId) ?? []), ...chainWide]);
      if (collections.size > 0) listener([...collections]);
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** The change feed of a single server process: listeners in memory. */
export class MemoryChangeFeed implements ChangeFeed {
  private readonly subscribers = new Subscribers();
  private readonly window: ChangeWindow;
  private closed = false;

  constructor(coalesceMs = COALESCE_MS) {
    this.window = new ChangeWindow(coalesceMs, (changes) => this.subscribers.deliver(changes));
  }

  subscribe(storeId: string, listener: ChangeListener): () => void {
    return this.subscribers.add(storeId, listener);
  }

  notify(storeId: string | null, collections: readonly CollectionName[]): void {
    if (!this.closed && collections.length > 0) this.window.add(storeId, collections);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.window.take();
    this.subscribers.clear();
  }
}
