import { dec, formatAmount, toFixedString, type DecimalString } from './money.js';
import type { Store } from './schemas/index.js';

/**
 * Dates, times and amounts written the one way a store writes them, so the till's screen, its
 * receipts and head office's page agree. A store with a locale (a BCP 47 tag such as "de-DE") gets
 * that locale's own forms through Intl ("06.12.26, 00:53:11", "1.234,50"); a store without one gets
 * fixed forms that are the same on every machine and in every language: "2026-12-06 00:53:11",
 * 24-hour times and "1,234.50". Either way, times are in the store's time zone when it has one, the
 * runtime's own when not (on a till, the shop's).
 */

/** How a store writes: its locale and IANA time zone, each optional (see the store schema). */
export type StoreFormat = Pick<Store, 'locale' | 'timeZone'>;

/** Every figure and moment, formatted as one store writes it. */
export interface StoreFormatter {
  readonly locale: string | undefined;
  readonly timeZone: string | undefined;
  /** An amount with exactly `decimals` places: "1,234.50", or the locale's "1.234,50". */
  amount(value: DecimalString, decimals: number): string;
  /** A quantity or rate with the places it has, no more: "0.375", or "0,375". */
  number(value: DecimalString): string;
  /** Date and time: "2026-12-06 00:53:11" (to the minute without seconds), or the locale's short date and time. */
  dateTime(iso: string, options?: { seconds?: boolean }): string;
  /** "2026-12-06", or the locale's short date. */
  date(iso: string): string;
  /** "00:53:11" (24-hour), or the locale's time with its own hour cycle. */
  time(iso: string, options?: { seconds?: boolean }): string;
  /** When something happened, for a status line: the time alone today, the date and the time to the minute on other days. */
  recent(iso: string, now?: Date): string;
}

/** Places of the fixed form's date and time, as numbers in the Latin digits. */
const FIXED_PARTS: Intl.DateTimeFormatOptions = {
  numberingSystem: 'latn',
  // h23, not hour12: false, which some runtimes print as 24:05 just after midnight.
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};

/**
 * An Intl formatter, or undefined when the runtime refuses the locale or the time zone. The server
 * checks both before a store keeps them, but a till's browser may know fewer zones or locales than
 * the server: a receipt must print all the same, in the fixed form or the runtime's zone.
 */
function intl<T>(make: () => T): T | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}

/** A moment that cannot be read is shown as it came, rather than as "Invalid Date". */
function moment(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A formatter for a store (its locale and time zone; either may be absent). Builds its Intl formats
 * once: a till formats every row of a list through one formatter.
 */
export function storeFormatter(format: StoreFormat | null | undefined): StoreFormatter {
  const wantedZone = format?.timeZone;
  // A zone the runtime does not know is left out: the runtime's own zone beats no time at all.
  const timeZone = wantedZone && intl(() => new Intl.DateTimeFormat('en-US', { timeZone: wantedZone })) ? wantedZone : undefined;
  const wantedLocale = format?.locale;
  const locale = wantedLocale && intl(() => new Intl.DateTimeFormat(wantedLocale)) ? wantedLocale : undefined;
  const fixed = new Intl.DateTimeFormat('en-US', { ...FIXED_PARTS, timeZone });
  const fixedParts = (date: Date) => {
    const parts = fixed.formatToParts(date);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
    return { date: `${part('year')}-${part('month')}-${part('day')}`, minutes: `${part('hour')}:${part('minute')}`, seconds: part('second') };
  };
  // The locale's own forms; its hour cycle is its own (12-hour in en-US, 24-hour in de-DE).
  const localised = locale
    ? {
        dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone }),
        dateTimeToMinute: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone }),
        date: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone }),
        time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone }),
        timeToMinute: new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }),
      }
    : undefined;
  const amounts = new Map<number, Intl.NumberFormat>();
  const amountFormat = (decimals: number) => {
    let found = amounts.get(decimals);
    if (!found) amounts.set(decimals, (found = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
    return found;
  };

  const formatter: StoreFormatter = {
    locale,
    timeZone,
    amount(value, decimals) {
      // Rounded by decimal.js first (half-up, as formatAmount), so Intl only places the separators;
      // given the decimal string, never a number, V8 formats every digit exactly.
      return locale ? amountFormat(decimals).format(toFixedString(dec(value), decimals) as `${number}`) : formatAmount(value, decimals);
    },
    number(value) {
      const exact = dec(value);
      return locale ? amountFormat(exact.decimalPlaces()).format(exact.toFixed() as `${number}`) : exact.toFixed();
    },
    dateTime(iso, { seconds = true } = {}) {
      const date = moment(iso);
      if (!date) return iso;
      if (localised) return (seconds ? localised.dateTime : localised.dateTimeToMinute).format(date);
      const parts = fixedParts(date);
      return `${parts.date} ${parts.minutes}${seconds ? `:${parts.seconds}` : ''}`;
    },
    date(iso) {
      const date = moment(iso);
      if (!date) return iso;
      return localised ? localised.date.format(date) : fixedParts(date).date;
    },
    time(iso, { seconds = true } = {}) {
      const date = moment(iso);
      if (!date) return iso;
      if (localised) return (seconds ? localised.time : localised.timeToMinute).format(date);
      const parts = fixedParts(date);
      return seconds ? `${parts.minutes}:${parts.seconds}` : parts.minutes;
    },
    recent(iso, now = new Date()) {
      const date = moment(iso);
      if (!date) return iso;
      // "Today" is the store's day, not the runtime's.
      return fixedParts(date).date === fixedParts(now).date ? formatter.time(iso) : formatter.dateTime(iso, { seconds: false });
    },
  };
  return formatter;
}
