import { describe, expect, it } from 'vitest';
import { addDays, dayIn, isDay, quickPeriod, quickPeriodOf } from './periods.js';

describe('a report’s period', () => {
  it('picks today, yesterday, the last 7 days and this month as a shop owner means them', () => {
    expect(quickPeriod('today', '2026-12-06')).toEqual({ from: '2026-12-06', to: '2026-12-06' });
    expect(quickPeriod('yesterday', '2026-12-06')).toEqual({ from: '2026-12-05', to: '2026-12-05' });
    // Today and the six days before it.
    expect(quickPeriod('last-7-days', '2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(quickPeriod('this-month', '2026-12-06')).toEqual({ from: '2026-12-01', to: '2026-12-06' });
  });

  it('takes last month whole, across a year’s end and a February', () => {
    expect(quickPeriod('last-month', '2026-12-06')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(quickPeriod('last-month', '2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(quickPeriod('last-month', '2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('counts days across the change to summer time without losing one', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('names the quick pick a period is, and none for days picked by hand', () => {
    expect(quickPeriodOf({ from: '2026-12-01', to: '2026-12-06' }, '2026-12-06')).toBe('this-month');
    // On the 1st, this month is today: the first pick that fits names it.
    expect(quickPeriodOf({ from: '2026-12-01', to: '2026-12-01' }, '2026-12-01')).toBe('today');
    expect(quickPeriodOf({ from: '2026-12-02', to: '2026-12-04' }, '2026-12-06')).toBeUndefined();
  });

  it('takes only real days written YYYY-MM-DD from an address', () => {
    expect(isDay('2026-12-06')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('6.12.2026')).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it('finds the day in the store’s time zone, not the browser’s', () => {
    // 23:30 in London on 6 December is already the 7th in Berlin.
    const moment = new Date('2026-12-06T23:30:00Z');
    expect(dayIn(moment, 'Europe/London')).toBe('2026-12-06');
    expect(dayIn(moment, 'Europe/Berlin')).toBe('2026-12-07');
  });
});
