import MiniSearch from 'minisearch';
import { BehaviorSubject, type Subscription } from 'rxjs';
import type { Product, Store, TaxClass, Till } from '../../../shared/src/index.js';
import type { TillDatabase } from './database.js';
import { followCollection } from './follow.js';

/** Splits names and SKUs into lowercase words; a SKU is also kept whole so "abc-001" finds it. */
function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return lower.includes('-') ? [...words, lower] : words;
}

/**
 * The till's in-memory view of master data: products by id, barcode and SKU, a word index for search
 * as you type, and the till's store and tax classes. Built once from the database and kept up to date
 * from its change stream, so no keystroke or scan waits for a database query.
 */
export class Catalog {
  readonly products = new Map<string, Product>();
  private readonly byBarcode = new Map<string, string>();
  private readonly bySku = new Map<string, string>();
  private readonly index = new MiniSearch<Product>({
    fields: ['name', 'sku'],
    storeFields: [],
    tokenize,
    searchOptions: { prefix: true, combineWith: 'AND', boost: { sku: 2 } },
  });
  private readonly taxClasses = new Map<string, TaxClass>();
  store: Store | undefined;
  till: Till | undefined;
  /** Bumped on every change, for views that re-render. */
  readonly version$ = new BehaviorSubject(0);
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly storeId: string,
    private readonly tillId: string,
  ) {}

  /** Loads everything from the database and follows its changes. */
  async open(db: TillDatabase): Promise<void> {
    const bump = () => this.version$.next(this.version$.value + 1);
    this.subscriptions.push(
      await followCollection(db.products, (product, deleted) => (deleted ? this.removeProduct(product.id) : this.putProduct(product)), bump),
      await followCollection(
        db.taxClasses,
        (taxClass, deleted) => {
          if (taxClass.storeId !== this.storeId) return;
          if (deleted) this.taxClasses.delete(taxClass.code);
          else this.taxClasses.set(taxClass.code, taxClass);
        },
        bump,
      ),
      await followCollection(
        db.stores,
        (store, deleted) => {
          if (store.id === this.storeId) this.store = deleted ? undefined : store;
        },
        bump,
      ),
      await followCollection(
        db.tills,
        (till, deleted) => {
          if (till.id === this.tillId) this.till = deleted ? undefined : till;
        },
        bump,
      ),
    );
  }

  close(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private putProduct(product: Product): void {
    const previous = this.products.get(product.id);
    if (previous) this.removeProduct(previous.id);
    this.products.set(product.id, product);
    for (const barcode of product.barcodes) this.byBarcode.set(barcode, product.id);
    this.bySku.set(product.sku.toLowerCase(), product.id);
    if (product.active) this.index.add(product);
  }

  private removeProduct(id: string): void {
    const previous = this.products.get(id);
    if (!previous) return;
    this.products.delete(id);
    for (const barcode of previous.barcodes) if (this.byBarcode.get(barcode) === id) this.byBarcode.delete(barcode);
    if (this.bySku.get(previous.sku.toLowerCase()) === id) this.bySku.delete(previous.sku.toLowerCase());
    if (this.index.has(id)) this.index.discard(id);
  }

  product(id: string): Product | undefined {
    return this.products.get(id);
  }

  byBarcodeOrSku(code: string): Product | undefined {
    const id = this.byBarcode.get(code.trim()) ?? this.bySku.get(code.trim().toLowerCase());
    return id ? this.products.get(id) : undefined;
  }

  /** Products whose name or SKU words start with every word typed, best first. */
  search(query: string, limit = 30): Product[] {
    const text = query.trim();
    if (!text) return [];
    const results: Product[] = [];
    const exact = this.byBarcodeOrSku(text);
    if (exact?.active) results.push(exact);
    for (const hit of this.index.search(text)) {
      if (results.length >= limit) break;
      const product = this.products.get(hit.id as string);
      if (product && product !== exact) results.push(product);
    }
    return results;
  }

  /** The tax rate (percent) of a product at this till's store. */
  taxRatePercent(product: Product): string | undefined {
    return this.taxClasses.get(product.taxClass)?.ratePercent;
  }

  get size(): number {
    return this.products.size;
  }
}
