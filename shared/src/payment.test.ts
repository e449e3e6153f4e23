import { describe, expect, it } from 'vitest';
import { dec, sum } from './money.js';
import { PricingError, roundToCashStep, type PricingRules } from './pricing.js';
import {
  buildReturn,
  buildReturnWithoutReceipt,
  buildSale,
  checkSaleArithmetic,
  paymentProgress,
  refundPayments,
  returnProblems,
  settlePayments,
  type CartItem,
  type ReturnContext,
  type SaleContext,
  type TenderInput,
} from './sale.js';
import type { Person, Sale } from './schemas/index.js';
import { saleProblems } from './validate.js';

const RULES: PricingRules = { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 };
const STORE = { id: 'store-1', code: 'S1', currency: 'EUR', pricing: RULES };
/** A store where the one- and two-cent coins are gone: cash is rounded to 0.05. */
const ROUNDING_STORE = { ...STORE, cashRounding: '0.05' };
const ADA: Person = { id: 'cashier-ada', name: 'Ada' };
const MIA: Person = { id: 'manager-mia', name: 'Mia' };

function context(overrides: Partial<SaleContext> = {}): SaleContext {
  return { id: 'sale-1', number: 1, store: STORE, till: { id: 'till-1', code: 'T1' }, cashier: ADA, completedAt: '2024-06-07T10:15:00.000Z', ...overrides };
}

function item(id: string, quantity: string, price: string, taxClass: string, taxRatePercent: string, unit: 'piece' | 'kg' = 'piece'): CartItem {
  return { product: { id, sku: `SKU-${id}`, name: id.toUpperCase(), unit, price, taxClass }, quantity, taxRatePercent };
}

const cash = (tendered: string): TenderInput => ({ tender: 'cash', tendered });
const card = (amount: string, last4 = '1234', brand = 'VISA'): TenderInput => ({ tender: 'card', amount, card: { brand, last4 } });
const voucher = (amount: string, code = 'ABC123'): TenderInput => ({ tender: 'voucher', amount, voucher: { code } });

// The basket of sale.test.ts: milk 3 x 1.19 (3.57), wine 8.99, cheese 0.375 kg x 2.49 (0.93), milk 1.19.
// Total 14.68.
const BASKET: CartItem[] = [
  item('milk', '3', '1.19', 'reduced', '7'),
  item('wine', '1', '8.99', 'standard', '19'),
  item('cheese', '0.375', '2.49', 'reduced', '7', 'kg'),
  item('milk', '1', '1.19', 'reduced', '7'),
];

function paid(tenders: TenderInput[], store: SaleContext['store'] = STORE): Sale {
  return buildSale({ items: BASKET, payments: tenders }, context({ store }));
}

describe('split payments', () => {
  it('card, then cash for the rest with change', () => {
    // 14.68 - 10.00 by card = 4.68 left; 5.00 handed over in cash, change 0.32
    const sale = paid([card('10'), cash('5')]);
    expect(sale.payments).toEqual([
      { tender: 'card', amount: '10.00', tendered: '10.00', change: '0.00', card: { brand: 'VISA', last4: '1234' } },
      { tender: 'cash', amount: '4.68', tendered: '5.00', change: '0.32' },
    ]);
    expect(sale.cashRounding).toBeUndefined();
    expect(checkSaleArithmetic(sale)).toEqual([]);
    expect(saleProblems(sale)).toEqual([]);
  });

  it('voucher, then card for the rest', () => {
    // 14.68 - 5.00 voucher = 9.68 by card
    const sale = paid([voucher('5'), card('9.68', '5678', 'Mastercard')]);
    expect(sale.payments).toEqual([
      { tender: 'voucher', amount: '5.00', tendered: '5.00', change: '0.00', voucher: { code: 'ABC123' } },
      { tender: 'card', amount: '9.68', tendered: '9.68', change: '0.00', card: { brand: 'Mastercard', last4: '5678' } },
    ]);
    expect(saleProblems(sale)).toEqual([]);
  });

  it('cash in part first, then the rest by card', () => {
    // 10.00 in cash pays 10.00 of it (no change); 4.68 left by card
    const sale = paid([cash('10'), card('4.68')]);
    expect(sale.payments.map((payment) => [payment.tender, payment.amount, payment.change])).toEqual([
      ['cash', '10.00', '0.00'],
      ['card', '4.68', '0.00'],
    ]);
    expect(checkSaleArithmetic(sale)).toEqual([]);
  });

  it('refuses a card or voucher for more than is left to pay: a card gives no change', () => {
    expect(() => paid([card('15')])).toThrow('payment 1: 15.00 by card is more than the 14.68 left to pay');
    expect(() => paid([voucher('5'), card('10')])).toThrow('payment 2: 10.00 by card is more than the 9.68 left to pay');
    expect(() => paid([voucher('20')])).toThrow('payment 1: 20.00 by voucher is more than the 14.68 left to pay');
  });

  it('refuses a sale that is not fully paid', () => {
    expect(() => paid([card('10')])).toThrow('4.68 is still to pay');
    expect(() => paid([cash('10')])).toThrow('4.68 is still to pay');
    expect(() => paid([])).toThrow('14.68 is still to pay');
  });

  it('refuses a payment once the sale is paid, and payments of nothing', () => {
    expect(() => paid([cash('20'), card('1')])).toThrow('the sale is already paid: no further payment is taken');
    expect(() => paid([card('0'), cash('20')])).toThrow('payment 1: the amount must be more than zero');
    expect(() => paid([cash('0')])).toThrow('cash handed over must be more than zero');
  });

  it('records a card by its brand and exactly four last digits, a voucher by its code', () => {
    for (const last4 of ['123', '12345', '12a4', '', '4111111111111111']) {
      expect(() => paid([card('14.68', last4)])).toThrow('a card is recorded by its last four digits only');
    }
    expect(() => paid([card('14.68', '1234', ' ')])).toThrow('a card payment names the card brand');
    expect(() => paid([voucher('14.68', ' ')])).toThrow('a voucher payment names the voucher code');
    expect(paid([card('14.68', '0042', ' VISA ')]).payments[0].card).toEqual({ brand: 'VISA', last4: '0042' });
  });

  it('a sale made free by its discounts is recorded with one cash payment of nothing', () => {
    // 100 % off the order: 14.68 off, total 0.00. The document still names how it was settled.
    const free = buildSale({ items: BASKET, orderDiscount: { percent: '100', reason: 'store opening', by: MIA }, payments: [] }, context());
    expect(free.totals.gross).toBe('0.00');
    expect(free.payments).toEqual([{ tender: 'cash', amount: '0.00', tendered: '0.00', change: '0.00' }]);
    expect(saleProblems(free)).toEqual([]);
  });
});

describe('cash rounding to the smallest coin (0.05)', () => {
  it('rounds half up to the step', () => {
    // 14.68 / 0.05 = 293.6 -> 294 -> 14.70; 14.62 / 0.05 = 292.4 -> 292 -> 14.60
    // 14.625 would be the tie: 292.5 -> 293 -> 14.65
    expect(['14.68', '14.62', '14.63', '14.67', '14.625', '14.65'].map((amount) => roundToCashStep(dec(amount), '0.05').toFixed(2))).toEqual([
      '14.70',
      '14.60',
      '14.65',
      '14.65',
      '14.65',
      '14.65',
    ]);
    expect(roundToCashStep(dec('14.68'), '0.10').toFixed(2)).toBe('14.70');
    expect(roundToCashStep(dec('14.68'), undefined).toFixed(2)).toBe('14.68');
    expect(() => roundToCashStep(dec('14.68'), '0')).toThrow('cash rounding step 0 must be more than zero');
  });

  it('14.68 due, paid in cash: 14.70 taken, the 0.02 recorded as cashRounding', () => {
    // 20.00 handed over: 20.00 - 14.70 = 5.30 change
    const sale = paid([cash('20')], ROUNDING_STORE);
    expect(sale.totals.gross).toBe('14.68');
    expect(sale.payments).toEqual([{ tender: 'cash', amount: '14.70', tendered: '20.00', change: '5.30' }]);
    expect(sale.cashRounding).toBe('0.02');
    // payments add up to gross + cashRounding: 14.68 + 0.02 = 14.70
    expect(sum(sale.payments.map((payment) => payment.amount)).eq(dec(sale.totals.gross).plus(dec(sale.cashRounding!)))).toBe(true);
    expect(saleProblems(sale)).toEqual([]);
  });

  it('14.62 due, paid in cash: 14.60 taken, cashRounding -0.02', () => {
    const { payments, cashRounding } = settlePayments('14.62', [cash('20')], RULES, '0.05');
    expect(payments).toEqual([{ tender: 'cash', amount: '14.60', tendered: '20.00', change: '5.40' }]);
    expect(cashRounding.toFixed(2)).toBe('-0.02');
    // handed over exactly the rounded amount: no change
    expect(settlePayments('14.62', [cash('14.60')], RULES, '0.05').payments[0]).toEqual({ tender: 'cash', amount: '14.60', tendered: '14.60', change: '0.00' });
  });

  it('never rounds a card payment', () => {
    const sale = paid([card('14.68')], ROUNDING_STORE);
    expect(sale.payments[0].amount).toBe('14.68');
    expect(sale.cashRounding).toBeUndefined();
    expect(saleProblems(sale)).toEqual([]);
  });

  it('card, then cash for the remainder: only the cash part is rounded', () => {
    // 14.68 - 10.00 card = 4.68 -> 4.70 in cash (rounding 0.02); 5.00 handed over, change 0.30
    // payments 10.00 + 4.70 = 14.70 = 14.68 + 0.02
    const sale = paid([card('10'), cash('5')], ROUNDING_STORE);
    expect(sale.payments.map((payment) => [payment.tender, payment.amount, payment.tendered, payment.change])).toEqual([
      ['card', '10.00', '10.00', '0.00'],
      ['cash', '4.70', '5.00', '0.30'],
    ]);
    expect(sale.cashRounding).toBe('0.02');
    expect(saleProblems(sale)).toEqual([]);
    // 10.02 by card leaves 4.66 -> 4.65 in cash: rounding -0.01
    const down = paid([card('10.02'), cash('5')], ROUNDING_STORE);
    expect(down.payments[1]).toEqual({ tender: 'cash', amount: '4.65', tendered: '5.00', change: '0.35' });
    expect(down.cashRounding).toBe('-0.01');
  });

  it('cash in part and the card closing the sale: nothing is rounded', () => {
    // 10.00 cash pays 10.00, the card pays the exact 4.68
    const sale = paid([cash('10'), card('4.68')], ROUNDING_STORE);
    expect(sale.payments.map((payment) => payment.amount)).toEqual(['10.00', '4.68']);
    expect(sale.cashRounding).toBeUndefined();
  });

  it('tells the till what to ask for in cash after a card', () => {
    const progress = paymentProgress('14.68', [{ tender: 'card', amount: '10.00', tendered: '10.00', change: '0.00', card: { brand: 'VISA', last4: '1234' } }], '0.05');
    expect([progress.paid.toFixed(2), progress.remaining.toFixed(2), progress.cashDue.toFixed(2)]).toEqual(['10.00', '4.68', '4.70']);
  });
});

describe('checkSaleArithmetic on payments', () => {
  const SPLIT = paid([card('10'), cash('5')], ROUNDING_STORE);
  function tampered(tamper: (sale: Sale) => void, from: Sale = SPLIT): Sale {
    const copy = structuredClone(from);
    tamper(copy);
    return copy;
  }

  it('names a card payment that gives change', () => {
    // tendered 10.50 - amount 10.00 = change 0.50 adds up, but a card gives none
    expect(checkSaleArithmetic(tampered((sale) => Object.assign(sale.payments[0], { tendered: '10.50', change: '0.50' })))).toEqual(['card gives no change']);
  });

  it('names cash rounding on a sale paid without cash', () => {
    // paid 14.70 by card with a cashRounding of 0.02: the sum is right, the rounding is not
    const byCard = paid([card('14.68')], ROUNDING_STORE);
    const problems = checkSaleArithmetic(
      tampered((sale) => {
        sale.cashRounding = '0.02';
        sale.cashRoundingStep = '0.05';
        Object.assign(sale.payments[0], { amount: '14.70', tendered: '14.70' });
      }, byCard),
    );
    expect(problems).toEqual(['cashRounding: only a cash payment is rounded']);
  });

  it('names payments that do not add up to gross + cashRounding', () => {
    // the rounding dropped: 14.70 paid for 14.68
    expect(checkSaleArithmetic(tampered((sale) => {
      delete sale.cashRounding;
      delete sale.cashRoundingStep;
    }))).toEqual([expect.stringMatching(/^payments add up to 14\.70?, total is 14\.68$/)]);
    // a rounding of 0.05 claimed: 14.68 + 0.05 = 14.73, not the 14.70 paid, and more than half a 0.05 coin
    expect(checkSaleArithmetic(tampered((sale) => (sale.cashRounding = '0.05')))).toEqual([
      expect.stringMatching(/^payments add up to 14\.70?, total is 14\.68 with cash rounding 0\.05$/),
      'cash rounding 0.05 is more than half of 0.05',
    ]);
  });

  it('names cash rounding beyond half the coin it names, cash that is not whole coins, and a step no shop rounds to', () => {
    // 9.68 in cash "rounded" by -5.00 to 4.68: a discount hidden as rounding
    const hidden = tampered((sale) => {
      sale.cashRounding = '-5.00';
      Object.assign(sale.payments[sale.payments.length - 1], { amount: '9.70', tendered: '9.70', change: '0.00' });
    });
    expect(checkSaleArithmetic(hidden)).toContain('cash rounding -5.00 is more than half of 0.05');
    expect(checkSaleArithmetic(tampered((sale) => (sale.cashRoundingStep = '10')))).toContain('cashRoundingStep 10 is no coin a shop rounds to');
    expect(checkSaleArithmetic(tampered((sale) => delete sale.cashRoundingStep))).toEqual(['cashRounding and cashRoundingStep go together']);
  });

  it('names a card without its card details, a voucher without its code, and card details on cash', () => {
    expect(checkSaleArithmetic(tampered((sale) => delete sale.payments[0].card))).toEqual(['a card payment, and only a card payment, records the card’s brand and last four digits']);
    expect(checkSaleArithmetic(tampered((sale) => (sale.payments[1].card = { brand: 'VISA', last4: '1234' })))).toEqual([
      'a card payment, and only a card payment, records the card’s brand and last four digits',
    ]);
    const byVoucher = paid([voucher('14.68')]);
    expect(checkSaleArithmetic(tampered((sale) => delete sale.payments[0].voucher, byVoucher))).toEqual(['a voucher payment, and only a voucher payment, records the voucher code']);
  });

  it('the schema refuses a card recorded with more than its last four digits', () => {
    expect(saleProblems(tampered((sale) => (sale.payments[0].card!.last4 = '4111111111111111')))).toEqual([expect.stringContaining('payments.0.card.last4')]);
  });
});

describe('refunds', () => {
  // The sale: wine 12.49 at 19 % and milk 3 x 1.19 = 3.57 at 7 %, total 16.06;
  // paid 10.00 by card VISA ****1234 and 6.06 in cash (10.00 handed over, 3.94 change).
  const SALE = buildSale({ items: [item('wine', '1', '12.49', 'standard', '19'), item('milk', '3', '1.19', 'reduced', '7')], payments: [card('10'), cash('10')] }, context({ id: 'sale-42', number: 42 }));
  const returnContext = (number: number, store: ReturnContext['store'] = { id: 'store-1', code: 'S1' }): ReturnContext => ({
    id: `return-${number}`,
    number,
    store,
    till: { id: 'till-1', code: 'T1' },
    cashier: ADA,
    completedAt: '2024-06-08T09:00:00.000Z',
  });

  it('is the sale the examples start from', () => {
    expect(SALE.totals.gross).toBe('16.06');
    expect(SALE.payments.map((payment) => [payment.tender, payment.amount])).toEqual([
      ['card', '10.00'],
      ['cash', '6.06'],
    ]);
  });

  it('go back to the card first, up to what it paid, and the rest in cash', () => {
    // the wine, 12.49: 10.00 back to the card, 2.49 in cash
    const wine = buildReturn(SALE, [{ productId: 'wine', quantity: '1', restock: false }], [], returnContext(43));
    expect(wine.payments).toEqual([
      { tender: 'card', amount: '10.00', tendered: '10.00', change: '0.00', card: { brand: 'VISA', last4: '1234' } },
      { tender: 'cash', amount: '2.49', tendered: '2.49', change: '0.00' },
    ]);
    expect(checkSaleArithmetic(wine)).toEqual([]);
    expect(returnProblems(wine, SALE, [])).toEqual([]);
  });

  it('a refund smaller than the card’s payment goes all to the card', () => {
    const one = buildReturn(SALE, [{ productId: 'milk', quantity: '1', restock: true }], [], returnContext(43));
    expect(one.payments).toEqual([{ tender: 'card', amount: '1.19', tendered: '1.19', change: '0.00', card: { brand: 'VISA', last4: '1234' } }]);
  });

  it('a second return refunds to the card only what the first left: 10.00 - 1.19 = 8.81, the rest cash', () => {
    const first = buildReturn(SALE, [{ productId: 'milk', quantity: '1', restock: true }], [], returnContext(43));
    // the wine, 12.49: 8.81 to the card, 12.49 - 8.81 = 3.68 in cash
    const second = buildReturn(SALE, [{ productId: 'wine', quantity: '1', restock: true }], [first], returnContext(44));
    expect(second.payments.map((payment) => [payment.tender, payment.amount])).toEqual([
      ['card', '8.81'],
      ['cash', '3.68'],
    ]);
    expect(returnProblems(second, SALE, [first])).toEqual([]);
    // the card got back 1.19 + 8.81 = 10.00, what it paid; the last 2 milk go back in cash
    const third = buildReturn(SALE, [{ productId: 'milk', quantity: '2', restock: true }], [first, second], returnContext(45));
    expect(third.payments).toEqual([{ tender: 'cash', amount: '2.38', tendered: '2.38', change: '0.00' }]);
    // asked to put 10.00 on the card again, the second return is refused
    const greedy = structuredClone(second);
    greedy.payments = [{ ...second.payments[0], amount: '10.00', tendered: '10.00' }, { ...second.payments[1], amount: '2.49', tendered: '2.49' }];
    expect(returnProblems(greedy, SALE, [first])).toEqual(['refunds 10.00 to card VISA 1234, which paid only 8.81 of S1-T1-000042 still unrefunded']);
  });

  it('go back in the order the sale was paid: a voucher first, then the card', () => {
    // paid 5.00 by voucher and 11.06 by card; the wine, 12.49: 5.00 to the voucher, 7.49 to the card
    const sale = buildSale({ items: [item('wine', '1', '12.49', 'standard', '19'), item('milk', '3', '1.19', 'reduced', '7')], payments: [voucher('5'), card('11.06')] }, context({ id: 'sale-50', number: 50 }));
    const back = buildReturn(sale, [{ productId: 'wine', quantity: '1', restock: true }], [], returnContext(51));
    expect(back.payments.map((payment) => [payment.tender, payment.amount])).toEqual([
      ['voucher', '5.00'],
      ['card', '7.49'],
    ]);
    expect(back.payments[0].voucher).toEqual({ code: 'ABC123' });
  });

  it('all in cash when asked, with a manager’s approval where more cash goes out than the sale took in cash', () => {
    // The sale took 10.00 by card and 6.06 in cash; 12.49 in cash would turn card money into cash.
    expect(() => buildReturn(SALE, [{ productId: 'wine', quantity: '1', restock: false }], [], returnContext(43), { refundTo: 'cash' })).toThrow(
      'refunds more in cash than S1-T1-000042 took in cash: a manager approves turning a card or voucher payment into cash',
    );
    const wine = buildReturn(SALE, [{ productId: 'wine', quantity: '1', restock: false }], [], returnContext(43), { refundTo: 'cash', approvedBy: MIA });
    expect(wine.approvedBy).toEqual(MIA);
    // Within the cash the sale took, no approval: one milk, 1.19 of the 6.06.
    expect(buildReturn(SALE, [{ productId: 'milk', quantity: '1', restock: true }], [], returnContext(45), { refundTo: 'cash' }).approvedBy).toBeUndefined();
    expect(wine.payments).toEqual([{ tender: 'cash', amount: '12.49', tendered: '12.49', change: '0.00' }]);
    // and the card can still take back all it paid afterwards
    const milk = buildReturn(SALE, [{ productId: 'milk', quantity: '3', restock: true }], [wine], returnContext(44));
    expect(milk.payments.map((payment) => [payment.tender, payment.amount])).toEqual([['card', '3.57']]);
  });

  it('rounds cash paid out to the store’s smallest coin, and never a card', () => {
    const step = { id: 'store-1', code: 'S1', cashRounding: '0.05' };
    // one milk, 1.19 in cash: 1.19 / 0.05 = 23.8 -> 24 -> 1.20; cashRounding 0.01
    const milk = buildReturn(SALE, [{ productId: 'milk', quantity: '1', restock: true }], [], returnContext(43, step), { refundTo: 'cash' });
    expect(milk.payments).toEqual([{ tender: 'cash', amount: '1.20', tendered: '1.20', change: '0.00' }]);
    expect(milk.cashRounding).toBe('0.01');
    expect(checkSaleArithmetic(milk)).toEqual([]);
    // the wine to the original tenders: 10.00 to the card as it is, 2.49 -> 2.50 in cash
    const wine = buildReturn(SALE, [{ productId: 'wine', quantity: '1', restock: false }], [], returnContext(44, step));
    expect(wine.payments.map((payment) => [payment.tender, payment.amount])).toEqual([
      ['card', '10.00'],
      ['cash', '2.50'],
    ]);
    expect(wine.cashRounding).toBe('0.01');
    expect(checkSaleArithmetic(wine)).toEqual([]);
    // refundPayments on its own: 2.42 in cash -> 2.40, rounding -0.02
    const refund = refundPayments(undefined, [], dec('2.42'), 'cash', RULES, '0.05');
    expect([refund.payments[0].amount, refund.cashRounding.toFixed(2)]).toEqual(['2.40', '-0.02']);
  });

  it('returnProblems names a refund to a card the sale was never paid with', () => {
    const wine = buildReturn(SALE, [{ productId: 'wine', quantity: '1', restock: false }], [], returnContext(43));
    const otherCard = structuredClone(wine);
    otherCard.payments[0].card = { brand: 'Mastercard', last4: '9999' };
    expect(returnProblems(otherCard, SALE, [])).toEqual(['refunds 10.00 to card Mastercard 9999, which paid only 0.00 of S1-T1-000042 still unrefunded']);
    const toVoucher = structuredClone(wine);
    toVoucher.payments[0] = { tender: 'voucher', amount: '10.00', tendered: '10.00', change: '0.00', voucher: { code: 'GIFT1' } };
    expect(returnProblems(toVoucher, SALE, [])).toEqual(['refunds 10.00 to voucher GIFT1, which paid only 0.00 of S1-T1-000042 still unrefunded']);
  });
});

describe('a return without a receipt', () => {
  // Two milk back on the shelf and a broken wine, at today's shelf prices (milk now 1.29):
  //   milk 2 x 1.29 = 2.58 at 7 %: tax 2.58 x 7 / 107 = 0.16879 -> 0.17, net 2.41
  //   wine 12.49 at 19 %: tax 1.99, net 10.50
  //   refund 15.07 in cash, rounded to 15.05 (15.07 / 0.05 = 301.4 -> 301): cashRounding -0.02
  const goods = [
    { product: { id: 'milk', sku: 'SKU-milk', name: 'MILK', unit: 'piece' as const, price: '1.29', taxClass: 'reduced' }, quantity: '2', taxRatePercent: '7', restock: true },
    { product: { id: 'wine', sku: 'SKU-wine', name: 'WINE', unit: 'piece' as const, price: '12.49', taxClass: 'standard' }, quantity: '1', taxRatePercent: '19', restock: false },
  ];
  const refund = buildReturnWithoutReceipt(goods, MIA, context({ id: 'return-9', number: 9, store: ROUNDING_STORE }));

  it('is priced at the shelf, refunded in cash, approved by a manager, and restocks per line', () => {
    expect(refund).toMatchObject({ kind: 'return', approvedBy: MIA, totals: { gross: '15.07' }, cashRounding: '-0.02' });
    expect(refund.returnOf).toBeUndefined();
    expect(refund.lines.map((line) => [line.productId, line.unitPrice, line.gross, line.restock])).toEqual([
      ['milk', '1.29', '2.58', true],
      ['wine', '12.49', '12.49', false],
    ]);
    expect(refund.payments).toEqual([{ tender: 'cash', amount: '15.05', tendered: '15.05', change: '0.00' }]);
    expect(refund.stockMovements).toEqual([{ productId: 'milk', quantity: '2' }]);
    expect(saleProblems(refund)).toEqual([]);
  });

  it('is refused without the approval, or with a discount of its own', () => {
    const unapproved = structuredClone(refund);
    delete unapproved.approvedBy;
    expect(checkSaleArithmetic(unapproved)).toContain('a return names the sale it returns, or carries the approval of the manager who allowed it without a receipt');
    const discounted = structuredClone(refund);
    discounted.lines[0].discount = '0.00';
    expect(checkSaleArithmetic(discounted)).toContain('a return without a receipt refunds at the shelf price, line by line');
  });

  it('refuses an empty return', () => {
    expect(() => buildReturnWithoutReceipt([{ ...goods[0], quantity: '0' }], MIA, context())).toThrow(PricingError);
  });
});
