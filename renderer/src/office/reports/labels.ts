/*
 * The words head office reads for what the reports send as codes: a customer's segment, why a margin
 * is weak, how low stock runs, what a list is ordered by.
 */
import type { CustomerOrder, CustomerSegment, ProductOrder, RfmScores, StockState, WeakMarginReason } from '../../../../shared/src/index.js';

export const PRODUCT_ORDER_NAMES: Record<ProductOrder, string> = { quantity: 'Units sold', revenue: 'Revenue', margin: 'Margin' };

export const CUSTOMER_ORDER_NAMES: Record<CustomerOrder, string> = { gross: 'Spent most', sales: 'Buy most often', recent: 'Most recent' };

export const SEGMENT_NAMES: Record<CustomerSegment, string> = {
  champion: 'Champion',
  loyal: 'Loyal',
  new: 'New',
  'at-risk': 'At risk',
  occasional: 'Occasional',
};

export const WEAK_MARGIN_REASON_NAMES: Record<WeakMarginReason, string> = { negative: 'Loss', 'below-target': 'Below target', discounts: 'Discounts' };

/** A weak margin's reasons in words: "Loss, Discounts". */
export function reasonsText(reasons: readonly WeakMarginReason[]): string {
  return reasons.map((reason) => WEAK_MARGIN_REASON_NAMES[reason]).join(', ');
}

/** How low a product runs, in words; "low cover" says the days of cover asked for. */
export function stockStateName(state: StockState, coverDays: number): string {
  switch (state) {
    case 'out':
      return 'Out of stock';
    case 'reorder':
      return 'At or below reorder point';
    case 'low-cover':
      return `Under ${coverDays === 1 ? '1 day' : `${coverDays} days`} of cover`;
  }
}

/** The scores as the table shows them: recency, frequency, monetary ("5 4 3"). */
export function rfmText(scores: RfmScores): string {
  return `${scores.recency} ${scores.frequency} ${scores.monetary}`;
}

/** The scores as a screen reader reads them. */
export function rfmLabel(scores: RfmScores): string {
  return `Recency ${scores.recency}, frequency ${scores.frequency}, monetary ${scores.monetary}, out of 5`;
}

/** A tender's name: Cash, Card, Voucher; another one as it is called, capitalised. */
export function tenderName(tender: string): string {
  const known: Record<string, string> = { cash: 'Cash', card: 'Card', voucher: 'Voucher' };
  return known[tender] ?? tender.charAt(0).toUpperCase() + tender.slice(1).replace(/[-_]/g, ' ');
}
