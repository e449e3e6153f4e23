import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { normaliseForDuplicates } from '../../shared/src/customer.js';
import { toUnits } from '../../shared/src/reports/facts.js';
import { NewerSchemaError } from './storage/schema-version.js';

export type SqliteDatabase = Database.Database;

const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  INSERT INTO meta (key, value) VALUES ('seq', '0');

  -- Every document that flows down to tills (stores, tax classes, products, tills, stock levels).
  -- seq is the server's change sequence: pulls page by it, so no device clock ever orders anything.
  CREATE TABLE documents (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    store_id TEXT,
    seq INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL,
    PRIMARY KEY (collection, id)
  );
  -- Pulls page by (collection, seq); seq is unique by construction (one server-wide counter).
  CREATE INDEX documents_by_seq ON documents (collection, seq);

  -- Sales as the tills made them: immutable, one row per till-made id.
  CREATE TABLE sales (
    id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL,
    till_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    body TEXT NOT NULL,
    received_seq INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    applied_at TEXT,
    UNIQUE (till_id, number)
  );

  -- The central stock ledger: the opening balance and every movement of every accepted document,
  -- each once. Stock levels are its projection.
  CREATE TABLE stock_ledger (
    entry INTEGER PRIMARY KEY,
    store_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    source TEXT NOT NULL,
    document_id TEXT,
    quantity TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX stock_ledger_by_product ON stock_ledger (store_id, product_id);

  -- When each till was last heard from (server clock), for head office.
  CREATE TABLE till_contacts (
    till_id TEXT PRIMARY KEY,
    last_contact_at TEXT NOT NULL,
    last_push_at TEXT
  );
  `,
  `
  -- What head office must look at: sales that took stock below zero, sales at a price that is no
  -- longer the product's. The sales themselves stand; these are notes beside them.
  CREATE TABLE exceptions (
    id INTEGER PRIMARY KEY,
    store_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    product_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    till_id TEXT NOT NULL,
    details TEXT NOT NULL,
    raised_at TEXT NOT NULL
  );
  CREATE INDEX exceptions_by_store ON exceptions (store_id, id);
  `,
  `
  -- Documents a till pushed that the server refused, kept as sent with the reasons, until they are
  -- sent again and taken. An open refusal's number counts as used when the till's sales are applied
  -- in number order, so one refused document never holds back the ones behind it.
  CREATE TABLE refused_documents (
    id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL,
    till_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    body TEXT NOT NULL,
    problems TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    first_refused_at TEXT NOT NULL,
    last_refused_at TEXT NOT NULL,
    accepted_at TEXT
  );
  CREATE INDEX refused_by_till_number ON refused_documents (till_id, number);
  ALTER TABLE till_contacts ADD COLUMN waiting INTEGER;
  ALTER TABLE till_contacts ADD COLUMN waiting_reported_at TEXT;
  `,
  `
  -- One-time pairing codes head office hands to a till, and the device credentials tills get for
  -- them. Only hashes are stored: a copy of this file lets nobody in.
  CREATE TABLE pairing_codes (
    code_hash TEXT PRIMARY KEY,
    till_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    till_id TEXT NOT NULL,
    credential_hash TEXT NOT NULL UNIQUE,
    paired_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE INDEX devices_by_till ON devices (till_id);
  `,
  `
  -- Goods receipts and stock adjustments recorded by head office: immutable, one row per id.
  CREATE TABLE stock_documents (
    id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX stock_documents_by_store ON stock_documents (store_id, recorded_at);
  `,
  `
  -- Returns name the sale they return, so what is left to return is one indexed read away; receipt
  -- numbers find a sale for a return at another till.
  ALTER TABLE sales ADD COLUMN return_of TEXT;
  CREATE INDEX sales_by_return_of ON sales (return_of) WHERE return_of IS NOT NULL;
  CREATE INDEX sales_by_receipt ON sales (store_id, json_extract(body, '$.receiptNumber'));
  `,
  `
  -- Shift events (a till's cash sessions: open, cash in and out, voids, close): immutable, one row
  -- per till-made id, numbered per till by a gapless sequence of their own. A shift is read whole
  -- by its id (the open event's), so they are indexed by shift.
  CREATE TABLE shift_events (
    id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL,
    till_id TEXT NOT NULL,
    shift_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    body TEXT NOT NULL,
    received_seq INTEGER NOT NULL,
    received_at TEXT NOT NULL
  );
  CREATE INDEX shift_events_by_shift ON shift_events (store_id, shift_id);
  CREATE UNIQUE INDEX shift_events_by_till_sequence ON shift_events (till_id, sequence);

  -- Refused documents now come from sales and shift events; each numbering is its own, so only a
  -- refused sale's number counts as used when a till's sales are applied in number order.
  ALTER TABLE refused_documents ADD COLUMN collection TEXT NOT NULL DEFAULT 'sales';
  `,
  `
  -- A shift's sales and returns, read for its X and Z reports: indexed by the shift they name.
  CREATE INDEX sales_by_shift ON sales (store_id, json_extract(body, '$.shiftId'));
  `,
  `
  -- Customers live in documents (collection 'customers'), merged field by field. One head office
  -- merged into another is deleted there; this remembers where it went, so a till's later edit of
  -- the merged-away customer is carried into the one it was merged into rather than lost.
  CREATE TABLE customer_merges (
    id TEXT PRIMARY KEY,
    kept_id TEXT NOT NULL,
    store_id TEXT NOT NULL,
    merged_at TEXT NOT NULL
  );
  CREATE INDEX customer_merges_by_kept ON customer_merges (kept_id);
  `,
  `
  -- A refusal is replicated only to the till whose document it refused: no till reads another's.
  ALTER TABLE documents ADD COLUMN till_id TEXT;
  UPDATE documents SET till_id = json_extract(body, '$.tillId') WHERE collection = 'refusals';

  -- Every id a till pushed belongs to one collection and, but for customers (shared by a store's
  -- tills and head office), to one till: the first that the server stored or refused under it.
  -- Another till, or another collection, under the same id is refused and changes nothing.
  CREATE TABLE document_ids (
    id TEXT PRIMARY KEY,
    collection TEXT NOT NULL,
    store_id TEXT NOT NULL,
    till_id TEXT
  );
  INSERT OR IGNORE INTO document_ids (id, collection, store_id, till_id) SELECT id, 'sales', store_id, till_id FROM sales;
  INSERT OR IGNORE INTO document_ids (id, collection, store_id, till_id) SELECT id, 'shiftEvents', store_id, till_id FROM shift_events;
  INSERT OR IGNORE INTO document_ids (id, collection, store_id, till_id) SELECT id, 'customers', store_id, NULL FROM documents WHERE collection = 'customers';
  INSERT OR IGNORE INTO document_ids (id, collection, store_id, till_id)
    SELECT id, collection, store_id, CASE WHEN collection = 'customers' THEN NULL ELSE till_id END FROM refused_documents;
  -- A shift's id (its open event's) is its till's from the first document that names it.
  INSERT OR IGNORE INTO document_ids (id, collection, store_id, till_id) SELECT DISTINCT shift_id, 'shiftEvents', store_id, till_id FROM shift_events;
  INSERT OR IGNORE INTO document_ids (id, collection, store_id, till_id)
    SELECT DISTINCT json_extract(body, '$.shiftId'), 'shiftEvents', store_id, till_id FROM sales WHERE json_extract(body, '$.shiftId') IS NOT NULL;

  -- What a till keeps refused on the server is capped in count and bytes; the open ones are counted per till.
  ALTER TABLE refused_documents ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
  UPDATE refused_documents SET bytes = length(body);
  CREATE INDEX refused_open_by_till ON refused_documents (till_id, bytes) WHERE accepted_at IS NULL;
  -- When head office was last told the till is at that cap (at most once an hour).
  ALTER TABLE till_contacts ADD COLUMN refusals_capped_at TEXT;
  `,
  `
  -- Each customer's duplicate keys (normalised phone, lower-cased e-mail), so a write looks up only
  -- the customers that share the keys it changes instead of reading the whole store. Kept in step
  -- with every customer write (CustomerRegistry); a merged-away customer has none.
  CREATE TABLE customer_keys (
    store_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    PRIMARY KEY (store_id, field, value, customer_id)
  ) WITHOUT ROWID;
  CREATE INDEX customer_keys_by_customer ON customer_keys (customer_id);
  -- The keys come from the shared rule itself (kassa_duplicate_key, see openDatabase): SQLite's
  -- lower() and trim() fold and strip only ASCII, and JavaScript's do more, so keys worked out here
  -- in plain SQL would miss look-alikes that the till and head office see as one.
  INSERT INTO customer_keys (store_id, field, value, customer_id)
    SELECT store_id, field, value, id FROM (
      SELECT store_id, id, 'phone' AS field, kassa_duplicate_key('phone', json_extract(body, '$.phone')) AS value
        FROM documents WHERE collection = 'customers' AND deleted = 0
      UNION ALL
      SELECT store_id, id, 'email', kassa_duplicate_key('email', json_extract(body, '$.email'))
        FROM documents WHERE collection = 'customers' AND deleted = 0
    ) WHERE value IS NOT NULL;
  `,
  `
  -- A till's pull reads its own store's documents and the chain's (store_id NULL) as two ranges of
  -- this index, so it never steps over the rows of the chain's other stores.
  CREATE INDEX documents_by_store_seq ON documents (collection, store_id, seq);
  `,
  `
  -- A sale's receipt number and shift as columns of their own, kept as the sale is stored: indexes on
  -- its JSON body made every insert parse the body once per index.
  ALTER TABLE sales ADD COLUMN receipt_number TEXT;
  ALTER TABLE sales ADD COLUMN shift_id TEXT;
  UPDATE sales SET receipt_number = json_extract(body, '$.receiptNumber'), shift_id = json_extract(body, '$.shiftId');
  DROP INDEX sales_by_receipt;
  DROP INDEX sales_by_shift;
  CREATE INDEX sales_by_receipt ON sales (store_id, receipt_number);
  CREATE INDEX sales_by_shift ON sales (store_id, shift_id);
  -- Pulls read documents_by_store_seq (migration 12); each stock level written paid for this one too.
  DROP INDEX documents_by_seq;
  `,
  `
  -- Head office's people: an account per person with a role and the stores they work in, their
  -- login sessions (only a hash of each session's token), and the audit log of every office write.
  -- store_ids is a JSON array of store ids; password_hash is scrypt's, with its salt and parameters.
  CREATE TABLE office_accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    store_ids TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE office_sessions (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX office_sessions_by_account ON office_sessions (account_id);
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id TEXT,
    actor_label TEXT NOT NULL,
    action TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    store_id TEXT,
    before_json TEXT,
    after_json TEXT
  );
  CREATE INDEX audit_by_actor ON audit_log (actor_id, id);
  CREATE INDEX audit_by_kind ON audit_log (kind, id);
  CREATE INDEX audit_by_store ON audit_log (store_id, id);
  CREATE INDEX audit_by_at ON audit_log (at);
  `,
  // 15: each ledger row's cost per unit: for a sale or return the product's moving average cost when
  // the server applied it (the cost of goods sold, fixed then), for a receipt the delivery's cost.
  `
  ALTER TABLE stock_ledger ADD COLUMN unit_cost TEXT;
  `,
  // 16: stock counts' entries, immutable: what was counted of a product (a scan, a typed quantity, a
  // correction) with the stock the ledger expected then, and sales made before a product was counted
  // that arrived after it (late). A count's line is the sum of its entries for the product.
  `
  CREATE TABLE stock_count_entries (
    count_id TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    store_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    quantity TEXT NOT NULL,
    expected TEXT,
    document_id TEXT,
    made_at TEXT,
    entered_at TEXT NOT NULL,
    entered_by TEXT NOT NULL,
    PRIMARY KEY (count_id, entry_id)
  );
  CREATE INDEX stock_count_entries_by_product ON stock_count_entries (store_id, product_id, entered_at);
  CREATE INDEX stock_count_entries_by_line ON stock_count_entries (count_id, product_id);
  `,
  // 17: reorder suggestions sum a store's sales and returns per product and day over a window of
  // days, and the valuation at a date runs through each product's rows in ledger order, each from an
  // index alone (it holds every column they read). The second replaces stock_ledger_by_product, a
  // prefix of it.
  `
  CREATE INDEX stock_ledger_sales_by_day ON stock_ledger (store_id, recorded_at, product_id, quantity) WHERE source IN ('sale', 'return');
  CREATE INDEX stock_ledger_by_product_entry ON stock_ledger (store_id, product_id, entry, recorded_at, source, quantity, unit_cost);
  DROP INDEX stock_ledger_by_product;
  `,
  // 18: each store's sales and returns per product and day (the day the server recorded them), in
  // whole thousandths, kept by a trigger as ledger rows are appended, so that sums over a window of
  // days read one row per product and day, in product order, whatever wrote the ledger. It replaces
  // the partial index that served those sums.
  `
  CREATE TABLE stock_ledger_sales_days (
    store_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    day TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    PRIMARY KEY (store_id, product_id, day)
  ) WITHOUT ROWID;
  INSERT INTO stock_ledger_sales_days (store_id, product_id, day, quantity)
    SELECT store_id, product_id, substr(recorded_at, 1, 10), SUM(CAST(ROUND(CAST(quantity AS REAL) * 1000) AS INTEGER))
    FROM stock_ledger WHERE source IN ('sale', 'return') GROUP BY 1, 2, 3;
  CREATE TRIGGER stock_ledger_sales_days_kept AFTER INSERT ON stock_ledger WHEN NEW.source IN ('sale', 'return')
  BEGIN
    INSERT INTO stock_ledger_sales_days (store_id, product_id, day, quantity)
      VALUES (NEW.store_id, NEW.product_id, substr(NEW.recorded_at, 1, 10), CAST(ROUND(CAST(NEW.quantity AS REAL) * 1000) AS INTEGER))
      ON CONFLICT (store_id, product_id, day) DO UPDATE SET quantity = quantity + excluded.quantity;
  END;
  DROP INDEX stock_ledger_sales_by_day;
  `,
  // 19: what each applied sale and return adds to the reports (shared/src/reports/facts.ts), summed per
  // store, dimension, day (the store's own) and key, so a report over any days reads sums, not sales.
  // Quantities in whole thousandths, amounts in whole ten-thousandths.
  `
  CREATE TABLE report_facts (
    store_id TEXT NOT NULL,
    dimension TEXT NOT NULL,
    day TEXT NOT NULL,
    key TEXT NOT NULL,
    sales INTEGER NOT NULL,
    returns INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    gross INTEGER NOT NULL,
    net INTEGER NOT NULL,
    tax INTEGER NOT NULL,
    discount INTEGER NOT NULL,
    cost INTEGER NOT NULL,
    costed_net INTEGER NOT NULL,
    PRIMARY KEY (store_id, dimension, day, key)
  ) WITHOUT ROWID;
  `,
  // 20: a short window of days (the default 28) reads its days' rows of stock_ledger_sales_days by
  // day, not the whole store's in product order. Written only when a product's first sale of a
  // day makes its row.
  `
  CREATE INDEX stock_ledger_sales_days_by_day ON stock_ledger_sales_days (store_id, day);
  `,
  // 21: report facts gain customers, what head office checks per cashier (control) and products'
  // month sums. The facts are emptied, and the server sums them again from the sales and shift
  // events at its next start (reports/fill.ts), before it takes a request.
  `
  DELETE FROM report_facts;
  `,
  // 22: each store's stock in narrow rows, kept with every write of a stock level or a stock cost
  // (storage/stock-positions.ts): the quantity in thousandths (NULL: no stock level) and the moving
  // average cost in ten-thousandths (NULL: none set). A report over a chain's 500,000 stock levels
  // reads these, not the documents. Filled from the documents, the units worked out by the same rule.
  `
  CREATE TABLE stock_positions (
    store_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    quantity INTEGER,
    average_cost INTEGER,
    PRIMARY KEY (store_id, product_id)
  ) WITHOUT ROWID;
  INSERT INTO stock_positions (store_id, product_id, quantity)
    SELECT coalesce(json_extract(body, '$.storeId'), store_id), json_extract(body, '$.productId'), kassa_units(json_extract(body, '$.quantity'), 3)
    FROM documents WHERE collection = 'stockLevels' AND NOT deleted AND json_extract(body, '$.productId') IS NOT NULL AND coalesce(json_extract(body, '$.storeId'), store_id) IS NOT NULL
    ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = excluded.quantity;
  INSERT INTO stock_positions (store_id, product_id, average_cost)
    SELECT coalesce(json_extract(body, '$.storeId'), store_id), json_extract(body, '$.productId'), kassa_units(json_extract(body, '$.averageCost'), 4)
    FROM documents WHERE collection = 'stockCosts' AND NOT deleted AND json_extract(body, '$.productId') IS NOT NULL AND coalesce(json_extract(body, '$.storeId'), store_id) IS NOT NULL
    ON CONFLICT (store_id, product_id) DO UPDATE SET average_cost = excluded.average_cost;
  `,
  // 23: nothing on SQLite. (PostgreSQL's stock_ledger_sales_days key gains each day's quantity, so a
  // long window reads the key alone; this WITHOUT ROWID table is its key and holds the quantity.)
  `
  SELECT 1;
  `,
  // 24: the chain's month sums of products (store '*', CHAIN_STORE in shared/src/reports/facts.ts):
  // every store's product month sums added together, kept from then on as sales are applied, so a
  // report over every store and many months reads a row per month and product.
  `
  INSERT INTO report_facts (store_id, dimension, day, key, sales, returns, quantity, gross, net, tax, discount, cost, costed_net)
    SELECT '*', dimension, day, key, SUM(sales), SUM(returns), SUM(quantity), SUM(gross), SUM(net), SUM(tax), SUM(discount), SUM(cost), SUM(costed_net)
    FROM report_facts WHERE dimension = 'product/month' AND store_id <> '*'
    GROUP BY dimension, day, key;
  `,
  // 25: nothing on SQLite. (PostgreSQL adds a push's report facts and sales per product and day to
  // tables of pending rows, folded into the sums outside its write lock; SQLite has one writer.)
  `
  SELECT 1;
  `,
  // 26: each position gains the last day its product sold in its store (the store's own day: a
  // product's report fact of a day with a sale in it), written with the position's quantity as a
  // push applies its sales (storage/stock-positions.ts). Slow movers read it beside the quantity.
  // Filled from the facts; a product sold in a store with no stock level there gets a row of its own.
  `
  ALTER TABLE stock_positions ADD COLUMN last_sold TEXT;
  INSERT INTO stock_positions (store_id, product_id, last_sold)
    SELECT store_id, key, MAX(day) FROM report_facts WHERE dimension = 'product' AND sales > 0 GROUP BY store_id, key
    ON CONFLICT (store_id, product_id) DO UPDATE SET last_sold = excluded.last_sold;
  `,
  // 27: the customers' facts with a sale by customer and day, so a report of some days asks of its own
  // customers alone whether they bought before, not every store's customer facts of the years
  // before. Only a statement asking for a sale can use it: the sums keep reading by store and day.
  `
  CREATE INDEX report_facts_customers ON report_facts (key, day, store_id) WHERE dimension = 'customer' AND sales > 0;
  `,
  // 28: the chain's month sums (store '*') in key order with their figures, so a report over most of
  // the months held sums them a key at a time as it reads them, with no sort of every row by key.
  `
  CREATE INDEX report_facts_chain_by_key ON report_facts (dimension, key, day, sales, returns, quantity, gross, net, tax, discount, cost, costed_net) WHERE store_id = '*';
  `,
  // 29: the customers' facts by customer and day hold every customer fact with its figures, not only
  // those with a sale: whether a customer bought before still seeks the customer (sales > 0 read
  // from the index), and a report over most of the stores and days the customers' facts are held for
  // sums them a customer at a time as it reads them, with no sort of every fact by customer.
  `
  DROP INDEX report_facts_customers;
  CREATE INDEX report_facts_customers ON report_facts (key, day, store_id, sales, returns, quantity, gross, net, tax, discount, cost, costed_net) WHERE dimension = 'customer';
  `,
];

/**
 * The schema version each migration leaves, in order: 1, 2, … PostgreSQL's migrations
 * (storage/postgres/migrations.ts) are numbered the same, and a version means the same tables in both.
 */
export const SQLITE_MIGRATION_NUMBERS: readonly number[] = MIGRATIONS.map((_, index) => index + 1);

/**
 * Opens (creating if needed) the server's SQLite file in WAL mode and brings its tables up to date,
 * or, for tests of a migration, only up to `schemaVersion` (the database an older release left).
 */
export function openDatabase(file: string, options: { schemaVersion?: number } = {}): SqliteDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL makes every committed push durable across a power cut, not just a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A push of 100 sales writes a few thousand pages; checkpointing after every 1,000 would make
  // nearly every push pay for one.
  db.pragma('wal_autocheckpoint = 8000');
  // Migrations that fill customer_keys call the shared rule, so it has to be on the connection first.
  db.function('kassa_duplicate_key', { deterministic: true }, (field: unknown, value: unknown) =>
    (field === 'phone' || field === 'email') && typeof value === 'string' ? (normaliseForDuplicates(field, value) ?? null) : null,
  );
  // The migration that fills stock_positions works out whole units by the server's own rule.
  db.function('kassa_units', { deterministic: true, safeIntegers: true }, (value: unknown, places: unknown) =>
    typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? toUnits(value, Number(places)) : null,
  );
  try {
    migrate(db, options.schemaVersion ?? MIGRATIONS.length, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: SqliteDatabase, target: number, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) throw new NewerSchemaError(`the SQLite file ${file}`, current, MIGRATIONS.length);
  for (let version = current; version < target; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
