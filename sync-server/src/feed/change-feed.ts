import type { CollectionName } from '../../../shared/src/index.js';

type Listener = (collections: CollectionName[]) => void;

/**
 * Tells listening tills and office pages which collections of a store changed. Changes within a short
 * window are sent as one message, so a burst of pushes makes one pull per till rather than hundreds.
 */
export class ChangeFeed {
  private readonly listeners = new Map<Listener, string>();
  private readonly pending = new Map<string, Set<CollectionName>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly coalesceMs = 25) {}

  /** Listens to one store's changes (and to chain-wide master data). Returns the unsubscribe. */
  subscribe(storeId: string, listener: Listener): () => void {
    this.listeners.set(listener, storeId);
    return () => this.listeners.delete(listener);
  }

  /** `storeId` null: chain-wide data such as products, which every store receives. */
  notify(storeId: string | null, collections: readonly CollectionName[]): void {
    if (collections.length === 0) return;
    const key = storeId ?? '*';
    const set = this.pending.get(key) ?? new Set<CollectionName>();
    for (const collection of collections) set.add(collection);
    this.pending.set(key, set);
    this.timer ??= setTimeout(() => this.flush(), this.coalesceMs);
  }

  private flush(): void {
    this.timer = undefined;
    const pending = new Map(this.pending);
    this.pending.clear();
    for (const [listener, storeId] of this.listeners) {
      const collections = new Set<CollectionName>([...(pending.get(storeId) ?? []), ...(pending.get('*') ?? [])]);
      if (collections.size > 0) listener([...collections]);
    }
  }

  close(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
  }
}
