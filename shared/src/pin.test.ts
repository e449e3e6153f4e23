import { describe, expect, it } from 'vitest';
import { hashPin, PinError, pinProblem, roleAtLeast, verifyPin } from './pin.js';

describe('cashier PINs', () => {
  it('keeps only a salted hash that the same PIN matches and another does not', async () => {
    const stored = await hashPin('4821', 1000);
    expect(JSON.stringify(stored)).not.toContain('4821');
    expect(await verifyPin('4821', stored)).toBe(true);
    expect(await verifyPin('4822', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('salts every hash, so two cashiers with the same PIN have different hashes', async () => {
    const first = await hashPin('1234', 1000);
    const second = await hashPin('1234', 1000);
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
    expect(await verifyPin('1234', second)).toBe(true);
  });

  it('refuses PINs that are not 4 to 8 digits', async () => {
    expect(pinProblem('12a4')).toBe('a PIN is digits only');
    expect(pinProblem('123')).toMatch(/4 to 8 digits/);
    expect(pinProblem('123456789')).toMatch(/4 to 8 digits/);
    expect(pinProblem('00000')).toBeNull();
    await expect(hashPin('12')).rejects.toBeInstanceOf(PinError);
  });

  it('ranks roles: a manager may do what a supervisor may, not the other way', () => {
    expect(roleAtLeast('manager', 'supervisor')).toBe(true);
    expect(roleAtLeast('supervisor', 'manager')).toBe(false);
    expect(roleAtLeast('cashier', 'cashier')).toBe(true);
  });
});
