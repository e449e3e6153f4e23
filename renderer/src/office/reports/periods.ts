/*
 * A report's period: its first and last day, both included, as YYYY-MM-DD (the server counts each
 * sale on the day it was made in its store's time zone). Days are worked as calendar dates at UTC
 * midnight, so a change of summer time never adds or loses a day.
 */

export interface Period {
  from: string;
  to: string;
}

/** The quick picks a report offers, in the order shown. */
export const QUICK_PERIODS = ['today', 'yesterday', 'last-7-days', 'this-month', 'last-month'] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number];

export const QUICK_PERIOD_NAMES: Record<QuickPeriod, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  'last-7-days': 'Last 7 days',
  'this-month': 'This month',
  'last-month': 'Last month',
};

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(text: string | null | undefined): text is string {
  const match = DAY_PATTERN.exec(text ?? '');
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** The day a moment falls on in a time zone (the browser's own without one). */
export function dayIn(moment: Date, timeZone?: string): string {
  // en-CA writes a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}

function asDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function asDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
  const date = asDate(day);
  date.setUTCDate(date.getUTCDate() + count);
  return asDay(date);
}

/** A quick pick's days, seen from `today`. */
export function quickPeriod(quick: QuickPeriod, today: string): Period {
  const date = asDate(today);
  const firstOfMonth = asDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)));
  switch (quick) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'last-7-days':
      return { from: addDays(today, -6), to: today };
    case 'this-month':
      return { from: firstOfMonth, to: today };
    case 'last-month':
      // Day 0 of this month is the last day of the one before.
      return { from: asDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1))), to: addDays(firstOfMonth, -1) };
  }
}

/** The quick pick a period is, seen from `today`, if it is one. */
export function quickPeriodOf(period: Period, today: string): QuickPeriod | undefined {
  return QUICK_PERIODS.find((quick) => {
    const days = quickPeriod(quick, today);
    return days.from === period.from && days.to === period.to;
  });
}

