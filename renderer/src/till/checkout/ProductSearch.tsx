import { forwardRef, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Product } from '../../../../shared/src/index.js';
import { useDataVersion, useServices } from '../context.js';
import { QuickKeys } from './QuickKeys.js';
import { pricePerUnit, quantityIn } from '../format.js';

export interface ProductSearchHandle {
  focus(): void;
}

interface Props {
  onAdd(product: Product): void;
  /** A code typed or scanned into the box that is no product's barcode or SKU (a scale label, say). */
  onScan(code: string): void;
}

const BARCODE_PATTERN = /^\d{6,14}$/;
/** A receipt number as printed under a receipt's barcode: store code, till code, number. */
export const RECEIPT_NUMBER_PATTERN = /^[A-Z0-9]{1,16}-[A-Z0-9]{1,16}-\d{6,9}$/i;

/** Find by part of a name or SKU, or scan a barcode into it (digits and Enter). */
export const ProductSearch = forwardRef<ProductSearchHandle, Props>(function ProductSearch({ onAdd, onScan }, ref) {
  const { catalog, stock } = useServices();
  const version = useDataVersion();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [highlighted, setHighlighted] = useState(0);
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const results = useMemo(() => catalog.search(query, 30), [catalog, query, version]);
  const currency = catalog.store?.currency ?? '';

  const add = (product: Product) => {
    onAdd(product);
    setQuery('');
    setHighlighted(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setHighlighted((index) => Math.min(index + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlighted((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const code = query.trim();
      // A pack's barcode rings up the pieces the pack holds, as a scan does.
      const exact = catalog.isPackBarcode(code) ? undefined : catalog.byBarcodeOrSku(code);
      if (exact) return add(exact);
      if (BARCODE_PATTERN.test(code) || RECEIPT_NUMBER_PATTERN.test(code) || catalog.isPackBarcode(code)) {
        onScan(code);
        setQuery('');
        return;
      }
      const chosen = results[highlighted];
      if (chosen) add(chosen);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  return (
    <div className="product-search">
      <label className="product-search__label" htmlFor="product-search">
        Find product or scan <kbd>F2</kbd>
      </label>
      <input
        id="product-search"
        ref={input}
        className="product-search__input"
        type="search"
        autoComplete="off"
        autoFocus
        placeholder="Name, SKU or barcode"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setHighlighted(0);
        }}
        onKeyDown={onKeyDown}
        aria-controls="search-results"
      />
      <ul id="search-results" className="search-results" role="listbox" aria-label="Products found" data-query={query}>
        {results.map((product, index) => (
          <li
            key={product.id}
            role="option"
            aria-selected={index === highlighted}
            className={`search-results__item ${index === highlighted ? 'search-results__item--highlighted' : ''}`}
            data-testid="search-result"
            data-sku={product.sku}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => add(product)}
          >
            <span className="search-results__name">{product.name}</span>
            <span className="search-results__sku">{product.sku}</span>
            <span className="search-results__price">{pricePerUnit(product.price, currency, product.unit)}</span>
            <span className="search-results__stock" data-testid="result-stock">
              {quantityIn(stock.quantity(product.id), product.unit)} in stock
            </span>
          </li>
        ))}
        {query.trim() && results.length === 0 ? <li className="search-results__empty">No product matches “{query.trim()}”</li> : null}
      </ul>
      {query.trim() === '' ? <QuickKeys onAdd={add} /> : null}
    </div>
  );
});
