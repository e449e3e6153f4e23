import { describe, expect, it } from 'vitest';
import { parseCsv, storeFormatter, type SalesFigures, type SalesReport } from '../../../../shared/src/index.js';
import { grossSummary, salesCsv } from './figures.js';

const NOTHING: SalesFigures = { sales: 0, returns: 0, gross: '0.00', net: '0.00', tax: '0.00', discount: '0.00', averageBasket: '0.00', cost: '0.00', margin: '0.00', marginPercent: null, quantity: '0' };

/** Two cashiers' day: Alex sold 2 for 23.80 with tax (20.00 net, 12.00 cost); Sam sold 1 and took 1 back. */
const REPORT: SalesReport = {
  stores: ['store-1'],
  from: '2026-12-01',
  to: '2026-12-06',
  by: 'cashier',
  currency: 'EUR',
  rows: [
    { key: 'cashier-1', label: 'Alex Cashier', sales: 2, returns: 0, gross: '23.80', net: '20.00', tax: '3.80', discount: '0.00', averageBasket: '11.90', cost: '12.00', margin: '8.00', marginPercent: '40.00', quantity: '2' },
    { key: 'cashier-2', label: 'Sam, Supervisor', sales: 1, returns: 1, gross: '0.00', net: '0.00', tax: '0.00', discount: '0.00', averageBasket: '0.00', cost: '0.00', margin: '0.00', marginPercent: null, quantity: '0' },
  ],
  totals: { ...NOTHING, sales: 3, returns: 1, gross: '23.80', net: '20.00', tax: '3.80', averageBasket: '7.93', cost: '12.00', margin: '8.00', marginPercent: '40.00', quantity: '2' },
  completeness: { completeUpTo: '2026-12-06T18:00:00Z', periodEnd: '2026-12-06T18:00:00Z', complete: true, behind: [] },
};

describe('a sales report’s figures', () => {
  it('downloads as CSV with every figure as the server sent it and the totals last', () => {
    const text = salesCsv(REPORT);
    // A byte order mark, so a spreadsheet reads it as UTF-8.
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1)).map((row) => row.fields);
    expect(rows[0]).toEqual(['Cashier', 'Cashier id', 'Sales', 'Returns', 'Gross (EUR)', 'Net (EUR)', 'Tax (EUR)', 'Discount (EUR)', 'Average basket (EUR)', 'Cost (EUR)', 'Margin (EUR)', 'Margin %', 'Quantity']);
    expect(rows[1]).toEqual(['Alex Cashier', 'cashier-1', '2', '0', '23.80', '20.00', '3.80', '0.00', '11.90', '12.00', '8.00', '40.00', '2']);
    // A comma in a name is quoted; a margin % without costed lines is empty.
    expect(rows[2]).toEqual(['Sam, Supervisor', 'cashier-2', '1', '1', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '', '0']);
    expect(rows[3]).toEqual(['Total', '', '3', '1', '23.80', '20.00', '3.80', '0.00', '7.93', '12.00', '8.00', '40.00', '2']);
  });

  it('leaves out of a report by tender the figures a tender does not count', () => {
    const byTender: SalesReport = {
      ...REPORT,
      by: 'tender',
      rows: [{ ...NOTHING, key: 'cash', label: 'Cash', sales: 2, returns: 1, gross: '10.00' }],
      totals: { ...NOTHING, sales: 2, returns: 1, gross: '10.00' },
    };
    const rows = parseCsv(salesCsv(byTender).slice(1)).map((row) => row.fields);
    expect(rows).toEqual([
      ['Tender', 'Tender id', 'Sales', 'Returns', 'Gross (EUR)'],
      ['Cash', 'cash', '2', '1', '10.00'],
      ['Total', '', '2', '1', '10.00'],
    ]);
  });

  it('sums up its chart in one sentence with the highest and lowest bars', () => {
    expect(grossSummary(REPORT.rows, 'Sales with tax by cashier', 'EUR', storeFormatter(null))).toBe(
      'Sales with tax by cashier: 2 bars, highest 23.80 EUR (Alex Cashier), lowest 0.00 EUR (Sam, Supervisor). The table below lists every figure.',
    );
    expect(grossSummary([], 'Sales per day', 'EUR', storeFormatter(null))).toBe('Sales per day: nothing sold.');
  });
});
