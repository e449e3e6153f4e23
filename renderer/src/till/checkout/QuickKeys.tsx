import type { Product } from '../../../../shared/src/index.js';
import { useDataVersion, useServices } from '../context.js';
import { pricePerUnit } from '../format.js';

/**
 * The store's quick keys (set at head office): big buttons for the favourite and unlabelled items
 * (bread, coffee, bags), shown while the search box is empty. A loose product asks for its weight
 * as it would from the search. A key whose product this till does not know (yet) is left out.
 */
export function QuickKeys({ onAdd }: { onAdd(product: Product): void }) {
  const { catalog } = useServices();
  useDataVersion();
  const keys = (catalog.store?.quickKeys ?? []).flatMap((key) => {
    const product = catalog.product(key.productId);
    return product ? [{ product, label: key.label ?? product.name }] : [];
  });
  if (keys.length === 0) return null;
  const currency = catalog.store?.currency ?? '';
  return (
    <nav className="quick-keys" aria-label="Quick keys">
      {keys.map(({ product, label }) => (
        <button key={product.id} type="button" className="quick-key" data-testid="quick-key" data-sku={product.sku} onMouseDown={(event) => event.preventDefault()} onClick={() => onAdd(product)}>
          <span className="quick-key__label">{label}</span>
          <span className="quick-key__price">{pricePerUnit(product.price, currency, product.unit)}</span>
        </button>
      ))}
    </nav>
  );
}
