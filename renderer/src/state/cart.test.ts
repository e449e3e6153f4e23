import { beforeEach, describe, expect, it } from 'vitest';
import { dec, type Product } from '../../../shared/src/index.js';
import { lineLimitProblem, useCart } from './cart.js';

const milk: Product = { id: 'p1', sku: 'MLK', name: 'Milk', barcodes: ['1'], unit: 'piece', taxClass: 'standard', price: '1.19', cost: '0.6', active: true, updatedAt: 'x' };

beforeEach(() => useCart.getState().clear());

describe('cart', () => {
  it('raises the quantity when the same product is added again, instead of a second line', () => {
    useCart.getState().add(milk);
    useCart.getState().add(milk, '2');
    expect(useCart.getState().lines).toEqual([expect.objectContaining({ productId: 'p1', quantity: '3' })]);
  });

  it('removes a line and selects the last remaining one', () => {
    const first = useCart.getState().add(milk);
    const second = useCart.getState().add({ ...milk, id: 'p2' });
    useCart.getState().remove(second.lineId);
    expect(useCart.getState().lines.map((line) => line.productId)).toEqual(['p1']);
    expect(useCart.getState().selectedLineId).toBe(first.lineId);
  });

  it('does not start a payment for an empty cart', () => {
    useCart.getState().startPayment();
    expect(useCart.getState().paying).toBe(false);
  });
});

describe('lineLimitProblem', () => {
  it('refuses a line above the store’s limit, the default 10,000 or its own', () => {
    expect(lineLimitProblem(dec('10000'), { code: 'S1' })).toBeNull();
    expect(lineLimitProblem(dec('10001'), { code: 'S1' })).toBe('more than the 10000 store S1 allows on one line');
    expect(lineLimitProblem(dec('10000.001'), { code: 'S1' })).toBe('more than the 10000 store S1 allows on one line');
    expect(lineLimitProblem(dec('20000'), { code: 'S2', limits: { lineQuantity: '50000', documentAmount: '5000000' } })).toBeNull();
    // Before the till has its store, the sale cannot be completed anyway: nothing to say yet.
    expect(lineLimitProblem(dec('20000'), undefined)).toBeNull();
  });
});
