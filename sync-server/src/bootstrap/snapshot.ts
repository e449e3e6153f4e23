import { SNAPSHOT_COLLECTIONS, type SnapshotCollection } from '../../../shared/src/index.js';
import type { StoragePort } from '../storage/port.js';

/**
 * A store's catalogue and stock levels as they are now, with the one checkpoint they are valid at,
 * for a till that has none yet (see SnapshotResponse). Answered as JSON text.
 *
 * Why nothing is missed or doubled when the till then resumes replication at `{ seq: S, id: '' }`:
 * - S is read *before* the documents are listed. The sequence is committed in order (port.ts: no
 *   number commits after a higher one was readable), so every write numbered S or lower has committed
 *   by the time it is read, and the listing, which comes later, sees it: its document is in the
 *   snapshot as it is now (that write or a later one).
 * - A write committed after S was read has a number above S. The listing may or may not show it,
 *   depending on when it landed; either way a pull from S returns the document again (pulls answer
 *   every document whose latest number is above the checkpoint). The till's replication writes it
 *   over the snapshot's copy by id: an upsert, so the document is neither doubled nor left old.
 * - A document deleted after S is pulled as deleted; one deleted before S is not listed and the new
 *   till never had it, so deletions need not be in a snapshot.
 * Reading S after the listing instead would lose a write committed between the two reads: not listed,
 * and not pulled either, since its number would be at or below S.
 */
export async function snapshotJson(storage: Pick<StoragePort, 'sequence' | 'documents'>, storeId: string): Promise<string> {
  const seq = await storage.sequence.current();
  const parts: string[] = [];
  for (const collection of SNAPSHOT_COLLECTIONS) {
    // Other requests go on between collections: a large store's listing takes a while.
    await new Promise((resolve) => setImmediate(resolve));
    const documents = await storage.documents.list<Record<string, unknown>>(collection satisfies SnapshotCollection, storeId);
    // One collection at a time, each turned into text and let go before the next is read.
    parts.push(`${JSON.stringify(collection)}:${JSON.stringify(documents)}`);
  }
  return `{"checkpoint":${JSON.stringify({ seq, id: '' })},"collections":{${parts.join(',')}}}`;
}
