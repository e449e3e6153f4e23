/**
 * The sync protocol between tills and the sync server. Both sides import this file; a change to the
 * wire format bumps PROTOCOL_VERSION.
 */
import type { CollectionName, DownstreamCollection, Product, StockLevel, TaxClass, TwoWayCollection, UpstreamCollection } from './schemas/index.js';

export const PROTOCOL_VERSION = 1;

export const PROTOCOL_HEADER = 'x-kassa-protocol';
/** How many documents wait on the till, reported with each request for head office. */
export const WAITING_HEADER = 'x-kassa-waiting';
/**
 * The till's clock when it sent the request (ISO 8601). The server takes how far the till's clock is
 * off from its own from it, to tell when a sale was made by its own clock (a stock count's late sales).
 */
export const CLOCK_HEADER = 'x-kassa-clock';

/** A position in the server's change sequence: assigned by the server on every write, never a clock. */
export interface Checkpoint {
  seq: number;
  id: string;
}

export interface PullResponse<Doc> {
  documents: (Doc & { _deleted: boolean })[];
  /** The position of the last document returned, or the request's checkpoint when there was none. */
  checkpoint: Checkpoint | null;
}

/**
 * The collections a new till takes in one snapshot instead of document by document (the ones that
 * grow with the catalogue); the small ones replicate as usual from the start.
 */
export const SNAPSHOT_COLLECTIONS = ['taxClasses', 'products', 'stockLevels'] as const;
export type SnapshotCollection = (typeof SNAPSHOT_COLLECTIONS)[number];

/**
 * A store's catalogue and stock levels as they are now, for a till that has none yet: every document
 * not deleted, and the one checkpoint they are valid at. The till writes them in bulk and resumes each
 * collection's replication from `checkpoint`: whatever changed after it is pulled again (an upsert of
 * the same id), and nothing committed at or before it is missing from the lists.
 */
export interface SnapshotResponse {
  checkpoint: Checkpoint;
  collections: { taxClasses: TaxClass[]; products: Product[]; stockLevels: StockLevel[] };
}

export interface PushRow<Doc> {
  assumedMasterState?: Doc & { _deleted: boolean };
  newDocumentState: Doc & { _deleted: boolean };
}

/** A pushed document the server refused: kept on the till, listed there and at head office. */
export interface PushRefusal {
  id: string;
  /** The document's number in its till's sequence, 0 when it had no usable one. */
  number: number;
  problems: string[];
}

export interface PushResponse<Doc> {
  /** The server's current document for every row it did not take as sent. */
  conflicts: (Doc & { _deleted: boolean })[];
  /**
   * Documents refused one by one (the rest of the push was taken). The server also replicates each
   * refusal to the store's tills in the refusals collection, so none goes unnoticed.
   */
  refused: PushRefusal[];
}

/** Every sync request carries the device credential as `authorization: Bearer <credential>`. */
export function credentialHeader(credential: string): Record<string, string> {
  return { authorization: `Bearer ${credential}` };
}

export interface PairRequest {
  /** The one-time code head office showed, e.g. "K7QMX-4T9PA"; case, spaces and dashes do not matter. */
  code: string;
}

export interface PairResponse {
  /** The device credential: kept by the till (encrypted by the desktop shell), sent with every request. */
  credential: string;
  deviceId: string;
  till: { id: string; code: string; name: string };
  store: { id: string; code: string; name: string };
}

/** Server-sent events on the stream endpoint. */
export type StreamMessage =
  | { type: 'hello'; protocol: number; serverTime: string }
  | { type: 'changed'; collections: CollectionName[] };

export const syncPaths = {
  pull: (collection: DownstreamCollection | TwoWayCollection) => `/api/sync/${collection}/pull`,
  push: (collection: UpstreamCollection | TwoWayCollection) => `/api/sync/${collection}/push`,
  stream: '/api/sync/stream',
  /** A new till's first sync in one answer (see SnapshotResponse). */
  snapshot: '/api/sync/snapshot',
  /** A sale of the till's store by receipt number, with the returns against it: `?receipt=S1-T2-000042`. */
  saleByReceipt: '/api/sync/sales/by-receipt',
  /** Trades a one-time pairing code for a device credential (see PairRequest). */
  pair: '/api/pair',
  /** A till's report of what waits on it (see WAITING_HEADER), when nothing else is due to be sent. */
  status: '/api/sync/status',
} as const;

export const SYNC_ERROR_REASONS = [
  'bad_request',
  'not_found',
  'too_large',
  'invalid_document',
  'unknown_till',
  'unauthorized',
  /** Head office: the account is logged in, but its role or its stores do not cover what it asked. */
  'forbidden',
  /** What was asked clashes with what is stored (an e-mail taken, the last owner demoted): nothing changed. */
  'conflict',
  'revoked',
  'pairing_failed',
  'rate_limited',
  'wrong_store',
  'not_writable',
  'immutable',
  'protocol_mismatch',
  /** The till keeps as many refused documents on the server as it may; head office must look at them. */
  'too_many_refusals',
  /** The server cannot reach its database just now: nothing was stored; send again after retry-after. */
  'unavailable',
  'internal',
] as const;
export type SyncErrorReason = (typeof SYNC_ERROR_REASONS)[number];

/** The body of every 4xx/5xx answer of the sync API. */
export interface SyncErrorBody {
  error: SyncErrorReason;
  message: string;
  /** Per refused document, when the request carried documents. */
  details?: { id?: string; problems: string[] }[];
}

export class SyncError extends Error {
  override name = 'SyncError';
  constructor(
    readonly reason: SyncErrorReason,
    message: string,
    readonly status = 400,
    readonly details?: SyncErrorBody['details'],
  ) {
    super(message);
  }

  toBody(): SyncErrorBody {
    return { error: this.reason, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}
