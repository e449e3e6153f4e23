import { dec, isDecimalString } from './money.js';
import type { Product } from './schemas/index.js';

export type Unit = Product['unit'];

/**
 * Each unit with how finely it is sold and its words: pieces are whole, kilograms go to the gram,
 * grams are whole, litres go to the millilitre and metres to the centimetre.
 */
const UNITS: Record<Unit, { decimals: number; finest: string; soldBy: string; measure: string }> = {
  piece: { decimals: 0, finest: 'pieces are whole numbers', soldBy: 'by the piece', measure: 'quantity' },
  kg: { decimals: 3, finest: 'at most 3 decimals (grams)', soldBy: 'by the kg', measure: 'weight' },
  g: { decimals: 0, finest: 'grams are whole numbers', soldBy: 'by the g', measure: 'weight' },
  l: { decimals: 3, finest: 'at most 3 decimals (millilitres)', soldBy: 'by the litre', measure: 'volume' },
  m: { decimals: 2, finest: 'at most 2 decimals (centimetres)', soldBy: 'by the metre', measure: 'length' },
};

/** Whether goods in `unit` are measured (a decimal of kg, g, l or m) rather than counted. */
export function isMeasured(unit: Unit): boolean {
  return unit !== 'piece';
}

/** How a product in `unit` is sold, in words: "by the piece", "by the metre". */
export function soldBy(unit: Unit): string {
  return UNITS[unit].soldBy;
}

/** What is measured of goods in `unit`: "weight" for kg and g, "volume" for l, "length" for m. */
export function measureOf(unit: Unit): string {
  return UNITS[unit].measure;
}

/** A quantity with its unit, as a receipt or a refusal writes it: "12 pieces", "0.375 kg", "2.5 m". */
export function quantityWithUnit(quantity: string, unit: Unit): string {
  return `${quantity} ${unit === 'piece' ? 'pieces' : unit}`;
}

/**
 * Whether `quantity` is a valid quantity of a product sold in `unit`: more than zero, and no finer
 * than the unit is sold (whole pieces and grams, kg and l to the thousandth, m to the centimetre).
 * The till checks what the cashier types, the server every line a till pushes.
 */
export function quantityProblem(quantity: string, unit: Unit): string | null {
  if (!isDecimalString(quantity)) return 'enter a number';
  const value = dec(quantity);
  if (value.lte(0)) return 'must be more than zero';
  if (value.decimalPlaces() > UNITS[unit].decimals) return UNITS[unit].finest;
  return null;
}
