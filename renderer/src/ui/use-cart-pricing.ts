import { useMemo } from 'react';
import { priceItems, type CartItem, type DiscountInput, type PricedSale } from '../../../shared/src/index.js';
import { useCart, type CartLine } from '../state/cart.js';
import { useDataVersion, useServices } from './context.js';

export interface PricedCartView {
  items: CartItem[];
  lines: (CartLine & { item: CartItem; gross: string })[];
  priced: PricedSale | null;
  orderDiscount: DiscountInput | null;
  currency: string;
  problem: string | null;
}

/** The cart priced by the shared rules, with the store's tax rates and current prices. */
export function useCartPricing(): PricedCartView {
  const { catalog } = useServices();
  const lines = useCart((state) => state.lines);
  const orderDiscount = useCart((state) => state.orderDiscount);
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
      items.push({ product, quantity: line.quantity, taxRatePercent: rate, ...(line.priceOverride ? { priceOverride: line.priceOverride } : {}), ...(line.discount ? { discount: line.discount } : {}) });
    }
    if (!store || problem || items.length === 0) {
      return { items, lines: [], priced: null, currency, problem, orderDiscount };
    }
    let priced: PricedSale;
    try {
      priced = priceItems(items, store.pricing, orderDiscount ?? undefined);
    } catch (error) {
      // A discount that no longer fits (its line was made smaller): the cashier changes it before paying.
      return { items, lines: [], priced: null, currency, problem: (error as Error).message, orderDiscount };
    }
    return {
      items,
      lines: lines.map((line, index) => ({ ...line, item: items[index], gross: priced.lines[index].gross })),
      priced,
      currency,
      problem,
      orderDiscount,
    };
    // `version` re-prices when a price or tax rate changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalog, lines, orderDiscount, version]);
}
