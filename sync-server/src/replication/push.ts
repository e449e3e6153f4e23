import type { CollectionName, PushRefusal, PushResponse } from '../../../shared/src/index.js';
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
