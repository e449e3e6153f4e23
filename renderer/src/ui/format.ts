import { formatAmount, type Payment } from '../../../shared/src/index.js';

export function money(amount: string, currency: string): string {
  return `${formatAmount(amount)} ${currency}`;
}

export function time(iso: string | null): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString() : date.toLocaleString();
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
