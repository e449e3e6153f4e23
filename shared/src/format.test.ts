import { describe, expect, it } from 'vitest';
import { storeFormatter } from './format.js';

// 23:53:11 UTC on Sunday 6 December 2026: already Monday 7 December in Berlin (00:53:11), still
// Sunday evening in New York (18:53:11).
const LATE = '2026-12-06T23:53:11.000Z';

describe('storeFormatter without a locale: the fixed forms', () => {
  const berlin = storeFormatter({ timeZone: 'Europe/Berlin' });

  it('writes dates and times the same on every machine, 24-hour, in the store’s time zone', () => {
    expect(berlin.dateTime(LATE)).toBe('2026-12-07 00:53:11');
    expect(berlin.dateTime(LATE, { seconds: false })).toBe('2026-12-07 00:53');
    expect(berlin.date(LATE)).toBe('2026-12-07');
    expect(berlin.time(LATE)).toBe('00:53:11');
    expect(berlin.time(LATE, { seconds: false })).toBe('00:53');
    expect(storeFormatter({ timeZone: 'America/New_York' }).dateTime(LATE)).toBe('2026-12-06 18:53:11');
  });

  it('shows the time alone for a moment of the store’s today, the date and minute for another day', () => {
    // 00:10 in Berlin on 7 December is the same day as LATE there; in New York, 6 December 19:10.
    const now = new Date('2026-12-06T23:10:00.000Z');
    expect(berlin.recent(LATE, now)).toBe('00:53:11');
    expect(berlin.recent('2026-12-06T22:00:00.000Z', now)).toBe('2026-12-06 23:00');
    expect(storeFormatter({ timeZone: 'America/New_York' }).recent('2026-12-06T14:00:00.000Z', now)).toBe('09:00:00');
  });

  it('writes amounts as formatAmount does (grouped, the currency’s places) and quantities exactly', () => {
    expect(berlin.amount('1234.5', 2)).toBe('1,234.50');
    expect(berlin.amount('-4000000000091.92', 2)).toBe('-4,000,000,000,091.92');
    expect(berlin.amount('1234', 0)).toBe('1,234');
    expect(berlin.number('0.375')).toBe('0.375');
    expect(berlin.number('12')).toBe('12');
  });

  it('prints a moment it cannot read as it came', () => {
    expect(berlin.dateTime('yesterday')).toBe('yesterday');
    expect(berlin.time('')).toBe('');
  });
});

describe('storeFormatter with a locale', () => {
  it('writes the locale’s own short date and time, with its own hour cycle, in the store’s zone', () => {
    const germany = storeFormatter({ locale: 'de-DE', timeZone: 'Europe/Berlin' });
    expect(germany.dateTime(LATE)).toBe('07.12.26, 00:53:11');
    expect(germany.dateTime(LATE, { seconds: false })).toBe('07.12.26, 00:53');
    expect(germany.date(LATE)).toBe('07.12.26');
    expect(germany.time(LATE)).toBe('00:53:11');

    const usa = storeFormatter({ locale: 'en-US', timeZone: 'America/New_York' });
    // Before PM, some ICU versions put a narrow no-break space and others a plain one.
    const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(spaced(usa.dateTime(LATE))).toBe('12/6/26, 6:53:11 PM');
    expect(spaced(usa.time(LATE))).toBe('6:53:11 PM');
    expect(storeFormatter({ locale: 'en-GB', timeZone: 'Europe/London' }).time(LATE)).toBe('23:53:11');
  });

  it('groups and separates amounts as the locale does, to the last digit of an amount no number could hold', () => {
    const germany = storeFormatter({ locale: 'de-DE' });
    expect(germany.amount('1234.5', 2)).toBe('1.234,50');
    expect(germany.amount('4000000000091.92', 2)).toBe('4.000.000.000.091,92');
    // 2^53 + 1 and a cent: a JS number would print ...992,00.
    expect(germany.amount('9007199254740993.01', 2)).toBe('9.007.199.254.740.993,01');
    expect(germany.number('0.375')).toBe('0,375');
    expect(storeFormatter({ locale: 'fr-FR' }).amount('-1234.5', 2)).toBe('-1\u202f234,50');
  });

  it('rounds as the rest of the till does (half-up, by decimal.js), never to "-0"', () => {
    const germany = storeFormatter({ locale: 'de-DE' });
    expect(germany.amount('0.125', 2)).toBe('0,13');
    expect(germany.amount('-0.001', 2)).toBe('0,00');
  });

  it('falls back to the fixed forms and the runtime’s zone when the runtime refuses the locale or the zone, so a receipt still prints', () => {
    expect(storeFormatter({ locale: 'not a locale!', timeZone: 'Europe/Berlin' }).dateTime(LATE)).toBe('2026-12-07 00:53:11');
    const unknownZone = storeFormatter({ timeZone: 'Mars/Olympus_Mons' });
    expect(unknownZone.timeZone).toBeUndefined();
    expect(unknownZone.dateTime(LATE)).toBe(storeFormatter(undefined).dateTime(LATE));
  });
});
