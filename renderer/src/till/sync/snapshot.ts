import Dexie, { type Table } from 'dexie';

/**
 * A cache of a collection's documents as of a storage checkpoint, so a till with 100,000 products
 * opens from one read instead of 100,000. It is only ever a cache: whatever changed after its
 * checkpoint is read from the collection on open, and a missing snapshot just means a full read.
 */
export interface CollectionSnapshot<T> {
  /** Bumped when the shape of what is cached changes; an older snapshot is ignored. */
  format: number;
  /** The storage checkpoint (RxDB's `{ id, lwt }`) the documents are current to. */
  checkpoint: unknown;
  documents: T[];
}

export interface SnapshotStore {
  load<T>(key: string): Promise<CollectionSnapshot<T> | undefined>;
  save<T>(key: string, snapshot: CollectionSnapshot<T>): Promise<void>;
}

/** Snapshots kept for the life of the process (Node, tests, or a browser without IndexedDB). */
export class MemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, string>();

  async load<T>(key: string): Promise<CollectionSnapshot<T> | undefined> {
    const stored = this.snapshots.get(key);
    return stored ? (JSON.parse(stored) as CollectionSnapshot<T>) : undefined;
  }

  async save<T>(key: string, snapshot: CollectionSnapshot<T>): Promise<void> {
    this.snapshots.set(key, JSON.stringify(snapshot));
  }
}

/**
 * Snapshots in their own IndexedDB database, beside the till's. Each is stored as one JSON string:
 * reading one string and parsing it is many times faster than cloning 100,000 stored objects.
 */
export class IndexedDbSnapshotStore implements SnapshotStore {
  private readonly db: Dexie & { snapshots: Table<{ key: string; json: string }, string> };

  constructor(name: string, indexedDB?: IDBFactory, keyRange?: typeof IDBKeyRange) {
    this.db = new Dexie(name, indexedDB ? { indexedDB, IDBKeyRange: keyRange } : undefined) as IndexedDbSnapshotStore['db'];
    this.db.version(1).stores({ snapshots: 'key' });
  }

  async load<T>(key: string): Promise<CollectionSnapshot<T> | undefined> {
    const row = await this.db.snapshots.get(key);
    return row ? (JSON.parse(row.json) as CollectionSnapshot<T>) : undefined;
  }

  /** Resolves once the transaction has committed, so a till closed right after keeps the snapshot. */
  async save<T>(key: string, snapshot: CollectionSnapshot<T>): Promise<void> {
    const json = JSON.stringify(snapshot);
    await this.db.transaction('rw', this.db.snapshots, () => this.db.snapshots.put({ key, json }));
  }

  close(): void {
    this.db.close();
  }
}
