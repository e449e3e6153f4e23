import { storeFormatter, type Person, type Store, type StoreFormatter } from '../../../shared/src/index.js';

/** The store's way of writing dates, times and amounts: the same as its tills' and receipts'. */
export function formatterOf(store: Store | undefined): StoreFormatter {
  return storeFormatter(store ?? null);
}

/** "12 s ago", "4 min ago", then the time (today) or the date and time; "never" without one. */
export function ago(format: StoreFormatter, iso: string | null | undefined, now: number): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return format.recent(iso, new Date(now));
}

export function who(person: Person | null | undefined): string {
  return person ? person.name : '';
}
