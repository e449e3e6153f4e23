import { describe, expect, it } from 'vitest';
import { parseCsv, storeFormatter, type AccountingReport } from '../../../../shared/src/index.js';
import { accountingColumns, accountingCsv, accountingCsvName, accountingTotals } from './accounting.js';
import { shownValue } from './columns.js';

const COMPLETE = { completeUpTo: '2026-12-06T18:00:00Z', periodEnd: '2026-12-06T18:00:00Z', complete: true, behind: [] };

/**
 * Two days at 19 % and 7 %: on the 5th 11.90 at 19 % (10.00 + 1.90) and 10.70 at 7 % (10.00 + 0.70),
 * paid 12.60 in cash and 10.00 by card; on the 6th nothing at 7 %, 23.80 at 19 % all by card.
 */
const REPORT: AccountingReport = {
  stores: ['store-1'],
  from: '2026-12-05',
  to: '2026-12-06',
  currency: 'EUR',
  rates: ['19', '7'],
  tenders: ['cash', 'card'],
  days: [
    {
      day: '2026-12-05',
      taxes: [
        { rate: '19', net: '10.00', tax: '1.90', gross: '11.90' },
        { rate: '7', net: '10.00', tax: '0.70', gross: '10.70' },
      ],
      tenders: [
        { tender: 'cash', amount: '12.60' },
        { tender: 'card', amount: '10.00' },
      ],
      net: '20.00',
      tax: '2.60',
      gross: '22.60',
    },
    {
      day: '2026-12-06',
      taxes: [
        { rate: '19', net: '20.00', tax: '3.80', gross: '23.80' },
        { rate: '7', net: '0.00', tax: '0.00', gross: '0.00' },
      ],
      tenders: [
        { tender: 'cash', amount: '0.00' },
        { tender: 'card', amount: '23.80' },
      ],
      net: '20.00',
      tax: '3.80',
      gross: '23.80',
    },
  ],
  totals: {
    day: '',
    taxes: [
      { rate: '19', net: '30.00', tax: '5.70', gross: '35.70' },
      { rate: '7', net: '10.00', tax: '0.70', gross: '10.70' },
    ],
    tenders: [
      { tender: 'cash', amount: '12.60' },
      { tender: 'card', amount: '33.80' },
    ],
    net: '40.00',
    tax: '6.40',
    gross: '46.40',
  },
  completeness: COMPLETE,
};

describe('the accountant’s export', () => {
  it('is one row per day with net, tax and gross per rate, each tender, the day’s totals, and the period’s totals last', () => {
    const text = accountingCsv(REPORT);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text.slice(1)).map((row) => row.fields)).toEqual([
      ['Day', 'Net 19 %', 'Tax 19 %', 'Gross 19 %', 'Net 7 %', 'Tax 7 %', 'Gross 7 %', 'Cash', 'Card', 'Net', 'Tax', 'Gross'],
      ['2026-12-05', '10.00', '1.90', '11.90', '10.00', '0.70', '10.70', '12.60', '10.00', '20.00', '2.60', '22.60'],
      ['2026-12-06', '20.00', '3.80', '23.80', '0.00', '0.00', '0.00', '0.00', '23.80', '20.00', '3.80', '23.80'],
      ['Total', '30.00', '5.70', '35.70', '10.00', '0.70', '10.70', '12.60', '33.80', '40.00', '6.40', '46.40'],
    ]);
    expect(accountingCsvName(REPORT)).toBe('accounting-EUR-2026-12-05-to-2026-12-06.csv');
  });

  it('shows the same columns on the page, the totals row named Total', () => {
    const columns = accountingColumns(REPORT);
    const totals = accountingTotals(REPORT);
    expect(columns.map((column) => shownValue(column, totals, storeFormatter(null)))).toEqual(['Total', '30.00', '5.70', '35.70', '10.00', '0.70', '10.70', '12.60', '33.80', '40.00', '6.40', '46.40']);
  });
});
