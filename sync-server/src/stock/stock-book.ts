import {
  Dec,
  dec,
  quantityProblem,
  quantityWithUnit,
  stockDocumentMovements,
  stockDocumentProblems,
  stockLevelId,
  SyncError,
  toQuantityString,
  type Product,
  type StockDocument,
  type StockLevel,
  type StockRow,
  type Store,
} from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import { canonicalJson } from '../canonical.js';
import { moveAverageCosts, receiveAgainstOrder } from '../purchasing/receiving.js';
import { liveBodies, type Repository, type Writer } from '../repository.js';
import type { DocumentWrite } from '../storage/port.js';

/**
 * A store's stock as head office keeps it: opening balances, goods receipts and adjustments (each a
 * ledger row per line and its level moved), and the stock report beside the ledger.
 */
export class StockBook {
  constructor(private readonly repository: Repository) {}

  async openIn(writer: Writer, storeId: string, openings: readonly { productId: string; quantity: string }[]): Promise<void> {
    const recordedAt = this.repository.now().toISOString();
    await writer.tx.ledger.append(openings.map(({ productId, quantity }) => ({ storeId, productId, source: 'opening' as const, documentId: null, quantity, recordedAt })));
    const writes: DocumentWrite[] = [];
    for (const { productId, quantity } of openings) {
      const body: StockLevel = { id: stockLevelId(storeId, productId), storeId, productId, quantity, applied: {} };
      writes.push({ collection: 'stockLevels', body, storeId, seq: await writer.seq() });
    }
    await writer.tx.documents.putMany(writes);
  }

  /** Records an opening balance and sets the product's level to it, in one transaction. */
  async open(storeId: string, productId: string, quantity: string): Promise<void> {
    await this.repository.write((writer) => this.openIn(writer, storeId, [{ productId, quantity }]));
  }

  /**
   * Records a goods receipt or a stock adjustment: one ledger row per line and each level moved, in
   * one transaction. The same document again records nothing; another under its id is refused.
   */
  async record(candidate: unknown, actor?: AuditActor): Promise<{ document: StockDocument; recorded: boolean }> {
    const problems = stockDocumentProblems(candidate);
    const document = candidate as StockDocument;
    if (problems.length === 0) {
      if (!(await this.repository.getDocument<Store>('stores', document.storeId))) problems.push(`no store "${document.storeId}"`);
      const products = liveBodies(await this.repository.storage.documents.getMany<Product>('products', document.lines.map((line) => line.productId)));
      document.lines.forEach((line, index) => {
        const product = products.get(line.productId);
        if (!product) {
          problems.push(`unknown product "${line.productId}"`);
          return;
        }
        // In the product's unit: whole pieces, kilograms to the gram, and so on.
        const problem = quantityProblem(dec(line.quantity).abs().toFixed(), product.unit);
        if (problem) problems.push(`lines.${index}.quantity: ${quantityWithUnit(line.quantity, product.unit)} of ${product.name}: ${problem}`);
      });
    }
    if (problems.length > 0) throw new SyncError('invalid_document', `the ${document?.kind ?? 'stock document'} was not recorded`, 422, [{ id: document?.id, problems }]);
    return this.repository.write(async (writer) => {
      const { tx } = writer;
      const recordedAt = this.repository.now().toISOString();
      const { inserted } = await tx.stockDocuments.insert(document, recordedAt);
      if (!inserted) {
        const existing = (await tx.stockDocuments.get(document.id))!;
        if (canonicalJson(existing) !== canonicalJson(document)) {
          throw new SyncError('immutable', `stock document ${document.id} is already recorded with other content; record a new one to correct it`, 409);
        }
        return { document: existing, recorded: false };
      }
      // Against a purchase order: counted on its lines (or refused whole); each line's cost per unit.
      const costs = document.kind === 'receipt' ? await receiveAgainstOrder(writer, document, recordedAt) : new Map<string, string>();
      const movements = stockDocumentMovements(document);
      await tx.ledger.append(
        movements.map((movement) => ({ storeId: document.storeId, productId: movement.productId, source: document.kind, documentId: document.id, quantity: movement.quantity, recordedAt, unitCost: costs.get(movement.productId) ?? null })),
      );
      // Summed per product first: a document may name a product on two lines.
      const totals = new Map<string, Dec>();
      for (const movement of movements) totals.set(movement.productId, (totals.get(movement.productId) ?? new Dec(0)).plus(dec(movement.quantity)));
      const levels = await tx.documents.getMany<StockLevel>('stockLevels', [...totals.keys()].map((productId) => stockLevelId(document.storeId, productId)));
      const writes: DocumentWrite[] = [];
      const onHandBefore = new Map<string, string>();
      for (const [productId, quantity] of totals) {
        const id = stockLevelId(document.storeId, productId);
        const stored = levels.get(id);
        const level = stored && !stored.deleted ? stored.body : { id, storeId: document.storeId, productId, quantity: '0', applied: {} };
        onHandBefore.set(productId, level.quantity);
        const moved: StockLevel = { ...level, quantity: toQuantityString(dec(level.quantity).plus(quantity)) };
        writes.push({ collection: 'stockLevels', body: moved, storeId: document.storeId, seq: await writer.seq() });
      }
      await tx.documents.putMany(writes);
      await moveAverageCosts(writer, document, costs, onHandBefore, recordedAt);
      // A document sent again records nothing, so it is logged once, as it was recorded.
      await recordAudit(tx, actor, recordedAt, { action: `stock.${document.kind}`, kind: 'stockDocument', subjectId: document.id, storeId: document.storeId, before: null, after: document });
      return { document, recorded: true };
    }, 16);
  }

  /** A store's goods receipts and adjustments, newest first. */
  async documents(storeId: string, limit = 100): Promise<(StockDocument & { recordedAt: string })[]> {
    return (await this.repository.storage.stockDocuments.forStore(storeId, limit)).map((row) => ({ ...row.document, recordedAt: row.recordedAt }));
  }

  /** Stock per product for head office: the projection, with the ledger's opening and sold beside it. */
  async report(storeId: string): Promise<Omit<StockRow, 'onOrder' | 'inTransit' | 'sentInTransit'>[]> {
    const bySource = {
      opening: new Map<string, Dec>(),
      receipt: new Map<string, Dec>(),
      adjustment: new Map<string, Dec>(),
      sale: new Map<string, Dec>(),
      return: new Map<string, Dec>(),
      transfer: new Map<string, Dec>(),
    };
    for (const entry of await this.repository.storage.ledger.entries(storeId)) {
      // A stock count's differences are adjustments, as a difference typed by hand is.
      const target = bySource[entry.source === 'count' ? 'adjustment' : entry.source];
      target.set(entry.productId, (target.get(entry.productId) ?? new Dec(0)).plus(dec(entry.quantity)));
    }
    const figure = (source: keyof typeof bySource, productId: string, sign = 1) => toQuantityString((bySource[source].get(productId) ?? new Dec(0)).mul(sign));
    const levels = new Map((await this.repository.listDocuments<StockLevel>('stockLevels', storeId)).map((level) => [level.productId, level]));
    // The moving average cost where a receipt moved it, head office's product cost until then.
    const costs = new Map((await this.repository.storage.documents.list<{ productId: string; averageCost: string }>('stockCosts', storeId)).map((cost) => [cost.productId, cost.averageCost]));
    return (await this.repository.listDocuments<Product>('products', storeId))
      .sort((a, b) => a.sku.localeCompare(b.sku))
      .map((product) => ({
        productId: product.id,
        sku: product.sku,
        name: product.name,
        unit: product.unit,
        opening: figure('opening', product.id),
        received: figure('receipt', product.id),
        adjusted: figure('adjustment', product.id),
        sold: figure('sale', product.id, -1),
        returned: figure('return', product.id),
        transferred: figure('transfer', product.id),
        quantity: levels.get(product.id)?.quantity ?? '0',
        averageCost: costs.get(product.id) ?? product.cost,
      }));
  }
}
