import { beforeEach, describe, expect, it } from 'vitest';
import { dec, type Product } from '../../../../shared/src/index.js';
import { labelWeight, lineLimitProblem, useCart } from './cart.js';

const milk: Product = { id: 'p1', sku: 'MLK', name: 'Milk', barcodes: ['1'], unit: 'piece', taxClass: 'standard', price: '1.19', cost: '0.6', active: true, updatedAt: 'x' };
const bananas: Product = { ...milk, id: 'p2', sku: 'LOOSE-001', name: 'Bananas (loose)', unit: 'kg', price: '1.89' };
const ada = { id: 'cashier-ada', name: 'Ada' };
const mia = { id: 'manager-mia', name: 'Mia' };

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

describe('a weighed line', () => {
  it('is its own line, remembering how it was weighed: two labels, or a label and a weight keyed in, never add up', () => {
    useCart.getState().add(bananas, '1.234', 'scale');
    useCart.getState().add(bananas, '0.500', 'scale');
    useCart.getState().add(bananas, '0.375', 'keyed');
    expect(useCart.getState().lines.map(({ quantity, weighing }) => ({ quantity, weighing }))).toEqual([
      { quantity: '1.234', weighing: 'scale' },
      { quantity: '0.500', weighing: 'scale' },
      { quantity: '0.375', weighing: 'keyed' },
    ]);
    // Goods by the piece are counted, not weighed.
    expect('weighing' in useCart.getState().add(milk)).toBe(false);
  });

  it('from a scale label cannot be typed over; a weight keyed in can', () => {
    const label = useCart.getState().add(bananas, '1.234', 'scale');
    const keyed = useCart.getState().add(bananas, '0.375', 'keyed');
    expect(() => useCart.getState().setQuantity(label.lineId, '0.5')).toThrow("charges a scale label's weight: change it with Change weight and a manager's approval");
    useCart.getState().setQuantity(keyed.lineId, '0.4');
    expect(useCart.getState().lines.map((line) => line.quantity)).toEqual(['1.234', '0.4']);
  });

  it('from a scale label changes weight with a reason and the approval, keeps the label’s weight through a second change, and goes back to it', () => {
    const label = useCart.getState().add(bananas, '1.234', 'scale');
    useCart.getState().overrideWeight(label.lineId, '0.5', { reason: 'half stayed behind', by: ada, approvedBy: mia });
    expect(useCart.getState().lines[0]).toMatchObject({ quantity: '0.5', weighing: 'scale', weightOverride: { was: '1.234', reason: 'half stayed behind', by: ada, approvedBy: mia } });
    useCart.getState().overrideWeight(label.lineId, '0.6', { reason: 'weighed again', by: ada, approvedBy: mia });
    expect(useCart.getState().lines[0].weightOverride?.was).toBe('1.234');
    expect(labelWeight(useCart.getState().lines[0])).toBe('1.234');
    // The label's own weight needs no approval: it takes the override off.
    useCart.getState().overrideWeight(label.lineId, '1.2340');
    expect(useCart.getState().lines[0]).toEqual({ lineId: label.lineId, productId: 'p2', quantity: '1.234', weighing: 'scale' });
  });

  it('refuses another weight without a reason and approval, and a weight change on a line no scale label weighed', () => {
    const label = useCart.getState().add(bananas, '1.234', 'scale');
    const keyed = useCart.getState().add(bananas, '0.375', 'keyed');
    expect(() => useCart.getState().overrideWeight(label.lineId, '0.5')).toThrow("0.5 kg instead of the label's 1.234 kg needs a reason and a manager's approval");
    expect(() => useCart.getState().overrideWeight(keyed.lineId, '0.5', { reason: 'x', by: ada, approvedBy: mia })).toThrow("has no scale label's weight to change");
    expect(useCart.getState().lines.map((line) => line.quantity)).toEqual(['1.234', '0.375']);
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
