import { describe, expect, it } from 'vitest';
import { emptyMeasures } from '../../../shared/src/index.js';
import { quintileScores, rfm, segmentOf } from './customers.js';
import { marginJudge } from './products.js';
import { lostSales, ranOutAt } from './running-low.js';

/** Worked examples of the owner's reports' arithmetic: RFM scores, weak margins, when stock ran out, and what it lost. */
describe('recency, frequency and monetary scores', () => {
  it('score by fifths of the customers, equal values alike', () => {
    // Ten customers: each fifth of them (two) scores one more than the fifth below.
    expect(quintileScores([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    // Ties score from the middle of the places they share: four customers with one purchase hold
    // places 1–4 of 5 (the middle, 2.5 of 5, is the third fifth), one with five the last.
    expect(quintileScores([1n, 1n, 1n, 1n, 5n])).toEqual([3, 3, 3, 3, 5]);
    // Alone, or all alike: the middle score.
    expect(quintileScores([7n])).toEqual([3]);
    expect(quintileScores([2n, 2n, 2n])).toEqual([3, 3, 3]);
    // In any order.
    expect(quintileScores([10n, 1n, 5n, 5n])).toEqual([5, 1, 3, 3]);
  });

  it('give recent, frequent, big spenders the highest scores, and name their segment', () => {
    const customer = (customerId: string, sales: bigint, gross: bigint, lastDay: string) => ({ customerId, measures: { ...emptyMeasures(), sales, gross }, firstDay: lastDay, lastDay });
    // Over a period ending 2026-12-31: Ann bought yesterday, often and much; Ben long ago, often; Cy once, today, a little.
    const scores = rfm(
      [
        customer('ann', 12n, 900_0000n, '2026-12-30'),
        customer('ben', 10n, 500_0000n, '2026-11-02'),
        customer('cy', 1n, 5_0000n, '2026-12-31'),
        customer('di', 2n, 20_0000n, '2026-12-01'),
        customer('ed', 3n, 40_0000n, '2026-12-15'),
      ],
      '2026-12-31',
    );
    expect(scores).toEqual([
      { recency: 4, frequency: 5, monetary: 5 },
      { recency: 1, frequency: 4, monetary: 4 },
      { recency: 5, frequency: 1, monetary: 1 },
      { recency: 2, frequency: 2, monetary: 2 },
      { recency: 3, frequency: 3, monetary: 3 },
    ]);
    expect(segmentOf(scores[0], false)).toBe('champion');
    expect(segmentOf(scores[1], false)).toBe('loyal');
    expect(segmentOf(scores[2], true)).toBe('new');
    expect(segmentOf({ recency: 1, frequency: 3, monetary: 2 }, false)).toBe('at-risk');
    expect(segmentOf(scores[3], false)).toBe('occasional');
  });
});

describe('running out', () => {
  const row = (quantity: string, recordedAt: string, source: 'opening' | 'sale' | 'receipt' | 'return' = 'sale') => ({ quantity, recordedAt, source });

  it('is the row after which the stock stayed at or below nothing', () => {
    const ledger = [row('10', '2026-12-01T08:00:00.000Z', 'opening'), row('-10', '2026-12-02T08:00:00.000Z'), row('5', '2026-12-03T08:00:00.000Z', 'receipt'), row('-3', '2026-12-04T08:00:00.000Z'), row('-2', '2026-12-05T08:00:00.000Z'), row('-1', '2026-12-06T08:00:00.000Z')];
    // Out on the 2nd, restocked on the 3rd, out again on the 5th; the oversold unit on the 6th changes nothing.
    expect(ranOutAt(ledger)).toBe('2026-12-05T08:00:00.000Z');
    // In stock now: not out.
    expect(ranOutAt(ledger.slice(0, 4))).toBeUndefined();
    // Never had stock: no moment it ran out.
    expect(ranOutAt([row('-1', '2026-12-01T08:00:00.000Z')])).toBeUndefined();
  });

  it('loses the sales it made a day before, for every day it has been out', () => {
    // 14 units sold less 2 returned over the 4 days before it ran out on the 10th at noon; out 2.5 days.
    const ledger = [
      row('20', '2026-12-01T08:00:00.000Z', 'opening'),
      row('-8', '2026-12-05T08:00:00.000Z'),
      row('-6', '2026-12-07T12:00:00.000Z'),
      row('2', '2026-12-08T12:00:00.000Z', 'return'),
      row('-8', '2026-12-10T12:00:00.000Z'),
    ];
    const out = ranOutAt(ledger)!;
    expect(out).toBe('2026-12-10T12:00:00.000Z');
    const lost = lostSales(ledger, out, new Date('2026-12-13T00:00:00.000Z'), 4);
    // In the 4 days before the 10th at noon: 6 sold, 2 back, 8 sold = 12, or 3 a day; out 2.5 days.
    expect(lost.perDay.toFixed()).toBe('3');
    expect(lost.daysOut.toFixed()).toBe('2.5');
    expect(lost.quantity.toFixed()).toBe('7.5');
  });
});

describe('weak margins', () => {
  // Amounts in ten-thousandths: 100.00 net of lines with a known cost, sold for 70.00 of cost, is a 30 % margin.
  const product = (costedNet: bigint, cost: bigint, discount = 0n) => ({ ...emptyMeasures(), sales: 1n, net: costedNet, gross: (costedNet * 6n) / 5n, costedNet, cost, discount });
  const judged = (target: string, measures: ReturnType<typeof product>) => {
    const found = marginJudge(target)(measures);
    return found && { reasons: found.reasons, percent: found.percent.toFixed(4), before: found.before.toFixed(4) };
  };

  it('are those below the target, to the hundredth of a percent, and losses', () => {
    // Exactly at the target: not weak; a hundredth of a percent short of it: weak.
    expect(judged('30', product(100_0000n, 70_0000n))).toBeUndefined();
    expect(judged('30.01', product(100_0000n, 70_0000n))).toEqual({ reasons: ['below-target'], percent: '30.0000', before: '30.0000' });
    // A third: 33.33… % meets 33.33 and misses 33.34.
    expect(judged('33.33', product(3_0000n, 2_0000n))).toBeUndefined();
    expect(judged('33.34', product(3_0000n, 2_0000n))?.reasons).toEqual(['below-target']);
    // A loss is weak whatever the target, even none.
    expect(judged('0', product(100_0000n, 100_0001n))).toEqual({ reasons: ['negative', 'below-target'], percent: '-0.0001', before: '-0.0001' });
    expect(judged('0', product(100_0000n, 100_0000n))).toBeUndefined();
  });

  it('say when the discounts alone made them weak', () => {
    // 100.00 net (120.00 gross) after 24.00 of discount at the gross price, 20.00 of it net: 30 % before
    // the discount (120.00 net, 84.00 of cost would leave 36.00), 16 % after it.
    expect(judged('30', product(100_0000n, 84_0000n, 24_0000n))).toEqual({ reasons: ['below-target', 'discounts'], percent: '16.0000', before: '30.0000' });
    expect(judged('31', product(100_0000n, 84_0000n, 24_0000n))?.reasons).toEqual(['below-target']);
  });

  it('are not judged without a cost, or for a product returned more than sold', () => {
    expect(judged('30', product(0n, 0n))).toBeUndefined();
    expect(judged('30', product(-5_0000n, -2_0000n))).toBeUndefined();
  });
});
