import type { RxCollection } from 'rxdb';
import { BehaviorSubject } from 'rxjs';
import { dec, DEFAULT_SCALE_LAYOUT, effectivePrice, effectiveTaxRate, nextPriceChangeAt, parseScaleBarcode, soldBy, weightForPrice, type DecimalString, type Product, type Store, type TaxClass, type Till } from '../../../../shared/src/index.js';
import type { TillDatabase } from '../data/database.js';
import { CollectionFollower } from '../sync/follow.js';
import { IncrementalSearch, normalise } from './search.js';
import type { SnapshotStore } from '../sync/snapshot.js';

interface Entry {
  product: Product;
  haystack: string;
}

/** Bump when the cached entry shape changes, so older snapshots are read afresh from the database. */
const SNAPSHOT_FORMAT = 2;
const SNAPSHOT_KEY = 'products';
const BARCODE_LIKE = /^\d{6,}$/;
/** How often the till looks whether a scheduled price has taken effect. */
const PRICE_CHECK_MS = 5_000;

/**
 * The till's in-memory view of master data: products by id, barcode and SKU, search as you type,
 * and the till's store and tax classes. Opened from a snapshot plus the changes after it, then kept
 * up to date from the database's change stream, so no keystroke or scan waits for a query.
 */
/**
 * A product to add (with the quantity a scale label carries, or a pack holds: `pack` names it), a
 * code no product has, or why a label cannot be used.
 */
export type ScanResult = { product: Product; quantity?: DecimalString; pack?: string } | { unknown: true } | { problem: string };

export class Catalog {
  private readonly entries = new Map<string, Entry>();
  private readonly byBarcode = new Map<string, string>();
  /** A pack's barcode: its product and the pack (a case of 12 sells 12). */
  private readonly byPackBarcode = new Map<string, { productId: string; name: string; quantity: string }>();
  private readonly bySku = new Map<string, string>();
  private readonly finder = new IncrementalSearch<Entry>(() => this.activeEntries());
  private readonly taxClasses = new Map<string, TaxClass>();
  private readonly followers: CollectionFollower<{ id: string }>[] = [];
  private productFollower: CollectionFollower<Product> | undefined;
  /** Products with price changes, and the next moment one of them takes effect (a scheduled price). */
  private readonly repriced = new Set<string>();
  private nextPriceChange: number | undefined;
  private priceTimer: ReturnType<typeof setInterval> | undefined;
  store: Store | undefined;
  till: Till | undefined;
  /** Bumped on every change, for views that re-render. */
  readonly version$ = new BehaviorSubject(0);

  constructor(
    private readonly storeId: string,
    private readonly tillId: string,
    private readonly snapshots?: SnapshotStore,
    /** The till's clock: a scheduled price takes effect when it says so, offline too. */
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Loads everything (from the snapshot when there is one) and follows the database's changes. */
  async open(db: TillDatabase): Promise<void> {
    const bump = () => this.version$.next(this.version$.value + 1);
    const follow = <T extends { id: string }>(collection: RxCollection<T>, apply: (document: T, deleted: boolean) => void) => {
      const follower = new CollectionFollower<T>(collection, apply, bump);
      this.followers.push(follower as unknown as CollectionFollower<{ id: string }>);
      return follower;
    };
    const products = follow<Product>(db.products, (product, deleted) => {
      if (deleted) this.removeProduct(product.id);
      else this.putProduct(product);
      this.finder.invalidate();
    });
    this.productFollower = products;
    // The snapshot holds whole entries, search text included, so opening computes nothing per product.
    const snapshot = await this.snapshots?.load<Entry>(SNAPSHOT_KEY).catch(() => undefined);
    const others = [
      follow<TaxClass>(db.taxClasses, (taxClass, deleted) => {
        if (taxClass.storeId !== this.storeId) return;
        if (deleted) this.taxClasses.delete(taxClass.code);
        else {
          this.taxClasses.set(taxClass.code, taxClass);
          this.noteRateChanges(taxClass);
        }
      }),
      follow<Store>(db.stores, (store, deleted) => {
        if (store.id === this.storeId) this.store = deleted ? undefined : store;
      }),
      follow<Till>(db.tills, (till, deleted) => {
        if (till.id === this.tillId) this.till = deleted ? undefined : till;
      }),
    ];
    const restore = (entries: unknown[]) => {
      for (const entry of entries as Entry[]) this.putEntry(entry);
    };
    await Promise.all([products.open(snapshot?.format === SNAPSHOT_FORMAT ? snapshot : undefined, restore), ...others.map((follower) => follower.open())]);
    // A scheduled price takes effect while the till runs: the views price again when it does.
    this.priceTimer = setInterval(() => this.checkPriceChanges(), PRICE_CHECK_MS);
  }

  /** When a scheduled price change has come, tells the views (which read prices anew) and finds the next. */
  checkPriceChanges(): void {
    if (this.nextPriceChange === undefined || this.nextPriceChange > this.now()) return;
    this.nextPriceChange = undefined;
    for (const id of this.repriced) this.notePriceChanges(this.entries.get(id)?.product);
    for (const taxClass of this.taxClasses.values()) this.noteRateChanges(taxClass);
    this.version$.next(this.version$.value + 1);
  }

  /** A tax class's next dated rate counts as a price change: the views price again when it comes. */
  private noteRateChanges(taxClass: TaxClass): void {
    for (const change of taxClass.rates ?? []) {
      const from = Date.parse(change.from);
      if (from > this.now() && (this.nextPriceChange === undefined || from < this.nextPriceChange)) this.nextPriceChange = from;
    }
  }

  private notePriceChanges(product: Product | undefined): void {
    if (!product?.priceChanges?.length) return;
    this.repriced.add(product.id);
    const next = nextPriceChangeAt(product, this.now());
    if (next !== undefined && (this.nextPriceChange === undefined || next < this.nextPriceChange)) this.nextPriceChange = next;
  }

  /** The product as it sells now at this till's store: its price is the one in force (see effectivePrice). */
  private priced(product: Product): Product {
    if (!product.priceChanges?.length) return product;
    const price = effectivePrice(product, this.storeId, this.now());
    return price === product.price ? product : { ...product, price };
  }

  /**
   * A new till's products and tax classes from the server's snapshot, sellable at once while the
   * same documents are still being stored (they arrive again from the database then, and replace
   * these as they are).
   */
  preload(documents: { products?: readonly Product[]; taxClasses?: readonly TaxClass[] }): void {
    for (const product of documents.products ?? []) this.putProduct(product);
    for (const taxClass of documents.taxClasses ?? []) if (taxClass.storeId === this.storeId) this.taxClasses.set(taxClass.code, taxClass);
    this.finder.invalidate();
    this.version$.next(this.version$.value + 1);
  }

  /** Writes the products as they are now, so the next start reads one snapshot. */
  async saveSnapshot(): Promise<void> {
    if (!this.snapshots || !this.productFollower) return;
    await this.snapshots.save(SNAPSHOT_KEY, this.productFollower.snapshot([...this.entries.values()], SNAPSHOT_FORMAT));
  }

  /** Products read from the database (not the snapshot) when the catalogue was opened. */
  get readOnOpen(): number {
    return this.productFollower?.readOnOpen ?? 0;
  }

  /** Product changes applied since the last snapshot. */
  get changesSinceSnapshot(): number {
    return this.productFollower?.changesSinceSnapshot ?? 0;
  }

  close(): void {
    for (const follower of this.followers) follower.close();
    clearInterval(this.priceTimer);
  }

  private *activeEntries(): Iterable<Entry> {
    for (const entry of this.entries.values()) if (entry.product.active) yield entry;
  }

  private putProduct(product: Product): void {
    this.putEntry({ product, haystack: normalise(`${product.name} ${product.sku}`) });
  }

  private putEntry(entry: Entry): void {
    const { product } = entry;
    if (this.entries.has(product.id)) this.removeProduct(product.id);
    this.entries.set(product.id, entry);
    this.notePriceChanges(product);
    for (const barcode of product.barcodes) this.byBarcode.set(barcode, product.id);
    for (const pack of product.packs ?? []) this.byPackBarcode.set(pack.barcode, { productId: product.id, name: pack.name, quantity: pack.quantity });
    this.bySku.set(product.sku.toLowerCase(), product.id);
  }

  private removeProduct(id: string): void {
    const previous = this.entries.get(id)?.product;
    if (!previous) return;
    this.entries.delete(id);
    this.repriced.delete(id);
    for (const barcode of previous.barcodes) if (this.byBarcode.get(barcode) === id) this.byBarcode.delete(barcode);
    for (const pack of previous.packs ?? []) if (this.byPackBarcode.get(pack.barcode)?.productId === id) this.byPackBarcode.delete(pack.barcode);
    if (this.bySku.get(previous.sku.toLowerCase()) === id) this.bySku.delete(previous.sku.toLowerCase());
  }

  product(id: string): Product | undefined {
    const product = this.entries.get(id)?.product;
    return product && this.priced(product);
  }

  /** Whether a code is a pack's barcode (and none of a product's own): it rings up the pack's pieces (see scan). */
  isPackBarcode(code: string): boolean {
    return this.byPackBarcode.has(code.trim()) && !this.byBarcode.has(code.trim());
  }

  /** The product a code names: one of its barcodes, a pack's barcode, or its SKU. */
  byBarcodeOrSku(code: string): Product | undefined {
    const id = this.byBarcode.get(code.trim()) ?? this.byPackBarcode.get(code.trim())?.productId ?? this.bySku.get(code.trim().toLowerCase());
    return id ? this.product(id) : undefined;
  }

  /**
   * What a scanned code rings up: a product by its barcode or SKU, or a scale label (EAN-13 with a
   * prefix from 20 to 29 in the store's layout) carrying the weight, or the price, of a weighed item.
   */
  scan(code: string): ScanResult {
    const pack = this.byPackBarcode.get(code.trim());
    const packed = pack && !this.byBarcode.has(code.trim()) ? this.product(pack.productId) : undefined;
    if (pack && packed) return { product: packed, quantity: pack.quantity, pack: pack.name };
    const exact = this.byBarcodeOrSku(code);
    if (exact) return { product: exact };
    const store = this.store;
    const label = parseScaleBarcode(code.trim(), store?.scaleBarcodes ?? DEFAULT_SCALE_LAYOUT, store?.pricing.currencyDecimals ?? 2);
    const product = label && this.byBarcodeOrSku(label.itemBarcode);
    if (!label || !product) return { unknown: true };
    if (product.unit !== 'kg') return { problem: `${product.name} is sold ${soldBy(product.unit)}: a scale label cannot ring it up.` };
    if (label.value === 'weight') {
      if (dec(label.amount).lte(0)) return { problem: `The label for ${product.name} shows no weight.` };
      return { product, quantity: label.amount };
    }
    const weight = weightForPrice(label.amount, product.price, store?.pricing.currencyDecimals ?? 2, store?.pricing.roundingMode ?? 'half-up');
    if (!weight) return { problem: `The label for ${product.name} says ${label.amount}, which no weight at ${product.price} per kg costs: it was printed at another price. Weigh it again.` };
    return { product, quantity: weight };
  }

  /** Products whose name or SKU contain every word typed, best first; an exact barcode or SKU leads. */
  search(query: string, limit = 30): Product[] {
    const text = query.trim();
    if (!text) return [];
    const exact = this.byBarcodeOrSku(text);
    const results = exact?.active ? [exact] : [];
    // A long run of digits is a barcode being scanned or keyed: names are not searched for it.
    if (BARCODE_LIKE.test(text)) return results;
    for (const entry of this.finder.search(text, limit)) {
      if (results.length >= limit) break;
      if (entry.product.id !== exact?.id) results.push(this.priced(entry.product));
    }
    return results;
  }

  /** The tax rate (percent) of a product at this till's store. */
  taxRatePercent(product: Product): string | undefined {
    const taxClass = this.taxClasses.get(product.taxClass);
    // A rate head office dated takes effect by the till's own clock, offline too.
    return taxClass && effectiveTaxRate(taxClass, this.now());
  }

  get size(): number {
    return this.entries.size;
  }
}
