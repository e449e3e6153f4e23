/**
 * Test-only: reads a Code 128 barcode back the way a scanner does, from the light and dark modules,
 * knowing nothing of the encoder but the published symbol table. Used by code128.test.ts and
 * receipt.test.ts; never shipped (nothing outside the tests imports it).
 */
import { CODE128_SYMBOLS } from './code128.js';

/** Widths of the alternating dark and light runs, starting with the first dark one. */
function runWidths(modules: readonly boolean[]): number[] {
  const widths: number[] = [];
  modules.forEach((dark, index) => {
    if (index > 0 && dark === modules[index - 1]) widths[widths.length - 1] += 1;
    else widths.push(1);
  });
  return widths;
}

/**
 * The text of a Code 128 barcode given as modules (true for dark): checks the quiet zones (ten modules
 * at least), the start symbol, the modulo-103 check symbol and the stop symbol, and follows switches
 * between code sets B and C. Throws on anything else, which a receipt barcode never holds.
 */
export function decodeCode128(modules: readonly boolean[]): string {
  const first = modules.indexOf(true);
  const last = modules.lastIndexOf(true);
  if (first < 10 || modules.length - 1 - last < 10) throw new Error(`quiet zones too narrow: ${first} and ${modules.length - 1 - last} modules`);
  const widths = runWidths(modules.slice(first, last + 1));
  // Six elements a symbol, seven for the stop: 6n + 7 elements in all.
  if ((widths.length - 7) % 6 !== 0) throw new Error(`${widths.length} bars and spaces are not whole symbols`);
  const values: number[] = [];
  for (let element = 0; element < widths.length - 7; element += 6) {
    const pattern = widths.slice(element, element + 6).join('');
    const value = CODE128_SYMBOLS.indexOf(pattern);
    if (value < 0 || value > 105) throw new Error(`no symbol has the widths ${pattern}`);
    values.push(value);
  }
  if (CODE128_SYMBOLS.indexOf(widths.slice(-7).join('')) !== 106) throw new Error(`no stop symbol at the end: ${widths.slice(-7).join('')}`);

  const check = values.pop();
  const expected = values.reduce((sum, value, position) => sum + value * (position === 0 ? 1 : position), 0) % 103;
  if (check !== expected) throw new Error(`check symbol ${check}, expected ${expected}`);

  const [start, ...data] = values;
  let codeSet: 'B' | 'C';
  if (start === 104) codeSet = 'B';
  else if (start === 105) codeSet = 'C';
  else throw new Error(`start symbol ${start} is not start B (104) or start C (105)`);
  let text = '';
  for (const value of data) {
    // 99 switches code set B to C; in code set C it is the digits "99", and 100 switches back.
    if (codeSet === 'B' && value <= 94) text += String.fromCharCode(32 + value);
    else if (codeSet === 'B' && value === 99) codeSet = 'C';
    else if (codeSet === 'C' && value <= 99) text += String(value).padStart(2, '0');
    else if (codeSet === 'C' && value === 100) codeSet = 'B';
    else throw new Error(`symbol ${value} in code set ${codeSet} is neither a character nor a switch to the other set`);
  }
  return text;
}

/** The modules of an SVG barcode drawn as code128Svg draws it: one rect per bar in a viewBox one module to a unit. */
export function modulesOfSvg(svg: string): boolean[] {
  const viewBox = /viewBox="0 0 (\d+) 1"/.exec(svg);
  if (!viewBox) throw new Error('no viewBox of whole modules');
  const modules = new Array<boolean>(Number(viewBox[1])).fill(false);
  for (const [, x, width] of svg.matchAll(/<rect x="(\d+)" width="(\d+)" height="1"\/>/g)) {
    for (let module = Number(x); module < Number(x) + Number(width); module += 1) modules[module] = true;
  }
  return modules;
}
