import { describe, expect, it } from 'vitest';
import { storeFormatter, type ProductReportRow, type ProductsReport, type RunningLowRow, type SalesFigures } from '../../../../shared/src/index.js';
import { reportCsv } from './columns.js';
import { productTotals, runningLowColumns, runningLowListed, topSummary } from './tables.js';

const FIGURES: SalesFigures = { sales: 3, returns: 0, gross: '25.59', net: '22.39', tax: '3.20', discount: '0.92', averageBasket: '8.53', cost: '15.47', margin: '6.92', marginPercent: '30.91', quantity: '13' };
const MILK: ProductReportRow = { productId: 'p-7', sku: 'KAS-00007', name: 'Whole Milk 1 l', unit: 'piece', category: 'Dairy', onHand: '0', sales: 1, returns: 0, quantity: '10', gross: '9.90', net: '9.25', discount: '0.00', cost: '5.40', margin: '3.85', marginPercent: '41.62' };
const SOAP: ProductReportRow = { ...MILK, productId: 'p-32', sku: 'KAS-00032', name: 'Laundry Detergent 1.5 l', quantity: '2', gross: '15.08' };

describe('the reports’ tables', () => {
  it('total the top sellers over every product sold, listed or not', () => {
    const report: ProductsReport = { stores: ['store-1'], from: '2026-12-01', to: '2026-12-06', currency: 'EUR', order: 'quantity', rows: [MILK], products: 3, totals: FIGURES, completeness: { completeUpTo: null, periodEnd: '2026-12-06T23:00:00Z', complete: true, behind: [] } };
    const totals = productTotals(report);
    expect([totals.name, totals.sku, totals.onHand, totals.gross, totals.marginPercent]).toEqual(['Total, all 3', '', '', '25.59', '30.91']);
  });

  it('sum up a ranking for a screen reader by its first and last bar', () => {
    const format = storeFormatter(null);
    expect(topSummary([MILK, SOAP], 'quantity', 'EUR', format)).toBe('Top 2 products by units sold: first Whole Milk 1 l, 10 units; last Laundry Detergent 1.5 l, 2 units. The table below lists every figure.');
    expect(topSummary([SOAP, MILK], 'revenue', 'EUR', format)).toBe('Top 2 products by revenue: first Laundry Detergent 1.5 l, 15.08 EUR; last Whole Milk 1 l, 9.90 EUR. The table below lists every figure.');
    expect(topSummary([], 'margin', 'EUR', format)).toBe('Top 0 products by margin: nothing sold.');
  });

  it('name the store of a row running low only where the report covers more than one, its state in words', () => {
    const out: RunningLowRow = {
      storeId: 'store-1',
      storeName: 'Corner Shop',
      productId: 'p-7',
      sku: 'KAS-00007',
      name: 'Whole Milk 1 l',
      unit: 'piece',
      state: 'out',
      onHand: '0',
      onOrder: '12',
      averageDaily: '0.357',
      daysOfCover: '0',
      reorderPoint: null,
      policy: 'automatic',
      outSince: '2026-12-06T21:58:00Z',
      daysOut: '0.1',
      lostQuantity: '0.036',
      lostSales: '0.04',
    };
    const lines = (stores: boolean) => reportCsv(runningLowColumns(7, stores), [out], 'EUR').slice(1).split('\r\n');
    expect(lines(false)[0]).toBe('SKU,Product,State,On hand,On order,Average a day,Days of cover,Reorder point,Out since,Lost units,Lost sales (EUR)');
    expect(lines(false)[1]).toBe('KAS-00007,Whole Milk 1 l,Out of stock,0,12,0.357,0,,2026-12-06T21:58:00Z,0.036,0.04');
    expect(lines(true)[0].startsWith('Store,SKU,')).toBe(true);
    expect(lines(true)[1].startsWith('Corner Shop,KAS-00007,')).toBe(true);
    // A list cut short says so, with how many run low in all; a whole one says nothing.
    const german = storeFormatter({ locale: 'de-DE', timeZone: 'Europe/Berlin' });
    expect(runningLowListed({ rows: [out], counts: { out: 3, reorder: 1, 'low-cover': 2 } }, storeFormatter(null))).toBe(
      'The first 1 of 6 products running low are listed, out of stock first; the counts are of all of them.',
    );
    expect(runningLowListed({ rows: [out], counts: { out: 16_550, reorder: 3_423, 'low-cover': 31 } }, german)).toBe(
      'The first 1 of 20.004 products running low are listed, out of stock first; the counts are of all of them.',
    );
    expect(runningLowListed({ rows: [out], counts: { out: 1, reorder: 0, 'low-cover': 0 } }, storeFormatter(null))).toBeNull();
  });
});
