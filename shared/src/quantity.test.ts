import { describe, expect, it } from 'vitest';
import { isMeasured, quantityProblem, quantityWithUnit } from './quantity.js';

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

  it('takes whole grams, litres to the millilitre and metres to the centimetre', () => {
    expect(quantityProblem('250', 'g')).toBeNull();
    expect(quantityProblem('12.5', 'g')).toBe('grams are whole numbers');
    expect(quantityProblem('1.125', 'l')).toBeNull();
    expect(quantityProblem('1.1255', 'l')).toBe('at most 3 decimals (millilitres)');
    expect(quantityProblem('2.35', 'm')).toBeNull();
    expect(quantityProblem('2.355', 'm')).toBe('at most 2 decimals (centimetres)');
    expect(quantityProblem('0.00', 'm')).toBe('must be more than zero');
  });

  it('counts pieces and measures the rest, naming the unit', () => {
    expect(isMeasured('piece')).toBe(false);
    expect(['kg', 'g', 'l', 'm'].every((unit) => isMeasured(unit as 'kg'))).toBe(true);
    expect(quantityWithUnit('12', 'piece')).toBe('12 pieces');
    expect(quantityWithUnit('2.5', 'm')).toBe('2.5 m');
  });
});
