import { isMeasured, storeFormatter, type Payment, type Store, type StoreFormatter, type Unit } from '../../../shared/src/index.js';

/**
 * How this till writes dates, times and amounts: as its store does (its locale and time zone, see
 * shared/src/format.ts), so the screen, the receipts and head office's page agree. The fixed forms
 * ("12:53:11", "1,234.50") until the store is known, and for a store without a locale.
 */
let current: { formatter: StoreFormatter; decimals: number; key: string } = { formatter: storeFormatter(undefined), decimals: 2, key: '' };

/** Called as the till's store document arrives and whenever head office changes it (see services.ts). */
export function setStoreFormat(store: Pick<Store, 'locale' | 'timeZone' | 'pricing'> | undefined): void {
  // The store document changes for other reasons too (quick keys, limits): keep the formats built.
  const key = JSON.stringify([store?.locale ?? null, store?.timeZone ?? null, store?.pricing.currencyDecimals ?? 2]);
  if (key === current.key) return;
  current = { formatter: storeFormatter(store), decimals: store?.pricing.currencyDecimals ?? 2, key };
}

/** "12.34 EUR" with the currency's places, or "12,34 EUR" where the store's locale says so. */
export function money(amount: string, currency: string): string {
  return `${current.formatter.amount(amount, current.decimals)} ${currency}`;
}

/** A shelf price with what it is the price of: "2.49 EUR/kg" for goods sold by weight, "1.25 EUR/m" by length, "1.19 EUR" a piece. */
export function pricePerUnit(amount: string, currency: string, unit: Unit): string {
  return isMeasured(unit) ? `${money(amount, currency)}/${unit}` : money(amount, currency);
}

/** A quantity in its unit: "0.375 kg", "2.5 m"; pieces are counted, so "12" needs no word. */
export function quantityIn(quantity: string, unit: Unit): string {
  return isMeasured(unit) ? `${quantity} ${unit}` : quantity;
}

/** When something happened: "00:53:11" today, "2026-12-05 23:10" another day (the store's locale's forms where it has one). */
export function time(iso: string | null): string {
  if (!iso) return 'never';
  return current.formatter.recent(iso);
}

/** A date and time as the receipts print it: "2026-12-06 00:53:11", or the store locale's. */
export function dateTime(iso: string): string {
  return current.formatter.dateTime(iso);
}

/** A date alone: "2026-12-06", or the store locale's. */
export function date(iso: string): string {
  return current.formatter.date(iso);
}

/** "cash 6.37, card Visa ····1234 5.00": where a refund goes. */
export function describeRefund(payments: readonly Payment[], currency: string): string {
  return payments
    .map((payment) =>
      payment.card
        ? `card ${payment.card.brand} ····${payment.card.last4} ${money(payment.amount, currency)}`
        : payment.voucher
          ? `voucher ${payment.voucher.code} ${money(payment.amount, currency)}`
          : `cash ${money(payment.amount, currency)}`,
    )
    .join(', ');
}
