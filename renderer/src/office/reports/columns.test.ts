import { describe, expect, it } from 'vitest';
import { parseCsv, storeFormatter, type ControlRow, type ProductReportRow } from '../../../../shared/src/index.js';
import { columnGroups, reportCsv, shownValue } from './columns.js';
import { CONTROL_COLUMNS, PRODUCT_COLUMNS } from './tables.js';

/** A loaf sold 12 times for 30.00 with tax (25.21 net, 26.00 cost): a loss; and coffee without a known cost. */
const BREAD: ProductReportRow = { productId: 'p-1', sku: '00013', name: 'Bread, rye', unit: 'pc', category: 'Bakery', onHand: '-2', sales: 12, returns: 0, quantity: '12', gross: '30.00', net: '25.21', discount: '6.00', cost: '26.00', margin: '-0.79', marginPercent: '-3.13' };
const COFFEE: ProductReportRow = { ...BREAD, productId: 'p-2', sku: '00022', name: 'Coffee 1 kg', category: '', onHand: '0.375', quantity: '1.5', margin: '0.00', marginPercent: null };

function rowsOf(text: string): string[][] {
  return parseCsv(text.replace(/^\uFEFF/, '')).map((row) => row.fields);
}

describe('a report’s columns', () => {
  it('download as CSV with the amounts’ currency in their headings and every figure as the server sent it', () => {
    const text = reportCsv(PRODUCT_COLUMNS, [BREAD, COFFEE], 'EUR', { ...BREAD, sku: '', name: 'Total', category: '', onHand: '' });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(rowsOf(text)).toEqual([
      ['SKU', 'Product', 'Category', 'Units', 'Sales with tax (EUR)', 'Net (EUR)', 'Margin (EUR)', 'Margin %', 'On hand'],
      ['00013', 'Bread, rye', 'Bakery', '12', '30.00', '25.21', '-0.79', '-3.13', '-2'],
      // A margin % without a known cost is empty.
      ['00022', 'Coffee 1 kg', '', '1.5', '30.00', '25.21', '0.00', '', '0.375'],
      ['', 'Total', '', '12', '30.00', '25.21', '-0.79', '-3.13', ''],
    ]);
  });

  it('show amounts with 2 places, percents with 1, quantities as exact as sold, and — for none', () => {
    const format = storeFormatter(null);
    const shown = (id: string, row: ProductReportRow) => shownValue(PRODUCT_COLUMNS.find((column) => column.id === id)!, row, format);
    expect(shown('gross', { ...BREAD, gross: '1234.5' })).toBe('1,234.50');
    expect(shown('margin-percent', BREAD)).toBe('-3.1 %');
    expect(shown('margin-percent', COFFEE)).toBe('—');
    expect(shown('quantity', COFFEE)).toBe('1.5');
    expect(shown('on-hand', { ...BREAD, onHand: '' })).toBe('');
  });

  it('put a count and an amount under one heading, and name both in the CSV', () => {
    const groups = columnGroups(CONTROL_COLUMNS);
    expect(groups.map((entry) => [entry.group ?? '', entry.span])).toEqual([
      ['', 1],
      ['', 1],
      ['Line discounts', 2],
      ['Order discounts', 2],
      ['Overrides', 2],
      ['Voids', 2],
      ['Refunds', 2],
      ['Without receipt', 2],
      ['Cash short', 2],
      ['Cash over', 2],
    ]);
    const none = { count: 0, amount: '0.00' };
    const alex: ControlRow = { cashierId: 'c-1', name: 'Alex Cashier', sales: 3, gross: '40.00', lineDiscounts: { count: 1, amount: '6.00' }, orderDiscounts: none, priceOverrides: 0, weightOverrides: 1, voids: none, refunds: none, refundsWithoutReceipt: none, cashShort: { count: 1, amount: '0.50' }, cashOver: none };
    const [header, row] = rowsOf(reportCsv(CONTROL_COLUMNS, [alex], 'EUR'));
    expect(header.slice(0, 6)).toEqual(['Cashier', 'Sales', 'Line discounts: count', 'Line discounts: amount (EUR)', 'Order discounts: count', 'Order discounts: amount (EUR)']);
    expect(header[header.length - 2]).toBe('Cash over: count');
    expect(row.slice(0, 4)).toEqual(['Alex Cashier', '3', '1', '6.00']);
  });
});
