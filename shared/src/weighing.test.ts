import { describe, expect, it } from 'vitest';
import { saleLimitProblems } from './limits.js';
import type { PricingRules } from './pricing.js';
import { approvalProblems, buildSale, checkSaleArithmetic, type CartItem, type SaleContext, type WeightOverrideInput } from './sale.js';
import type { CashierRole, Person, Sale, ShiftEvent } from './schemas/index.js';
import { shiftReport } from './shift.js';

const RULES: PricingRules = { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 };
const STORE = { id: 'store-1', code: 'S1', currency: 'EUR', pricing: RULES };

// Who is who at the store: a cashier, a supervisor and a manager.
const ADA: Person = { id: 'cashier-ada', name: 'Ada' };
const BEN: Person = { id: 'supervisor-ben', name: 'Ben' };
const MIA: Person = { id: 'manager-mia', name: 'Mia' };
const ROLES: Record<string, CashierRole> = { [ADA.id]: 'cashier', [BEN.id]: 'supervisor', [MIA.id]: 'manager' };
const roleOf = (id: string): CashierRole | undefined => ROLES[id];

function context(number = 1, cashier: Person = ADA): SaleContext {
  return { id: `sale-${number}`, number, store: STORE, till: { id: 'till-1', code: 'T1' }, cashier, completedAt: '2024-06-07T10:15:00.000Z', shiftId: 'shift-1' };
}

const BANANAS = { id: 'bananas', sku: 'LOOSE-001', name: 'Bananas (loose)', unit: 'kg', price: '1.89', taxClass: 'reduced' } as const;
const APPLES = { id: 'apples', sku: 'LOOSE-002', name: 'Apples (loose)', unit: 'kg', price: '2.49', taxClass: 'reduced' } as const;
const MILK = { id: 'milk', sku: 'MLK', name: 'Milk', unit: 'piece', price: '1.19', taxClass: 'reduced' } as const;

const line = (product: CartItem['product'], quantity: string, extra: Partial<CartItem> = {}): CartItem => ({ product, quantity, taxRatePercent: '7', ...extra });

function sale(items: CartItem[], number = 1, cashier: Person = ADA): Sale {
  return buildSale({ items, payments: [{ tender: 'cash', tendered: '100' }] }, context(number, cashier));
}

/** A label of 1.234 kg of bananas, changed to 0.500 kg (half the bunch stayed behind). */
const halfBunch = (by: Person = ADA, approvedBy?: Person): WeightOverrideInput => ({ was: '1.234', reason: 'half the bunch stayed behind', by, ...(approvedBy ? { approvedBy } : {}) });

describe('a weighed line', () => {
  // Prices include 7 % tax, rounded per line, half up:
  //   bananas 1.234 kg x 1.89 (scale label) = 2.33226 -> 2.33, tax 2.33 x 7 / 107 = 0.152 -> 0.15
  //   apples  0.375 kg x 2.49 (keyed)       = 0.93375 -> 0.93, tax 0.061 -> 0.06
  //   milk    1 x 1.19                      = 1.19,             tax 0.078 -> 0.08
  const sold = sale([line(BANANAS, '1.234', { weighing: 'scale' }), line(APPLES, '0.375', { weighing: 'keyed' }), line(MILK, '1')]);

  it('says how its weight was taken: read from a scale label, or keyed in; a line by the piece says nothing', () => {
    expect(sold.lines.map(({ name, quantity, weighing, gross }) => ({ name, quantity, weighing, gross }))).toEqual([
      { name: 'Bananas (loose)', quantity: '1.234', weighing: 'scale', gross: '2.33' },
      { name: 'Apples (loose)', quantity: '0.375', weighing: 'keyed', gross: '0.93' },
      { name: 'Milk', quantity: '1', weighing: undefined, gross: '1.19' },
    ]);
    expect('weighing' in sold.lines[2]).toBe(false);
    expect(sold.totals.gross).toBe('4.45');
    expect(sold.adjustments).toBeUndefined();
    expect(checkSaleArithmetic(sold)).toEqual([]);
    expect(approvalProblems(sold, {}, roleOf)).toEqual([]);
  });

  it('is refused when goods sold by the piece claim to be weighed', () => {
    expect(() => sale([line(MILK, '1', { weighing: 'keyed' })])).toThrow('Milk is sold by the piece: only goods sold by the kg are weighed');
    const tampered = structuredClone(sold);
    tampered.lines[2].weighing = 'scale';
    expect(checkSaleArithmetic(tampered)).toEqual(['line 3: sold by the piece, so it is not weighed (only goods sold by the kg are)']);
  });
});

describe('a weight override', () => {
  // 0.500 kg x 1.89 = 0.945 -> 0.95 (half up), tax 0.95 x 7 / 107 = 0.062 -> 0.06, net 0.89
  const overridden = () => sale([line(BANANAS, '0.500', { weighing: 'scale', weightOverride: halfBunch(ADA, MIA) }), line(MILK, '1')]);

  it('charges the weight the manager allowed, and records the label’s weight, who changed it, why and who approved', () => {
    const sold = overridden();
    expect(sold.lines[0]).toMatchObject({ quantity: '0.500', weighing: 'scale', net: '0.89', tax: '0.06', gross: '0.95' });
    expect(sold.adjustments).toEqual([{ kind: 'weight-override', line: 0, was: '1.234', amount: '0.500', reason: 'half the bunch stayed behind', by: ADA, approvedBy: MIA }]);
    // Stock moves by the weight charged, not the label's.
    expect(sold.stockMovements).toEqual([
      { productId: 'bananas', quantity: '-0.5' },
      { productId: 'milk', quantity: '-1' },
    ]);
    expect(checkSaleArithmetic(sold)).toEqual([]);
    expect(approvalProblems(sold, {}, roleOf)).toEqual([]);
  });

  it('needs a manager: the cashier alone, or a supervisor’s approval, is refused; a manager at the till changes it alone', () => {
    const alone = sale([line(BANANAS, '0.500', { weighing: 'scale', weightOverride: halfBunch() })]);
    expect(approvalProblems(alone, {}, roleOf)).toEqual(['weight override on line 1: a weight override needs a manager']);
    const bySupervisor = sale([line(BANANAS, '0.500', { weighing: 'scale', weightOverride: halfBunch(ADA, BEN) })]);
    expect(approvalProblems(bySupervisor, {}, roleOf)).toEqual([
      'weight override on line 1: approved by Ben, who is not a manager of this store',
      'weight override on line 1: a weight override needs a manager',
    ]);
    const byManager = sale([line(BANANAS, '0.500', { weighing: 'scale', weightOverride: halfBunch(MIA) })], 2, MIA);
    expect(approvalProblems(byManager, {}, roleOf)).toEqual([]);
  });

  it('is refused on a weight keyed in (changed in the cart instead), and when it changes nothing', () => {
    expect(() => sale([line(BANANAS, '0.500', { weighing: 'keyed', weightOverride: halfBunch(ADA, MIA) })])).toThrow('Bananas (loose): only a scale label');
    expect(() => sale([line(BANANAS, '0.500', { weightOverride: halfBunch(ADA, MIA) })])).toThrow('Bananas (loose): only a scale label');
    expect(() => sale([line(BANANAS, '1.234', { weighing: 'scale', weightOverride: halfBunch(ADA, MIA) })])).toThrow("1.234 kg is the label's weight; there is nothing to override");
    expect(() => sale([line(BANANAS, '0.500', { weighing: 'scale', weightOverride: { ...halfBunch(ADA, MIA), was: '0' } })])).toThrow("the label's weight 0 is not a weight");
  });

  describe('tampered with after the sale was built', () => {
    const changed = (tamper: (copy: Sale) => void) => {
      const copy = structuredClone(overridden());
      tamper(copy);
      return copy;
    };

    it('another weight than the line charges for', () => {
      expect(checkSaleArithmetic(changed((copy) => (copy.adjustments![0].amount = '0.400')))).toEqual(['line 1: weight overridden to 0.400 kg, charged for 0.500 kg']);
    });

    it('on a line that no scale label weighed', () => {
      expect(checkSaleArithmetic(changed((copy) => (copy.lines[0].weighing = 'keyed')))).toEqual(["line 1: a weight override changes a scale label's weight, and the line says it was keyed in"]);
      expect(checkSaleArithmetic(changed((copy) => delete copy.lines[0].weighing))).toEqual(["line 1: a weight override changes a scale label's weight, and the line says it was not weighed"]);
    });

    it('without the label’s weight, with one to more than the gram, or the same as the weight charged', () => {
      expect(checkSaleArithmetic(changed((copy) => delete copy.adjustments![0].was))).toEqual(["line 1: the scale label's weight (was) is missing"]);
      expect(checkSaleArithmetic(changed((copy) => (copy.adjustments![0].was = '1.2345')))).toEqual(["line 1: the scale label's weight (was) at most 3 decimals (grams)"]);
      expect(checkSaleArithmetic(changed((copy) => (copy.adjustments![0].was = '0.5')))).toEqual(['line 1: a weight override of 0.500 kg changes nothing on a label of 0.5 kg']);
    });

    it('twice on one line, or a label’s weight on anything else', () => {
      expect(checkSaleArithmetic(changed((copy) => copy.adjustments!.push({ ...copy.adjustments![0] })))).toEqual(['weight-override: line 1 has more than one']);
      const discounted = changed((copy) => copy.adjustments!.push({ kind: 'line-discount', line: 1, was: '1', amount: '0.00', reason: 'x', by: ADA }));
      expect(checkSaleArithmetic(discounted)).toEqual(['was: only a weight override says what the scale label weighed']);
    });

    it('weights past the store’s limit on one line', () => {
      expect(saleLimitProblems(changed((copy) => (copy.adjustments![0].was = '10001')), STORE)).toEqual(['weight override on line 1: 10001 kg, more than the 10000 store S1 allows on one line']);
    });
  });
});

describe('the shift report', () => {
  const open: ShiftEvent = { id: 'shift-1', storeId: 'store-1', tillId: 'till-1', shiftId: 'shift-1', kind: 'open', sequence: 1, at: '2024-06-07T08:00:00.000Z', cashier: ADA, currency: 'EUR', amount: '100.00' };

  it('counts weights keyed in and weight overrides, and takes no weight for a discount', () => {
    const documents = [
      sale([line(BANANAS, '0.500', { weighing: 'scale', weightOverride: halfBunch(ADA, MIA) }), line(APPLES, '0.375', { weighing: 'keyed' })], 1),
      sale([line(APPLES, '1.010', { weighing: 'keyed' }), line(BANANAS, '1.234', { weighing: 'scale' }), line(MILK, '2')], 2),
    ];
    const report = shiftReport([open], documents);
    expect(report.weightsKeyed).toBe(2);
    expect(report.weightOverrides).toBe(1);
    expect(report.discounts).toEqual({ count: 0, amount: '0.00' });
    expect(report.priceOverrides).toBe(0);
  });
});
