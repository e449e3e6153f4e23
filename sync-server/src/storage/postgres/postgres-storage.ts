import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { CHAIN_DIMENSIONS, CHAIN_STORE, checkDayFacts, MEASURES, MONTHLY_DIMENSIONS, type ExceptionKind, type ReportMeasures, type Sale, type ShiftEvent, type StockDocument } from '../../../../shared/src/index.js';
import type { PushedCollection } from '../../ownership.js';
import type { DocumentCollection } from '../../repository.js';
import { StorageUnavailableError } from '../errors.js';
import type {
  ChangedFields,
  DocumentRequest,
  DocumentWrite,
  FieldKind,
  IdOwner,
  LedgerEntry,
  LedgerSource,
  ReportGroup,
  StorageReads,
  StoragePort,
  StorageTransaction,
  StoredDocument,
  StoredRefusal,
  NetSales,
  StockPosition,
  StoredSale,
  TillContact,
} from '../port.js';
import { measureColumn, REPORT_GROUPS, reportGroupColumn, reportSumOf } from '../port.js';
import {
  ACCOUNT_COLUMNS,
  accountValues,
  AUDIT_COLUMNS,
  auditEntry,
  auditValues,
  COUNT_ENTRY_COLUMNS,
  countEntry,
  countEntryRow,
  storedAccount,
  type AccountRow,
  type AuditRow,
  type CountEntryRow,
} from '../office-rows.js';
import { fieldNames, fieldsFromValues } from '../field-names.js';
import { migratePostgres } from './migrate.js';
import { salesWindow, scaledDecimal, shortDecimal, stockAtFromRows, surelyStockedSql } from '../ledger-sums.js';
import { likePattern } from '../like-pattern.js';
import { LastSales, positionWrites, type PositionWrite } from '../stock-positions.js';
import { wrapGroups } from '../wrap-groups.js';

/**
 * The advisory lock every write transaction takes as its first statement, so that write
 * transactions run one at a time across every server process on the database: "KASW" in ASCII (Kassa
 * writes), beside migrate.ts's "KASS". A fixed number, like that one, since advisory lock keys are
 * one space for the whole cluster.
 */
export const WRITE_LOCK_KEY = 0x4b415357;

/**
 * The advisory lock a fold of the pending sums takes (see FOLD_PENDING): "KASF" in ASCII (Kassa
 * folds). Folds run one at a time, beside the write transactions, never waiting for them.
 */
export const FOLD_LOCK_KEY = 0x4b415346;

/** A list of code's own names as SQL literals. */
const literals = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
/** The sums of report_facts' measure columns (MEASURES), each named as its column. */
const MEASURE_SUMS = MEASURES.map(measureColumn).map((column) => `SUM(${column})::bigint AS ${column}`).join(', ');

/**
 * What write transactions added to the report facts (days' facts) and to the sales per product and
 * day, as pending rows (migration 25; the ledger's trigger writes the latter), added to the sums they
 * belong to and deleted, together, under FOLD_LOCK_KEY: each pending row is added exactly once, by
 * the one fold that deletes it. The facts' month sums and the chain's are made here, as
 * `withMonthSums` makes them (shared/src/reports/facts.ts), from the constants it uses.
 *
 * A push inserts plain rows under the write lock (no key looked up, no row of the sums locked) and
 * its process folds them soon after the commit, with whatever else has come by then; a read of the
 * sums folds first, so it sees every sum committed before it began, as if they had been added in
 * place. Only folds write the sums, one at a time, so no two writers of a sum ever wait on each other.
 */
const FOLD_PENDING = `SELECT pg_advisory_xact_lock(${FOLD_LOCK_KEY});
  WITH taken AS (DELETE FROM report_facts_pending RETURNING *),
    days AS (SELECT store_id, dimension, day, key, ${MEASURE_SUMS} FROM taken GROUP BY store_id, dimension, day, key),
    months AS (SELECT store_id, dimension || '/month' AS dimension, left(day, 7) AS day, key, ${MEASURE_SUMS}
               FROM days WHERE dimension IN (${literals(MONTHLY_DIMENSIONS)}) GROUP BY 1, 2, 3, 4)
  INSERT INTO report_facts (store_id, dimension, day, key, sales, returns, quantity, gross, net, tax, discount, cost, costed_net)
    SELECT * FROM days
    UNION ALL SELECT * FROM months
    UNION ALL SELECT '${CHAIN_STORE}', dimension, day, key, ${MEASURE_SUMS}
              FROM months WHERE dimension IN (${literals(CHAIN_DIMENSIONS.map((dimension) => `${dimension}/month`))}) GROUP BY dimension, day, key
  ON CONFLICT (store_id, dimension, day, key) DO UPDATE SET
    sales = report_facts.sales + excluded.sales, returns = report_facts.returns + excluded.returns, quantity = report_facts.quantity + excluded.quantity,
    gross = report_facts.gross + excluded.gross, net = report_facts.net + excluded.net, tax = report_facts.tax + excluded.tax,
    discount = report_facts.discount + excluded.discount, cost = report_facts.cost + excluded.cost, costed_net = report_facts.costed_net + excluded.costed_net;
  WITH taken AS (DELETE FROM stock_ledger_sales_days_pending RETURNING *)
  INSERT INTO stock_ledger_sales_days (store_id, product_id, day, quantity)
    SELECT store_id, product_id, day, SUM(quantity)::bigint FROM taken GROUP BY store_id, product_id, day
  ON CONFLICT (store_id, product_id, day) DO UPDATE SET quantity = stock_ledger_sales_days.quantity + excluded.quantity`;

/**
 * How long after a commit that left pending rows its process folds them: pushes that come meanwhile
 * are folded with it, their keys added up once. A read never waits for it (it folds at once). At 200
 * ms PostgreSQL spent about a fifth more CPU on ingest (more folds, each adding the same day's
 * totals, hours, tills and cashiers again); a read in a busy second folds that second's rows.
 */
const FOLD_AFTER_MS = 1_000;

/**
 * How often a process vacuums the tables of pending rows after a fold. Each fold leaves the rows it
 * deleted dead in the table until a vacuum, and every later fold (one before every read of the sums)
 * scans them: left to autovacuum, which looks about once a minute, a busy minute's rows made each
 * read wait for a scan of hundreds of thousands. Vacuumed every second, the tables stay a second's
 * rows long; a vacuum meeting another process's on the same table is skipped.
 */
const VACUUM_PENDING_EVERY_MS = 1_000;
// Not truncated while the tables are small (migration 25 says so for autovacuum too): cutting the
// emptied pages off the end takes a lock that the next push's insert waits for, under the write lock
// (for up to 20 ms, when PostgreSQL sees it and lets go). Past VACUUM_TRUNCATE_ABOVE_BYTES, after a
// backlog (a refill, a day loaded at once, folds that failed for a while), they are truncated, once:
// every fold scans their pages, empty or not, and a backlog's would cost each read tens of ms for good.
const VACUUM_PENDING = 'VACUUM (SKIP_LOCKED, TRUNCATE false) report_facts_pending, stock_ledger_sales_days_pending';
const VACUUM_PENDING_TRUNCATING = 'VACUUM (SKIP_LOCKED, TRUNCATE true) report_facts_pending, stock_ledger_sales_days_pending';
/** A busy second's pending rows take 2–3 MB. */
const VACUUM_TRUNCATE_ABOVE_BYTES = 16 * 1024 * 1024;

/** How long to wait for a connection before the database counts as unreachable, unless open() is told otherwise. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** A URL as it may be printed in a message or a log: without its password. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    // libpq also takes the password as a parameter of the URL.
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString();
  } catch {
    return '(a database URL that is not a URL)';
  }
}

/** SQLSTATE codes that mean the connection, not the statement, failed. Class 08 is added below. */
const CONNECTION_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is shutting down, or pg_terminate_backend
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting up or in recovery
  '53300', // too_many_connections: nothing wrong with the statement, try again later
]);

/** Node's socket errors that mean the database cannot be reached. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** The driver's own words for a connection it lost or could not make in time. */
const CONNECTION_MESSAGES = [
  /Connection terminated/i, // the socket closed, expectedly or not, or the client's connect timeout
  /timeout exceeded when trying to connect/i, // the pool's connect timeout
  /not queryable/i, // a client whose connection failed earlier ("has encountered a connection error")
  /Client was closed/i,
];

/**
 * Whether `error` says the database could not be reached or the connection was lost, rather than
 * that a statement was wrong. Looks into an AggregateError (Node tries each address of a host name)
 * and into the cause.
 */
export function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  if (error instanceof StorageUnavailableError) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || CONNECTION_SQLSTATES.has(code) || SOCKET_CODES.has(code))) return true;
  if (CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  if (error instanceof AggregateError && error.errors.some((each) => isConnectionFailure(each, depth + 1))) return true;
  return isConnectionFailure(error.cause, depth + 1);
}

/** Runs one statement and answers its result; every operation of the port is written over one. */
type Run = <R extends QueryResultRow>(text: string, values?: unknown[]) => Promise<QueryResult<R>>;

/** A statement's name on a connection, the same for the same text: prepared once per connection, then only executed. */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `kassa_${statementNames.size + 1}`));
  return name;
}

// Rows as the pg driver gives them: BIGINT and COUNT(*) come back as strings (int8 may exceed 2^53),
// and are read as numbers here (every value the server keeps is far below that).
type BigInt8 = string;

interface DocumentRow {
  id: string;
  store_id: string | null;
  till_id: string | null;
  seq: BigInt8;
  deleted: boolean;
  body: string;
}

interface SaleRow {
  id: string;
  body: string;
  received_seq: BigInt8;
  received_at: string;
  applied_at: string | null;
}

interface RefusalRow {
  id: string;
  store_id: string;
  till_id: string;
  collection: PushedCollection;
  number: BigInt8;
  body: string;
  bytes: BigInt8;
  problems: string;
  attempts: BigInt8;
  first_refused_at: string;
  last_refused_at: string;
  accepted_at: string | null;
}

interface ContactRow {
  till_id: string;
  last_contact_at: string;
  last_push_at: string | null;
  waiting: BigInt8 | null;
  waiting_reported_at: string | null;
  refusals_capped_at: string | null;
}

interface LedgerRow {
  store_id: string;
  product_id: string;
  source: LedgerSource;
  document_id: string | null;
  quantity: string;
  recorded_at: string;
  unit_cost: string | null;
}

function storedDocument<T>(collection: DocumentCollection, row: DocumentRow): StoredDocument<T> {
  return { collection, id: row.id, storeId: row.store_id, tillId: row.till_id, seq: Number(row.seq), deleted: row.deleted, body: JSON.parse(row.body) as T };
}

function storedSale(row: SaleRow): StoredSale {
  return { sale: JSON.parse(row.body) as Sale, receivedSeq: Number(row.received_seq), receivedAt: row.received_at, appliedAt: row.applied_at };
}

function storedRefusal(row: RefusalRow): StoredRefusal {
  return {
    id: row.id,
    storeId: row.store_id,
    tillId: row.till_id,
    collection: row.collection,
    number: Number(row.number),
    document: JSON.parse(row.body) as Record<string, unknown>,
    bytes: Number(row.bytes),
    problems: JSON.parse(row.problems) as string[],
    attempts: Number(row.attempts),
    firstRefusedAt: row.first_refused_at,
    lastRefusedAt: row.last_refused_at,
    acceptedAt: row.accepted_at,
  };
}

function tillContact(row: ContactRow): TillContact {
  return {
    tillId: row.till_id,
    lastContactAt: row.last_contact_at,
    lastPushAt: row.last_push_at,
    waiting: row.waiting === null ? null : Number(row.waiting),
    waitingReportedAt: row.waiting_reported_at,
    refusalsCappedAt: row.refusals_capped_at,
  };
}

/** Ledger rows as the arrays of appendLedger's columns ($1 to $7). */
function ledgerColumns(entries: readonly LedgerEntry[]): unknown[][] {
  return [
    entries.map((entry) => entry.storeId),
    entries.map((entry) => entry.productId),
    entries.map((entry) => entry.source),
    entries.map((entry) => entry.documentId),
    entries.map((entry) => entry.quantity),
    entries.map((entry) => entry.recordedAt),
    entries.map((entry) => entry.unitCost ?? null),
  ];
}

/** Sequence numbers a transaction took as it began and has not handed out yet: `next` up to `end` (excluded). */
interface SequenceBlock {
  next: number;
  end: number;
}

function ledgerEntry(row: LedgerRow): LedgerEntry {
  return { storeId: row.store_id, productId: row.product_id, source: row.source, documentId: row.document_id, quantity: row.quantity, recordedAt: row.recorded_at, unitCost: row.unit_cost };
}

/**
 * The statements, one per operation: SQLite's (sqlite-storage.ts) in PostgreSQL's dialect. Where
 * SQLite's index uses json_extract(body, '$.field'), the query says (body::json ->> 'field'), the
 * expression of the PostgreSQL index (migrations.ts), so the planner uses it. Ties between text
 * columns are broken with COLLATE "C", SQLite's byte order, whatever the database's collation.
 */
const SQL = {
  allocate: `UPDATE meta SET value = (value::bigint + $1)::text WHERE key = 'seq' RETURNING value`,
  currentSeq: `SELECT value FROM meta WHERE key = 'seq'`,
  getDocument: `SELECT id, store_id, till_id, seq, deleted, body FROM documents WHERE collection = $1 AND id = $2`,
  getDocuments: `SELECT id, store_id, till_id, seq, deleted, body FROM documents WHERE collection = $1 AND id = ANY($2::text[])`,
  listDocuments: `SELECT body FROM documents WHERE collection = $1 AND (store_id IS NULL OR store_id = $2) AND NOT deleted`,
  allDocuments: `SELECT body FROM documents WHERE collection = $1 AND NOT deleted`,
  documentsAfter: `SELECT id, seq, deleted, body FROM documents WHERE collection = $1 AND seq > $2`,
  // ILIKE ANY: one scan for every pattern; ILIKE folds the case of ASCII letters as SQLite's LIKE does.
  documentsContaining: `SELECT body FROM documents WHERE collection = $1 AND NOT deleted AND body ILIKE ANY($2::text[])`,
  // A document kept for one till (a refusal) goes to that till only. The till's store's documents
  // and the chain's (store_id NULL) are two ranges of documents_by_store_seq, each read only up to
  // the limit and merged in seq order, so a pull never steps over the chain's other stores' rows.
  // The chain's arm orders by (store_id, seq), the same order there: PostgreSQL takes IS NULL for no
  // equality when it orders, and by seq alone it would read documents_by_seq past every store's rows.
  pull: `SELECT id, seq, deleted, body FROM (
           (SELECT id, seq, deleted, body FROM documents
            WHERE collection = $1 AND store_id = $2 AND (till_id IS NULL OR till_id = $3) AND seq > $4
            ORDER BY seq LIMIT $5)
           UNION ALL
           (SELECT id, seq, deleted, body FROM documents
            WHERE collection = $1 AND store_id IS NULL AND (till_id IS NULL OR till_id = $3) AND seq > $4
            ORDER BY store_id, seq LIMIT $5)
         ) AS page
         ORDER BY seq LIMIT $5`,
  putDocument: `INSERT INTO documents (collection, id, store_id, till_id, seq, deleted, body) VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (collection, id) DO UPDATE SET store_id = excluded.store_id, till_id = excluded.till_id, seq = excluded.seq, deleted = excluded.deleted, body = excluded.body`,
  // Any number of documents in one statement: one array per column, whatever the count (a multi-row
  // VALUES list would need a statement per size and meets the limit of 65535 parameters).
  putDocuments: `INSERT INTO documents (collection, id, store_id, till_id, seq, deleted, body)
                 SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::boolean[], string_to_array($7::text, chr(30)))
                 ON CONFLICT (collection, id) DO UPDATE SET store_id = excluded.store_id, till_id = excluded.till_id, seq = excluded.seq, deleted = excluded.deleted, body = excluded.body`,
  // A stock level's quantity and a stock cost's average in stock_positions (storage/stock-positions.ts);
  // a push's levels go in with its documents, in one statement.
  // With the last day each product sold there, where one was noted (LastSales): GREATEST keeps the
  // later, and ignores a NULL.
  putPositionQuantities: `INSERT INTO stock_positions (store_id, product_id, quantity, last_sold) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[])
                          ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = excluded.quantity, last_sold = GREATEST(stock_positions.last_sold, excluded.last_sold)`,
  putLastSold: `INSERT INTO stock_positions (store_id, product_id, last_sold) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
                ON CONFLICT (store_id, product_id) DO UPDATE SET last_sold = GREATEST(stock_positions.last_sold, excluded.last_sold)`,
  putPositionCosts: `INSERT INTO stock_positions (store_id, product_id, average_cost) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
                     ON CONFLICT (store_id, product_id) DO UPDATE SET average_cost = excluded.average_cost`,
  putDocumentsAndQuantities: `WITH positions AS (
                                INSERT INTO stock_positions (store_id, product_id, quantity, last_sold) SELECT * FROM unnest($8::text[], $9::text[], $10::bigint[], $11::text[])
                                ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = excluded.quantity, last_sold = GREATEST(stock_positions.last_sold, excluded.last_sold))
                              INSERT INTO documents (collection, id, store_id, till_id, seq, deleted, body)
                              SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::boolean[], string_to_array($7::text, chr(30)))
                              ON CONFLICT (collection, id) DO UPDATE SET store_id = excluded.store_id, till_id = excluded.till_id, seq = excluded.seq, deleted = excluded.deleted, body = excluded.body`,
  positionsOfStore: `SELECT store_id, product_id, quantity, average_cost FROM stock_positions WHERE store_id = $1`,
  stockValued: `SELECT SUM(quantity::numeric * average_cost)::text AS valued FROM stock_positions
                WHERE store_id = ANY($1::text[]) AND quantity > 0 AND average_cost IS NOT NULL`,
  stockUnvalued: `SELECT product_id, SUM(quantity)::text AS quantity FROM stock_positions
                  WHERE store_id = ANY($1::text[]) AND quantity > 0 AND average_cost IS NULL GROUP BY product_id`,
  onHand: `SELECT product_id, SUM(quantity)::text AS quantity FROM stock_positions
           WHERE store_id = ANY($1::text[]) AND product_id IN (SELECT unnest($2::text[])) AND quantity IS NOT NULL GROUP BY product_id`,
  positionsOfAll: `SELECT store_id, product_id, quantity, average_cost FROM stock_positions`,
  getSale: `SELECT id, body, received_seq, received_at, applied_at FROM sales WHERE id = $1`,
  getSales: `SELECT id, body, received_seq, received_at, applied_at FROM sales WHERE id = ANY($1::text[])`,
  saleByNumber: `SELECT id, body, received_seq, received_at, applied_at FROM sales WHERE till_id = $1 AND number = $2`,
  // Number after number from $2 while a sale or an open refused sale holds it (refusalAtNumber), at
  // most $3 of them; each with the sale stored under it, if any. Two index probes per number.
  salesHeldFrom: `WITH RECURSIVE held (number) AS (
                    SELECT $2::bigint
                    WHERE EXISTS (SELECT 1 FROM sales WHERE till_id = $1 AND number = $2::bigint)
                       OR EXISTS (SELECT 1 FROM refused_documents WHERE till_id = $1 AND number = $2::bigint AND collection = 'sales' AND accepted_at IS NULL)
                    UNION ALL
                    SELECT held.number + 1 FROM held
                    WHERE held.number + 1 < $2::bigint + $3::bigint
                      AND (EXISTS (SELECT 1 FROM sales WHERE till_id = $1 AND number = held.number + 1)
                        OR EXISTS (SELECT 1 FROM refused_documents WHERE till_id = $1 AND number = held.number + 1 AND collection = 'sales' AND accepted_at IS NULL))
                  )
                  SELECT held.number, s.id, s.body, s.received_seq, s.received_at, s.applied_at
                  FROM held LEFT JOIN sales s ON s.till_id = $1 AND s.number = held.number
                  ORDER BY held.number`,
  returnsOf: `SELECT body FROM sales WHERE return_of = $1`,
  // The same expression as the index sales_by_receipt.
  salesByReceipt: `SELECT body FROM sales WHERE store_id = $1 AND receipt_number = $2`,
  // The same expression as the index sales_by_shift.
  salesOfShift: `SELECT body FROM sales WHERE store_id = $1 AND shift_id = $2 ORDER BY till_id COLLATE "C", number`,
  appliedSalesAfter: `SELECT id, body, received_seq, received_at, applied_at FROM sales WHERE (till_id, number) > ($1, $2) AND applied_at IS NOT NULL ORDER BY till_id, number LIMIT $3`,
  anyReportFact: `SELECT 1 AS found FROM report_facts LIMIT 1`,
  reportFactHeld: `SELECT 1 AS found FROM report_facts WHERE store_id = ANY($1::text[]) AND dimension = $2 AND day >= $3 AND day <= $4 LIMIT 1`,
  recentSales: `SELECT id, body, received_seq, received_at, applied_at FROM sales WHERE store_id = $1 ORDER BY received_seq DESC LIMIT $2`,
  countSales: `SELECT COUNT(*) AS count FROM sales WHERE store_id = $1`,
  insertSale: `INSERT INTO sales (id, store_id, till_id, number, body, received_seq, received_at, return_of, receipt_number, shift_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
               ON CONFLICT DO NOTHING`,
  // Several sales in one statement, in the order given: of two rows that collide (an id, or a till's
  // number) the first is inserted and the second skipped, as one insert after another would.
  insertSales: `INSERT INTO sales (id, store_id, till_id, number, body, received_seq, received_at, return_of, receipt_number, shift_id)
                SELECT id, store_id, till_id, number, body, received_seq, $10, return_of, receipt_number, shift_id
                FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], string_to_array($5::text, chr(30)), $6::bigint[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY
                  AS given (id, store_id, till_id, number, body, received_seq, return_of, receipt_number, shift_id, position)
                ORDER BY position
                ON CONFLICT DO NOTHING RETURNING id`,
  markApplied: `UPDATE sales SET applied_at = $1 WHERE id = ANY($2::text[])`,
  // markApplied and appendLedger in one statement: a data-modifying WITH runs whatever the INSERT takes.
  markAppliedWithLedger: `WITH applied AS (UPDATE sales SET applied_at = $1 WHERE id = ANY($2::text[]))
                          INSERT INTO stock_ledger (store_id, product_id, source, document_id, quantity, recorded_at, unit_cost)
                          SELECT store_id, product_id, source, document_id, quantity, recorded_at, unit_cost
                          FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY
                            AS given (store_id, product_id, source, document_id, quantity, recorded_at, unit_cost, position)
                          ORDER BY position`,
  ledgerForStore: `SELECT store_id, product_id, source, document_id, quantity, recorded_at, unit_cost FROM stock_ledger WHERE store_id = $1 ORDER BY entry`,
  ledgerForProducts: `SELECT store_id, product_id, source, document_id, quantity, recorded_at, unit_cost FROM stock_ledger WHERE store_id = $1 AND product_id = ANY($2::text[]) ORDER BY entry`,
  ledgerForProduct: `SELECT store_id, product_id, source, document_id, quantity, recorded_at, unit_cost FROM stock_ledger WHERE store_id = $1 AND product_id = $2 ORDER BY entry`,
  // Net sales per product from its net per day in whole thousandths (numeric squares: exact), from
  // stock_ledger_sales_days in its own order.
  // Squares in 64 bits where a day's figure allows (below 3,037,000,499 thousandths), as numeric past
  // it: summing numeric squares of a year's 1.9 million product-days took a third of the read.
  // A short window hashes its days' rows, found by the day index; a long one reads the store's rows in
  // product order from the key alone (it includes the quantity) and sums each product's as they come:
  // hashing a year's product-days took twice as long.
  ...(Object.fromEntries(
    (['short', 'long'] as const).map((window) => [
      `netSales_${window}`,
      `SELECT product_id, (-SUM(quantity))::text AS total,
        SUM(CASE WHEN quantity BETWEEN -3037000499 AND 3037000499 THEN quantity * quantity END)::text AS squares,
        SUM(CASE WHEN quantity NOT BETWEEN -3037000499 AND 3037000499 THEN quantity::numeric * quantity END)::text AS large_squares
      FROM (SELECT product_id, quantity FROM stock_ledger_sales_days WHERE store_id = $1 AND day >= $2 AND day <= $3${window === 'long' ? ' ORDER BY product_id' : ''}) AS days
      GROUP BY product_id`,
    ]),
  ) as Record<'netSales_short' | 'netSales_long', string>),
  // What may run low in a store (LedgerReads.toWatch): net sales per product over the window as
  // netSales sums them, and of those only the products whose stock on hand does not surely cover them
  // (surelyStockedSql, against the position found by its key), with every position at or below
  // nothing and those of the products named ($4).
  ...(Object.fromEntries(
    (['short', 'long'] as const).map((window) => [
      `toWatch_${window}`,
      `WITH sold AS MATERIALIZED (
         SELECT product_id, -SUM(quantity) AS total,
           SUM(CASE WHEN quantity BETWEEN -3037000499 AND 3037000499 THEN quantity * quantity END) AS squares,
           SUM(CASE WHEN quantity NOT BETWEEN -3037000499 AND 3037000499 THEN quantity::numeric * quantity END) AS large_squares
         FROM (SELECT product_id, quantity FROM stock_ledger_sales_days WHERE store_id = $1 AND day >= $2 AND day <= $3${window === 'long' ? ' ORDER BY product_id' : ''}) AS days
         GROUP BY product_id),
       watched (product_id) AS (
         SELECT product_id FROM stock_positions WHERE store_id = $1 AND quantity <= 0
         UNION SELECT unnest($4::text[])
         UNION SELECT sold.product_id FROM sold LEFT JOIN stock_positions AS p ON p.store_id = $1 AND p.product_id = sold.product_id
           WHERE NOT coalesce(${surelyStockedSql({ quantity: 'p.quantity', total: 'sold.total', squares: '(coalesce(sold.squares, 0) + coalesce(sold.large_squares, 0))' }, (expression) => `(${expression})::float8`, 'GREATEST')
             .replaceAll('@days', '$5::float8')
             .replaceAll('@cover', '$6::float8')
             .replaceAll('@lead', '$7::float8')
             .replaceAll('@z2', '$8::float8')}, false))
       SELECT watched.product_id, p.product_id IS NOT NULL AS positioned, p.quantity, p.average_cost,
         sold.total::text AS total, sold.squares::text AS squares, sold.large_squares::text AS large_squares
       FROM watched LEFT JOIN stock_positions AS p ON p.store_id = $1 AND p.product_id = watched.product_id LEFT JOIN sold ON sold.product_id = watched.product_id`,
    ]),
  ) as Record<'toWatch_short' | 'toWatch_long', string>),
  // Report facts as pending rows, one per key (the columns in MEASURES order), added to the sums by FOLD_PENDING.
  addReportFacts: `INSERT INTO report_facts_pending (store_id, dimension, day, key, sales, returns, quantity, gross, net, tax, discount, cost, costed_net)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[])`,

  ...(Object.fromEntries(
    REPORT_GROUPS.map((group) => [
      `reportSumsBy_${group}`,
      `SELECT ${reportGroupColumn(group)} AS grouped, MIN(day) AS first_day, MAX(day) AS last_day, ${MEASURES.map((measure) => `SUM(${measureColumn(measure)})::text AS "${measure}"`).join(', ')}
       FROM report_facts WHERE store_id = ANY($1::text[]) AND dimension = $2 AND day >= $3 AND day <= $4
       GROUP BY grouped`,
    ]),
  ) as Record<`reportSumsBy_${ReportGroup}`, string>),
  // The chain's month sums per key, from report_facts_chain_by_key alone where the months are many (an
  // index-only scan in key order): the store written out, as a partial index serves only a statement
  // that names its condition.
  chainSumsByKey: `SELECT key AS grouped, MIN(day) AS first_day, MAX(day) AS last_day, ${MEASURES.map((measure) => `SUM(${measureColumn(measure)})::text AS "${measure}"`).join(', ')}
    FROM report_facts WHERE store_id = '${CHAIN_STORE}' AND dimension = $1 AND day >= $2 AND day <= $3
    GROUP BY key`,
  // The customers' sums, the dimension written out so the planner may take report_facts_customers (a
  // partial index) where it is cheaper: index-only, over most of the stores and days held.
  customerSums: `SELECT key AS grouped, MIN(day) AS first_day, MAX(day) AS last_day, ${MEASURES.map((measure) => `SUM(${measureColumn(measure)})::text AS "${measure}"`).join(', ')}
    FROM report_facts WHERE store_id = ANY($1::text[]) AND dimension = 'customer' AND day >= $2 AND day <= $3
    GROUP BY key`,
  lastSeq: `SELECT MAX(seq) AS seq FROM documents WHERE collection = $1`,
  // Slow stock (ReportReads.slowStock), each position's worth multiplied in 64 bits (a third faster
  // than numeric over a chain's stock); past them PostgreSQL refuses the statement, and it is run
  // again in numeric (slowStockExact). The listing's first rows with their ties: those up to the one
  // at the limit's place (edge), found by a sort that keeps only that many, as JSON with bigints as text.
  slowStock: slowStockStatement('bigint'),
  slowStockExact: slowStockStatement('numeric'),
  // By report_facts_customers, a customer's days at a time, or by store and day where the days are
  // few. The customers as a subquery: thousands of them as an array constant took 0.1 s to plan.
  // Whether any customer bought in the stores over the days: none (a report as long as the history
  // held), and nobody need be sought.
  anyCustomerBought: `SELECT 1 FROM report_facts WHERE store_id = ANY($1::text[]) AND dimension = 'customer' AND day >= $2 AND day <= $3 AND sales > 0 LIMIT 1`,
  customersWhoBought: `SELECT DISTINCT key FROM report_facts WHERE dimension = 'customer' AND key IN (SELECT unnest($1::text[]))
                       AND store_id = ANY($2::text[]) AND day >= $3 AND day <= $4 AND sales > 0`,
  // Each product's running quantity in ledger order, keeping its receipts with a cost and its last row.
  stockAt: `SELECT product_id, quantity, unit_cost, after::text AS after, (after - quantity::numeric)::text AS before, last FROM (
      SELECT entry, product_id, quantity, CASE WHEN source = 'receipt' AND unit_cost <> '' THEN unit_cost END AS unit_cost,
        SUM(quantity::numeric) OVER running AS after, LEAD(entry) OVER running IS NULL AS last
      FROM stock_ledger WHERE store_id = $1 AND recorded_at <= $2
      WINDOW running AS (PARTITION BY product_id ORDER BY entry ROWS UNBOUNDED PRECEDING)) AS moves
    WHERE last OR unit_cost IS NOT NULL
    ORDER BY product_id, entry`,
  // The rows in the order given (WITH ORDINALITY ... ORDER BY), so their entry numbers follow it.
  appendLedger: `INSERT INTO stock_ledger (store_id, product_id, source, document_id, quantity, recorded_at, unit_cost)
                 SELECT store_id, product_id, source, document_id, quantity, recorded_at, unit_cost
                 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
                   AS given (store_id, product_id, source, document_id, quantity, recorded_at, unit_cost, position)
                 ORDER BY position`,
  getRefusal: `SELECT * FROM refused_documents WHERE id = $1`,
  openRefusalTotals: `SELECT COUNT(*) AS count, COALESCE(SUM(bytes), 0) AS bytes FROM refused_documents WHERE till_id = $1 AND accepted_at IS NULL`,
  // Only a refused sale holds a number of the till's sales numbering; shift events count their own.
  refusalAtNumber: `SELECT 1 AS found FROM refused_documents WHERE till_id = $1 AND number = $2 AND collection = 'sales' AND accepted_at IS NULL LIMIT 1`,
  // FALSE sorts before TRUE, as SQLite's 0 before 1: open ones first.
  refusalsForStore: `SELECT * FROM refused_documents WHERE store_id = $1 ORDER BY accepted_at IS NOT NULL, last_refused_at DESC LIMIT $2`,
  refusalCounts: `SELECT till_id, COUNT(*) AS count FROM refused_documents WHERE store_id = $1 AND accepted_at IS NULL GROUP BY till_id ORDER BY till_id COLLATE "C"`,
  putRefusal: `INSERT INTO refused_documents (id, store_id, till_id, collection, number, body, bytes, problems, attempts, first_refused_at, last_refused_at, accepted_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL)
               ON CONFLICT (id) DO UPDATE SET store_id = excluded.store_id, till_id = excluded.till_id, collection = excluded.collection, number = excluded.number,
                 body = excluded.body, bytes = excluded.bytes, problems = excluded.problems, attempts = excluded.attempts, last_refused_at = excluded.last_refused_at, accepted_at = NULL`,
  acceptRefusal: `UPDATE refused_documents SET accepted_at = $1 WHERE id = $2 AND till_id = $3 AND collection = $4 AND accepted_at IS NULL`,
  exceptionsForStore: `SELECT id, kind, product_id, document_id, till_id, details, raised_at FROM exceptions WHERE store_id = $1 ORDER BY id DESC LIMIT $2`,
  raiseException: `INSERT INTO exceptions (store_id, kind, product_id, document_id, till_id, details, raised_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
  // In the order given (WITH ORDINALITY ... ORDER BY), so their ids follow it.
  raiseExceptions: `INSERT INTO exceptions (store_id, kind, product_id, document_id, till_id, details, raised_at)
                    SELECT store_id, kind, product_id, document_id, till_id, details, raised_at
                    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
                      AS given (store_id, kind, product_id, document_id, till_id, details, raised_at, position)
                    ORDER BY position`,
  getShiftEvent: `SELECT till_id, body FROM shift_events WHERE id = $1`,
  shiftEventAtSequence: `SELECT id FROM shift_events WHERE till_id = $1 AND sequence = $2`,
  shiftOtherTill: `SELECT till_id FROM shift_events WHERE store_id = $1 AND shift_id = $2 AND till_id <> $3 LIMIT 1`,
  shiftClose: `SELECT id, sequence FROM shift_events WHERE store_id = $1 AND shift_id = $2 AND kind = 'close' LIMIT 1`,
  shiftEvents: `SELECT body, received_at FROM shift_events WHERE store_id = $1 AND shift_id = $2 ORDER BY sequence`,
  // A shift's id is its open event's; before that event arrives, any event of the shift tells the store.
  shiftStoreById: `SELECT store_id FROM shift_events WHERE id = $1`,
  shiftStoreByShift: `SELECT store_id FROM shift_events WHERE shift_id = $1 LIMIT 1`,
  shiftOpensAndCloses: `SELECT body FROM shift_events WHERE store_id = $1 AND kind IN ('open', 'close') ORDER BY received_seq DESC`,
  shiftVoidsAndCloses: `SELECT body FROM shift_events WHERE store_id = $1 AND kind IN ('void', 'close') ORDER BY received_seq`,
  insertShiftEvent: `INSERT INTO shift_events (id, store_id, till_id, shift_id, kind, sequence, body, received_seq, received_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
  getStockDocument: `SELECT body FROM stock_documents WHERE id = $1`,
  stockDocumentsForStore: `SELECT body, recorded_at FROM stock_documents WHERE store_id = $1 ORDER BY recorded_at DESC, id COLLATE "C" LIMIT $2`,
  insertStockDocument: `INSERT INTO stock_documents (id, store_id, kind, body, recorded_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
  countEntries: `SELECT ${COUNT_ENTRY_COLUMNS} FROM stock_count_entries WHERE count_id = $1 AND ($2::text IS NULL OR product_id = $2) ORDER BY entered_at, entry_id COLLATE "C"`,
  // The (count, product) pairs with an entry at or after the time first (the index's range), then
  // their first counted entry, which must be at or after it too.
  countedSince: `SELECT count_id, product_id, MIN(entered_at) AS counted_at FROM stock_count_entries
                 WHERE store_id = $1 AND kind = 'counted' AND (count_id, product_id) IN (
                   SELECT count_id, product_id FROM stock_count_entries WHERE store_id = $1 AND product_id = ANY($2::text[]) AND entered_at >= $3)
                 GROUP BY count_id, product_id HAVING MIN(entered_at) >= $3`,
  addCountEntries: `INSERT INTO stock_count_entries (${COUNT_ENTRY_COLUMNS})
                    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
                    ON CONFLICT DO NOTHING RETURNING entry_id`,
  tillContacts: `SELECT till_id, last_contact_at, last_push_at, waiting, waiting_reported_at, refusals_capped_at FROM till_contacts`,
  tillContact: `SELECT till_id, last_contact_at, last_push_at, waiting, waiting_reported_at, refusals_capped_at FROM till_contacts WHERE till_id = $1`,
  touchTill: `INSERT INTO till_contacts (till_id, last_contact_at, last_push_at, waiting, waiting_reported_at) VALUES ($1, $2, $3, $4, $5)
              ON CONFLICT (till_id) DO UPDATE SET last_contact_at = excluded.last_contact_at,
                last_push_at = COALESCE(excluded.last_push_at, till_contacts.last_push_at),
                waiting = COALESCE(excluded.waiting, till_contacts.waiting),
                waiting_reported_at = COALESCE(excluded.waiting_reported_at, till_contacts.waiting_reported_at)`,
  markRefusalsCapped: `INSERT INTO till_contacts (till_id, last_contact_at, refusals_capped_at) VALUES ($1, $2, $2)
                       ON CONFLICT (till_id) DO UPDATE SET refusals_capped_at = excluded.refusals_capped_at`,
  owner: `SELECT collection, store_id, till_id FROM document_ids WHERE id = $1`,
  claim: `INSERT INTO document_ids (id, collection, store_id, till_id) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
  claimMany: `INSERT INTO document_ids (id, collection, store_id, till_id)
              SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
              ON CONFLICT (id) DO NOTHING RETURNING id`,
  owners: `SELECT id, collection, store_id, till_id FROM document_ids WHERE id = ANY($1::text[])`,
  keysOf: `SELECT field, value FROM customer_keys WHERE customer_id = $1`,
  sharingKey: `SELECT customer_id FROM customer_keys WHERE store_id = $1 AND field = $2 AND value = $3`,
  addKey: `INSERT INTO customer_keys (store_id, field, value, customer_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
  forgetKey: `DELETE FROM customer_keys WHERE customer_id = $1 AND field = $2 AND value = $3`,
  forgetKeys: `DELETE FROM customer_keys WHERE customer_id = $1`,
  mergedInto: `SELECT kept_id FROM customer_merges WHERE id = $1`,
  recordMerge: `INSERT INTO customer_merges (id, kept_id, store_id, merged_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (id) DO UPDATE SET kept_id = excluded.kept_id, merged_at = excluded.merged_at`,
  // Customers merged into the one now merged away follow it to the one kept.
  redirectMerges: `UPDATE customer_merges SET kept_id = $1 WHERE kept_id = $2`,
  pairingCode: `SELECT till_id, expires_at, used_at FROM pairing_codes WHERE code_hash = $1`,
  expireCodes: `UPDATE pairing_codes SET used_at = $1 WHERE till_id = $2 AND used_at IS NULL`,
  insertCode: `INSERT INTO pairing_codes (code_hash, till_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
  useCode: `UPDATE pairing_codes SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL`,
  deviceByCredential: `SELECT id, till_id, revoked_at FROM devices WHERE credential_hash = $1`,
  deviceSummaries: `SELECT till_id, MAX(paired_at) AS paired_at, MAX(revoked_at) AS revoked_at, COUNT(*) FILTER (WHERE revoked_at IS NULL) AS active
                    FROM devices GROUP BY till_id ORDER BY till_id COLLATE "C"`,
  revokeTill: `UPDATE devices SET revoked_at = $1 WHERE till_id = $2 AND revoked_at IS NULL`,
  addDevice: `INSERT INTO devices (id, till_id, credential_hash, paired_at) VALUES ($1, $2, $3, $4)`,
  accountById: `SELECT ${ACCOUNT_COLUMNS} FROM office_accounts WHERE id = $1`,
  accountByEmail: `SELECT ${ACCOUNT_COLUMNS} FROM office_accounts WHERE email = $1`,
  accounts: `SELECT ${ACCOUNT_COLUMNS} FROM office_accounts ORDER BY created_at, id COLLATE "C"`,
  hasOwner: `SELECT 1 AS found FROM office_accounts WHERE role = 'owner' LIMIT 1`,
  insertAccount: `INSERT INTO office_accounts (${ACCOUNT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
  updateAccount: `UPDATE office_accounts SET name = $1, role = $2, store_ids = $3, password_hash = $4, active = $5 WHERE id = $6`,
  session: `SELECT s.expires_at, ${ACCOUNT_COLUMNS.split(', ').map((column) => `a.${column}`).join(', ')}
            FROM office_sessions s JOIN office_accounts a ON a.id = s.account_id WHERE s.token_hash = $1`,
  addSession: `INSERT INTO office_sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
  endSession: `DELETE FROM office_sessions WHERE token_hash = $1`,
  endSessionsOf: `DELETE FROM office_sessions WHERE account_id = $1`,
  forgetExpired: `DELETE FROM office_sessions WHERE expires_at < $1`,
  setupToken: `SELECT value FROM meta WHERE key = 'owner_setup_token'`,
  setSetupToken: `INSERT INTO meta (key, value) VALUES ('owner_setup_token', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  forgetSetupToken: `DELETE FROM meta WHERE key = 'owner_setup_token'`,
  recordAudit: `INSERT INTO audit_log (${AUDIT_COLUMNS.replace('id, ', '')}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
  // Every filter optional: a null parameter lets every row through ($1 true: any actor).
  audit: `SELECT ${AUDIT_COLUMNS} FROM audit_log
          WHERE ($1::boolean OR actor_id IS NOT DISTINCT FROM $2::text)
            AND ($3::text IS NULL OR kind = $3::text)
            AND ($4::text IS NULL OR at >= $4::text)
            AND ($5::text IS NULL OR at <= $5::text)
            AND ($6::text[] IS NULL OR store_id = ANY($6::text[]))
          ORDER BY id DESC LIMIT $7`,
} as const;

/**
 * getDocuments for `count` collections in one statement: $1 and $2 the first's name and ids, $3 and
 * $4 the second's, and so on. (Pairs of collection and id joined to documents, the planner hashes
 * the whole table; each arm here looks its ids up in the index.)
 */
function documentsAcross(count: number): string {
  return Array.from({ length: count }, (_, index) => `SELECT $${2 * index + 1}::text AS collection, id, store_id, till_id, seq, deleted, body FROM documents WHERE collection = $${2 * index + 1} AND id = ANY($${2 * index + 2}::text[])`).join(' UNION ALL ');
}

/**
 * Many JSON bodies as one text parameter, which the statement splits with string_to_array($n, chr(30)).
 * JSON.stringify writes every control character escaped, so no body holds the separator (U+001E).
 * A text[] parameter would have pg escape every quote of every body, and PostgreSQL read the escapes
 * back (escaping alone was about 6 % of the server's CPU per pushed sale in a profile).
 */
const BODY_SEPARATOR = '\u001e';

/** The statement of ReportReads.slowStock, each position's worth multiplied as `worth` (see SQL.slowStock). */
function slowStockStatement(worth: 'bigint' | 'numeric'): string {
  return `WITH stores AS (SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) AS s (store_id, since, rank)),
      products AS (SELECT * FROM unnest($4::text[], $5::bigint[]) AS c (product_id, cost)),
      slow AS MATERIALIZED (
        SELECT p.store_id, p.product_id, p.quantity, p.average_cost, p.last_sold, s.rank, p.quantity::${worth} * coalesce(p.average_cost, products.cost) AS value
        FROM stores AS s JOIN stock_positions AS p ON p.store_id = s.store_id JOIN products ON products.product_id = p.product_id
        WHERE p.quantity > 0 AND (p.last_sold IS NULL OR p.last_sold < s.since)),
      edge AS MATERIALIZED (SELECT value, rank FROM slow ORDER BY value DESC NULLS LAST, rank OFFSET $6 - 1 LIMIT 1)
    SELECT sums.count::text AS count, sums.value::text AS value,
      (SELECT json_agg(json_build_array(slow.store_id, slow.product_id, slow.quantity::text, slow.average_cost::text, slow.value::text, slow.last_sold)) FROM slow
       LEFT JOIN edge ON true
       WHERE edge.rank IS NULL
         OR (CASE WHEN edge.value IS NULL THEN slow.value IS NOT NULL OR slow.rank <= edge.rank
             ELSE slow.value > edge.value OR (slow.value = edge.value AND slow.rank <= edge.rank) END)) AS top
    FROM (SELECT COUNT(*) AS count, coalesce(SUM(value), 0) AS value FROM slow) AS sums`;
}

/** A row of stock_positions as read. */
interface PositionRow {
  store_id: string;
  product_id: string;
  quantity: BigInt8 | null;
  average_cost: BigInt8 | null;
}

/** Rows of stock_positions as the port's positions. */
function stockPositions(found: readonly PositionRow[]): StockPosition[] {
  return found.map((row) => ({
    storeId: row.store_id,
    productId: row.product_id,
    quantity: row.quantity === null ? null : BigInt(row.quantity),
    averageCost: row.average_cost === null ? null : BigInt(row.average_cost),
  }));
}

/** Positions as the three arrays stock_positions' statements take. */
function positionColumns(positions: readonly PositionWrite[]): [string[], string[], (string | null)[]] {
  return [positions.map((position) => position.storeId), positions.map((position) => position.productId), positions.map((position) => (position.value === null ? null : position.value.toString()))];
}

function joinedBodies(bodies: readonly unknown[]): string {
  return bodies.map((body) => JSON.stringify(body)).join(BODY_SEPARATOR);
}

/**
 * The documents of a putMany as they go into one INSERT: the last of each (collection, id) only,
 * since PostgreSQL refuses to update one row twice in one INSERT ... ON CONFLICT DO UPDATE; as
 * separate statements in order, as on SQLite, the last would win anyway.
 */
function lastOfEach(documents: readonly DocumentWrite[]): DocumentWrite[] {
  const byKey = new Map<string, DocumentWrite>();
  for (const document of documents) {
    const key = JSON.stringify([document.collection, document.body.id]);
    byKey.delete(key);
    byKey.set(key, document);
  }
  return [...byKey.values()];
}

/**
 * Every operation of the port over `run`: on a transaction's client for `StorageTransaction`, on
 * the pool for the port's own reads. Each operation is one round trip, but for the few that must
 * read what a write did (an id's owner after a claim that met one) or write twice (a merge, a new
 * pairing code).
 */
/**
 * How a large report's grouping runs: with more memory than PostgreSQL's default (4 MB), so a year of
 * a large store's product-days is hashed in memory, not spilt to disk in batches, and without JIT
 * compiling, which took longer than it saved. Set for that statement's transaction alone.
 */
const ANALYTIC_SETTINGS = `SET LOCAL work_mem = '64MB'; SET LOCAL jit = off`;

/**
 * The pending sums (FOLD_PENDING) as the operations meet them: `fold` before a read of the sums,
 * `added` after a write that left pending rows.
 */
interface PendingSums {
  fold(): Promise<void>;
  added(): void;
}

function operations(run: Run, sums: PendingSums, taken: SequenceBlock = { next: 0, end: 0 }, analytic: Run = run, lastSales = new LastSales(), inTransaction = false): StorageTransaction {
  /** Quantities as stock_positions' statement takes them, each with the last sale day noted for it. */
  const quantityColumns = (quantities: readonly PositionWrite[]) => [...positionColumns(quantities), quantities.map((position) => lastSales.take(position.storeId, position.productId))];
  const rows = async <R extends QueryResultRow>(text: string, values?: unknown[]): Promise<R[]> => (await run<R>(text, values)).rows;
  const first = async <R extends QueryResultRow>(text: string, values?: unknown[]): Promise<R | undefined> => (await run<R>(text, values)).rows[0];
  const changed = async (text: string, values?: unknown[]): Promise<number> => (await run(text, values)).rowCount ?? 0;
  const bodies = async <T>(text: string, values?: unknown[]): Promise<T[]> => (await rows<{ body: string }>(text, values)).map((row) => JSON.parse(row.body) as T);
  return {
    sequence: {
      async allocate(count) {
        if (!Number.isInteger(count) || count < 1) throw new RangeError(`allocate takes a whole count of at least 1, not ${count}`);
        // The numbers taken as the transaction began, while they last.
        if (taken.end - taken.next >= count) {
          taken.next += count;
          return taken.next - count;
        }
        const row = await first<{ value: string }>(SQL.allocate, [count]);
        return Number(row!.value) - count + 1;
      },
      async current() {
        return Number((await first<{ value: string }>(SQL.currentSeq))!.value);
      },
    },
    documents: {
      async get<T>(collection: DocumentCollection, id: string): Promise<StoredDocument<T> | undefined> {
        const row = await first<DocumentRow>(SQL.getDocument, [collection, id]);
        return row && storedDocument<T>(collection, row);
      },
      async getAcross<T extends Record<string, unknown>>(requests: { [Name in keyof T]: DocumentRequest }) {
        const names = Object.keys(requests) as (keyof T & string)[];
        const wanted = new Map<DocumentCollection, Set<string>>();
        for (const name of names) {
          const ids = wanted.get(requests[name].collection) ?? new Set<string>();
          for (const id of requests[name].ids) ids.add(id);
          if (ids.size > 0) wanted.set(requests[name].collection, ids);
        }
        const values = [...wanted].flatMap(([collection, ids]) => [collection, [...ids]]);
        const found = wanted.size === 0 ? [] : await rows<DocumentRow & { collection: DocumentCollection }>(documentsAcross(wanted.size), values);
        const byCollection = new Map<DocumentCollection, Map<string, DocumentRow>>();
        for (const row of found) byCollection.set(row.collection, (byCollection.get(row.collection) ?? new Map<string, DocumentRow>()).set(row.id, row));
        const answer = {} as { [Name in keyof T]: Map<string, StoredDocument<T[Name]>> };
        for (const name of names) {
          const { collection, ids } = requests[name];
          const documents = new Map<string, StoredDocument<T[typeof name]>>();
          for (const id of ids) {
            const row = byCollection.get(collection)?.get(id);
            if (row) documents.set(id, storedDocument(collection, row));
          }
          answer[name] = documents;
        }
        return answer;
      },
      async getMany<T>(collection: DocumentCollection, ids: readonly string[]): Promise<Map<string, StoredDocument<T>>> {
        const wanted = [...new Set(ids)];
        const found = new Map<string, StoredDocument<T>>();
        if (wanted.length === 0) return found;
        const byId = new Map((await rows<DocumentRow>(SQL.getDocuments, [collection, wanted])).map((row) => [row.id, row]));
        // In the order asked for, as SQLite's one look-up per id answers.
        for (const id of wanted) {
          const row = byId.get(id);
          if (row) found.set(id, storedDocument<T>(collection, row));
        }
        return found;
      },
      async list<T>(collection: DocumentCollection, storeId: string): Promise<T[]> {
        return bodies<T>(SQL.listDocuments, [collection, storeId]);
      },
      async all<T>(collection: DocumentCollection): Promise<T[]> {
        return bodies<T>(SQL.allDocuments, [collection]);
      },
      async fields<T>(collection: DocumentCollection, storeId: string | null, fields: Record<keyof T, FieldKind>): Promise<T[]> {
        // The bodies parsed here: taking fields out in PostgreSQL (a json or jsonb parse of every body
        // there) took as long as sending the text, or four times as long (100,000 products).
        const names = fieldNames(fields);
        const found = await bodies<Record<string, unknown>>(storeId === null ? SQL.allDocuments : SQL.listDocuments, storeId === null ? [collection] : [collection, storeId]);
        return found.map((body) => fieldsFromValues(fields, names, names.map((name) => body[name])));
      },
      async fieldsAfter<T>(collection: DocumentCollection, afterSeq: number, fields: Record<keyof T, FieldKind>): Promise<ChangedFields<T>[]> {
        const names = fieldNames(fields);
        const found = await rows<{ id: string; seq: BigInt8; deleted: boolean; body: string }>(SQL.documentsAfter, [collection, afterSeq]);
        return found.map((row) => {
          const body = JSON.parse(row.body) as Record<string, unknown>;
          return { id: row.id, seq: Number(row.seq), deleted: row.deleted, fields: fieldsFromValues(fields, names, names.map((name) => body[name])) };
        });
      },
      async positions(storeId) {
        return stockPositions(await rows<PositionRow>(storeId === null ? SQL.positionsOfAll : SQL.positionsOfStore, storeId === null ? [] : [storeId]));
      },
      async lastSeq(collection) {
        return Number((await first<{ seq: BigInt8 | null }>(SQL.lastSeq, [collection]))?.seq ?? 0);
      },
      async onHand(storeIds, productIds) {
        if (storeIds.length === 0 || productIds.length === 0) return new Map();
        const found = await rows<{ product_id: string; quantity: string }>(SQL.onHand, [[...storeIds], [...new Set(productIds)]]);
        return new Map(found.map((row) => [row.product_id, BigInt(row.quantity)]));
      },
      async stockValueSums(storeIds) {
        const [valued, unvalued] = await Promise.all([
          first<{ valued: string | null }>(SQL.stockValued, [storeIds]),
          rows<{ product_id: string; quantity: string }>(SQL.stockUnvalued, [storeIds]),
        ]);
        return { valued: BigInt(valued?.valued ?? '0'), unvalued: new Map(unvalued.map((row) => [row.product_id, BigInt(row.quantity)])) };
      },
      async containing<T>(collection: DocumentCollection, needles: readonly string[]) {
        if (needles.length === 0) return [];
        return bodies<T>(SQL.documentsContaining, [collection, needles.map(likePattern)]);
      },
      async pullJson(collection, till, after, limit) {
        const page = await rows<{ id: string; seq: BigInt8; deleted: boolean; body: string }>(SQL.pull, [collection, till.storeId, till.id, after?.seq ?? 0, limit]);
        const last = page.at(-1);
        // Every stored body is a JSON object written by JSON.stringify: "{...}" with at least one field.
        const documents = page.map((row) => `${row.body.slice(0, -1)},"_deleted":${row.deleted ? 'true' : 'false'}}`);
        const checkpoint = last ? { seq: Number(last.seq), id: last.id } : after;
        return `{"documents":[${documents.join(',')}],"checkpoint":${JSON.stringify(checkpoint)}}`;
      },
      async put(write) {
        const { collection, body, storeId, tillId = null, seq, deleted = false } = write;
        await run(SQL.putDocument, [collection, body.id, storeId, tillId, seq, deleted, JSON.stringify(body)]);
        const { quantities, costs } = positionWrites([write]);
        if (quantities.length > 0) await run(SQL.putPositionQuantities, quantityColumns(quantities));
        if (costs.length > 0) await run(SQL.putPositionCosts, positionColumns(costs));
      },
      async putMany(documents) {
        const writes = lastOfEach(documents);
        if (writes.length === 0) return;
        const { quantities, costs } = positionWrites(writes);
        const columns = [
          writes.map((write) => write.collection),
          writes.map((write) => write.body.id),
          writes.map((write) => write.storeId),
          writes.map((write) => write.tillId ?? null),
          writes.map((write) => write.seq),
          writes.map((write) => write.deleted ?? false),
          joinedBodies(writes.map((write) => write.body)),
        ];
        if (quantities.length > 0) await run(SQL.putDocumentsAndQuantities, [...columns, ...quantityColumns(quantities)]);
        else await run(SQL.putDocuments, columns);
        if (costs.length > 0) await run(SQL.putPositionCosts, positionColumns(costs));
      },
    },
    sales: {
      async get(id) {
        const row = await first<SaleRow>(SQL.getSale, [id]);
        return row && storedSale(row);
      },
      async getMany(ids) {
        const wanted = [...new Set(ids)];
        const found = new Map<string, StoredSale>();
        if (wanted.length === 0) return found;
        const byId = new Map((await rows<SaleRow>(SQL.getSales, [wanted])).map((row) => [row.id, row]));
        for (const id of wanted) {
          const row = byId.get(id);
          if (row) found.set(id, storedSale(row));
        }
        return found;
      },
      async byNumber(tillId, number) {
        const row = await first<SaleRow>(SQL.saleByNumber, [tillId, number]);
        return row && storedSale(row);
      },
      async heldFrom(tillId, number, limit) {
        const held = await rows<{ number: BigInt8 } & { [Column in keyof SaleRow]: SaleRow[Column] | null }>(SQL.salesHeldFrom, [tillId, number, limit]);
        return held.map((row) => ({ number: Number(row.number), sale: row.id === null ? undefined : storedSale(row as SaleRow) }));
      },
      async returnsOf(saleId) {
        return bodies<Sale>(SQL.returnsOf, [saleId]);
      },
      async byReceipt(storeId, receiptNumber) {
        return bodies<Sale>(SQL.salesByReceipt, [storeId, receiptNumber]);
      },
      async ofShift(storeId, shiftId) {
        return bodies<Sale>(SQL.salesOfShift, [storeId, shiftId]);
      },
      async recent(storeId, limit) {
        return (await rows<SaleRow>(SQL.recentSales, [storeId, limit])).map(storedSale);
      },
      async count(storeId) {
        return Number((await first<{ count: BigInt8 }>(SQL.countSales, [storeId]))!.count);
      },
      async appliedAfter(after, limit) {
        return (await rows<SaleRow>(SQL.appliedSalesAfter, [after?.tillId ?? '', after?.number ?? 0, limit])).map(storedSale);
      },
      async insert(sale, receivedSeq, receivedAt) {
        const inserted = await changed(SQL.insertSale, [
          sale.id,
          sale.storeId,
          sale.tillId,
          sale.number,
          JSON.stringify(sale),
          receivedSeq,
          receivedAt,
          sale.returnOf?.saleId ?? null,
          sale.receiptNumber ?? null,
          sale.shiftId ?? null,
        ]);
        return { inserted: inserted === 1 };
      },
      async insertMany(sales, receivedAt) {
        if (sales.length === 0) return new Set();
        const column = <T>(pick: (entry: (typeof sales)[number]) => T) => sales.map(pick);
        const inserted = await rows<{ id: string }>(SQL.insertSales, [
          column(({ sale }) => sale.id),
          column(({ sale }) => sale.storeId),
          column(({ sale }) => sale.tillId),
          column(({ sale }) => sale.number),
          joinedBodies(column(({ sale }) => sale)),
          column(({ receivedSeq }) => receivedSeq),
          column(({ sale }) => sale.returnOf?.saleId ?? null),
          column(({ sale }) => sale.receiptNumber ?? null),
          column(({ sale }) => sale.shiftId ?? null),
          receivedAt,
        ]);
        return new Set(inserted.map((row) => row.id));
      },
      async markApplied(saleIds, at, ledger = []) {
        if (ledger.length > 0) {
          await run(SQL.markAppliedWithLedger, [at, [...new Set(saleIds)], ...ledgerColumns(ledger)]);
          sums.added();
        } else if (saleIds.length > 0) await run(SQL.markApplied, [at, [...new Set(saleIds)]]);
      },
    },
    reports: {
      async sums(storeIds, dimension, fromDay, toDay, group) {
        await sums.fold();
        type Row = { grouped: string; first_day: string; last_day: string } & Record<(typeof MEASURES)[number], string>;
        // Sums over months, or over more than a month of days, are large (thousands of keys a month,
        // years of days): hashed in memory, no JIT (see analytic); two years of the accountant's days
        // over 50 stores took a third less. A few days (a dashboard's today) run as any other read.
        const months = fromDay.length === 7;
        const read = months || Date.parse(toDay) - Date.parse(fromDay) > 31 * 86_400_000 ? analytic : run;
        const found =
          group === 'key' && storeIds.length === 1 && storeIds[0] === CHAIN_STORE
            ? (await read<Row>(SQL.chainSumsByKey, [dimension, fromDay, toDay])).rows
            : group === 'key' && dimension === 'customer'
              ? (await read<Row>(SQL.customerSums, [[...storeIds], fromDay, toDay])).rows
              : (await read<Row>(SQL[`reportSumsBy_${group}`], [[...storeIds], dimension, fromDay, toDay])).rows;
        return found.map((row) => reportSumOf(group, row.grouped, row.first_day, row.last_day, Object.fromEntries(MEASURES.map((measure) => [measure, BigInt(row[measure])])) as unknown as ReportMeasures));
      },
      async customersWhoBought(storeIds, customerIds, fromDay, toDay) {
        if (customerIds.length === 0 || storeIds.length === 0) return new Set();
        await sums.fold();
        if ((await first(SQL.anyCustomerBought, [[...storeIds], fromDay, toDay])) === undefined) return new Set();
        return new Set((await rows<{ key: string }>(SQL.customersWhoBought, [[...new Set(customerIds)], [...storeIds], fromDay, toDay])).map((row) => row.key));
      },
      async slowStock({ stores, products, limit }) {
        const values = [
          stores.map((store) => store.storeId),
          stores.map((store) => store.since),
          stores.map((store) => store.rank),
          [...products.keys()],
          [...products.values()].map((cost) => (cost === null ? null : cost.toString())),
          Math.max(1, limit),
        ];
        type Row = { count: string; value: string; top: [string, string, string, string | null, string | null, string | null][] | null };
        // A chain's hundreds of thousands of positions: with more memory and no JIT (see analytic).
        // Inside a transaction a refused statement would end it: there, in numeric at once.
        let found: Row;
        try {
          found = (await analytic<Row>(inTransaction ? SQL.slowStockExact : SQL.slowStock, values)).rows[0]!;
        } catch (error) {
          // A worth past 64 bits ("bigint out of range"): in numeric, exactly.
          if (inTransaction || (error as { code?: unknown }).code !== '22003') throw error;
          found = (await analytic<Row>(SQL.slowStockExact, values)).rows[0]!;
        }
        const big = (text: string | null) => (text === null ? null : BigInt(text));
        return {
          count: Number(found.count),
          value: BigInt(found.value),
          top: (found.top ?? []).map(([storeId, productId, quantity, averageCost, value, lastSold]) => ({ storeId, productId, quantity: BigInt(quantity), averageCost: big(averageCost), value: big(value), lastSold })),
        };
      },
      async any() {
        await sums.fold();
        return (await first(SQL.anyReportFact)) !== undefined;
      },
      async held(storeIds, dimension, fromDay, toDay) {
        if (storeIds.length === 0) return false;
        // Asked at once, two of these share one fold (PostgresStorage.fold).
        await sums.fold();
        return (await first(SQL.reportFactHeld, [[...storeIds], dimension, fromDay, toDay])) !== undefined;
      },
      async add(facts) {
        // A month's or the chain's fact pending would make the fold add its key twice, and fail every fold after.
        checkDayFacts(facts);
        if (facts.length === 0) return;
        lastSales.note(facts);
        await run(SQL.addReportFacts, [
          facts.map((fact) => fact.storeId),
          facts.map((fact) => fact.dimension),
          facts.map((fact) => fact.day),
          facts.map((fact) => fact.key),
          ...MEASURES.map((measure) => facts.map((fact) => fact[measure].toString())),
        ]);
        sums.added();
      },
    },
    ledger: {
      async entries(storeId, productId) {
        const found = productId === undefined ? await rows<LedgerRow>(SQL.ledgerForStore, [storeId]) : await rows<LedgerRow>(SQL.ledgerForProduct, [storeId, productId]);
        return found.map(ledgerEntry);
      },
      async entriesOf(storeId, productIds) {
        if (productIds.length === 0) return [];
        return (await rows<LedgerRow>(SQL.ledgerForProducts, [storeId, [...new Set(productIds)]])).map(ledgerEntry);
      },
      async netSales(storeId, fromDay, toDay) {
        await sums.fold();
        // A year of a large store sums millions of product-days: with more memory and no JIT (see
        // analytic). A short window reads as any other statement: the analytic transaction's own
        // connection and three round trips took most of a running low report's 50 stores.
        type Row = { product_id: string; total: string; squares: string | null; large_squares: string | null };
        const window = salesWindow(fromDay, toDay);
        const found = window === 'short' ? await rows<Row>(SQL.netSales_short, [storeId, fromDay, toDay]) : (await analytic<Row>(SQL.netSales_long, [storeId, fromDay, toDay])).rows;
        return found.map((row) => ({
          productId: row.product_id,
          total: scaledDecimal(BigInt(row.total), 3),
          squares: scaledDecimal(BigInt(row.squares ?? '0') + BigInt(row.large_squares ?? '0'), 6),
        }));
      },
      async toWatch(storeId, fromDay, toDay, named, lines) {
        await sums.fold();
        type Row = { product_id: string; positioned: boolean; quantity: BigInt8 | null; average_cost: BigInt8 | null; total: string | null; squares: string | null; large_squares: string | null };
        const window = salesWindow(fromDay, toDay);
        const values = [storeId, fromDay, toDay, [...new Set(named)], (Date.parse(toDay) - Date.parse(fromDay)) / 86_400_000 + 1, lines.coverDays, lines.leadDays, lines.z * lines.z];
        // As netSales: a short window on the pool, a long one with the analytic settings.
        const found = window === 'short' ? await rows<Row>(SQL.toWatch_short, values) : (await analytic<Row>(SQL.toWatch_long, values)).rows;
        const positions: StockPosition[] = [];
        const sales: NetSales[] = [];
        for (const row of found) {
          if (row.positioned) positions.push({ storeId, productId: row.product_id, quantity: row.quantity === null ? null : BigInt(row.quantity), averageCost: row.average_cost === null ? null : BigInt(row.average_cost) });
          if (row.total !== null) sales.push({ productId: row.product_id, total: scaledDecimal(BigInt(row.total), 3), squares: scaledDecimal(BigInt(row.squares ?? '0') + BigInt(row.large_squares ?? '0'), 6) });
        }
        return { positions, sales };
      },
      async stockAt(storeId, until) {
        const found = await rows<{ product_id: string; quantity: string; unit_cost: string | null; after: string; before: string; last: boolean }>(SQL.stockAt, [storeId, until]);
        return stockAtFromRows(
          found.map((row) => ({ productId: row.product_id, after: shortDecimal(row.after), before: shortDecimal(row.before), quantity: row.quantity, unitCost: row.unit_cost, last: row.last })),
        );
      },
      async append(entries) {
        if (entries.length === 0) return;
        await run(SQL.appendLedger, ledgerColumns(entries));
        // The ledger's trigger adds its sales and returns to the pending sales per product and day.
        sums.added();
      },
    },
    refusals: {
      async get(id) {
        const row = await first<RefusalRow>(SQL.getRefusal, [id]);
        return row && storedRefusal(row);
      },
      async openTotals(tillId) {
        const row = (await first<{ count: BigInt8; bytes: string }>(SQL.openRefusalTotals, [tillId]))!;
        return { count: Number(row.count), bytes: Number(row.bytes) };
      },
      async holdsNumber(tillId, number) {
        return (await first(SQL.refusalAtNumber, [tillId, number])) !== undefined;
      },
      async forStore(storeId, limit) {
        return (await rows<RefusalRow>(SQL.refusalsForStore, [storeId, limit])).map(storedRefusal);
      },
      async openCounts(storeId) {
        return new Map((await rows<{ till_id: string; count: BigInt8 }>(SQL.refusalCounts, [storeId])).map((row) => [row.till_id, Number(row.count)]));
      },
      async put(refusal) {
        await run(SQL.putRefusal, [
          refusal.id,
          refusal.storeId,
          refusal.tillId,
          refusal.collection,
          refusal.number,
          JSON.stringify(refusal.document),
          refusal.bytes,
          JSON.stringify(refusal.problems),
          refusal.attempts,
          refusal.firstRefusedAt,
          refusal.lastRefusedAt,
        ]);
      },
      async accept(id, tillId, collection, at) {
        return { accepted: (await changed(SQL.acceptRefusal, [at, id, tillId, collection])) === 1 };
      },
    },
    exceptions: {
      async forStore(storeId, limit) {
        const found = await rows<{ id: BigInt8; kind: ExceptionKind; product_id: string; document_id: string; till_id: string; details: string; raised_at: string }>(SQL.exceptionsForStore, [
          storeId,
          limit,
        ]);
        return found.map((row) => ({
          id: Number(row.id),
          kind: row.kind,
          productId: row.product_id,
          documentId: row.document_id,
          tillId: row.till_id,
          details: JSON.parse(row.details) as Record<string, string>,
          raisedAt: row.raised_at,
        }));
      },
      async raise(exception) {
        await run(SQL.raiseException, [exception.storeId, exception.kind, exception.productId, exception.documentId, exception.tillId, JSON.stringify(exception.details), exception.raisedAt]);
      },
      async raiseMany(exceptions) {
        if (exceptions.length === 0) return;
        await run(SQL.raiseExceptions, [
          exceptions.map((exception) => exception.storeId),
          exceptions.map((exception) => exception.kind),
          exceptions.map((exception) => exception.productId),
          exceptions.map((exception) => exception.documentId),
          exceptions.map((exception) => exception.tillId),
          exceptions.map((exception) => JSON.stringify(exception.details)),
          exceptions.map((exception) => exception.raisedAt),
        ]);
      },
    },
    shiftEvents: {
      async get(id) {
        const row = await first<{ till_id: string; body: string }>(SQL.getShiftEvent, [id]);
        return row && { tillId: row.till_id, event: JSON.parse(row.body) as ShiftEvent };
      },
      async idAtSequence(tillId, sequence) {
        return (await first<{ id: string }>(SQL.shiftEventAtSequence, [tillId, sequence]))?.id;
      },
      async otherTill(storeId, shiftId, tillId) {
        return (await first<{ till_id: string }>(SQL.shiftOtherTill, [storeId, shiftId, tillId]))?.till_id;
      },
      async closeOf(storeId, shiftId) {
        const row = await first<{ id: string; sequence: BigInt8 }>(SQL.shiftClose, [storeId, shiftId]);
        return row && { id: row.id, sequence: Number(row.sequence) };
      },
      async ofShift(storeId, shiftId) {
        return (await rows<{ body: string; received_at: string }>(SQL.shiftEvents, [storeId, shiftId])).map((row) => ({ event: JSON.parse(row.body) as ShiftEvent, receivedAt: row.received_at }));
      },
      async storeOf(shiftId) {
        return ((await first<{ store_id: string }>(SQL.shiftStoreById, [shiftId])) ?? (await first<{ store_id: string }>(SQL.shiftStoreByShift, [shiftId])))?.store_id;
      },
      async opensAndCloses(storeId) {
        return bodies<ShiftEvent>(SQL.shiftOpensAndCloses, [storeId]);
      },
      async voidsAndCloses(storeId) {
        return bodies<ShiftEvent>(SQL.shiftVoidsAndCloses, [storeId]);
      },
      async insert(event, receivedSeq, receivedAt) {
        const inserted = await changed(SQL.insertShiftEvent, [
          event.id,
          event.storeId,
          event.tillId,
          event.shiftId,
          event.kind,
          event.sequence,
          JSON.stringify(event),
          receivedSeq,
          receivedAt,
        ]);
        return { inserted: inserted === 1 };
      },
    },
    stockDocuments: {
      async get(id) {
        const row = await first<{ body: string }>(SQL.getStockDocument, [id]);
        return row && (JSON.parse(row.body) as StockDocument);
      },
      async forStore(storeId, limit) {
        return (await rows<{ body: string; recorded_at: string }>(SQL.stockDocumentsForStore, [storeId, limit])).map((row) => ({
          document: JSON.parse(row.body) as StockDocument,
          recordedAt: row.recorded_at,
        }));
      },
      async insert(document, recordedAt) {
        const inserted = await changed(SQL.insertStockDocument, [document.id, document.storeId, document.kind, JSON.stringify(document), recordedAt]);
        return { inserted: inserted === 1 };
      },
    },
    stockCounts: {
      async entries(countId, productId) {
        return (await rows<CountEntryRow>(SQL.countEntries, [countId, productId ?? null])).map(countEntry);
      },
      async countedSince(storeId, productIds, since) {
        if (productIds.length === 0) return [];
        return (await rows<{ count_id: string; product_id: string; counted_at: string }>(SQL.countedSince, [storeId, productIds, since])).map((row) => ({
          countId: row.count_id,
          productId: row.product_id,
          countedAt: row.counted_at,
        }));
      },
      async add(entries) {
        if (entries.length === 0) return new Set();
        const columns = entries.map(countEntryRow);
        const column = <K extends keyof CountEntryRow>(key: K) => columns.map((row) => row[key]);
        const written = await rows<{ entry_id: string }>(SQL.addCountEntries, [
          column('count_id'),
          column('entry_id'),
          column('store_id'),
          column('product_id'),
          column('kind'),
          column('quantity'),
          column('expected'),
          column('document_id'),
          column('made_at'),
          column('entered_at'),
          column('entered_by'),
        ]);
        return new Set(written.map((row) => row.entry_id));
      },
    },
    tillContacts: {
      async all() {
        return (await rows<ContactRow>(SQL.tillContacts)).map(tillContact);
      },
      async get(tillId) {
        const row = await first<ContactRow>(SQL.tillContact, [tillId]);
        return row && tillContact(row);
      },
      async touch(contact) {
        await run(SQL.touchTill, [contact.tillId, contact.at, contact.pushAt, contact.waiting, contact.waitingAt]);
      },
      async markRefusalsCapped(tillId, at) {
        await run(SQL.markRefusalsCapped, [tillId, at]);
      },
    },
    owners: {
      async get(id) {
        const row = await first<{ collection: PushedCollection; store_id: string; till_id: string | null }>(SQL.owner, [id]);
        return row && { collection: row.collection, storeId: row.store_id, tillId: row.till_id };
      },
      async claimMany(claims) {
        const answers = new Map<string, { claimed: boolean; owner: IdOwner }>();
        // The first claim of each id, as one claim after another would leave it.
        const firsts = new Map<string, IdOwner>();
        for (const { id, owner } of claims) if (!firsts.has(id)) firsts.set(id, owner);
        if (firsts.size === 0) return answers;
        const ids = [...firsts.keys()];
        const owners = [...firsts.values()];
        const claimed = new Set(
          (await rows<{ id: string }>(SQL.claimMany, [ids, owners.map((owner) => owner.collection), owners.map((owner) => owner.storeId), owners.map((owner) => owner.tillId)])).map((row) => row.id),
        );
        const held = claimed.size === ids.length ? [] : await rows<{ id: string; collection: PushedCollection; store_id: string; till_id: string | null }>(SQL.owners, [ids.filter((id) => !claimed.has(id))]);
        const heldBy = new Map(held.map((row) => [row.id, { collection: row.collection, storeId: row.store_id, tillId: row.till_id } satisfies IdOwner]));
        for (const [id, owner] of firsts) answers.set(id, claimed.has(id) ? { claimed: true, owner } : { claimed: false, owner: heldBy.get(id)! });
        return answers;
      },
      async claim(id, owner) {
        if ((await changed(SQL.claim, [id, owner.collection, owner.storeId, owner.tillId])) === 1) return { claimed: true, owner };
        const row = (await first<{ collection: PushedCollection; store_id: string; till_id: string | null }>(SQL.owner, [id]))!;
        const held: IdOwner = { collection: row.collection, storeId: row.store_id, tillId: row.till_id };
        return { claimed: false, owner: held };
      },
    },
    customerKeys: {
      async keysOf(customerId) {
        return rows<{ field: 'phone' | 'email'; value: string }>(SQL.keysOf, [customerId]);
      },
      async sharing(storeId, key) {
        return (await rows<{ customer_id: string }>(SQL.sharingKey, [storeId, key.field, key.value])).map((row) => row.customer_id);
      },
      async mergedInto(customerId) {
        return (await first<{ kept_id: string }>(SQL.mergedInto, [customerId]))?.kept_id;
      },
      async addKey(storeId, key, customerId) {
        await run(SQL.addKey, [storeId, key.field, key.value, customerId]);
      },
      async forgetKey(customerId, key) {
        await run(SQL.forgetKey, [customerId, key.field, key.value]);
      },
      async forgetKeys(customerId) {
        await run(SQL.forgetKeys, [customerId]);
      },
      async recordMerge(merge) {
        await run(SQL.recordMerge, [merge.id, merge.keptId, merge.storeId, merge.mergedAt]);
        await run(SQL.redirectMerges, [merge.keptId, merge.id]);
      },
    },
    devices: {
      async pairingCode(codeHash) {
        const row = await first<{ till_id: string; expires_at: string; used_at: string | null }>(SQL.pairingCode, [codeHash]);
        return row && { tillId: row.till_id, expiresAt: row.expires_at, usedAt: row.used_at };
      },
      async byCredential(credentialHash) {
        const row = await first<{ id: string; till_id: string; revoked_at: string | null }>(SQL.deviceByCredential, [credentialHash]);
        return row && { id: row.id, tillId: row.till_id, revokedAt: row.revoked_at };
      },
      async summaries() {
        return (await rows<{ till_id: string; paired_at: string; revoked_at: string | null; active: BigInt8 }>(SQL.deviceSummaries)).map((row) => ({
          tillId: row.till_id,
          pairedAt: row.paired_at,
          revokedAt: row.revoked_at,
          active: Number(row.active) > 0,
        }));
      },
      async newPairingCode(code) {
        await run(SQL.expireCodes, [code.createdAt, code.tillId]);
        await run(SQL.insertCode, [code.codeHash, code.tillId, code.createdAt, code.expiresAt]);
      },
      async useCode(codeHash, at) {
        return { used: (await changed(SQL.useCode, [at, codeHash])) === 1 };
      },
      async revokeTill(tillId, at) {
        await run(SQL.revokeTill, [at, tillId]);
      },
      async addDevice(device) {
        await run(SQL.addDevice, [device.id, device.tillId, device.credentialHash, device.pairedAt]);
      },
    },
    officeAccounts: {
      async get(id) {
        const row = await first<AccountRow>(SQL.accountById, [id]);
        return row && storedAccount(row);
      },
      async byEmail(email) {
        const row = await first<AccountRow>(SQL.accountByEmail, [email]);
        return row && storedAccount(row);
      },
      async all() {
        return (await rows<AccountRow>(SQL.accounts)).map(storedAccount);
      },
      async hasOwner() {
        return (await first(SQL.hasOwner)) !== undefined;
      },
      async session(tokenHash) {
        const row = await first<AccountRow & { expires_at: string }>(SQL.session, [tokenHash]);
        return row && { expiresAt: row.expires_at, account: storedAccount(row) };
      },
      async setupToken() {
        return (await first<{ value: string }>(SQL.setupToken))?.value;
      },
      async insert(account) {
        return { inserted: (await changed(SQL.insertAccount, accountValues(account))) === 1 };
      },
      async update(account) {
        await run(SQL.updateAccount, [account.name, account.role, JSON.stringify(account.storeIds), account.passwordHash, account.active ? 1 : 0, account.id]);
      },
      async addSession(session) {
        await run(SQL.addSession, [session.tokenHash, session.accountId, session.createdAt, session.expiresAt]);
      },
      async endSession(tokenHash) {
        await run(SQL.endSession, [tokenHash]);
      },
      async endSessionsOf(accountId) {
        await run(SQL.endSessionsOf, [accountId]);
      },
      async forgetExpired(at) {
        await run(SQL.forgetExpired, [at]);
      },
      async setSetupToken(tokenHash) {
        if (tokenHash === null) await run(SQL.forgetSetupToken);
        else await run(SQL.setSetupToken, [tokenHash]);
      },
    },
    audit: {
      async list(filter) {
        const values = [filter.actorId === undefined, filter.actorId ?? null, filter.kind ?? null, filter.from ?? null, filter.to ?? null, filter.storeIds ? [...filter.storeIds] : null, filter.limit];
        return (await rows<AuditRow>(SQL.audit, values)).map(auditEntry);
      },
      async record(entry) {
        await run(SQL.recordAudit, auditValues(entry));
      },
    },
  };
}


export interface PostgresStorageOptions {
  /** The most connections this process opens (pg's `max`); 10 unless told. */
  poolSize?: number;
  /** Migrate only up to this schema version (tests of a migration); the newest unless told. */
  schemaVersion?: number;
  /**
   * How long to wait for a connection before the database counts as unreachable; 10 s unless told.
   * pg's pool counts the wait for a free connection too: a pool busy that long answers
   * StorageUnavailableError (503, try again) rather than queueing without end.
   */
  connectTimeoutMs?: number;
  /** Told of an idle pooled connection that failed (the pool drops it and opens another when needed); a warning on the console unless told. */
  onIdleError?: (error: Error) => void;
}

/**
 * The storage port over a pg connection pool, for a chain's server processes sharing one PostgreSQL
 * database.
 *
 * Reads outside a transaction go to the pool: each takes whichever connection is free and, in READ
 * COMMITTED, sees what had committed when it started, never a running transaction's writes.
 *
 * `transaction(work)` waits for the process's transaction before it (in memory, holding no
 * connection), then checks a connection out of the pool, sends `BEGIN` and, as the transaction's
 * first statement, `SELECT pg_advisory_xact_lock(WRITE_LOCK_KEY)` (both in one round trip), runs
 * `work` with every operation of its `tx` on that connection, then `COMMIT`, or `ROLLBACK` when `work`
 * rejects. The lock is held to the commit or rollback, so write transactions run one at a time across
 * every process on the database, and each statement after the lock sees everything committed before
 * it (READ COMMITTED takes a new snapshot per statement).
 *
 * As on SQLite, calling the storage itself (not `tx`) from inside `work` is refused: here it would
 * not wait forever, but it would read on another connection, outside the transaction, and not see
 * what `work` wrote; and a transaction inside a transaction would wait forever for its own lock.
 *
 * A connection lost or refused, during a read or a transaction, rejects with StorageUnavailableError
 * naming the database (never its password); a connection that failed so is closed, not pooled again.
 * Other errors (a broken constraint, a statement PostgreSQL refused) are passed on as pg gave them.
 * PostgreSQL, unlike SQLite, aborts the whole transaction when a statement in it fails: if `work`
 * catches such an error and resolves, the transaction still commits nothing, and rejects.
 */
export class PostgresStorage implements StoragePort {
  readonly sequence: StorageReads['sequence'];
  readonly documents: StorageReads['documents'];
  readonly sales: StorageReads['sales'];
  readonly ledger: StorageReads['ledger'];
  readonly reports: StorageReads['reports'];
  readonly refusals: StorageReads['refusals'];
  readonly exceptions: StorageReads['exceptions'];
  readonly shiftEvents: StorageReads['shiftEvents'];
  readonly stockDocuments: StorageReads['stockDocuments'];
  readonly stockCounts: StorageReads['stockCounts'];
  readonly tillContacts: StorageReads['tillContacts'];
  readonly owners: StorageReads['owners'];
  readonly customerKeys: StorageReads['customerKeys'];
  readonly devices: StorageReads['devices'];
  readonly officeAccounts: StorageReads['officeAccounts'];
  readonly audit: StorageReads['audit'];

  /** Set while `work` of a transaction runs, in its async context: to refuse the storage's own calls there. */
  private readonly insideTransaction = new AsyncLocalStorage<boolean>();
  /**
   * Settles when this process's last transaction has. A process's transactions wait their turn here,
   * holding no connection, rather than each on a pooled connection for the lock: the pool stays free
   * for reads (pulls, office pages) while a burst of pushes is written one by one.
   */
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** A fold of the pending sums queued and not begun yet, which callers join; the last fold queued (see fold). */
  private foldQueued: Promise<void> | undefined;
  private foldChain: Promise<void> = Promise.resolve();
  private foldTimer: NodeJS.Timeout | undefined;
  private lastVacuum = 0;
  /** The vacuum under way, if any: one at a time, and close() waits for it. */
  private vacuuming: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  /** The database as errors name it: its URL without the password. */
  readonly database: string;

  /**
   * Over a pool whose database is migrated already (tests; open() does the rest for a server). The
   * storage owns the pool from here: close() ends it. `database` names it in errors; without it, the
   * pool's connection string, its password hidden.
   */
  constructor(
    readonly pool: pg.Pool,
    options: { database?: string; onIdleError?: (error: Error) => void } = {},
  ) {
    this.database = options.database ?? describePool(pool);
    const onIdleError = options.onIdleError ?? ((error: Error) => console.warn(`PostgreSQL storage: an idle connection to ${this.database} failed: ${error.message}`));
    // An idle pooled connection the server closes (a restart, pg_terminate_backend) is dropped by the
    // pool, which reports it here; unheard, the 'error' event would end the process.
    pool.on('error', onIdleError);
    const outsideTransaction = () => {
      if (this.insideTransaction.getStore()) {
        throw new Error('inside transaction(work), use its tx: the storage itself reads outside the transaction, on another connection, and would not see its writes');
      }
    };
    const run: Run = async (text, values) => {
      outsideTransaction();
      try {
        return await this.pool.query(values === undefined ? text : { name: statementName(text), text, values });
      } catch (error) {
        throw this.failure(error);
      }
    };
    // A large report's statement in a read-only transaction of its own, with ANALYTIC_SETTINGS.
    const analytic: Run = async (text, values) => {
      outsideTransaction();
      return this.onOwnConnection(
        async (client) => {
          await client.query(`BEGIN READ ONLY; ${ANALYTIC_SETTINGS}`);
          const result = await client.query(values === undefined ? text : { name: statementName(text), text, values });
          await client.query('COMMIT');
          return result;
        },
        { rollback: true },
      );
    };
    // The port's reads are the operations over the pool; the writes are there too but not in the
    // port's type, as on SQLite: they are reached through `tx`.
    ({
      sequence: this.sequence,
      documents: this.documents,
      sales: this.sales,
      ledger: this.ledger,
      reports: this.reports,
      refusals: this.refusals,
      exceptions: this.exceptions,
      shiftEvents: this.shiftEvents,
      stockDocuments: this.stockDocuments,
      stockCounts: this.stockCounts,
      tillContacts: this.tillContacts,
      owners: this.owners,
      customerKeys: this.customerKeys,
      devices: this.devices,
      officeAccounts: this.officeAccounts,
      audit: this.audit,
    } = operations(
      run,
      {
        fold: () => {
          outsideTransaction();
          return this.fold();
        },
        added: () => this.foldSoon(),
      },
      undefined,
      analytic,
    ));
  }

  /**
   * Opens a pool on the database at `url`, checks that it answers, migrates it (migratePostgres)
   * and answers the storage. Rejects with StorageUnavailableError, naming the database without its
   * password, when it cannot be reached; with NewerSchemaError when a newer release has used it.
   */
  static async open(url: string, options: PostgresStorageOptions = {}): Promise<PostgresStorage> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    });
    const storage = new PostgresStorage(pool, { database: shownUrl(url), onIdleError: options.onIdleError });
    try {
      await pool.query('SELECT 1');
      await migratePostgres(pool, { schemaVersion: options.schemaVersion });
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw storage.failure(error);
    }
    return storage;
  }

  /** `new PostgresStorage(pool)`, by name: a storage over a pool whose database is migrated already. */
  static fromPool(pool: pg.Pool, options: { database?: string; onIdleError?: (error: Error) => void } = {}): PostgresStorage {
    return new PostgresStorage(pool, options);
  }

  /**
   * Runs `work` on a pooled connection of its own, watched: a connection lost meanwhile (a checked-out
   * client emits 'error'; the pool listens only to idle ones) fails as StorageUnavailableError, and the
   * client is closed rather than pooled again; after another failure, with `rollback`, what `work`
   * began is rolled back before the client goes back to the pool.
   */
  private async onOwnConnection<T>(work: (client: PoolClient) => Promise<T>, options: { rollback: boolean }): Promise<T> {
    const client = await this.checkOut();
    let lost: unknown;
    const onClientError = (error: Error) => {
      lost ??= error;
    };
    client.on('error', onClientError);
    try {
      return await work(client);
    } catch (error) {
      if (isConnectionFailure(error)) lost ??= error;
      if (lost === undefined && options.rollback) await client.query('ROLLBACK').catch(() => undefined);
      throw this.failure(lost ?? error);
    } finally {
      client.removeListener('error', onClientError);
      client.release(lost === undefined ? undefined : lost instanceof Error ? lost : true);
    }
  }

  /** A pooled connection of its own; one that cannot be had fails as the port says (see failure). */
  private async checkOut(): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** `error` as the port passes it on: StorageUnavailableError for a connection failure, else itself. */
  private failure(error: unknown): unknown {
    if (error instanceof StorageUnavailableError || !isConnectionFailure(error)) return error;
    const reason = error instanceof Error ? error.message || (error as { code?: string }).code || error.name : String(error);
    return new StorageUnavailableError(`the PostgreSQL database ${this.database} cannot be reached: ${reason}`, { cause: error });
  }

  transaction<T>(work: (tx: StorageTransaction) => Promise<T>, options: { sequenceBlock?: number } = {}): Promise<T> {
    if (this.insideTransaction.getStore()) {
      return Promise.reject(new Error('inside transaction(work), use its tx: a transaction inside a transaction would wait for its own lock forever'));
    }
    const { sequenceBlock } = options;
    if (sequenceBlock !== undefined && (!Number.isInteger(sequenceBlock) || sequenceBlock < 1)) {
      return Promise.reject(new RangeError(`sequenceBlock is a whole count of at least 1, not ${sequenceBlock}`));
    }
    const result = this.writeQueue.then(() => this.transactionNow(work, sequenceBlock));
    this.writeQueue = result.catch(() => undefined);
    return result;
  }

  /** One transaction, on a connection of its own, under the write lock. */
  private async transactionNow<T>(work: (tx: StorageTransaction) => Promise<T>, sequenceBlock: number | undefined): Promise<T> {
    const client = await this.checkOut();
    // The first connection failure seen on this client: the transaction then ends in
    // StorageUnavailableError, and the client is closed rather than pooled again.
    let lost: unknown;
    // While checked out, a client whose connection dies emits 'error' (the pool listens only to idle ones).
    const onClientError = (error: Error) => {
      lost ??= error;
    };
    client.on('error', onClientError);
    let open = true;
    const run: Run = async (text, values) => {
      try {
        return await client.query(values === undefined ? text : { name: statementName(text), text, values });
      } catch (error) {
        if (isConnectionFailure(error)) lost ??= error;
        throw this.failure(error);
      }
    };
    const taken: SequenceBlock = { next: 0, end: 0 };
    // Inside a transaction, the settings hold for the rest of it: harmless to its other statements.
    const analytic: Run = async (text, values) => {
      await run(ANALYTIC_SETTINGS);
      return run(text, values);
    };
    // A read of the sums inside the transaction folds on its connection, so it sees the transaction's
    // own pending rows too; the fold's lock is then held to the commit (no fold waits for the write lock).
    let addedPending = false;
    const sums: PendingSums = {
      fold: async () => {
        await run(FOLD_PENDING);
      },
      added: () => {
        addedPending = true;
      },
    };
    const lastSales = new LastSales();
    const tx = wrapGroups(operations(run, sums, taken, analytic, lastSales, true), (call) => (open ? call() : Promise.reject(new Error('this transaction has ended; its tx can no longer be used'))));
    try {
      // One round trip: BEGIN, then the lock as the transaction's first statement, then the sequence
      // numbers asked for (no parameters, so pg sends them as one simple query and answers each).
      const begin = `BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`;
      if (sequenceBlock === undefined) await run(begin);
      else {
        const answers = (await run(`${begin}; ${SQL.allocate.replace('$1', String(sequenceBlock))}`)) as unknown as QueryResult<{ value: string }>[];
        taken.end = Number(answers[2]!.rows[0]!.value) + 1;
        taken.next = taken.end - sequenceBlock;
      }
      let result: T;
      try {
        result = await this.insideTransaction.run(true, () => work(tx));
      } finally {
        // Closed as soon as `work` settles: a call it left running must not land after the COMMIT.
        open = false;
      }
      const rest = lastSales.rest();
      try {
        if (rest.length > 0) await run(SQL.putLastSold, [rest.map((sale) => sale.storeId), rest.map((sale) => sale.productId), rest.map((sale) => sale.day)]);
      } catch (error) {
        // A statement `work` let fail has ended the transaction (25P02): COMMIT says so below.
        if ((error as { code?: unknown }).code !== '25P02') throw error;
      }
      const committed = await run('COMMIT');
      // COMMIT of a transaction a failed statement aborted answers ROLLBACK rather than failing.
      if (committed.command !== 'COMMIT') {
        throw new Error('a statement of the transaction failed, so PostgreSQL rolled all of it back: nothing was committed');
      }
      if (addedPending) this.foldSoon();
      return result;
    } catch (error) {
      if (lost === undefined) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          if (isConnectionFailure(rollbackError)) lost ??= rollbackError;
        });
      }
      // A connection lost on the way is the reason, whatever `work` made of it.
      throw lost !== undefined && !(error instanceof StorageUnavailableError) ? this.failure(lost) : error;
    } finally {
      client.removeListener('error', onClientError);
      // A client whose connection failed is closed (release with an error destroys it).
      client.release(lost === undefined ? undefined : lost instanceof Error ? lost : true);
    }
  }

  /**
   * Folds the pending sums (FOLD_PENDING) in a fold that begins after this call, so that it adds
   * whatever had committed before. This process's folds run one after the other; callers that come
   * while one runs share the next.
   */
  private fold(): Promise<void> {
    if (this.foldQueued) return this.foldQueued;
    const fold = this.foldChain
      .catch(() => undefined)
      .then(() => {
        this.foldQueued = undefined;
        return this.foldNow();
      });
    this.foldQueued = fold;
    this.foldChain = fold;
    return fold;
  }

  /**
   * A fold in the background, FOLD_AFTER_MS after a commit that left pending rows, unless one is
   * due already. A failure is only told: the pending rows stay, for the next fold or read.
   */
  private foldSoon(): void {
    if (this.closing || this.foldTimer) return;
    this.foldTimer = setTimeout(() => {
      this.foldTimer = undefined;
      // A pool ended by its owner (a storage made with fromPool) folds no more.
      if (this.closing || this.pool.ending) return;
      this.fold().catch((error: unknown) => console.warn(`PostgreSQL storage: the pending sums were not folded yet: ${error instanceof Error ? error.message : String(error)}`));
    }, FOLD_AFTER_MS);
    // Due or not, it keeps no process running.
    this.foldTimer.unref();
  }

  /** One fold, in a transaction of its own on a pooled connection: one round trip. */
  private async foldNow(): Promise<void> {
    await this.onOwnConnection((client) => client.query(`BEGIN ISOLATION LEVEL READ COMMITTED; ${FOLD_PENDING}; COMMIT`), { rollback: true });
    if (Date.now() - this.lastVacuum >= VACUUM_PENDING_EVERY_MS) {
      this.lastVacuum = Date.now();
      // In the background: a read waiting for its fold does not wait for the vacuum too.
      this.vacuumPending().catch((error: unknown) => console.warn(`PostgreSQL storage: the pending rows' tables were not vacuumed: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  /** VACUUM_PENDING on a pooled connection of its own (a vacuum runs outside any transaction). */
  private async vacuumPending(): Promise<void> {
    if (this.closing || this.pool.ending || this.vacuuming) return;
    const vacuum = this.onOwnConnection(
      async (client) => {
        const size = await client.query<{ bytes: string }>(`SELECT pg_relation_size('report_facts_pending') + pg_relation_size('stock_ledger_sales_days_pending') AS bytes`);
        await client.query(Number(size.rows[0]!.bytes) > VACUUM_TRUNCATE_ABOVE_BYTES ? VACUUM_PENDING_TRUNCATING : VACUUM_PENDING);
      },
      { rollback: false },
    ).finally(() => {
      this.vacuuming = undefined;
    });
    this.vacuuming = vacuum.catch(() => undefined);
    await vacuum;
  }

  /** One upsert on a pooled connection, outside any transaction and without the write lock (see the port). */
  touchTill(contact: Parameters<StorageTransaction['tillContacts']['touch']>[0]): Promise<void> {
    return (this.tillContacts as StorageTransaction['tillContacts']).touch(contact);
  }

  async close(): Promise<void> {
    // A fold under way ends first; none begins after (what is pending stays for the next process).
    clearTimeout(this.foldTimer);
    this.closing ??= this.foldChain
      .catch(() => undefined)
      .then(() => this.vacuuming)
      .then(() => this.pool.end());
    await this.closing;
  }
}

/** A pool's database as errors name it: its connection string without the password, or host, port and name. */
function describePool(pool: pg.Pool): string {
  const options = pool.options as pg.PoolConfig;
  if (options.connectionString) return shownUrl(options.connectionString);
  return `postgres://${options.host ?? 'localhost'}:${options.port ?? 5432}/${options.database ?? ''}`;
}
