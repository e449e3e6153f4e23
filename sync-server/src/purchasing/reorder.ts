import {
  dec,
  fieldsOf,
  isDecimalString,
  QUANTITY_PLACES,
  reorderSuggestions,
  SERVICE_LEVEL_CHOICES,
  SERVICE_LEVELS,
  SyncError,
  unknownFields,
  windowDays,
  type DailySalesSums,
  type Product,
  type PurchaseOrder,
  type ReorderInput,
  type ReorderParameters,
  type ReorderRule,
  type ReorderSuggestion,
  type Store,
  type Supplier,
  type SupplierProduct,
} from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import type { CatalogueProduct, SupplierLink } from '../catalogue/chain-fields.js';
import type { Repository } from '../repository.js';
import { scaledDecimal } from '../storage/ledger-sums.js';
import { PurchaseOrders } from './purchase-orders.js';

/**
 * Reorder suggestions per store: every active product's stock on hand and on order, its net sales
 * per day over the window (sales less returns, by the day the server recorded them), its preferred
 * supplier's lead time, pack and cost, and its own fixed min/max where head office set one; the
 * arithmetic is shared/src/purchasing/reorder.ts. Accepted suggestions become draft orders, one
 * per supplier.
 */
/** The chain's catalogue, suppliers and supplier products, as the inputs read them. */
export interface ChainReads {
  products: readonly CatalogueProduct[];
  suppliers: Supplier[];
  links: readonly SupplierLink[];
}

/** What every store's figures look up in the chain's reads, made once per read (chainIndex). */
interface ChainIndex {
  /** The active suppliers. */
  suppliers: Map<string, Supplier>;
  /** Each product's preferred link to an active supplier. */
  preferred: Map<string, SupplierLink>;
  /** The products by id, and each one's place in the catalogue: made when first asked for (watched figures). */
  placed(): { byId: Map<string, CatalogueProduct>; order: Map<string, number> };
}

const chainIndexes = new WeakMap<ChainReads, ChainIndex>();

/** The active products among those named, each once, in the catalogue's order. */
function watchedProducts({ byId, order }: ReturnType<ChainIndex['placed']>, named: readonly Iterable<string>[]): CatalogueProduct[] {
  const ids = new Set(named.flatMap((some) => [...some]));
  return [...ids]
    .flatMap((productId) => byId.get(productId) ?? [])
    .filter((product) => product.active)
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** The chain's reads indexed, once for all the stores of a report that share them. */
function chainIndex(chain: ChainReads): ChainIndex {
  let index = chainIndexes.get(chain);
  if (!index) {
    const suppliers = new Map(chain.suppliers.filter((supplier) => supplier.active).map((supplier) => [supplier.id, supplier]));
    const preferred = new Map<string, SupplierLink>();
    for (const link of chain.links) if (link.preferred && suppliers.has(link.supplierId)) preferred.set(link.productId, link);
    let placed: ReturnType<ChainIndex['placed']> | undefined;
    index = {
      suppliers,
      preferred,
      placed: () =>
        (placed ??= {
          byId: new Map(chain.products.map((product) => [product.id, product])),
          order: new Map(chain.products.map((product, place) => [product.id, place])),
        }),
    };
    chainIndexes.set(chain, index);
  }
  return index;
}

/** A store's reorder figures (Reorder.figures). */
export interface StoreFigures {
  /** The chain's active products; with `watch`, only those that may run low (Reorder.figures). */
  products: readonly CatalogueProduct[];
  /** A product's stock figures as numbers and its sales sums, enough to tell most products need nothing (floating point: a first look only). */
  quick(productId: string): { onHand: number; stocked: boolean; onOrder: number; sums: DailySalesSums; rule: boolean; leadTimeDays: number | undefined };
  /** A product's input, exact. */
  input(product: CatalogueProduct): ReorderInput;
}

export class Reorder {
  private readonly orders: PurchaseOrders;

  constructor(private readonly repository: Repository) {
    this.orders = new PurchaseOrders(repository);
  }

  /** Parameters from a request's query, or the problems with them. */
  static parameters(query: Record<string, unknown>): ReorderParameters {
    const problems: string[] = [];
    const whole = (name: string, fallback: number, max: number) => {
      const given = query[name];
      if (given === undefined || given === '') return fallback;
      const value = Number(given);
      if (!Number.isInteger(value) || value < (name === 'reviewDays' ? 0 : 1) || value > max) problems.push(`${name}: whole days, up to ${max}`);
      return value;
    };
    const windowDays = whole('windowDays', 28, 366);
    const reviewDays = whole('reviewDays', 7, 90);
    const serviceLevel = typeof query.serviceLevel === 'string' && query.serviceLevel !== '' ? query.serviceLevel : '95';
    if (!(serviceLevel in SERVICE_LEVELS)) problems.push(`serviceLevel: one of ${SERVICE_LEVEL_CHOICES.join(', ')} (percent)`);
    if (problems.length > 0) throw new SyncError('bad_request', 'no suggestions were made', 400, [{ problems }]);
    return { windowDays, reviewDays, serviceLevel };
  }

  async suggestions(storeId: string, parameters: ReorderParameters): Promise<ReorderSuggestion[]> {
    return reorderSuggestions(await this.inputs(storeId, parameters), parameters);
  }

  /**
   * What every store's inputs share: the chain's catalogue, suppliers and their products. Read once
   * for a report over many stores.
   */
  async chainReads(): Promise<ChainReads> {
    // The catalogue and links as held while unchanged (a large chain has 100,000 products).
    const chain = this.repository.chainFields;
    const [products, suppliers, links] = await Promise.all([chain.products(), this.repository.storage.documents.all<Supplier>('suppliers'), chain.supplierLinks()]);
    return { products, suppliers, links };
  }

  /** What the suggestions are worked out from: every active product of the store with its figures. */
  async inputs(storeId: string, parameters: ReorderParameters, chain?: Promise<ChainReads>): Promise<ReorderInput[]> {
    const figures = await this.figures(storeId, parameters, chain);
    return figures.products.map((product) => figures.input(product));
  }

  /**
   * A store's figures, read at once, with each active product's input made from them on demand: a
   * report over a chain's stores looks at a few of hundreds of thousands (`quick`) and makes inputs
   * of those alone. `watch` reads only the products that may run low (ledger.toWatch): those with
   * nothing on hand or a rule of their own, and those sold in the window whose stock does not surely
   * cover `watch.coverDays` days nor their reorder point (what runs low, over a chain's stores).
   */
  async figures(storeId: string, parameters: ReorderParameters, chain?: Promise<ChainReads>, options: { watch?: { coverDays: number } } = {}): Promise<StoreFigures> {
    const storage = this.repository.storage;
    const store = await this.repository.getDocument<Store>('stores', storeId);
    if (!store) throw new SyncError('not_found', `no store "${storeId}"`, 404);
    // Net sold per product over the window, summed per product and day in the database.
    const days = windowDays(this.repository.now(), parameters.windowDays);
    // Independent reads, at once: PostgreSQL runs them side by side.
    // Only the fields used, taken out in the database: a large store has 100,000 products and levels.
    const [chainRead, everyLevel, onOrder, allRules, netSales] = await Promise.all([
      chain ?? this.chainReads(),
      options.watch ? null : storage.documents.positions(storeId),
      this.orders.onOrder(storeId),
      storage.documents.list<ReorderRule>('reorderRules', storeId),
      options.watch ? null : storage.ledger.netSales(storeId, days[0], days[days.length - 1]),
    ]);
    const { suppliers, preferred, placed } = chainIndex(chainRead);
    const rules = new Map(allRules.filter((rule) => rule.storeId === storeId).map((rule) => [rule.productId, rule]));
    // Watched: what has nothing on hand, has a rule, or sold in the window and may fall short of the
    // cover asked for or of its reorder point at the longest lead time of any supplier, found in the
    // database. A product well stocked for its sales, or not sold in the window, with no rule, never
    // runs low; a chain's stores hold thousands of those, not read.
    const watched = options.watch
      ? await storage.ledger.toWatch(storeId, days[0], days[days.length - 1], [...rules.keys()], {
          coverDays: options.watch.coverDays,
          // A lead time that is no number (a malformed document) would pass every product as covered
          // on PostgreSQL: the longest a supplier may be set to (365 days) is taken for it.
          leadDays: Math.max(0, ...[...suppliers.values()].map((supplier) => (Number.isFinite(supplier.leadTimeDays) ? supplier.leadTimeDays : 365))),
          z: Number(SERVICE_LEVELS[parameters.serviceLevel]),
        })
      : null;
    const sold = new Map((watched?.sales ?? netSales ?? []).map((sales) => [sales.productId, sales]));
    const allLevels = watched?.positions ?? everyLevel ?? [];
    // The stock levels' quantities from the narrow positions, in thousandths.
    const levels = new Map<string, bigint>();
    for (const { productId, quantity } of allLevels) if (quantity !== null) levels.set(productId, quantity);
    // The active products, in the catalogue's order either way.
    const products = options.watch ? watchedProducts(placed(), [levels.keys(), sold.keys(), rules.keys()]) : chainRead.products.filter((product) => product.active);
    const none: DailySalesSums = { days: days.length, total: '0', squares: '0' };
    const sumsOf = (productId: string): DailySalesSums => {
      const sales = sold.get(productId);
      return sales ? { days: days.length, total: sales.total, squares: sales.squares } : none;
    };
    const supplierOf = (productId: string) => {
      const link = preferred.get(productId);
      const supplier = link ? suppliers.get(link.supplierId) : undefined;
      return link && supplier ? { link, supplier } : undefined;
    };
    return {
      products,
      quick(productId) {
        const level = levels.get(productId);
        return {
          onHand: level === undefined ? 0 : Number(level) / 10 ** QUANTITY_PLACES,
          stocked: level !== undefined,
          onOrder: Number(onOrder.get(productId) ?? '0'),
          sums: sumsOf(productId),
          rule: rules.has(productId),
          leadTimeDays: supplierOf(productId)?.supplier.leadTimeDays,
        };
      },
      input(product) {
        const found = supplierOf(product.id);
        const rule = rules.get(product.id);
        const level = levels.get(product.id);
        return {
          productId: product.id,
          sku: product.sku,
          name: product.name,
          unit: product.unit,
          onHand: level === undefined ? '0' : scaledDecimal(level, QUANTITY_PLACES),
          stocked: level !== undefined,
          onOrder: onOrder.get(product.id) ?? '0',
          reserved: '0',
          dailySales: sumsOf(product.id),
          ...(rule ? { rule } : {}),
          ...(found
            ? {
                supplier: {
                  id: found.supplier.id,
                  name: found.supplier.name,
                  leadTimeDays: found.supplier.leadTimeDays,
                  packSize: found.link.packSize,
                  packCost: found.link.packCost,
                  currency: found.supplier.currency,
                  ...(found.supplier.minimumOrder ? { minimumOrder: found.supplier.minimumOrder } : {}),
                },
              }
            : {}),
        };
      },
    };
  }

  /** Sets (or, with `null` for both, removes) a product's fixed min/max in a store. */
  async setRule(storeId: string, productId: string, input: unknown, actor: AuditActor | undefined): Promise<ReorderRule | null> {
    const body = fieldsOf(input);
    const problems = unknownFields(body, ['min', 'max']);
    const removing = (body.min === null || body.min === '') && (body.max === null || body.max === '');
    const min = typeof body.min === 'string' ? body.min.trim() : '';
    const max = typeof body.max === 'string' ? body.max.trim() : '';
    if (!removing) {
      if (!isDecimalString(min) || dec(min).isNegative()) problems.push('min: the stock at or below which it is ordered, 0 or more');
      if (!isDecimalString(max) || !dec(max).gt(0)) problems.push('max: the stock an order brings it up to, more than 0');
      else if (isDecimalString(min) && dec(max).lte(dec(min))) problems.push('max: more than the minimum');
    }
    return this.repository.write(async (writer) => {
      if (!(await writer.get<Store>('stores', storeId))) problems.push(`store: no store "${storeId}"`);
      if (!(await writer.get<Product>('products', productId))) problems.push(`productId: no product "${productId}"`);
      if (problems.length > 0) throw new SyncError('invalid_document', 'the reorder rule was not saved', 422, [{ id: productId, problems }]);
      const id = `${storeId}:${productId}`;
      const before = (await writer.get<ReorderRule>('reorderRules', id)) ?? null;
      const at = this.repository.now().toISOString();
      const rule: ReorderRule | null = removing ? null : { id, storeId, productId, min: dec(min).toFixed(), max: dec(max).toFixed(), updatedAt: at };
      if (rule) await writer.put('reorderRules', rule, storeId);
      else if (before) await writer.put('reorderRules', before, storeId, true);
      await recordAudit(writer.tx, actor, at, { action: rule ? 'reorder.rule' : 'reorder.rule.remove', kind: 'reorderRule', subjectId: id, storeId, before, after: rule });
      return rule;
    }, 1);
  }

  /**
   * Turns the accepted suggestions (`{storeId, lines: [{productId, packs}]}`) into draft orders, one
   * per preferred supplier, all in one write transaction; a product without one, or a draft refused,
   * is named and nothing is made.
   */
  async makeOrders(input: unknown, actor: AuditActor | undefined): Promise<PurchaseOrder[]> {
    const body = fieldsOf(input);
    const storeId = typeof body.storeId === 'string' ? body.storeId : '';
    const lines = Array.isArray(body.lines) ? (body.lines as unknown[]).map(fieldsOf) : [];
    if (lines.length === 0) throw new SyncError('invalid_document', 'no order was made', 422, [{ problems: ['lines: accept at least one suggestion'] }]);
    const suppliers = new Map((await this.repository.storage.documents.all<Supplier>('suppliers')).filter((supplier) => supplier.active).map((supplier) => [supplier.id, supplier]));
    const preferred = new Map<string, SupplierProduct>();
    for (const link of await this.repository.storage.documents.all<SupplierProduct>('supplierProducts')) if (link.preferred && suppliers.has(link.supplierId)) preferred.set(link.productId, link);
    const bySupplier = new Map<string, { productId: string; packs: string }[]>();
    const problems: string[] = [];
    lines.forEach((line, index) => {
      const productId = typeof line.productId === 'string' ? line.productId : '';
      const link = preferred.get(productId);
      if (!link) problems.push(`lines[${index}].productId: "${productId}" has no active preferred supplier`);
      else bySupplier.set(link.supplierId, [...(bySupplier.get(link.supplierId) ?? []), { productId, packs: String(line.packs ?? '') }]);
    });
    if (problems.length > 0) throw new SyncError('invalid_document', 'no order was made', 422, [{ problems }]);
    // One write transaction for every supplier's draft: a draft refused leaves none made.
    return this.orders.createMany(
      [...bySupplier].map(([supplierId, supplierLines]) => ({ storeId, supplierId, lines: supplierLines, note: 'from reorder suggestions' })),
      actor,
    );
  }
}
