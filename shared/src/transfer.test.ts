import { describe, expect, it } from 'vitest';
import { stockInTransit, transferLineProblems, transferReceiptProblems, transferSendProblems, transferView, type StoredTransfer } from './transfer.js';

const sent: StoredTransfer = {
  id: 't-1',
  number: 'TR-000001',
  fromStoreId: 'S1',
  toStoreId: 'S2',
  reference: '',
  lines: [
    { productId: 'milk', sku: 'KAS-1', name: 'Milk', unit: 'piece', sent: '10' },
    { productId: 'cheese', sku: 'KAS-2', name: 'Cheese', unit: 'kg', sent: '2.5' },
  ],
  sentAt: '2026-12-06T10:00:00.000Z',
  sentBy: 'Mia',
};
const codes = new Map([
  ['S1', 'S1'],
  ['S2', 'S2'],
]);

describe('a transfer between stores', () => {
  it('names each field that is wrong in a send', () => {
    expect(transferSendProblems({ id: 't', fromStoreId: 'S1', toStoreId: 'S1', lines: [{ productId: 'milk', quantity: '0' }], colour: 'red' })).toEqual([
      'unknown field "colour"',
      'toStoreId: the same store as the sender; a transfer moves stock between two stores',
      'lines.0.quantity: more than zero (is 0)',
    ]);
    expect(transferSendProblems({ id: 't', fromStoreId: 'S1', toStoreId: 'S2', lines: [] })).toEqual(['lines: 1 to 1,000 lines']);
  });

  it('takes a receipt of nothing on a line (0), not below zero', () => {
    expect(transferReceiptProblems({ id: 'r', storeId: 'S2', lines: [{ productId: 'milk', quantity: '0' }] })).toEqual([]);
    expect(transferReceiptProblems({ id: 'r', storeId: 'S2', lines: [{ productId: 'milk', quantity: '-1' }] })).toEqual(['lines.0.quantity: zero or more (is -1)']);
  });

  it('judges a quantity by its product’s unit: whole pieces, kg to the gram', () => {
    expect(transferLineProblems(0, '1.5', 'piece')).toEqual(['lines.0.quantity: pieces are whole numbers (is 1.5)']);
    expect(transferLineProblems(1, '2.125', 'kg')).toEqual([]);
    expect(transferLineProblems(1, '2.1255', 'kg')).toEqual(['lines.1.quantity: at most 3 decimals (grams) (is 2.1255)']);
  });

  it('shows each line’s difference once received: 9 of 10 milk is -1, 2.5 kg of 2.5 is 0', () => {
    const view = transferView(sent, { id: 't-1', receiptId: 'r-1', storeId: 'S2', lines: [{ productId: 'milk', received: '9' }, { productId: 'cheese', received: '2.5' }], receivedAt: '2026-12-06T12:00:00.000Z', receivedBy: 'Ben' }, codes);
    expect(view.state).toBe('received');
    expect(view.lines.map((line) => line.difference)).toEqual(['-1', '0']);
  });

  it('counts in transit per product while sent and not received, incoming at the receiver and outgoing at the sender', () => {
    const open = transferView(sent, undefined, codes);
    const other = transferView({ ...sent, id: 't-2', number: 'TR-000002', lines: [{ ...sent.lines[0], sent: '3' }] }, undefined, codes);
    expect(stockInTransit([open, other], 'S2').get('milk')).toEqual({ incoming: '13', outgoing: '0' });
    expect(stockInTransit([open, other], 'S1').get('cheese')).toEqual({ incoming: '0', outgoing: '2.5' });
    const received = transferView(sent, { id: 't-1', receiptId: 'r', storeId: 'S2', lines: [], receivedAt: '', receivedBy: '' }, codes);
    expect(stockInTransit([received], 'S2').size).toBe(0);
  });
});
