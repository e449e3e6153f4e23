import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import { dec, sum } from './money.js';
import { DEFAULT_PRICING_RULES, PricingError, priceCart, type CartLineInput, type PricedCart, type PricingRules } from './pricing.js';

const INCLUDING: PricingRules = { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 };
const EXCLUDING: PricingRules = { ...INCLUDING, pricesIncludeTax: false };

function line(productId: string, quantity: string, unitPrice: string, taxRatePercent = '7', taxClassId = 'reduced'): CartLineInput {
  return { productId, quantity, unitPrice, taxClassId, taxRatePercent };
}

/** The amounts of a priced line or breakdown row, without the inputs. */
function amounts(row: { net: string; tax: string; gross: string }) {
  return { net: row.net, tax: row.tax, gross: row.gross };
}

/** What must hold for every priced cart, whatever the rules. */
function expectAddsUp(cart: PricedCart) {
  for (const row of [...cart.lines, ...cart.taxes, cart.totals]) {
    expect(dec(row.net).plus(dec(row.tax)).eq(dec(row.gross))).toBe(true);
  }
  for (const field of ['net', 'tax', 'gross'] as const) {
    expect(sum(cart.taxes.map((row) => row[field])).eq(dec(cart.totals[field]))).toBe(true);
  }
}

describe('priceCart with prices including tax', () => {
  it('rounds each line: 3 x 1.19 at 7%', () => {
    // gross = 3 * 1.19 = 3.57; tax = round(3.57 * 7 / 107) = round(0.23355...) = 0.23; net = 3.57 - 0.23 = 3.34
    const cart = priceCart([line('milk', '3', '1.19')], INCLUDING);
    expect(amounts(cart.lines[0])).toEqual({ net: '3.34', tax: '0.23', gross: '3.57' });
    expect(cart.totals).toEqual({ net: '3.34', tax: '0.23', gross: '3.57' });
    expect(cart.taxes).toEqual([{ taxClassId: 'reduced', taxRatePercent: '7', net: '3.34', tax: '0.23', gross: '3.57' }]);
  });

  it('keeps the inputs on each priced line', () => {
    const input = line('milk', '3', '1.19');
    const [priced] = priceCart([input], INCLUDING).lines;
    expect(priced).toMatchObject(input);
  });

  it('is what DEFAULT_PRICING_RULES does', () => {
    expect(DEFAULT_PRICING_RULES).toEqual(INCLUDING);
    expect(priceCart([line('milk', '3', '1.19')], DEFAULT_PRICING_RULES).totals.tax).toBe('0.23');
  });

  it('prices a weighed quantity: 0.375 kg x 2.49 at 7%', () => {
    // gross = 0.375 * 2.49 = 0.93375 -> 0.93; tax = round(0.93 * 7 / 107) = round(0.06084...) = 0.06; net = 0.87
    const cart = priceCart([line('cheese', '0.375', '2.49')], INCLUDING);
    expect(cart.lines[0].quantity).toBe('0.375');
    expect(amounts(cart.lines[0])).toEqual({ net: '0.87', tax: '0.06', gross: '0.93' });
    // half-even gives the same: 0.93375 is not a tie
    expect(priceCart([line('cheese', '0.375', '2.49')], { ...INCLUDING, roundingMode: 'half-even' }).totals.gross).toBe('0.93');
  });

  it('puts no tax on a zero-rate line', () => {
    // a postage stamp: gross 0.85, tax 0.85 * 0 / 100 = 0, net 0.85
    const cart = priceCart([line('stamp', '2', '0.85', '0', 'zero')], INCLUDING);
    expect(amounts(cart.lines[0])).toEqual({ net: '1.70', tax: '0.00', gross: '1.70' });
    expect(cart.taxes).toEqual([{ taxClassId: 'zero', taxRatePercent: '0', net: '1.70', tax: '0.00', gross: '1.70' }]);
  });

  it('prices a returned line as the mirror of the sold one', () => {
    // -3 x 1.19 = -3.57; tax = round(-3.57 * 7 / 107) = -0.23; net = -3.34
    const cart = priceCart([line('milk', '-3', '1.19')], INCLUDING);
    expect(amounts(cart.lines[0])).toEqual({ net: '-3.34', tax: '-0.23', gross: '-3.57' });
  });

  it('prices in a currency without minor unit', () => {
    // 3 x 105 = 315; tax = round(315 * 10 / 110) = round(28.636...) = 29; net = 286
    const cart = priceCart([line('onigiri', '3', '105', '10')], { ...INCLUDING, currencyDecimals: 0 });
    expect(amounts(cart.lines[0])).toEqual({ net: '286', tax: '29', gross: '315' });
  });
});

describe('priceCart with prices excluding tax', () => {
  it('adds tax on top of the net: 3 x 1.19 at 7%', () => {
    // net = 3.57; tax = round(3.57 * 0.07) = round(0.2499) = 0.25; gross = 3.82
    const cart = priceCart([line('milk', '3', '1.19')], EXCLUDING);
    expect(amounts(cart.lines[0])).toEqual({ net: '3.57', tax: '0.25', gross: '3.82' });
  });

  it('adds tax on top of the net: 2 x 4.99 at 19%', () => {
    // net = 9.98; tax = round(9.98 * 0.19) = round(1.8962) = 1.90; gross = 11.88
    const cart = priceCart([line('wine', '2', '4.99', '19', 'standard')], EXCLUDING);
    expect(cart.totals).toEqual({ net: '9.98', tax: '1.90', gross: '11.88' });
  });

  it('rounds a weighed net first: 0.375 kg x 2.49 at 7%', () => {
    // net = 0.93375 -> 0.93; tax = round(0.93 * 0.07) = round(0.0651) = 0.07; gross = 1.00
    const cart = priceCart([line('cheese', '0.375', '2.49')], EXCLUDING);
    expect(amounts(cart.lines[0])).toEqual({ net: '0.93', tax: '0.07', gross: '1.00' });
  });
});

describe('tax rounding per line or per document', () => {
  // Three different products at 0.99 including 7%: each line's tax is 0.99 * 7 / 107 = 0.0647... -> 0.06,
  // rounded down by almost half a cent each time. Three of them lose a cent between them:
  //   per line:     0.06 + 0.06 + 0.06 = 0.18
  //   per document: round(2.97 * 7 / 107) = round(0.19430...) = 0.19
  const threeAt99 = [line('apple', '1', '0.99'), line('pear', '1', '0.99'), line('plum', '1', '0.99')];

  it('per line: the tax is the sum of the rounded line taxes', () => {
    const cart = priceCart(threeAt99, INCLUDING);
    for (const priced of cart.lines) expect(amounts(priced)).toEqual({ net: '0.93', tax: '0.06', gross: '0.99' });
    expect(cart.taxes).toEqual([{ taxClassId: 'reduced', taxRatePercent: '7', net: '2.79', tax: '0.18', gross: '2.97' }]);
    expect(cart.totals).toEqual({ net: '2.79', tax: '0.18', gross: '2.97' });
  });

  it('per document: the tax is rounded once over the rate, a cent more here', () => {
    const cart = priceCart(threeAt99, { ...INCLUDING, taxRounding: 'document' });
    // the lines are still shown rounded each
    for (const priced of cart.lines) expect(amounts(priced)).toEqual({ net: '0.93', tax: '0.06', gross: '0.99' });
    expect(cart.taxes).toEqual([{ taxClassId: 'reduced', taxRatePercent: '7', net: '2.78', tax: '0.19', gross: '2.97' }]);
    expect(cart.totals).toEqual({ net: '2.78', tax: '0.19', gross: '2.97' });
    expectAddsUp(cart);
  });

  it('excluding tax, per document can be a cent less than per line', () => {
    // three lines of net 0.10 at 7%: per line 0.007 -> 0.01 each, 0.03 in all;
    // per document round(0.30 * 0.07) = round(0.021) = 0.02
    const tenCents = [line('a', '1', '0.10'), line('b', '1', '0.10'), line('c', '1', '0.10')];
    expect(priceCart(tenCents, EXCLUDING).totals).toEqual({ net: '0.30', tax: '0.03', gross: '0.33' });
    expect(priceCart(tenCents, { ...EXCLUDING, taxRounding: 'document' }).totals).toEqual({ net: '0.30', tax: '0.02', gross: '0.32' });
  });

  it('gives the same result either way when a single line carries the quantity', () => {
    // 3 x 0.99 on one line is already one rounding: round(2.97 * 7 / 107) = 0.19
    const single = [line('apple', '3', '0.99')];
    expect(priceCart(single, INCLUDING).totals).toEqual(priceCart(single, { ...INCLUDING, taxRounding: 'document' }).totals);
    expect(priceCart(single, INCLUDING).totals.tax).toBe('0.19');
  });

  it('rounds each rate once, not the whole document once', () => {
    // 7%: three lines of 0.99 as above -> 0.19; 19%: two lines of 0.99, each 0.99 * 19 / 119 = 0.158 -> 0.16,
    // per document round(1.98 * 19 / 119) = round(0.31613...) = 0.32 (per line also 0.32)
    const cart = priceCart(
      [...threeAt99, line('soap', '1', '0.99', '19', 'standard'), line('brush', '1', '0.99', '19', 'standard')],
      { ...INCLUDING, taxRounding: 'document' },
    );
    expect(cart.taxes.map((row) => [row.taxRatePercent, row.tax])).toEqual([
      ['7', '0.19'],
      ['19', '0.32'],
    ]);
    expect(cart.totals).toEqual({ net: '4.44', tax: '0.51', gross: '4.95' });
    expectAddsUp(cart);
  });

  // Apples 0.5 kg x 0.99 = 0.495 -> 0.50 and pears 0.5 kg x 0.99 -> 0.50 at 7%, prices including tax.
  // The receipt prints 0.50 + 0.50, so the customer pays 1.00 under either rule; per document only
  // the tax is computed once: round(1.00 * 7 / 107) = round(0.0654) = 0.07, net 0.93.
  it('per document: the total is the sum of the rounded lines; only the tax split is computed once', () => {
    const cart = priceCart([line('apples', '0.5', '0.99'), line('pears', '0.5', '0.99')], { ...INCLUDING, taxRounding: 'document' });
    expect(cart.lines.map((row) => row.gross)).toEqual(['0.50', '0.50']);
    expect(cart.totals).toEqual({ net: '0.93', tax: '0.07', gross: '1.00' });
    expectAddsUp(cart);
  });
});

describe('several tax rates in one cart', () => {
  // Given out of rate order on purpose: 19%, 0%, 7%.
  //   wine  1 x 8.99 at 19%: tax = round(8.99 * 19 / 119) = round(1.43537...) = 1.44, net 7.55
  //   stamp 1 x 0.85 at 0%:  tax 0.00, net 0.85
  //   milk  2 x 1.19 at 7%:  gross 2.38, tax = round(2.38 * 7 / 107) = round(0.15570...) = 0.16, net 2.22
  //   totals: net 7.55 + 0.85 + 2.22 = 10.62; tax 1.44 + 0 + 0.16 = 1.60; gross 12.22
  const cart = priceCart(
    [line('wine', '1', '8.99', '19', 'standard'), line('stamp', '1', '0.85', '0', 'zero'), line('milk', '2', '1.19', '7', 'reduced')],
    INCLUDING,
  );

  it('keeps the lines in cart order', () => {
    expect(cart.lines.map((priced) => priced.productId)).toEqual(['wine', 'stamp', 'milk']);
  });

  it('sorts the breakdown by rate', () => {
    expect(cart.taxes).toEqual([
      { taxClassId: 'zero', taxRatePercent: '0', net: '0.85', tax: '0.00', gross: '0.85' },
      { taxClassId: 'reduced', taxRatePercent: '7', net: '2.22', tax: '0.16', gross: '2.38' },
      { taxClassId: 'standard', taxRatePercent: '19', net: '7.55', tax: '1.44', gross: '8.99' },
    ]);
  });

  it('sorts rates numerically, not as text', () => {
    // as text "19" < "5.5" < "7"; as numbers 5.5 < 7 < 19
    const rates = priceCart([line('a', '1', '1', '19', 'x'), line('b', '1', '1', '7', 'y'), line('c', '1', '1', '5.5', 'z')], INCLUDING);
    expect(rates.taxes.map((row) => row.taxRatePercent)).toEqual(['5.5', '7', '19']);
  });

  it('totals are the sum of the breakdown', () => {
    expect(cart.totals).toEqual({ net: '10.62', tax: '1.60', gross: '12.22' });
    expectAddsUp(cart);
  });
});

describe('grouping the breakdown', () => {
  it('puts lines of the same class and rate into one row', () => {
    // milk 2.38 (tax 0.16) + bread 1 x 2.49 (tax round(2.49 * 7 / 107) = round(0.16289...) = 0.16)
    const cart = priceCart([line('milk', '2', '1.19'), line('bread', '1', '2.49')], INCLUDING);
    expect(cart.taxes).toEqual([{ taxClassId: 'reduced', taxRatePercent: '7', net: '4.55', tax: '0.32', gross: '4.87' }]);
  });

  it('treats "7" and "7.0" as the same rate and stores it as "7"', () => {
    const cart = priceCart([line('milk', '1', '1.19', '7'), line('bread', '1', '2.49', '7.0')], INCLUDING);
    expect(cart.taxes).toHaveLength(1);
    expect(cart.taxes[0].taxRatePercent).toBe('7');
  });

  it('keeps two classes apart even at the same rate', () => {
    const cart = priceCart([line('milk', '1', '1.19', '7', 'food'), line('book', '1', '9.99', '7', 'books')], INCLUDING);
    expect(cart.taxes.map((row) => row.taxClassId)).toEqual(['food', 'books']);
  });

  it('prices an empty cart as zero with no breakdown', () => {
    expect(priceCart([], INCLUDING)).toEqual({ lines: [], taxes: [], totals: { net: '0.00', tax: '0.00', gross: '0.00' } });
  });
});

describe('rounding mode on a tie', () => {
  it('excluding tax: 0.50 at 5% has tax 0.025 exactly', () => {
    // half-up 0.025 -> 0.03; half-even 0.025 -> 0.02 (2 is even)
    const cart = [line('pen', '1', '0.50', '5')];
    expect(priceCart(cart, EXCLUDING).totals).toEqual({ net: '0.50', tax: '0.03', gross: '0.53' });
    expect(priceCart(cart, { ...EXCLUDING, roundingMode: 'half-even' }).totals).toEqual({ net: '0.50', tax: '0.02', gross: '0.52' });
  });

  it('excluding tax: 1.50 at 5% has tax 0.075, both modes go up', () => {
    // 0.075: half-up 0.08; half-even 0.08 (8 is even)
    expect(priceCart([line('pen', '1', '1.50', '5')], { ...EXCLUDING, roundingMode: 'half-even' }).totals.tax).toBe('0.08');
    expect(priceCart([line('pen', '1', '1.50', '5')], EXCLUDING).totals.tax).toBe('0.08');
  });

  it('excluding tax: a weighed net on a tie, 0.5 kg x 0.25 = 0.125', () => {
    // net half-up 0.13, tax round(0.13 * 0.07) = round(0.0091) = 0.01, gross 0.14;
    // net half-even 0.12, tax round(0.0084) = 0.01, gross 0.13
    const cart = [line('nails', '0.5', '0.25')];
    expect(priceCart(cart, EXCLUDING).totals).toEqual({ net: '0.13', tax: '0.01', gross: '0.14' });
    expect(priceCart(cart, { ...EXCLUDING, roundingMode: 'half-even' }).totals).toEqual({ net: '0.12', tax: '0.01', gross: '0.13' });
  });

  it('including tax: a weighed gross on a tie, 0.5 kg x 0.25 = 0.125', () => {
    // half-up 0.13; half-even 0.12
    const cart = [line('nails', '0.5', '0.25', '0', 'zero')];
    expect(priceCart(cart, INCLUDING).totals.gross).toBe('0.13');
    expect(priceCart(cart, { ...INCLUDING, roundingMode: 'half-even' }).totals.gross).toBe('0.12');
  });
});

describe('refused input', () => {
  it('throws a PricingError on a negative tax rate', () => {
    expect(() => priceCart([line('milk', '1', '1.19', '-7')], INCLUDING)).toThrow(PricingError);
    expect(() => priceCart([line('milk', '1', '1.19', '-7')], INCLUDING)).toThrow('negative tax rate on milk');
  });

  it('throws on a price or quantity that is not a decimal string', () => {
    expect(() => priceCart([line('milk', '1', '1e2')], INCLUDING)).toThrow();
    expect(() => priceCart([line('milk', '', '1.19')], INCLUDING)).toThrow();
  });
});

describe('priced carts always add up', () => {
  const prng = seededRandom;

  it('net + tax = gross on every row, totals = sum of breakdown, and per line the breakdown = sum of lines', () => {
    const random = prng(20240607);
    const rates = [
      ['zero', '0'],
      ['reduced', '7'],
      ['reduced', '5.5'],
      ['standard', '19'],
      ['standard', '20'],
    ];
    for (let run = 0; run < 100; run++) {
      const count = 1 + Math.floor(random() * 8);
      const inputs = Array.from({ length: count }, (_, index) => {
        const [taxClassId, taxRatePercent] = rates[Math.floor(random() * rates.length)];
        const weighed = random() < 0.3;
        const quantity = weighed ? (Math.floor(random() * 2000) / 1000 + 0.001).toFixed(3) : String(1 + Math.floor(random() * 5));
        const unitPrice = (Math.floor(random() * 5000) / 100 + 0.01).toFixed(2);
        return line(`p${index}`, quantity, unitPrice, taxRatePercent, taxClassId);
      });
      for (const pricesIncludeTax of [true, false]) {
        for (const roundingMode of ['half-up', 'half-even'] as const) {
          const lineRules: PricingRules = { pricesIncludeTax, taxRounding: 'line', roundingMode, currencyDecimals: 2 };
          const byLine = priceCart(inputs, lineRules);
          expectAddsUp(byLine);
          for (const row of byLine.taxes) {
            const members = byLine.lines.filter(
              (priced) => priced.taxClassId === row.taxClassId && dec(priced.taxRatePercent).eq(dec(row.taxRatePercent)),
            );
            for (const field of ['net', 'tax', 'gross'] as const) {
              expect(sum(members.map((priced) => priced[field])).eq(dec(row[field]))).toBe(true);
            }
          }
          const byDocument = priceCart(inputs, { ...lineRules, taxRounding: 'document' });
          expectAddsUp(byDocument);
          // the lines themselves do not depend on where tax is rounded
          expect(byDocument.lines).toEqual(byLine.lines);
        }
      }
    }
  });
});
