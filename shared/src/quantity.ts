import { dec, isDecimalString } from './money.js';
import type { Product } from './schemas/index.js';

/**
 * Whether `quantity` is a valid quantity of a product sold in `unit`: pieces are whole, kilograms go
 * to the gram. The till checks what the cashier types, the server every line a till pushes.
 */
export function quantityProblem(quantity: string, unit: Product['unit']): string | null {
  if (!isDecimalString(quantity)) return 'enter a number';
  const value = dec(quantity);
  if (value.lte(0)) return 'must be more than zero';
  if (unit === 'piece' && !value.isInteger()) return 'pieces are whole numbers';
  if (unit === 'kg' && value.decimalPlaces() > 3) return 'at most 3 decimals (grams)';
  return null;
}
