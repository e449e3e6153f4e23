import { describe, expect, it } from 'vitest';
import { movingAverageCost, stockDocumentProblems, type StockDocument } from './stock-document.js';

const receipt = (quantity: string): StockDocument => ({
  id: 'doc-1',
  kind: 'receipt',
  storeId: 'store-1',
  reference: 'Delivery note 4711',
  lines: [{ productId: 'p-000001', quantity }],
  recordedBy: 'Head office',
});

const adjustment = (quantity: string): StockDocument => ({ ...receipt(quantity), kind: 'adjustment', reason: 'correction' });

describe('stock document quantities', () => {
  it('take up to a billion units of one product in or out, and refuse a line beyond it', () => {
    expect(stockDocumentProblems(receipt('1000000000'))).toEqual([]);
    expect(stockDocumentProblems(adjustment('-1000000000'))).toEqual([]);
    expect(stockDocumentProblems(receipt('1000000000.001'))).toEqual(['lines.0.quantity: at most 1,000,000,000 in or out (is 1000000000.001)']);
    expect(stockDocumentProblems(adjustment('-1000000000000000000000000000000'))).toEqual(['lines.0.quantity: at most 1,000,000,000 in or out (is -1000000000000000000000000000000)']);
  });

  it('still refuse zero, a negative receipt and more than three decimals on their own terms', () => {
    expect(stockDocumentProblems(receipt('0'))).toEqual(['lines.0.quantity: a decimal string other than zero, such as "12" or "-1.5"']);
    expect(stockDocumentProblems(receipt('-5'))[0]).toContain('goods received are a positive quantity');
    expect(stockDocumentProblems(adjustment('1.0005'))).toEqual(['lines.0.quantity: at most 3 decimals']);
  });
});

describe('a receipt’s costs', () => {
  it('take a cost per unit on a receipt only, and a purchase order on a receipt only', () => {
    expect(stockDocumentProblems({ ...receipt('12'), purchaseOrderId: 'po-1', lines: [{ productId: 'p-000001', quantity: '12', unitCost: '0.70' }] })).toEqual([]);
    expect(stockDocumentProblems({ ...receipt('12'), lines: [{ productId: 'p-000001', quantity: '12', unitCost: '0.70001' }] })).toEqual(['lines.0.unitCost: what one unit cost before tax, such as "0.70", at most 4 decimals']);
    expect(stockDocumentProblems({ ...adjustment('-1'), purchaseOrderId: 'po-1', lines: [{ productId: 'p-000001', quantity: '-1', unitCost: '1' }] })).toEqual([
      'purchaseOrderId: only a receipt is received against a purchase order',
      'lines.0.unitCost: only goods received have a cost',
    ]);
  });
});

describe('the moving average cost', () => {
  // Worked examples: 10 on hand at 0.60, 36 arrive at 0.70: (10 x 0.60 + 36 x 0.70) / 46 = 31.20 / 46 = 0.678260... -> 0.6783.
  it('averages the stock on hand at its cost and what arrived at its own, by quantity', () => {
    expect(movingAverageCost('10', '0.60', '36', '0.70')).toBe('0.6783');
    // 12.5 kg at 1.20 and 25 kg at 1.16: (15.00 + 29.00) / 37.5 = 1.17333... -> 1.1733.
    expect(movingAverageCost('12.5', '1.20', '25', '1.16')).toBe('1.1733');
    // The same cost again changes nothing.
    expect(movingAverageCost('48', '0.7000', '12', '0.70')).toBe('0.7000');
  });

  it('is the delivery’s cost when nothing, or less than nothing, was on hand', () => {
    expect(movingAverageCost('0', '0.60', '36', '0.70')).toBe('0.7000');
    // Sold below zero before the goods came: the oversold units are costed at the delivery's cost.
    expect(movingAverageCost('-4', '0.60', '36', '0.70')).toBe('0.7000');
  });
});
