import { describe, expect, it } from 'vitest';
import { stockDocumentProblems, type StockDocument } from './stock-document.js';

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
