import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';

/**
 * Calls `apply` for every document of a collection, then for every later change, in order. Changes
 * that happen while the initial load runs are queued and applied after it, so none is missed.
 * `afterBatch` runs once per loaded or changed batch (to re-render once, not per document).
 */
export async function followCollection<T extends { id: string }>(
  collection: RxCollection<T>,
  apply: (document: T, deleted: boolean) => void,
  afterBatch: () => void,
): Promise<Subscription> {
  let loaded = false;
  const queued: { document: T; deleted: boolean }[] = [];
  const subscription = collection.eventBulks$.subscribe((bulk) => {
    for (const event of bulk.events) {
      const document = event.documentData as unknown as T & { _deleted?: boolean };
      const deleted = event.operation === 'DELETE' || document._deleted === true;
      if (loaded) apply(document, deleted);
      else queued.push({ document, deleted });
    }
    if (loaded) afterBatch();
  });
  const documents = await collection.find().exec();
  for (const document of documents) apply(document.toJSON() as T, false);
  loaded = true;
  for (const { document, deleted } of queued) apply(document, deleted);
  afterBatch();
  return subscription;
}
