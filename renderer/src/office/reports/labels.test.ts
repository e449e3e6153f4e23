import { describe, expect, it } from 'vitest';
import { reasonsText, rfmLabel, rfmText, stockStateName, tenderName } from './labels.js';

describe('the reports’ words', () => {
  it('say why a margin is weak', () => {
    expect(reasonsText(['negative', 'discounts'])).toBe('Loss, Discounts');
    expect(reasonsText(['below-target'])).toBe('Below target');
  });

  it('say how low stock runs, with the days of cover asked for', () => {
    expect(stockStateName('out', 7)).toBe('Out of stock');
    expect(stockStateName('reorder', 7)).toBe('At or below reorder point');
    expect(stockStateName('low-cover', 7)).toBe('Under 7 days of cover');
    expect(stockStateName('low-cover', 1)).toBe('Under 1 day of cover');
  });

  it('write the scores short for the eye and whole for a screen reader', () => {
    const scores = { recency: 5, frequency: 4, monetary: 3 };
    expect(rfmText(scores)).toBe('5 4 3');
    expect(rfmLabel(scores)).toBe('Recency 5, frequency 4, monetary 3, out of 5');
  });

  it('name tenders, and one it does not know as it is called', () => {
    expect(['cash', 'card', 'voucher', 'gift-card'].map(tenderName)).toEqual(['Cash', 'Card', 'Voucher', 'Gift card']);
  });
});
