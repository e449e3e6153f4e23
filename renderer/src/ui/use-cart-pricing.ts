import { useMemo } from 'react';
import { priceItems, type CartItem, type PricedCart } from '../../../shared/src/index.js';
import { useCart, type CartLine } from '../state/cart.js';
import { useDataVersion, useServices } from './context.js';

export interface PricedCartView {
  items: CartItem[];
  lines: (CartLine & { item: CartItem; gross: string })[];
  priced: PricedCart | null;
  currency: string;
  problem: string | null;
}

/** The cart priced by the shared rules, with the store's tax rates and current prices. */
export function useCartPricing(): PricedCartView {
  const { catalog } = useServices();
  const lines = useCart((state) => state.lines);
  const version = useDataVersion();
  return useMemo(() => {
    const store = catalog.store;
    const currency = store?.currency ?? '';
    const items: CartItem[] = [];
    let problem: string | null = store ? null : 'the till has not received its store settings yet';
    for (const line of lines) {
      const product = catalog.product(line.productId);
      const rate = product ? catalog.taxRatePercent(product) : undefined;
      if (!product || rate === undefined) {
        problem = `no price or tax rate for ${product?.name ?? line.productId}`;
        continue;
      }
      items.push({ product, quantity: line.quantity, taxRatePercent: rate });
    }
    if (!store || problem || items.length === 0) {
      return { items, lines: [], priced: null, currency, problem };
    }
    const priced = priceItems(items, store.pricing);
    return {
      items,
      lines: lines.map((line, index) => ({ ...line, item: items[index], gross: priced.lines[index].gross })),
      priced,
      currency,
      problem,
    };
    // `version` re-prices when a price or tax rate changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalog, lines, version]);
}
