/**
 * Code 128 (ISO/IEC 15417) for the barcode a receipt carries its number in, so that a return can
 * start by scanning the receipt. Printable ASCII in code set B, long digit runs packed two to a
 * symbol in code set C. Pure: the same text always gives the same bars.
 */

/**
 * The published symbol table: for each symbol value, the widths in modules of its bar, space, bar,
 * space, bar and space (eleven modules in all); the stop symbol (106) adds a final two-module bar.
 */
export const CODE128_SYMBOLS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213', // 0–9
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132', // 10–19
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211', // 20–29
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313', // 30–39
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331', // 40–49
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111', // 50–59
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214', // 60–69
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111', // 70–79
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141', // 80–89
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141', // 90–99
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112', // 100–106
];

/** Symbol values with a meaning of their own (the rest are data). */
export const CODE128_CODE_C = 99;
export const CODE128_CODE_B = 100;
export const CODE128_START_B = 104;
export const CODE128_START_C = 105;
export const CODE128_STOP = 106;

/** The light margin each side: ISO/IEC 15417 asks for at least ten modules. */
export const CODE128_QUIET_ZONE = 10;

/** Code set B holds printable ASCII: space (value 0) to "~" (value 94). */
const FIRST_CHARACTER = 0x20;
const LAST_CHARACTER = 0x7e;

type CodeSet = 'B' | 'C';

/** Whether every character of `text` is one a Code 128 symbol here can carry (printable ASCII), and there is one. */
export function canEncodeCode128(text: string): boolean {
  return text.length > 0 && [...text].every((character) => {
    const code = character.codePointAt(0) ?? 0;
    return code >= FIRST_CHARACTER && code <= LAST_CHARACTER;
  });
}

function digitRunLength(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] >= '0' && text[end] <= '9') end += 1;
  return end - from;
}

/**
 * Whether a run of `length` digits takes fewer symbols in code set C (two digits a symbol, plus the
 * switches into and out of it) than in code set B (one a symbol). The run starts code set C right
 * away when it opens the text and needs no switch back when it ends it; an odd digit left over goes
 * in code set B beside the text around it, or, when the run is the whole text, after a switch.
 */
function shorterInCodeSetC(length: number, opensText: boolean, endsText: boolean): boolean {
  const odd = length % 2;
  const switches = (opensText ? 0 : 1) + (endsText ? 0 : 1) + (odd && opensText && endsText ? 1 : 0);
  return Math.floor(length / 2) + odd + switches < length;
}

/**
 * The symbol values for `text`, start to stop: the start symbol, the data (with any switches of code
 * set), the modulo-103 check symbol and the stop symbol. Throws on a character it cannot encode.
 */
export function code128Symbols(text: string): number[] {
  if (text.length === 0) throw new Error('Code 128: there is no text to encode');
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < FIRST_CHARACTER || code > LAST_CHARACTER) {
      throw new Error(`Code 128: cannot encode ${JSON.stringify(character)} (U+${code.toString(16).toUpperCase().padStart(4, '0')}) in "${text}": only printable ASCII, space to "~"`);
    }
  }
  const values: number[] = [];
  let codeSet: CodeSet | undefined;
  const use = (wanted: CodeSet) => {
    if (codeSet === undefined) values.push(wanted === 'B' ? CODE128_START_B : CODE128_START_C);
    else if (codeSet !== wanted) values.push(wanted === 'B' ? CODE128_CODE_B : CODE128_CODE_C);
    codeSet = wanted;
  };
  const inCodeSetB = (characters: string) => {
    for (const character of characters) {
      use('B');
      values.push(character.charCodeAt(0) - FIRST_CHARACTER);
    }
  };
  const inCodeSetC = (digits: string) => {
    use('C');
    for (let index = 0; index < digits.length; index += 2) values.push(Number(digits.slice(index, index + 2)));
  };

  let index = 0;
  while (index < text.length) {
    const run = digitRunLength(text, index);
    if (run === 0) {
      inCodeSetB(text[index]);
      index += 1;
      continue;
    }
    const digits = text.slice(index, index + run);
    const opensText = index === 0;
    const endsText = index + run === text.length;
    if (!shorterInCodeSetC(run, opensText, endsText)) inCodeSetB(digits);
    else if (run % 2 === 0) inCodeSetC(digits);
    else if (endsText && !opensText) {
      // Code set B is current here: the odd digit first, then the pairs to the end.
      inCodeSetB(digits[0]);
      inCodeSetC(digits.slice(1));
    } else {
      // The pairs, then the odd digit in code set B with whatever follows.
      inCodeSetC(digits.slice(0, -1));
      inCodeSetB(digits.slice(-1));
    }
    index += run;
  }
  values.push(code128CheckSymbol(values), CODE128_STOP);
  return values;
}

/**
 * The check symbol: the start symbol's value plus each following symbol's value times its position
 * (1, 2, 3, …), modulo 103.
 */
export function code128CheckSymbol(startAndData: readonly number[]): number {
  return startAndData.reduce((sum, value, position) => sum + value * Math.max(position, 1), 0) % 103;
}

/**
 * The barcode of `text` as modules from left to right, `true` for dark: the quiet zone, the start
 * symbol, the data, the check symbol, the stop symbol and the quiet zone; eleven modules a symbol,
 * thirteen for the stop. Throws on a character it cannot encode.
 */
export function code128Modules(text: string): boolean[] {
  const modules: boolean[] = new Array<boolean>(CODE128_QUIET_ZONE).fill(false);
  for (const value of code128Symbols(text)) {
    [...CODE128_SYMBOLS[value]].forEach((width, element) => {
      // Elements alternate bar and space, starting with a bar.
      for (let module = 0; module < Number(width); module += 1) modules.push(element % 2 === 0);
    });
  }
  for (let module = 0; module < CODE128_QUIET_ZONE; module += 1) modules.push(false);
  return modules;
}

export interface Code128SvgOptions {
  /** Width of one module in `unit`: 2 unless given. */
  moduleWidth?: number;
  /** Height of the bars in `unit`: 60 unless given. */
  height?: number;
  /** 'px' unless given; 'mm' for paper. */
  unit?: 'px' | 'mm';
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character]);
}

/** A length without float noise (0.25 × 187 prints as 46.75, never 46.750000000000004). */
function length(value: number): string {
  return String(Number(value.toFixed(4)));
}

/**
 * The barcode of `text` as a self-contained inline SVG: a white background (quiet zones included)
 * with one black rect per bar, drawn in module units and stretched to the size asked for, with
 * `shape-rendering="crispEdges"` so bars keep sharp edges. Labelled with the text (role="img",
 * aria-label and <title>); no scripts, no styles, nothing loaded. Throws on a character it cannot encode.
 */
export function code128Svg(text: string, options: Code128SvgOptions = {}): string {
  const { moduleWidth = 2, height = 60, unit = 'px' } = options;
  if (!(moduleWidth > 0) || !(height > 0)) throw new Error(`Code 128: module width and height must be positive, got ${moduleWidth} and ${height}`);
  const modules = code128Modules(text);
  const bars: string[] = [];
  let start = -1;
  modules.forEach((dark, index) => {
    if (dark && start < 0) start = index;
    if (dark && (index + 1 === modules.length || !modules[index + 1])) {
      bars.push(`<rect x="${start}" width="${index + 1 - start}" height="1"/>`);
      start = -1;
    }
  });
  const label = escapeXml(text);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${label}" width="${length(modules.length * moduleWidth)}${unit}" height="${length(height)}${unit}" ` +
    `viewBox="0 0 ${modules.length} 1" preserveAspectRatio="none" shape-rendering="crispEdges">` +
    `<title>${label}</title><rect width="${modules.length}" height="1" fill="#fff"/><g fill="#000">${bars.join('')}</g></svg>`
  );
}
