import { describe, expect, it } from 'vitest';
import { quantityProblem } from './quantity.js';

describe('quantity rules', () => {
  it('takes whole pieces and weights to the gram', () => {
    expect(quantityProblem('3', 'piece')).toBeNull();
    expect(quantityProblem('1.5', 'piece')).toBe('pieces are whole numbers');
    expect(quantityProblem('0.375', 'kg')).toBeNull();
    expect(quantityProblem('0.3755', 'kg')).toBe('at most 3 decimals (grams)');
    expect(quantityProblem('0', 'kg')).toBe('must be more than zero');
    expect(quantityProblem('-1', 'piece')).toBe('must be more than zero');
    expect(quantityProblem('abc', 'piece')).toBe('enter a number');
  });
});
