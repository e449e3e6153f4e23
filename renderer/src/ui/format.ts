import { formatAmount } from '../../../shared/src/index.js';

export function money(amount: string, currency: string): string {
  return `${formatAmount(amount)} ${currency}`;
}

export function time(iso: string | null): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString() : date.toLocaleString();
}
