import { SyncError, withoutInternalFields, type CollectionName, type PushRefusal, type PushResponse, type SyncErrorBody } from '../../../shared/src/index.js';
import type { ChangeFeed } from '../feed/change-feed.js';

/** What a push of any collection leaves: its store, what changed there, and the answer for the till. */
export interface PushedOutcome<Doc> {
  storeId: string;
  changed: CollectionName[];
  conflicts: (Doc & { _deleted: boolean })[];
  refused: PushRefusal[];
}

/**
 * The answer to a push (the server's documents where the till's were not taken as sent, and the
 * refusals); the store's tills and office pages hear at once of what changed.
 */
export function answerPush<Doc>(feed: ChangeFeed, outcome: PushedOutcome<Doc>): PushResponse<Doc> {
  feed.notify(outcome.storeId, outcome.changed);
  return { conflicts: outcome.conflicts, refused: outcome.refused };
}

/** The most documents one push may carry; tills send 500 (see the sync engine). */
export const MAX_PUSH_ROWS = 1000;

/**
 * What an id a till makes may be: tills make UUIDs. Nothing invisible or direction-changing, so an id
 * reads the same at head office as in the database, and no two ids look alike.
 */
const USABLE_ID = /^[\w.:@-]{1,64}$/;

/** A push's rows as documents with ids; a request with any row that is not one is refused whole. */
export function pushedDocuments(rows: unknown): { document: Record<string, unknown>; id: string; deleted: boolean }[] {
  if (!Array.isArray(rows)) throw new SyncError('bad_request', 'push body must be a JSON array of rows');
  if (rows.length > MAX_PUSH_ROWS) throw new SyncError('too_large', `a push carries at most ${MAX_PUSH_ROWS} documents; this one has ${rows.length}`, 413);
  // A row without a document and an id cannot be kept apart from the others: the request is malformed.
  const malformed: NonNullable<SyncErrorBody['details']> = [];
  const documents = rows.map((row, index) => {
    const state = (row as { newDocumentState?: unknown } | null)?.newDocumentState;
    if (!state || typeof state !== 'object' || Array.isArray(state)) {
      malformed.push({ problems: [`row ${index}: newDocumentState must be an object`] });
      return undefined;
    }
    const document = withoutInternalFields(state as Record<string, unknown>);
    if (typeof document.id !== 'string' || !USABLE_ID.test(document.id)) {
      malformed.push({ problems: [`row ${index}: document has no usable id (1 to 64 letters, digits and . _ : @ -)`] });
      return undefined;
    }
    return { document, id: document.id, deleted: (state as { _deleted?: unknown })._deleted === true };
  });
  if (malformed.length > 0) throw new SyncError('bad_request', `${malformed.length} of ${rows.length} rows are not documents; nothing was stored`, 400, malformed);
  return documents as NonNullable<(typeof documents)[number]>[];
}

/** The largest number a refusal records (the schemas' maximum); anything else is recorded as 0. */
const MAX_DOCUMENT_NUMBER = 999_999_999;

export function usableNumber(value: unknown): number {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_DOCUMENT_NUMBER ? (value as number) : 0;
}
