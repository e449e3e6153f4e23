import { describe, expect, it } from 'vitest';
import { canEncodeCode128, CODE128_SYMBOLS, code128CheckSymbol, code128Modules, code128Svg, code128Symbols } from './code128.js';
import { decodeCode128, modulesOfSvg } from './code128.test-support.js';
import { seededRandom } from './seeded-random.js';

/** Modules as "1" for dark and "0" for light. */
const bits = (modules: readonly boolean[]) => modules.map((dark) => (dark ? '1' : '0')).join('');

describe('code128Symbols: the check symbol', () => {
  // "S1-T1-000042" in code set B, its closing digit run in code set C:
  //   start B 104; S 51, 1 17, - 13, T 52, 1 17, - 13 (code set B: ASCII - 32); Code C 99; 00 0, 00 0, 42 42
  //   104 + 1×51 + 2×17 + 3×13 + 4×52 + 5×17 + 6×13 + 7×99 + 8×0 + 9×0 + 10×42
  //   = 104 + 51 + 34 + 39 + 208 + 85 + 78 + 693 + 0 + 0 + 420 = 1712
  //   1712 mod 103 = 1712 - 16×103 = 1712 - 1648 = 64
  it('weighs each symbol by its position, the start symbol by one, modulo 103: the worked example', () => {
    expect(code128Symbols('S1-T1-000042')).toEqual([104, 51, 17, 13, 52, 17, 13, 99, 0, 0, 42, 64, 106]);
    expect(code128CheckSymbol([104, 51, 17, 13, 52, 17, 13, 99, 0, 0, 42])).toBe(64);
  });

  // "RET-7" all in code set B: 104 + 1×50 + 2×37 + 3×52 + 4×13 + 5×23 = 104 + 50 + 74 + 156 + 52 + 115 = 551;
  // 551 mod 103 = 551 - 5×103 = 36.
  it('computes the same way in code set B alone', () => {
    expect(code128Symbols('RET-7')).toEqual([104, 50, 37, 52, 13, 23, 36, 106]);
  });
});

describe('the symbol table', () => {
  it('holds the published patterns: start B, start C, stop, the code set switches, value 0', () => {
    expect(CODE128_SYMBOLS[104]).toBe('211214');
    expect(CODE128_SYMBOLS[105]).toBe('211232');
    expect(CODE128_SYMBOLS[106]).toBe('2331112');
    expect(CODE128_SYMBOLS[99]).toBe('113141');
    expect(CODE128_SYMBOLS[100]).toBe('114131');
    expect(CODE128_SYMBOLS[0]).toBe('212222');
  });

  it('has 107 distinct symbols of eleven modules (the stop thirteen), each with an even number of dark modules', () => {
    expect(new Set(CODE128_SYMBOLS).size).toBe(107);
    CODE128_SYMBOLS.forEach((pattern, value) => {
      const widths = [...pattern].map(Number);
      expect(widths.reduce((sum, width) => sum + width, 0)).toBe(value === 106 ? 13 : 11);
      expect(widths.filter((_, element) => element % 2 === 0).reduce((sum, width) => sum + width, 0) % 2).toBe(0);
    });
  });
});

describe('code128Modules', () => {
  it('draws start B and stop as their well-known bit patterns, inside ten light modules each side', () => {
    const modules = bits(code128Modules('S1-T1-ABC'));
    expect(modules.slice(0, 10)).toBe('0000000000');
    expect(modules.slice(10, 21)).toBe('11010010000');
    expect(modules.slice(-23, -10)).toBe('1100011101011');
    expect(modules.slice(-10)).toBe('0000000000');
  });

  it('is eleven modules a symbol, thirteen for the stop, plus both quiet zones', () => {
    // start + 9 characters + check = 11 symbols
    expect(code128Modules('S1-T1-ABC')).toHaveLength(10 + 11 * 11 + 13 + 10);
    // start + 6 characters + Code C + 3 digit pairs + check = 12 symbols
    expect(code128Modules('S1-T1-000042')).toHaveLength(10 + 11 * 12 + 13 + 10);
  });

  it('reads back as the same text for receipt numbers, through nothing but the symbol table', () => {
    for (const receiptNumber of ['S1-T1-000042', 'S1-T2-000001', 'S12-T03-123456', 'BERLIN-MITTE-T7-000999', 'S1-T1-1000000', 'S-T-000000']) {
      expect(decodeCode128(code128Modules(receiptNumber))).toBe(receiptNumber);
    }
  });

  it('reads back digits alone, odd and even, and digit runs anywhere', () => {
    for (const text of ['1', '12', '123', '1234', '12345', '000042', 'A1234', 'A12345', 'A1234567B', '12345A', '1234A5678', ' !"~']) {
      expect(decodeCode128(code128Modules(text))).toBe(text);
    }
  });

  it('reads back any printable text, and never takes more symbols than code set B alone (seeded, 500 texts)', () => {
    const random = seededRandom(128);
    for (let round = 0; round < 500; round += 1) {
      // Mostly digits, so runs of every length and position turn up.
      const text = Array.from({ length: 1 + Math.floor(random() * 24) }, () =>
        random() < 0.6 ? String(Math.floor(random() * 10)) : String.fromCharCode(32 + Math.floor(random() * 95)),
      ).join('');
      expect(decodeCode128(code128Modules(text)), JSON.stringify(text)).toBe(text);
      expect(code128Symbols(text).length).toBeLessThanOrEqual(text.length + 3);
    }
  });

  it('packs a long digit run in code set C: two symbols shorter for a receipt number', () => {
    expect(code128Symbols('S1-T1-000042')).toHaveLength(13);
    expect(code128Symbols('S1-T1-ABCDEF')).toHaveLength(15);
  });

  it('refuses what it cannot encode, saying which character', () => {
    expect(() => code128Modules('S1-TÜ-000042')).toThrow('Code 128: cannot encode "Ü" (U+00DC) in "S1-TÜ-000042"');
    expect(() => code128Modules('S1\n000042')).toThrow('cannot encode "\\n" (U+000A)');
    expect(() => code128Modules('S1-🛒')).toThrow('(U+1F6D2)');
    expect(() => code128Modules('')).toThrow('there is no text to encode');
    expect(canEncodeCode128('S1-T1-000042')).toBe(true);
    expect(canEncodeCode128('S1-TÜ-000042')).toBe(false);
    expect(canEncodeCode128('')).toBe(false);
  });
});

describe('code128Svg', () => {
  it('is a self-contained SVG of crisp rects labelled with the text, reading back as the text', () => {
    const svg = code128Svg('S1-T1-000042');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" aria-label="S1-T1-000042" /);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(svg).toContain('<title>S1-T1-000042</title>');
    expect(svg).not.toMatch(/<script|<style|href|on\w+=/i);
    expect(svg).toMatch(/<\/svg>$/);
    expect(decodeCode128(modulesOfSvg(svg))).toBe('S1-T1-000042');
  });

  it('draws one rect per bar, sized in the unit asked for', () => {
    const svg = code128Svg('S1-T1-000042', { moduleWidth: 0.25, height: 10, unit: 'mm' });
    // 165 modules of 0.25 mm
    expect(svg).toContain('width="41.25mm" height="10mm" viewBox="0 0 165 1"');
    const bars = bits(code128Modules('S1-T1-000042')).match(/1+/g) ?? [];
    expect(svg.match(/<rect x=/g)).toHaveLength(bars.length);
    expect(code128Svg('A')).toContain('width="132px" height="60px"'); // (3 symbols × 11 + 13 + 20) modules of 2 px
  });

  it('escapes the label and refuses sizes that draw nothing', () => {
    const svg = code128Svg('<a & "b">');
    expect(svg).toContain('aria-label="&lt;a &amp; &quot;b&quot;&gt;"');
    expect(svg).toContain('<title>&lt;a &amp; &quot;b&quot;&gt;</title>');
    expect(decodeCode128(modulesOfSvg(svg))).toBe('<a & "b">');
    expect(() => code128Svg('A', { moduleWidth: 0 })).toThrow('must be positive');
    expect(() => code128Svg('A', { height: Number.NaN })).toThrow('must be positive');
  });
});

describe('the test decoder', () => {
  it('is no pushover: a symbol swapped for another fails the check, a narrow quiet zone is refused', () => {
    const modules = code128Modules('S1-T1-000042');
    // The symbol after start B ("S", value 51) redrawn as "R" (value 50).
    const redrawn = [...CODE128_SYMBOLS[50]].flatMap((width, element) => Array<boolean>(Number(width)).fill(element % 2 === 0));
    const tampered = [...modules.slice(0, 21), ...redrawn, ...modules.slice(32)];
    expect(() => decodeCode128(tampered)).toThrow('check symbol 64, expected 63');
    expect(() => decodeCode128(modules.slice(1))).toThrow('quiet zones too narrow');
  });
});
