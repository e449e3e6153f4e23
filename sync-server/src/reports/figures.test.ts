import { describe, expect, it } from 'vitest';
import { emptyMeasures, toUnits } from '../../../shared/src/index.js';
import { salesFigures } from './reports.js';

/** Worked examples of a report row's figures from its sums. */
describe('sales figures', () => {
  it('work out the margin over the lines with a known cost, the margin in percent, and the average basket', () => {
    // 3 sales and a return: 121.00 with tax, 100.00 without; 60.00 of cost for 80.00 of costed net.
    const figures = salesFigures({
      ...emptyMeasures(),
      sales: 3n,
      returns: 1n,
      gross: toUnits('121.00', 4),
      net: toUnits('100.00', 4),
      tax: toUnits('21.00', 4),
      discount: toUnits('4.50', 4),
      cost: toUnits('60.1234', 4),
      costedNet: toUnits('80.00', 4),
      quantity: toUnits('7.25', 3),
    });
    // Margin 80.00 − 60.1234 = 19.8766: 19.88, 24.8 % of 80.00; the basket 121.00 / 3 = 40.33.
    expect(figures).toEqual({
      sales: 3,
      returns: 1,
      gross: '121.00',
      net: '100.00',
      tax: '21.00',
      discount: '4.50',
      averageBasket: '40.33',
      cost: '60.12',
      margin: '19.88',
      marginPercent: '24.8',
      quantity: '7.25',
    });
  });

  it('give no margin percent where no line had a known cost, and a basket of 0.00 without sales', () => {
    expect(salesFigures({ ...emptyMeasures(), returns: 1n, gross: toUnits('-5.00', 4), net: toUnits('-4.20', 4) })).toMatchObject({ averageBasket: '0.00', margin: '0.00', marginPercent: null });
    // A loss: cost above the costed net.
    expect(salesFigures({ ...emptyMeasures(), sales: 1n, costedNet: toUnits('10.00', 4), cost: toUnits('12.50', 4) })).toMatchObject({ margin: '-2.50', marginPercent: '-25.0' });
  });
});
