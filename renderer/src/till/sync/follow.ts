import { normalizeMangoQuery, prepareQuery, type RxCollection, type RxDocumentData, type RxStorageDefaultCheckpoint } from 'rxdb';
import type { Subscription } from 'rxjs';
import { withoutInternalFields } from '../../../../shared/src/index.js';
import type { CollectionSnapshot } from './snapshot.js';

type Checkpoint = RxStorageDefaultCheckpoint;

/** Rows read per catch-up query when the till opens. */
const CATCH_UP_PAGE = 2000;

/**
 * What changed in a collection after a storage checkpoint, oldest first. RxDB's own
 * getChangedDocumentsSince asks with an `$or` that its planner answers by scanning every document
 * (a second at 100,000); these are two plain ranges of the `[_meta.lwt, id]` index it keeps anyway.
 */
async function changesSince<T>(collection: RxCollection<T>, since: Checkpoint | null, limit: number): Promise<{ documents: RxDocumentData<T>[]; checkpoint: Checkpoint | null }> {
  const storage = collection.storageInstance;
  const ask = async (selector: Record<string, unknown>, wanted: number) => {
    const query = normalizeMangoQuery(storage.schema, {
      selector,
      sort: [{ '_meta.lwt': 'asc' }, { id: 'asc' }],
      index: ['_meta.lwt', 'id'],
      skip: 0,
      limit: wanted,
    } as never);
    return (await storage.query(prepareQuery(storage.schema, query))).documents as RxDocumentData<T>[];
  };
  // Documents written in the same bulk share one lwt: first the rest of the checkpoint's own lwt…
  const sameTime = since ? await ask({ '_meta.lwt': { $eq: since.lwt }, id: { $gt: since.id } }, limit) : [];
  // …then everything written later.
  const later = sameTime.length < limit ? await ask({ '_meta.lwt': { $gt: since?.lwt ?? 0 } }, limit - sameTime.length) : [];
  const documents = [...sameTime, ...later];
  const last = documents.at(-1) as (RxDocumentData<T> & { id: string }) | undefined;
  return { documents, checkpoint: last ? { id: last.id, lwt: last._meta.lwt } : since };
}

function after(a: Checkpoint | null, b: Checkpoint | null): boolean {
  if (!a) return false;
  if (!b) return true;
  return a.lwt > b.lwt || (a.lwt === b.lwt && a.id > b.id);
}

/**
 * Keeps an in-memory view in step with one collection: every document once when opened (from a
 * snapshot plus what changed after it, or from the collection), then every later change, in order.
 * `apply` must accept a document it has seen before (it replaces it).
 */
export class CollectionFollower<T extends { id: string }> {
  private checkpoint: Checkpoint | null = null;
  private subscription: Subscription | undefined;
  /** Documents applied since the last snapshot was taken. */
  changesSinceSnapshot = 0;
  /** Documents read from the collection when it was opened (after the snapshot, if any). */
  readOnOpen = 0;

  constructor(
    private readonly collection: RxCollection<T>,
    private readonly apply: (document: T, deleted: boolean) => void,
    private readonly afterBatch: () => void,
  ) {}

  /**
   * Reads the collection and starts following it. With a snapshot, its documents are applied first
   * (through `loadSnapshot` when the view restores them itself) and only later changes are read.
   */
  async open(snapshot?: CollectionSnapshot<unknown>, loadSnapshot?: (documents: unknown[]) => void): Promise<void> {
    let loaded = false;
    const queued: { document: T & { _meta?: { lwt: number } }; deleted: boolean }[] = [];
    // Subscribe first, so no change between the read below and the subscription is missed.
    this.subscription = this.collection.eventBulks$.subscribe((bulk) => {
      for (const event of bulk.events) {
        const document = event.documentData as unknown as T & { _deleted?: boolean; _meta?: { lwt: number } };
        const deleted = event.operation === 'DELETE' || document._deleted === true;
        if (loaded) this.applyStored(document, deleted);
        else queued.push({ document, deleted });
      }
      if (loaded) {
        this.advance(bulk.checkpoint as Checkpoint | undefined);
        this.afterBatch();
      }
    });

    if (snapshot) {
      if (loadSnapshot) loadSnapshot(snapshot.documents);
      else for (const document of snapshot.documents as T[]) this.apply(document, false);
      this.checkpoint = snapshot.checkpoint as Checkpoint;
    }
    for (;;) {
      const page = await changesSince(this.collection, this.checkpoint, CATCH_UP_PAGE);
      for (const document of page.documents) this.applyStored(document as unknown as T, (document as { _deleted: boolean })._deleted);
      this.readOnOpen += page.documents.length;
      this.advance(page.checkpoint ?? undefined);
      if (page.documents.length < CATCH_UP_PAGE) break;
    }
    loaded = true;
    // Changes that arrived during the read and are newer than anything it returned.
    for (const { document, deleted } of queued) {
      const lwt = document._meta?.lwt ?? Infinity;
      if (!this.checkpoint || lwt > this.checkpoint.lwt) this.applyStored(document, deleted);
    }
    this.afterBatch();
  }

  private applyStored(document: T, deleted: boolean): void {
    this.apply(withoutInternalFields(document as unknown as Record<string, unknown>) as unknown as T, deleted);
    this.changesSinceSnapshot++;
  }

  private advance(checkpoint: Checkpoint | undefined): void {
    if (checkpoint && after(checkpoint, this.checkpoint)) this.checkpoint = checkpoint;
  }

  /** A snapshot of the view as of the last change applied. */
  snapshot<D>(documents: D[], format: number): CollectionSnapshot<D> {
    this.changesSinceSnapshot = 0;
    return { format, checkpoint: this.checkpoint, documents };
  }

  close(): void {
    this.subscription?.unsubscribe();
  }
}
