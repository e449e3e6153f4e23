import {
  countDifference,
  countedQuantityProblem,
  countLine,
  countOfLateSale,
  dec,
  fieldsOf,
  quantityWithUnit,
  stockCountEntryProblems,
  stockCountOpenProblems,
  stockLevelId,
  SyncError,
  toQuantityString,
  type Product,
  type StockCountEntryInput,
  type StockCountLine,
  type StockCountOpen,
  type StockCountView,
  type StockLevel,
  type Store,
  type StoredStockCount,
  type UncountedChoice,
} from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import type { Repository, Writer } from '../repository.js';
import type { LedgerEntry, StockCountEntry } from '../storage/port.js';
import { moveStock } from './move-stock.js';

/**
 * Stock counts, head office's alone (no till holds them): the sheet in `stockCounts`, what was
 * counted as immutable entries (storage `stockCounts`), and at posting one ledger row per counted
 * line's difference (source `count`, named by the count's id). The count rule is in
 * shared/src/stock-count.ts; late sales are settled as the server applies them (`settleLateMovements`).
 */
export class StockCounts {
  constructor(private readonly repository: Repository) {}

  /** A store's counts, newest first. */
  async list(storeId: string): Promise<StoredStockCount[]> {
    const counts = await this.repository.storage.documents.list<StoredStockCount>('stockCounts', storeId);
    return counts.filter((count) => count.storeId === storeId).sort((a, b) => b.number.localeCompare(a.number));
  }

  /** The sheet, with every product on it; a blind count hides what the ledger expected until it is posted. */
  async view(countId: string): Promise<StockCountView> {
    const count = (await this.repository.storage.documents.get<StoredStockCount>('stockCounts', countId))?.body;
    if (!count) throw new SyncError('not_found', `no stock count "${countId}"`, 404);
    const [entries, products, store] = await Promise.all([
      this.repository.storage.stockCounts.entries(countId),
      this.repository.storage.documents.list<Product>('products', count.storeId),
      this.repository.getDocument<Store>('stores', count.storeId),
    ]);
    return sheet(count, entries, products, store?.code ?? count.storeId);
  }

  /** Opens a count sheet; the same request again answers the sheet held, another under its id is refused. */
  async open(input: unknown, actor: AuditActor | undefined): Promise<{ count: StockCountView; opened: boolean }> {
    const problems = stockCountOpenProblems(input);
    if (problems.length > 0) throw refused('the count was not opened', fieldsOf(input).id, problems);
    const open = input as StockCountOpen;
    const { opened, same } = await this.repository.write(async (writer) => {
      await writer.seq(); // the sequence's lock first: concurrent opens of one id wait here
      const held = await writer.get<StoredStockCount>('stockCounts', open.id);
      if (held) return { opened: false, same: sameOpen(held, open) };
      if (!(await writer.get<Store>('stores', open.storeId))) problems.push(`storeId: no store "${open.storeId}"`);
      if (open.scope === 'products') {
        const products = await writer.tx.documents.getMany<Product>('products', open.productIds!);
        open.productIds!.forEach((id, index) => {
          if (!products.get(id) || products.get(id)!.deleted) problems.push(`productIds.${index}: no product "${id}"`);
        });
      }
      if (problems.length > 0) throw refused('the count was not opened', open.id, problems);
      const at = this.repository.now().toISOString();
      const count: StoredStockCount = {
        id: open.id,
        number: await nextNumber(writer),
        storeId: open.storeId,
        scope: open.scope,
        ...(open.scope === 'category' ? { category: open.category!.trim() } : {}),
        ...(open.scope === 'products' ? { productIds: open.productIds } : {}),
        blind: open.blind ?? false,
        reference: open.reference?.trim() ?? '',
        state: 'open',
        openedAt: at,
        openedBy: actor?.label ?? 'head office',
      };
      await writer.put('stockCounts', count, count.storeId);
      await recordAudit(writer.tx, actor, at, { action: 'count.open', kind: 'stockCount', subjectId: count.id, storeId: count.storeId, before: null, after: count });
      return { opened: true, same: true };
    }, 4);
    if (!same) throw new SyncError('immutable', `stock count ${open.id} is already opened with another sheet; open a new one`, 409, [{ id: open.id, problems: [] }]);
    return { count: await this.view(open.id), opened };
  }

  /**
   * Adds what was counted of one product. The product's first entry on the sheet fixes its moment and
   * what the ledger expected then (its stock level now). The same entry again counts once; another
   * under its id is refused. A correction takes off at most what the line holds.
   */
  async enter(countId: string, input: unknown, actor: AuditActor | undefined): Promise<StockCountLine> {
    const problems = stockCountEntryProblems(input);
    if (problems.length > 0) throw refused('nothing was counted', fieldsOf(input).entryId, problems);
    const entry = input as StockCountEntryInput;
    const { line, conflict } = await this.repository.write(async (writer) => {
      const count = await writer.get<StoredStockCount>('stockCounts', countId);
      if (!count) throw new SyncError('not_found', `no stock count "${countId}"`, 404);
      const product = await writer.get<Product>('products', entry.productId);
      if (!product) throw refused('nothing was counted', entry.entryId, [`productId: no product "${entry.productId}"`]);
      const entries = await writer.tx.stockCounts.entries(countId, product.id);
      const held = entries.find((other) => other.entryId === entry.entryId);
      if (held) return { line: lineOf(count, product, entries), conflict: !dec(held.quantity).eq(dec(entry.quantity)) };
      if (count.state !== 'open') throw new SyncError('conflict', `stock count ${count.number} is ${count.state}: nothing more can be counted on it`, 409);
      if (!onSheet(count, product)) throw refused('nothing was counted', entry.entryId, [`${product.sku} ${product.name} is not on count ${count.number} (${scopeWords(count)})`]);
      const before = countLine(entries);
      const problem = countedQuantityProblem(entry.quantity, product.unit, before.counted ?? '0');
      if (problem) throw refused('nothing was counted', entry.entryId, [`quantity: ${quantityWithUnit(entry.quantity, product.unit)} of ${product.name}: ${problem}`]);
      if (before.countedAt === null) {
        // One open count of a product at a time: two would each correct the books to their own moment.
        const other = await openCountOf(writer, count.storeId, product.id, countId);
        if (other) throw new SyncError('conflict', `${product.sku} ${product.name} is being counted on ${other.number}: post or cancel that count first`, 409);
      }
      const at = this.repository.now().toISOString();
      // The line's moment is its first entry: the ledger's stock then is what it expected.
      const expected = before.countedAt === null ? ((await writer.get<StockLevel>('stockLevels', stockLevelId(count.storeId, product.id)))?.quantity ?? '0') : null;
      const stored: StockCountEntry = {
        countId,
        entryId: entry.entryId,
        storeId: count.storeId,
        productId: product.id,
        kind: 'counted',
        quantity: toQuantityString(dec(entry.quantity)),
        expected,
        documentId: null,
        madeAt: null,
        enteredAt: at,
        enteredBy: actor?.label ?? 'head office',
      };
      // Held already under another product: the same id names another entry.
      if (!(await writer.tx.stockCounts.add([stored])).has(stored.entryId)) return { line: undefined, conflict: true };
      return { line: lineOf(count, product, [...entries, stored]), conflict: false };
    }, 1);
    if (conflict) throw new SyncError('immutable', `entry ${entry.entryId} is already counted with another product or quantity`, 409, [{ id: entry.entryId, problems: [] }]);
    return line!;
  }

  /**
   * Posts an open count: each counted line's difference (counted less what the ledger expected at its
   * moment, late sales included) moves the store's stock, one ledger row each. Products on the sheet
   * nobody counted are left as they are, or, with `uncounted: 'zero'`, counted as none now.
   */
  async post(countId: string, input: unknown, actor: AuditActor | undefined): Promise<StockCountView> {
    const uncounted = fieldsOf(input).uncounted;
    if (uncounted !== 'leave' && uncounted !== 'zero') throw refused('the count was not posted', countId, ['uncounted: "leave" to leave products nobody counted as they are, or "zero" to count them as none']);
    const storeId = (await this.repository.storage.documents.get<StoredStockCount>('stockCounts', countId))?.body.storeId;
    // The sheet's products, read before the transaction (a product added meanwhile is not on it).
    const products = storeId ? await this.repository.storage.documents.list<Product>('products', storeId) : [];
    await this.repository.write(async (writer) => {
      const count = await writer.get<StoredStockCount>('stockCounts', countId);
      if (!count) throw new SyncError('not_found', `no stock count "${countId}"`, 404);
      if (count.state !== 'open') throw new SyncError('conflict', `stock count ${count.number} is ${count.state} already`, 409);
      const at = this.repository.now().toISOString();
      const entries = await writer.tx.stockCounts.entries(countId);
      const byProduct = groupByProduct(entries);
      if (uncounted === 'zero') {
        // Counted as none, unless another open count is counting it.
        const notCounted = [];
        for (const product of products) {
          if (!onSheet(count, product) || countLine(byProduct.get(product.id) ?? []).counted !== null) continue;
          notCounted.push(product);
        }
        const elsewhere = new Set((await openCountLines(writer, count.storeId, notCounted.map((product) => product.id), countId)).map((line) => line.productId));
        notCounted.splice(0, notCounted.length, ...notCounted.filter((product) => !elsewhere.has(product.id)));
        const levels = await writer.tx.documents.getMany<StockLevel>('stockLevels', notCounted.map((product) => stockLevelId(count.storeId, product.id)));
        const zeros: StockCountEntry[] = notCounted.map((product) => ({
          countId,
          entryId: `none:${product.id}`,
          storeId: count.storeId,
          productId: product.id,
          kind: 'counted',
          quantity: '0',
          expected: levels.get(stockLevelId(count.storeId, product.id))?.body.quantity ?? '0',
          documentId: null,
          madeAt: null,
          enteredAt: at,
          enteredBy: actor?.label ?? 'head office',
        }));
        await writer.tx.stockCounts.add(zeros);
        for (const zero of zeros) byProduct.set(zero.productId, [...(byProduct.get(zero.productId) ?? []), zero]);
      }
      const movements = [...byProduct.values()].flatMap((ofProduct) => {
        const line = countLine(ofProduct);
        return line.counted === null ? [] : [{ productId: ofProduct[0]!.productId, quantity: dec(countDifference(line.counted, line.expected!)) }];
      });
      await moveStock(writer, count.storeId, 'count', count.id, at, movements);
      const posted: StoredStockCount = { ...count, state: 'posted', postedAt: at, postedBy: actor?.label ?? 'head office', uncounted: uncounted as UncountedChoice };
      await writer.put('stockCounts', posted, count.storeId);
      await recordAudit(writer.tx, actor, at, { action: 'count.post', kind: 'stockCount', subjectId: count.id, storeId: count.storeId, before: count, after: { ...posted, differences: movements.filter((movement) => !movement.quantity.isZero()).length } });
    }, 16);
    return this.view(countId);
  }

  /**
   * Cancels an open count: nothing it counted moves stock. Late sales it held are settled against
   * the counts that counted their products before it, as if it had never been.
   */
  async cancel(countId: string, actor: AuditActor | undefined): Promise<StockCountView> {
    await this.repository.write(async (writer) => {
      const count = await writer.get<StoredStockCount>('stockCounts', countId);
      if (!count) throw new SyncError('not_found', `no stock count "${countId}"`, 404);
      if (count.state !== 'open') throw new SyncError('conflict', `stock count ${count.number} is ${count.state} already`, 409);
      const at = this.repository.now().toISOString();
      const cancelled: StoredStockCount = { ...count, state: 'cancelled', cancelledAt: at, cancelledBy: actor?.label ?? 'head office' };
      await writer.put('stockCounts', cancelled, count.storeId);
      const late = (await writer.tx.stockCounts.entries(countId)).filter((entry) => entry.kind === 'late');
      const offsets = await settleLateMovements(
        writer,
        count.storeId,
        late.map((entry) => ({ productId: entry.productId, quantity: entry.quantity, documentId: entry.documentId!, madeAt: entry.madeAt! })),
        at,
      );
      if (offsets.length > 0) await offsetStock(writer, count.storeId, offsets);
      await recordAudit(writer.tx, actor, at, { action: 'count.cancel', kind: 'stockCount', subjectId: count.id, storeId: count.storeId, before: count, after: cancelled });
    }, 16);
    return this.view(countId);
  }
}

/** A movement of a sale or return being applied: what it moved of a product, and when it was made by the server's clock. */
export interface AppliedMovement {
  productId: string;
  quantity: string;
  documentId: string;
  madeAt: string;
}

/**
 * Settles the movements of sales and returns made before their product was counted that reach the
 * server only now (a till that was offline): for each, the count that counted its product last at or
 * after it was made (cancelled counts aside). On an open count the movement is added to the line as
 * late, so what the ledger expected is what the shelf held when it was counted; on a posted count,
 * whose difference already took the movement into stock, the ledger rows answered offset it (source
 * `count`, the count's id), to be appended with the sale's own. Most pushes find no count and cost
 * one indexed read.
 */
export async function settleLateMovements(writer: Writer, storeId: string, movements: readonly AppliedMovement[], at: string): Promise<LedgerEntry[]> {
  if (movements.length === 0) return [];
  const since = movements.reduce((earliest, movement) => (movement.madeAt < earliest ? movement.madeAt : earliest), movements[0]!.madeAt);
  const counted = await writer.tx.stockCounts.countedSince(storeId, [...new Set(movements.map((movement) => movement.productId))], since);
  if (counted.length === 0) return [];
  const counts = await writer.tx.documents.getMany<StoredStockCount>('stockCounts', [...new Set(counted.map((line) => line.countId))]);
  const live = counted.filter((line) => counts.get(line.countId)?.body.state !== 'cancelled');
  const late: StockCountEntry[] = [];
  const offsets: LedgerEntry[] = [];
  for (const movement of movements) {
    const line = countOfLateSale(movement.madeAt, live.filter((candidate) => candidate.productId === movement.productId));
    if (!line) continue;
    late.push({
      countId: line.countId,
      entryId: `late:${movement.documentId}:${movement.productId}`,
      storeId,
      productId: movement.productId,
      kind: 'late',
      quantity: movement.quantity,
      expected: null,
      documentId: movement.documentId,
      madeAt: movement.madeAt,
      enteredAt: at,
      enteredBy: 'server',
    });
    if (counts.get(line.countId)!.body.state === 'posted') {
      offsets.push({ storeId, productId: movement.productId, source: 'count', documentId: line.countId, quantity: toQuantityString(dec(movement.quantity).neg()), recordedAt: at, unitCost: null });
    }
  }
  const written = await writer.tx.stockCounts.add(late);
  // A late entry held already (the same sale settled before) offsets nothing again.
  return offsets.filter((offset) => late.some((entry) => entry.countId === offset.documentId && entry.productId === offset.productId && written.has(entry.entryId)));
}

/** Appends offsetting count rows and moves the levels by them (a count cancelled, its late sales settled elsewhere). */
async function offsetStock(writer: Writer, storeId: string, offsets: readonly LedgerEntry[]): Promise<void> {
  const byCount = new Map<string, LedgerEntry[]>();
  for (const offset of offsets) byCount.set(offset.documentId!, [...(byCount.get(offset.documentId!) ?? []), offset]);
  for (const [countId, rows] of byCount) await moveStock(writer, storeId, 'count', countId, rows[0]!.recordedAt, rows.map((row) => ({ productId: row.productId, quantity: dec(row.quantity) })));
}

function refused(message: string, id: unknown, problems: string[]): SyncError {
  return new SyncError('invalid_document', message, 422, [{ id: typeof id === 'string' ? id : undefined, problems }]);
}

function sameOpen(held: StoredStockCount, open: StockCountOpen): boolean {
  return (
    held.storeId === open.storeId &&
    held.scope === open.scope &&
    (held.category ?? '') === (open.category?.trim() ?? '') &&
    (held.productIds ?? []).join('\n') === (open.productIds ?? []).join('\n') &&
    held.blind === (open.blind ?? false) &&
    held.reference === (open.reference?.trim() ?? '')
  );
}

/** Whether a product is on the sheet: any product for a whole store, the category's, or the chosen ones. */
function onSheet(count: StoredStockCount, product: Product): boolean {
  if (count.scope === 'store') return true;
  if (count.scope === 'category') {
    // A category takes its subcategories: "Dairy" counts "Dairy/Milk" too.
    const category = (product.category ?? '').toLowerCase();
    const counted = count.category!.toLowerCase();
    return category === counted || category.startsWith(`${counted}/`);
  }
  return count.productIds!.includes(product.id);
}

function scopeWords(count: StoredStockCount): string {
  if (count.scope === 'store') return 'the whole store';
  if (count.scope === 'category') return `category ${count.category}`;
  return `${count.productIds!.length} chosen products`;
}

function groupByProduct(entries: readonly StockCountEntry[]): Map<string, StockCountEntry[]> {
  const byProduct = new Map<string, StockCountEntry[]>();
  for (const entry of entries) byProduct.set(entry.productId, [...(byProduct.get(entry.productId) ?? []), entry]);
  return byProduct;
}

/** A product's line as head office sees it: on a blind count still open, without what the ledger expected. */
function lineOf(count: StoredStockCount, product: Product, entries: readonly StockCountEntry[]): StockCountLine {
  const line = countLine(entries.filter((entry) => entry.productId === product.id));
  const hidden = count.blind && count.state === 'open';
  const expected = hidden ? null : line.expected;
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    unit: product.unit,
    counted: line.counted,
    countedAt: line.countedAt,
    expected,
    late: hidden ? '0' : line.late,
    difference: line.counted !== null && expected !== null ? countDifference(line.counted, expected) : null,
  };
}

/** The sheet: the products on it (active ones, and any with an entry), by SKU. */
function sheet(count: StoredStockCount, entries: readonly StockCountEntry[], products: readonly Product[], storeCode: string): StockCountView {
  const byProduct = groupByProduct(entries);
  const lines = products
    .filter((product) => onSheet(count, product) && (product.active || byProduct.has(product.id)))
    .sort((a, b) => a.sku.localeCompare(b.sku))
    .map((product) => lineOf(count, product, byProduct.get(product.id) ?? []));
  return { ...count, storeCode, lines, countedLines: lines.filter((line) => line.counted !== null).length };
}

/** The lines of the store's other open counts that count any of `productIds`. */
async function openCountLines(writer: Writer, storeId: string, productIds: readonly string[], exceptCountId: string): Promise<{ countId: string; productId: string }[]> {
  const lines = (await writer.tx.stockCounts.countedSince(storeId, productIds, '')).filter((line) => line.countId !== exceptCountId);
  if (lines.length === 0) return [];
  const counts = await writer.tx.documents.getMany<StoredStockCount>('stockCounts', [...new Set(lines.map((line) => line.countId))]);
  return lines.filter((line) => counts.get(line.countId)?.body.state === 'open');
}

/** Another open count of the store counting the product, if any. */
async function openCountOf(writer: Writer, storeId: string, productId: string, exceptCountId: string): Promise<StoredStockCount | undefined> {
  const [line] = await openCountLines(writer, storeId, [productId], exceptCountId);
  return line && (await writer.get<StoredStockCount>('stockCounts', line.countId));
}

/** The chain's next count number, taken inside the write transaction (writers wait on the sequence's lock). */
async function nextNumber(writer: Writer): Promise<string> {
  const counts = await writer.tx.documents.all<StoredStockCount>('stockCounts');
  const highest = counts.reduce((most, count) => Math.max(most, Number(count.number.slice(3)) || 0), 0);
  return `SC-${String(highest + 1).padStart(6, '0')}`;
}
