import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, Dec } from '../money.js';
import { DEFAULT_PRICING_RULES } from '../pricing.js';
import { buildReturn, buildSale } from '../sale.js';
import type { Product } from '../schemas/index.js';
import { CHAIN_STORE, emptyMeasures, fromUnits, localDayHour, mergeFacts, readControlKey, saleFacts, shiftEventFacts, toUnits, withMonthSums, type ReportFact } from './facts.js';

/** Worked examples of what a sale and a return add to the reports. */
const milk: Product = { id: 'milk', sku: 'M1', name: 'Milk', barcodes: [], unit: 'piece', taxClass: 'reduced', price: '1.20', cost: '0.70', category: 'Dairy', active: true, updatedAt: 'x' } as Product;
const cheese: Product = { id: 'cheese', sku: 'C1', name: 'Cheese', barcodes: [], unit: 'kg', taxClass: 'reduced', price: '12.00', cost: '7.5', category: 'Dairy', active: true, updatedAt: 'x' } as Product;
const soap: Product = { id: 'soap', sku: 'S1', name: 'Soap', barcodes: [], unit: 'piece', taxClass: 'standard', price: '2.40', cost: '1.00', active: true, updatedAt: 'x' } as Product;
const store = { id: 'store-1', code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES };
const context = { number: 1, store, till: { id: 'till-1', code: 'T1' }, cashier: { id: 'c1', name: 'Alice' }, completedAt: '2026-12-06T22:30:00.000Z' };
const products = new Map([milk, cheese, soap].map((product) => [product.id, product]));

/** A fact's figures as decimal strings: amounts to 4 places, quantities to 3. */
function shown(facts: ReportFact[], dimension: string, key: string) {
  const fact = facts.find((one) => one.dimension === dimension && one.key === key);
  if (!fact) return undefined;
  return {
    day: fact.day,
    sales: Number(fact.sales),
    returns: Number(fact.returns),
    quantity: fromUnits(fact.quantity, 3),
    gross: fromUnits(fact.gross, 4, 2),
    net: fromUnits(fact.net, 4, 2),
    tax: fromUnits(fact.tax, 4, 2),
    discount: fromUnits(fact.discount, 4, 2),
    cost: fromUnits(fact.cost, 4),
    costedNet: fromUnits(fact.costedNet, 4, 2),
  };
}

describe('report facts', () => {
  // 2 milk at 1.20 and 0.5 kg cheese at 12.00 (7 % tax included), 10 % off the order, a card paying
  // 5.00 and cash the rest; soap (20 %) at 2.40. Made at 23:30 in Berlin: the 6th there, in UTC too.
  const sale = buildSale(
    {
      items: [
        { product: milk, quantity: '2', taxRatePercent: '7' },
        { product: cheese, quantity: '0.5', taxRatePercent: '7' },
        { product: soap, quantity: '1', taxRatePercent: '20' },
      ],
      orderDiscount: { percent: '10', reason: 'staff', by: { id: 'c1', name: 'Alice' } },
      payments: [
        { tender: 'card', amount: '5.00', card: { brand: 'Visa', last4: '4242' } },
        { tender: 'cash', tendered: '20' },
      ],
    },
    { ...context, id: 'sale-1' },
  );
  const costs = new Map([
    ['milk', '0.7'],
    ['cheese', '7.5'],
  ]);
  const facts = saleFacts(sale, { madeAt: sale.completedAt, timeZone: 'Europe/Berlin', unitCosts: costs, products });

  it('count a sale once in its day, hour, till and cashier, with its own totals', () => {
    // 2.40 + 6.00 + 2.40 = 10.80, 10 % off: 9.72.
    expect(sale.totals.gross).toBe('9.72');
    const all = shown(facts, 'all', '');
    expect(all).toMatchObject({ day: '2026-12-06', sales: 1, returns: 0, gross: '9.72', net: sale.totals.net, tax: sale.totals.tax, discount: '1.08', quantity: '3.500' });
    expect(shown(facts, 'hour', '23')).toEqual(all);
    expect(shown(facts, 'till', 'till-1')).toEqual(all);
    expect(shown(facts, 'cashier', 'c1')).toEqual(all);
    // Made at 23:30 in Berlin is 00:30 the next day in Tokyo: another day.
    expect(saleFacts(sale, { madeAt: sale.completedAt, timeZone: 'Asia/Tokyo', unitCosts: costs, products }).find((fact) => fact.dimension === 'all')!.day).toBe('2026-12-07');
  });

  it('cost what left the shelf at the unit costs fixed on applying it, and count as costed only the lines whose cost is known', () => {
    // Milk 2 × 0.70 = 1.40, cheese 0.5 × 7.5 = 3.75; soap's cost is not known here.
    expect(shown(facts, 'product', 'milk')).toMatchObject({ sales: 1, quantity: '2.000', cost: '1.4000' });
    expect(shown(facts, 'product', 'cheese')).toMatchObject({ quantity: '0.500', cost: '3.7500' });
    expect(shown(facts, 'product', 'soap')).toMatchObject({ cost: '0.0000', costedNet: '0.00' });
    const all = shown(facts, 'all', '')!;
    expect(all.cost).toBe('5.1500');
    // The margin is net less cost over milk and cheese: their nets after the discount.
    const costedNet = sale.lines.filter((line) => line.productId !== 'soap').reduce((total, line) => total + Number(line.net), 0);
    expect(all.costedNet).toBe(costedNet.toFixed(2));
  });

  it('count a sale once per category however many of its products are in it, and products without one apart', () => {
    expect(shown(facts, 'category', 'Dairy')).toMatchObject({ sales: 1, quantity: '2.500', cost: '5.1500' });
    expect(shown(facts, 'category', '')).toMatchObject({ sales: 1, quantity: '1.000' });
  });

  it('attribute a split payment by what each tender paid, and tax by rate', () => {
    expect(shown(facts, 'tender', 'card')).toMatchObject({ sales: 1, gross: '5.00' });
    expect(shown(facts, 'tender', 'cash')).toMatchObject({ sales: 1, gross: '4.72' });
    for (const tax of sale.taxes) expect(shown(facts, 'tax', tax.taxRatePercent.replace(/\.0+$/, ''))).toMatchObject({ gross: tax.gross, net: tax.net, tax: tax.tax });
  });

  it('take a return off, its restocked goods back at their cost and written-off goods not', () => {
    const back = buildReturn(
      sale,
      [
        { productId: 'milk', quantity: '1', restock: true },
        { productId: 'cheese', quantity: '0.5', restock: false },
      ],
      [],
      { ...context, id: 'return-1', number: 2, store: { id: 'store-1', code: 'S1' }, completedAt: '2026-12-07T09:00:00.000Z' },
    );
    const returned = saleFacts(back, { madeAt: back.completedAt, timeZone: 'Europe/Berlin', unitCosts: costs, products });
    const all = shown(returned, 'all', '')!;
    expect(all).toMatchObject({ day: '2026-12-07', sales: 0, returns: 1, gross: `-${back.totals.gross}`, quantity: '-1.500' });
    // The milk back on the shelf brings its 0.70 back; the cheese written off brings nothing.
    expect(shown(returned, 'product', 'milk')!.cost).toBe('-0.7000');
    expect(shown(returned, 'product', 'cheese')!.cost).toBe('0.0000');
    // Its net still counts against the margin: the cheese was refunded and lost.
    expect(all.costedNet).toBe(`-${back.totals.net}`);
    // The sale and the return summed, as the database adds them: one fact per key.
    const merged = mergeFacts([...facts, ...returned.map((fact) => ({ ...fact, day: '2026-12-06' }))]);
    expect(merged.filter((fact) => fact.dimension === 'all')).toHaveLength(1);
    expect(fromUnits(merged.find((fact) => fact.dimension === 'product' && fact.key === 'milk')!.quantity, 3)).toBe('1.000');
  });

  it('turns any decimal string into whole units as decimal arithmetic rounding half up would', () => {
    const decimal = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.nat({ max: 7 })).map(([negative, digits, places]) => {
      const text = digits.toString().padStart(places + 1, '0');
      return `${negative ? '-' : ''}${places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`}`;
    });
    fc.assert(
      fc.property(decimal, fc.nat({ max: 5 }), (value, places) => {
        expect(toUnits(value, places)).toBe(BigInt(dec(value).mul(Dec.pow(10, places)).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed(0)));
      }),
      { numRuns: 2000 },
    );
  });

  it('turns decimals into whole units and back exactly', () => {
    expect(toUnits('12.3456', 4)).toBe(123456n);
    expect(toUnits('-0.125', 3)).toBe(-125n);
    // A cost past 4 places is rounded half up.
    expect(toUnits('0.00005', 4)).toBe(1n);
    expect(fromUnits(-123456n, 4, 2)).toBe('-12.35');
    expect(localDayHour('2026-03-29T00:30:00.000Z', 'Europe/Berlin')).toEqual({ day: '2026-03-29', hour: '01' });
    expect(localDayHour('2026-03-29T01:30:00.000Z', 'Europe/Berlin')).toEqual({ day: '2026-03-29', hour: '03' });
  });
});

describe('control facts', () => {
  const alice = { id: 'c1', name: 'Alice' };
  const noCosts = { madeAt: '2026-12-06T10:00:00.000Z', timeZone: 'Europe/Berlin', unitCosts: new Map<string, string>(), products };
  const counted = (facts: ReportFact[]) =>
    Object.fromEntries(facts.filter((fact) => fact.dimension === 'control').map((fact) => [fact.key, [Number(fact.sales), fromUnits(fact.gross, 4, 2)]]));

  it('count the cashier’s discounts with what they took off, overrides, and lines voided with what they would have cost', () => {
    // Soap 20 % off its line (0.48), the order 10 % off (0.43 of milk and soap), milk's price overridden; a cheese line voided.
    const sale = buildSale(
      {
        items: [
          { product: milk, quantity: '2', taxRatePercent: '7', priceOverride: { unitPrice: '1.00', reason: 'shelf label', by: alice } },
          { product: soap, quantity: '1', taxRatePercent: '20', discount: { percent: '20', reason: 'dented', by: alice } },
        ],
        orderDiscount: { percent: '10', reason: 'staff', by: alice },
        payments: [{ tender: 'cash', tendered: '10' }],
        voids: [{ productId: 'cheese', name: 'Cheese', quantity: '0.5', gross: '6.00', by: alice }],
      },
      { ...context, id: 'sale-control' },
    );
    const orderOff = sale.lines.reduce((total, line) => total.plus(dec(line.orderDiscount ?? '0')), dec('0'));
    expect(counted(saleFacts(sale, noCosts))).toEqual({
      'line-discount:c1': [1, '0.48'],
      'order-discount:c1': [1, orderOff.toFixed(2)],
      'price-override:c1': [1, '0.00'],
      'void:c1': [1, '6.00'],
    });
  });

  it('count a refund, and one without a receipt apart; a shift closed short or over by how much; a cart voided whole', () => {
    const sale = buildSale({ items: [{ product: milk, quantity: '2', taxRatePercent: '7' }], payments: [{ tender: 'cash', tendered: '5' }] }, { ...context, id: 'sale-1' });
    const withReceipt = buildReturn(sale, [{ productId: 'milk', quantity: '1', restock: true }], [], { ...context, id: 'return-1', number: 2 });
    expect(counted(saleFacts(withReceipt, noCosts))).toEqual({ 'refund:c1': [1, '1.20'] });
    const { returnOf: _returnOf, ...withoutReceipt } = withReceipt;
    expect(counted(saleFacts({ ...withoutReceipt, approvedBy: { id: 'm1', name: 'Morgan' } }, noCosts))).toEqual({ 'refund:c1': [1, '1.20'], 'refund-without-receipt:c1': [1, '1.20'] });

    const event = { id: 'e', storeId: 'store-1', tillId: 'till-1', shiftId: 's', sequence: 2, at: '2026-12-06T18:00:00.000Z', cashier: alice, currency: 'EUR' };
    const at = { madeAt: event.at, timeZone: 'Europe/Berlin' };
    expect(counted(shiftEventFacts({ ...event, kind: 'close', expectedCash: '210.00', countedCash: '207.50', difference: '-2.50' }, at))).toEqual({ 'cash-short:c1': [1, '2.50'] });
    expect(counted(shiftEventFacts({ ...event, kind: 'close', expectedCash: '210.00', countedCash: '211.00', difference: '1.00' }, at))).toEqual({ 'cash-over:c1': [1, '1.00'] });
    expect(shiftEventFacts({ ...event, kind: 'close', expectedCash: '210.00', countedCash: '210.00', difference: '0.00' }, at)).toEqual([]);
    expect(
      counted(
        shiftEventFacts(
          { ...event, kind: 'void', lines: [{ productId: 'milk', name: 'Milk', quantity: '2', gross: '2.40' }, { productId: 'soap', name: 'Soap', quantity: '1', gross: '2.40' }] },
          at,
        ),
      ),
    ).toEqual({ 'void:c1': [2, '4.80'] });
    expect(readControlKey('cash-short:cashier-store-1:alex')).toEqual({ event: 'cash-short', cashierId: 'cashier-store-1:alex' });
    expect(readControlKey('nonsense')).toBeUndefined();
  });
});

describe('withMonthSums', () => {
  const fact = (storeId: string, dimension: ReportFact['dimension'], day: string, key: string, quantity: bigint): ReportFact => ({ ...emptyMeasures(), sales: 1n, quantity, storeId, dimension, day, key });

  it('adds each monthly dimension’s month sums, and the chain’s month sums of products over every store', () => {
    const summed = withMonthSums([
      fact('store-1', 'product', '2026-11-03', 'milk', 2000n),
      fact('store-1', 'product', '2026-11-20', 'milk', 1000n),
      fact('store-2', 'product', '2026-11-04', 'milk', 5000n),
      fact('store-2', 'category', '2026-11-04', 'Dairy', 5000n),
      fact('store-2', 'customer', '2026-11-04', 'cust-1', 5000n),
    ]);
    const rows = summed.map(({ storeId, dimension, day, key, sales, quantity }) => `${storeId} ${dimension} ${day} ${key} ${sales} ${quantity}`).sort();
    expect(rows).toEqual(
      [
        'store-1 product 2026-11-03 milk 1 2000',
        'store-1 product 2026-11-20 milk 1 1000',
        'store-1 product/month 2026-11 milk 2 3000',
        'store-2 product 2026-11-04 milk 1 5000',
        'store-2 product/month 2026-11 milk 1 5000',
        // Categories have month sums per store, not the chain's; customers have neither.
        'store-2 category 2026-11-04 Dairy 1 5000',
        'store-2 category/month 2026-11 Dairy 1 5000',
        'store-2 customer 2026-11-04 cust-1 1 5000',
        `${CHAIN_STORE} product/month 2026-11 milk 3 8000`,
      ].sort(),
    );
  });
});
