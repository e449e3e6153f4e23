import type { Product } from '../../../../shared/src/index.js';

/** A product with the text the Find box looks in, made once per load: 100,000 products are filtered per keystroke. */
export interface ListedProduct {
  product: Product;
  /** SKU, name, barcodes, category and brand, in lower case, one a line. */
  searchText: string;
}

/** The catalogue as the list shows it, each product with its search text. */
export function listProducts(products: readonly Product[]): ListedProduct[] {
  return products.map((product) => ({
    product,
    searchText: `${product.sku}\n${product.name}\n${product.barcodes.join('\n')}\n${product.category ?? ''}\n${product.brand ?? ''}`.toLowerCase(),
  }));
}

/** What the Find box looks for: what was typed, trimmed and in lower case; empty finds every product. */
export function searchQuery(typed: string): string {
  return typed.trim().toLowerCase();
}

/** Every product whose SKU, name, a barcode, category or brand holds the query: the whole catalogue, scanned. */
export function scanProducts(listed: readonly ListedProduct[], query: string): readonly ListedProduct[] {
  return query ? listed.filter((entry) => entry.searchText.includes(query)) : listed;
}

/**
 * Finds products as someone types, with what `scanProducts` finds, but quicker: what each query
 * found is kept along the way typed so far ("c", "ch", "cho"), so a query that extends one of them
 * filters its matches alone (whatever holds "choc" holds "cho"), and a character deleted goes back
 * to what was found before. Anything else (a different query pasted) scans the whole catalogue.
 *
 * Each kept result is exactly what a scan finds for its query, so it does not matter which queries
 * were asked before, nor whether React kept the render that asked them.
 */
export class ProductFinder {
  /** Queries found so far, each one a prefix of the next, with their matches. */
  private readonly path: { query: string; found: readonly ListedProduct[] }[] = [];

  constructor(readonly listed: readonly ListedProduct[]) {}

  find(query: string): readonly ListedProduct[] {
    if (!query) return this.listed;
    while (this.path.length > 0 && !query.startsWith(this.path[this.path.length - 1].query)) this.path.pop();
    const last = this.path[this.path.length - 1];
    if (last?.query === query) return last.found;
    const found = scanProducts(last?.found ?? this.listed, query);
    this.path.push({ query, found });
    return found;
  }
}

