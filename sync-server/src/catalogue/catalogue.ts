import { randomUUID } from 'node:crypto';
import {
  barcodeKey,
  CATALOGUE_CSV_COLUMNS,
  CATALOGUE_CSV_REQUIRED,
  catalogueCsvRows,
  changedFields,
  checkPriceChange,
  checkProductFields,
  clashProblems,
  CsvError,
  effectivePrice,
  fieldsOf,
  gtinKind,
  parseCsv,
  productFields,
  productCodes,
  productLabel,
  skuKey,
  SyncError,
  type CatalogueImportReport,
  type PriceChange,
  type Product,
  type ProductFields,
  type Store,
  type TaxClass,
} from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import type { Repository, Writer } from '../repository.js';
import { nextUpdatedAt } from '../updated-at.js';

/** Products written in one statement by an import. */
const IMPORT_SLICE = 1000;
/** The largest catalogue file taken: 100,000 products are about 8 MB. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/**
 * A catalogue CSV's rows as product fields, each with its line and what is wrong with the row as
 * text (an `active` neither yes nor no, too many fields). A file that is no catalogue at all (not
 * UTF-8, no header, a required column missing, a quote never closed) is refused whole, saying why.
 */
export function readCatalogueCsv(csv: string): { line: number; fields: Record<string, unknown>; active: boolean | undefined; problems: string[] }[] {
  const refused = (why: string) => new SyncError('bad_request', `the file was not imported: ${why}`, 400, [{ problems: [why] }]);
  const text = csv.replace(/^\uFEFF/, '');
  // A file in another encoding read as UTF-8 has replacement characters where its accents were.
  const broken = text.indexOf('\uFFFD');
  if (broken >= 0) throw refused(`it is not UTF-8 text (line ${text.slice(0, broken).split('\n').length} has a character that is not); save it as "CSV UTF-8"`);
  if (text.includes('\u0000')) throw refused('it holds binary data, not text');
  let rows: { line: number; fields: string[] }[];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw refused(error.message);
    throw error;
  }
  const [header, ...data] = rows;
  if (!header) throw refused('it is empty');
  const columns = header.fields.map((name) => name.trim());
  const missing = CATALOGUE_CSV_REQUIRED.filter((name) => !columns.includes(name));
  if (missing.length > 0) throw refused(`the first line must name the columns; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (the columns are ${CATALOGUE_CSV_COLUMNS.join(', ')})`);
  const unknown = columns.filter((name) => !(CATALOGUE_CSV_COLUMNS as readonly string[]).includes(name));
  if (unknown.length > 0) throw refused(`column ${unknown.join(', ')} is not one of ${CATALOGUE_CSV_COLUMNS.join(', ')}`);
  return data.map(({ line, fields: values }) => {
    const problems: string[] = [];
    if (values.length > columns.length) problems.push(`line: ${values.length} fields, the header names ${columns.length}`);
    const cell = (name: string) => {
      const index = columns.indexOf(name);
      return index >= 0 ? (values[index] ?? '').trim() : undefined;
    };
    const fields: Record<string, unknown> = {};
    for (const name of ['sku', 'name', 'unit', 'taxClass', 'price', 'cost'] as const) fields[name] = cell(name) ?? '';
    fields.barcodes = (cell('barcodes') ?? '').split(/[\s|,;]+/).filter(Boolean);
    const packs = cell('packs');
    if (packs !== undefined) fields.packs = readPacks(packs);
    // Present but empty: the product has none; absent: left as it is (see importCsv).
    const category = cell('category');
    if (category !== undefined) fields.category = category;
    const brand = cell('brand');
    if (brand !== undefined) fields.brand = brand;
    const content = cell('content');
    if (content !== undefined) {
      const [quantity = '', unit = ''] = content.split(/\s+/);
      fields.content = content === '' ? null : { quantity, unit };
    }
    const activeText = (cell('active') ?? '').toLowerCase();
    const active = activeText === '' ? undefined : ['yes', 'true', '1'].includes(activeText) ? true : ['no', 'false', '0'].includes(activeText) ? false : null;
    if (active === null) problems.push(`active: yes or no, not "${cell('active')}"`);
    return { line, fields, active: active ?? undefined, problems };
  });
}

/** The product without the fields a change may leave out: a change writes those it is given, none of those it leaves out. */
function withoutOptionalFields(product: Product): Product {
  const { packs: _packs, category: _category, brand: _brand, content: _content, ...rest } = product;
  return rest;
}

/** The optional columns of a catalogue file: a file without one leaves that field of each product as it is. */
const OPTIONAL_COLUMNS = ['packs', 'category', 'brand', 'content'] as const;

/** A CSV cell of packs, "case:12:10012345678902|tray:6:…", as packs (what is wrong is found by checkProductFields). */
function readPacks(cell: string): { name: string; quantity: string; barcode: string }[] {
  return cell
    .split('|')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name = '', quantity = '', barcode = ''] = entry.split(':').map((part) => part.trim());
      return { name, quantity, barcode };
    });
}

/** How many price changes a product keeps (its price history): years of weekly changes. */
const MAX_PRICE_CHANGES = 500;

/** The chain's price of a product at `at`, store overrides aside. */
function chainPriceNow(product: Product, at: string): string {
  // No store has the empty id, so only the chain's changes count.
  return effectivePrice(product, '', at);
}

/**
 * Head office's catalogue: the one place products are added, changed, withdrawn and restored. A
 * product is a chain-wide document (store null) that every till replicates; a sale carries the
 * name and price it was sold at, so a change never alters a sale already made.
 *
 * Each write runs in one write transaction (so two people saving at once are taken one after the
 * other, in every server process) and lands in the audit log with the product before and after.
 */
export class Catalogue {
  constructor(private readonly repository: Repository) {}

  /** Every product, withdrawn ones too, by SKU. */
  async products(): Promise<Product[]> {
    const products = await this.repository.storage.documents.all<Product>('products');
    return products.sort((a, b) => a.sku.localeCompare(b.sku) || a.id.localeCompare(b.id));
  }

  async product(id: string): Promise<Product> {
    const stored = await this.repository.storage.documents.get<Product>('products', id);
    if (!stored || stored.deleted) throw new SyncError('not_found', `no product "${id}"`, 404);
    return stored.body;
  }

  /** Adds a product; its id is made here. */
  async create(input: unknown, actor: AuditActor | undefined): Promise<Product> {
    return this.repository.write(async (writer) => {
      const fields = await this.checked(writer, undefined, input, 'the product was not added');
      const product: Product = { id: `product-${randomUUID()}`, ...fields, active: true, updatedAt: this.repository.now().toISOString() };
      await writer.put('products', product, null);
      await recordAudit(writer.tx, actor, product.updatedAt, { action: 'product.create', kind: 'product', subjectId: product.id, storeId: null, before: null, after: product });
      return product;
    }, 1);
  }

  /**
   * Changes a product's fields. `updatedAt` is the product's as the editor loaded it: when someone
   * else saved it since, nothing is saved and the answer (409) says who changed what, so a second
   * save never overwrites the first without its author seeing it.
   */
  async update(id: string, input: unknown, actor: AuditActor | undefined): Promise<Product> {
    const body = fieldsOf(input);
    if (typeof body.updatedAt !== 'string') throw new SyncError('bad_request', 'the product was not changed', 400, [{ id, problems: ['updatedAt: the product’s updatedAt as it was loaded'] }]);
    const loadedAt = body.updatedAt;
    return this.repository.write(async (writer) => {
      const current = await this.current(writer, id);
      const fields = await this.checked(writer, id, body.fields, 'the product was not changed');
      if (current.updatedAt !== loadedAt) throw await this.conflict(writer, current, loadedAt, fields);
      const now = this.repository.now().toISOString();
      // The price the form shows is the chain's in force now; a new one is a price change from now
      // on, kept in the product's price history like a scheduled one.
      const chainPrice = chainPriceNow(current, now);
      if (changedFields({ ...productFields(current), price: chainPrice }, fields).length === 0) return current;
      const priceChanges = fields.price === chainPrice ? current.priceChanges : [...(current.priceChanges ?? []), { from: now, storeId: null, price: fields.price, at: now }];
      const changed: Product = { ...withoutOptionalFields(current), ...fields, ...(priceChanges ? { priceChanges } : {}), updatedAt: nextUpdatedAt(current.updatedAt, this.repository.now()) };
      await writer.put('products', changed, null);
      await recordAudit(writer.tx, actor, changed.updatedAt, { action: 'product.update', kind: 'product', subjectId: id, storeId: null, before: current, after: changed });
      return changed;
    }, 1);
  }

  /**
   * Changes a product's price from a time on (now or later), for the chain or one store; a store's
   * change without a price ends its own price. Every till applies it at that time by its own clock,
   * offline too; the changes stay on the product as its price history.
   */
  async changePrice(id: string, input: unknown, actor: AuditActor | undefined): Promise<Product> {
    return this.repository.write(async (writer) => {
      const current = await this.current(writer, id);
      const stores = new Set((await writer.tx.documents.all<Store>('stores')).map((store) => store.id));
      const at = this.repository.now().toISOString();
      const { change, problems } = checkPriceChange(input, stores, at);
      if ((current.priceChanges?.length ?? 0) >= MAX_PRICE_CHANGES) problems.push(`price: this product has ${MAX_PRICE_CHANGES} price changes, the most it keeps`);
      if (problems.length > 0) throw new SyncError('invalid_document', 'the price was not changed', 422, [{ id, problems }]);
      const priceChanges: PriceChange[] = [...(current.priceChanges ?? []), change];
      const changed: Product = { ...current, priceChanges, updatedAt: nextUpdatedAt(current.updatedAt, this.repository.now()) };
      changed.price = chainPriceNow(changed, at);
      await writer.put('products', changed, null);
      await recordAudit(writer.tx, actor, at, { action: 'product.price', kind: 'product', subjectId: id, storeId: change.storeId, before: current, after: changed });
      return changed;
    }, 1);
  }

  /**
   * Withdraws a product from sale (active false: tills no longer find or scan it) or puts it back.
   * Its history stays: sales, stock and the audit log still name it.
   */
  async setActive(id: string, active: boolean, actor: AuditActor | undefined): Promise<Product> {
    return this.repository.write(async (writer) => {
      const current = await this.current(writer, id);
      if (current.active === active) return current;
      if (active) {
        // A product restored must not share a SKU or barcode with one added while it was withdrawn.
        const problems = clashProblems(id, current, await this.sharing(writer, current));
        if (problems.length > 0) throw new SyncError('conflict', 'the product was not restored', 409, [{ id, problems }]);
      }
      const changed: Product = { ...current, active, updatedAt: nextUpdatedAt(current.updatedAt, this.repository.now()) };
      await writer.put('products', changed, null);
      const action = active ? 'product.restore' : 'product.withdraw';
      await recordAudit(writer.tx, actor, changed.updatedAt, { action, kind: 'product', subjectId: id, storeId: null, before: current, after: changed });
      return changed;
    }, 1);
  }

  /**
   * Imports a catalogue CSV (see CATALOGUE_CSV_COLUMNS): each row adds a product, or changes the one
   * with its SKU (matched whatever the case), or is the same and changes nothing, so importing a file
   * again changes nothing. Every row is checked as a product added by hand would be, against the
   * catalogue and against the file's other rows. `apply`: none (a preview), valid (store the valid
   * rows), all (store every row, or nothing when one is refused). One transaction, whatever the size.
   */
  async importCsv(csv: string, apply: CatalogueImportReport['apply'], actor: AuditActor | undefined): Promise<CatalogueImportReport> {
    const rows = readCatalogueCsv(csv);
    return this.repository.write(async (writer) => {
      const now = this.repository.now().toISOString();
      const products = await writer.tx.documents.all<Product>('products');
      const taxClasses = new Set((await writer.tx.documents.all<TaxClass>('taxClasses')).map((taxClass) => taxClass.code));
      const bySku = new Map(products.map((product) => [skuKey(product.sku), product]));
      const byBarcode = new Map<string, Product>();
      for (const product of products) for (const code of productCodes(product)) byBarcode.set(barcodeKey(code), product);
      // What the file's earlier rows claim, so two rows cannot take one SKU or one barcode.
      const fileSkus = new Map<string, number>();
      const fileBarcodes = new Map<string, number>();
      const report: CatalogueImportReport = { rows: rows.length, added: 0, changed: 0, unchanged: 0, refused: 0, apply, applied: false, refusedRows: [], changes: [] };
      const writes: Product[] = [];
      for (const row of rows) {
        const existingBySku = typeof row.fields.sku === 'string' ? bySku.get(skuKey(row.fields.sku)) : undefined;
        // A file without one of the optional columns leaves that field of each product as it is.
        const given = { ...row.fields };
        for (const column of OPTIONAL_COLUMNS) if (given[column] === undefined && existingBySku?.[column] !== undefined) given[column] = existingBySku[column];
        const checked = checkProductFields(given, taxClasses);
        const problems = [...row.problems, ...checked.problems];
        const { fields } = checked;
        const existing = fields.sku ? bySku.get(skuKey(fields.sku)) : undefined;
        if (fields.sku) {
          const earlier = fileSkus.get(skuKey(fields.sku));
          if (earlier !== undefined) problems.push(`sku: ${fields.sku} is on line ${earlier} of the file too`);
          else fileSkus.set(skuKey(fields.sku), row.line);
        }
        for (const code of productCodes({ barcodes: fields.barcodes, packs: fields.packs })) {
          const key = barcodeKey(code);
          const holder = byBarcode.get(key);
          if (holder && holder.id !== existing?.id) problems.push(`barcodes: ${code} is already on ${productLabel(holder)}`);
          const earlier = fileBarcodes.get(key);
          if (earlier !== undefined) problems.push(`barcodes: ${code} is on line ${earlier} of the file too`);
          else fileBarcodes.set(key, row.line);
        }
        if (problems.length > 0) {
          report.refused++;
          report.refusedRows.push({ line: row.line, sku: fields.sku, action: 'refused', problems });
          continue;
        }
        const active = row.active ?? true;
        if (!existing) {
          report.added++;
          if (report.changes.length < 1000) report.changes.push({ line: row.line, sku: fields.sku, action: 'add', problems: [] });
          writes.push({ id: `product-${randomUUID()}`, ...fields, active, updatedAt: now });
          continue;
        }
        const chainPrice = chainPriceNow(existing, now);
        if (changedFields({ ...productFields(existing), price: chainPrice }, fields).length === 0 && existing.active === active) {
          report.unchanged++;
          continue;
        }
        report.changed++;
        if (report.changes.length < 1000) report.changes.push({ line: row.line, sku: fields.sku, action: 'change', problems: [] });
        const priceChanges = fields.price === chainPrice ? existing.priceChanges : [...(existing.priceChanges ?? []), { from: now, storeId: null, price: fields.price, at: now }];
        writes.push({ ...withoutOptionalFields(existing), ...fields, ...(priceChanges ? { priceChanges } : {}), active, updatedAt: nextUpdatedAt(existing.updatedAt, this.repository.now()) });
      }
      if (apply === 'none' || (apply === 'all' && report.refused > 0) || writes.length === 0) return report;
      for (let start = 0; start < writes.length; start += IMPORT_SLICE) {
        const slice = writes.slice(start, start + IMPORT_SLICE);
        const documents = [];
        for (const product of slice) documents.push({ collection: 'products' as const, body: product, storeId: null, seq: await writer.seq() });
        await writer.tx.documents.putMany(documents);
      }
      report.applied = true;
      // One entry for the file: who imported what, with the SKUs added and changed (the first 1,000).
      await recordAudit(writer.tx, actor, now, {
        action: 'product.import',
        kind: 'product',
        subjectId: 'catalogue',
        storeId: null,
        before: null,
        after: { rows: report.rows, added: report.added, changed: report.changed, unchanged: report.unchanged, refused: report.refused, skus: report.changes.map((change) => `${change.action} ${change.sku}`) },
      });
      return report;
    }, 1000);
  }

  /** The whole catalogue as CSV rows (see catalogueCsvRows). */
  async exportRows(): Promise<string[][]> {
    return catalogueCsvRows(await this.products(), this.repository.now());
  }

  private async current(writer: Writer, id: string): Promise<Product> {
    const current = await writer.get<Product>('products', id);
    if (!current) throw new SyncError('not_found', `no product "${id}"`, 404);
    return current;
  }

  /** The fields as they will be stored, or a 422 naming each problem by its field (a taken SKU or barcode names its product). */
  private async checked(writer: Writer, id: string | undefined, input: unknown, refused: string): Promise<ProductFields> {
    const fields = fieldsOf(input);
    const taxClasses = new Set((await writer.tx.documents.all<TaxClass>('taxClasses')).map((taxClass) => taxClass.code));
    const checked = checkProductFields(fields, taxClasses);
    const problems = [...checked.problems];
    if (problems.length === 0) problems.push(...clashProblems(id, checked.fields, await this.sharing(writer, checked.fields)));
    if (problems.length > 0) throw new SyncError('invalid_document', refused, 422, [{ ...(id ? { id } : {}), problems }]);
    return checked.fields;
  }

  /**
   * The products that may share the SKU or a barcode (found by their text, then checked exactly): a
   * GTIN is looked for without its leading zeros, so each of its forms is found.
   */
  private async sharing(writer: Writer, fields: Pick<ProductFields, 'sku' | 'barcodes' | 'packs'>): Promise<Product[]> {
    const codes = productCodes({ barcodes: fields.barcodes, packs: fields.packs });
    const needles = [fields.sku, ...codes.map((code) => (gtinKind(code) ? barcodeKey(code).replace(/^0+/, '') : code))].filter((needle) => needle !== '');
    return writer.tx.documents.containing<Product>('products', needles);
  }

  /** A conflict naming what was saved since `loadedAt` and by whom (from the audit log), or what differs now. */
  private async conflict(writer: Writer, current: Product, loadedAt: string, yours: ProductFields): Promise<SyncError> {
    const entries = (await writer.tx.audit.list({ kind: 'product', from: loadedAt, limit: 200 })).filter((entry) => entry.subjectId === current.id && entry.at > loadedAt);
    const people = [...new Set(entries.map((entry) => entry.actorLabel))];
    const problems: string[] = [];
    const oldest = entries.at(-1)?.before as Product | undefined;
    const theirs = productFields(current);
    for (const field of changedFields(oldest ? productFields(oldest) : yours, theirs)) {
      const shown = (value: unknown) => (Array.isArray(value) ? value.join(', ') || 'none' : String(value));
      problems.push(oldest ? `${field}: ${shown(oldest[field])} → ${shown(theirs[field])}` : `${field}: now ${shown(theirs[field])}`);
    }
    if (oldest && oldest.active !== current.active) problems.push(current.active ? 'restored' : 'withdrawn');
    const who = people.length > 0 ? people.join(' and ') : 'someone';
    return new SyncError('conflict', `${who} changed this product after you opened it (saved ${current.updatedAt}); nothing of yours was saved`, 409, [{ id: current.id, problems }]);
  }
}
