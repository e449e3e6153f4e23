/*
 * What head office's API answers with, beyond the documents themselves: the server builds these
 * views from what it stores, and the office app reads them. Declared here, not on the server, so
 * both sides are checked against one definition (see office-routes.ts).
 */
import type { DuplicateGroup } from '../customer.js';
import type { Customer, Person, Refusal, Sale, ShiftEvent, Store } from '../schemas/index.js';
import type { ShiftReport } from '../shift.js';
import type { StockDocument } from '../stock-document.js';

/** A till as head office lists it: its numbering, its last contact and what waits on it. */
export interface TillStatus {
  id: string;
  code: string;
  name: string;
  lastNumber: number;
  lastContactAt: string | null;
  lastPushAt: string | null;
  /** Documents waiting on the till, as it last reported them, and when (server clock). */
  waiting: number | null;
  waitingReportedAt: string | null;
  /** Documents of this till the server refused and has not taken since. */
  refused: number;
}

/** Whether a device holds a live credential for a till, since when, and the last revocation. */
export interface DeviceStatus {
  paired: boolean;
  pairedAt: string | null;
  revokedAt: string | null;
}

/** A till with its device, as the office page shows it. */
export type TillView = TillStatus & DeviceStatus;

/** A one-time code a till trades for its device credential (see PairResponse). */
export interface PairingCode {
  tillId: string;
  code: string;
  expiresAt: string;
}

export type ExceptionKind = 'oversell' | 'price_mismatch' | 'tax_mismatch' | 'refusals_capped' | 'implausible_change';

/**
 * A note for head office: beside a sale that stands (stock taken below zero, an outdated price, change
 * no customer could be owed), or about a till that keeps as many refused documents as it may
 * (productId and saleId are empty; productId is empty for implausible change too).
 */
export interface StockException {
  id: number;
  kind: ExceptionKind;
  productId: string;
  saleId: string;
  tillId: string;
  /**
   * receiptNumber, and before/after (oversell), charged/current (price_mismatch, tax_mismatch), or
   * change/tendered/largestNote/currency (implausible_change).
   */
  details: Record<string, string>;
  raisedAt: string;
}

/** One product's stock for head office: the projection, with the ledger's figures beside it. */
export interface StockRow {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  opening: string;
  /** Goods received, and adjustments (counts, damage, ...), from head office's stock documents. */
  received: string;
  adjusted: string;
  sold: string;
  /** Goods returned by customers and put back on the shelf. */
  returned: string;
  /** Transfers between stores: received from other stores less sent to them. */
  transferred: string;
  quantity: string;
  /** What the store's sent purchase orders still await, in the product's unit. */
  onOrder: string;
  /** What other stores sent to this one that it has not received yet. */
  inTransit: string;
  /** What this store sent to others that they have not received yet (already out of its stock). */
  sentInTransit: string;
  /** The product's moving average cost in the store (head office's cost until a receipt with a cost moves it). */
  averageCost: string;
}

/** A refused document as head office sees it: the reasons and the document as the till sent it. */
export interface RefusedDocument {
  id: string;
  tillId: string;
  collection: Refusal['sourceCollection'];
  /** A sale's number, or a shift event's sequence, in its till's numbering of that collection. */
  number: number;
  problems: string[];
  attempts: number;
  firstRefusedAt: string;
  lastRefusedAt: string;
  acceptedAt: string | null;
  document: Record<string, unknown>;
}

/** A store's stock page: its tills, the latest exceptions and refusals, and every product's stock. */
export interface StockReport {
  store: Store;
  generatedAt: string;
  tills: TillView[];
  salesCount: number;
  exceptions: StockException[];
  refusals: RefusedDocument[];
  products: StockRow[];
}

/** The few figures a dashboard polls. */
export interface OfficeSummary {
  salesCount: number;
  tills: TillView[];
}

/** A sale or return as the server received it (server clock). */
export interface ReceivedSale {
  sale: Sale;
  receivedAt: string;
}

/** A goods receipt or adjustment as head office recorded it (server clock). */
export type RecordedStockDocument = StockDocument & { recordedAt: string };

/** One till's cash session as head office lists it, from its open and close events. */
export interface ShiftSummary {
  shiftId: string;
  storeId: string;
  tillId: string;
  status: 'open' | 'closed';
  /** The till's clock (display only); null when the open event has not reached the server. */
  openedAt: string | null;
  openedBy: Person | null;
  /** The cash counted into the drawer at opening. */
  float: string | null;
  closedAt: string | null;
  closedBy: Person | null;
  expectedCash: string | null;
  countedCash: string | null;
  /** countedCash - expectedCash: negative when cash is missing. */
  difference: string | null;
}

/** A shift for head office: the summary, what happened in it, and its report as the server computes it. */
export interface ShiftDetail {
  shift: ShiftSummary;
  events: (ShiftEvent & { receivedAt: string })[];
  sales: Sale[];
  /** The X report while open, the Z report once closed; null until the open event has arrived. */
  report: ShiftReport | null;
  /** Where the till's close disagrees with the server's report (expected cash, count, difference). */
  discrepancies: string[];
}

/** A store's customers for head office, with the groups that look like one person. */
export interface CustomerListing {
  customers: Customer[];
  duplicates: DuplicateGroup[];
}
