import { useMemo } from 'react';
import { dec, priceItems, storeLimits, type CartItem, type DiscountInput, type PricedSale } from '../../../../shared/src/index.js';
import type { Catalog } from './catalog.js';
import { lineLimitProblem, useCart, type CartLine } from './cart.js';
import { useDataVersion, useServices } from '../context.js';
import { money } from '../format.js';

export interface PricedCartView {
  items: CartItem[];
  lines: (CartLine & { item: CartItem; gross: string })[];
  priced: PricedSale | null;
  orderDiscount: DiscountInput | null;
  currency: string;
  /** Why the cart cannot be paid as it is (Pay waits until the cashier changes it). */
  problem: string | null;
}

/**
 * A cart line as the shared rules price it: today's price and tax rate, its override and discount,
 * and how a weighed line was weighed (buildSale puts that on the sale, with any change to a label's
 * weight). Undefined when the till knows no price or tax rate for its product.
 */
export function cartItem(line: CartLine, catalog: Catalog): CartItem | undefined {
  const product = catalog.product(line.productId);
  const rate = product ? catalog.taxRatePercent(product) : undefined;
  if (!product || rate === undefined) return undefined;
  return {
    product,
    quantity: line.quantity,
    taxRatePercent: rate,
    ...(line.priceOverride ? { priceOverride: line.priceOverride } : {}),
    ...(line.discount ? { discount: line.discount } : {}),
    ...(line.weighing ? { weighing: line.weighing } : {}),
    ...(line.weightOverride ? { weightOverride: line.weightOverride } : {}),
  };
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
      const item = cartItem(line, catalog);
      if (!item) {
        problem = `no price or tax rate for ${catalog.product(line.productId)?.name ?? line.productId}`;
        continue;
      }
      items.push(item);
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
    // Said before the payment, so no card is charged for a sale the till will not complete. A line
    // gets here above its limit only from a cart parked before head office lowered it.
    const { documentAmount } = storeLimits(store);
    const tooMany = items.map((item) => ({ item, problem: lineLimitProblem(dec(item.quantity), store) })).find(({ problem }) => problem !== null);
    const aboveLimit = tooMany
      ? `Quantity of ${tooMany.item.product.name}: ${tooMany.item.quantity} is ${tooMany.problem}.`
      : dec(priced.totals.gross).gt(dec(documentAmount))
        ? `The total ${money(priced.totals.gross, currency)} is more than the ${money(documentAmount, currency)} store ${store.code} allows on one receipt: split the sale.`
        : null;
    return {
      items,
      lines: lines.map((line, index) => ({ ...line, item: items[index], gross: priced.lines[index].gross })),
      priced,
      currency,
      problem: problem ?? aboveLimit,
      orderDiscount,
    };
    // `version` re-prices when a price or tax rate changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalog, lines, orderDiscount, version]);
}
