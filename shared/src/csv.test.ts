import { describe, expect, it } from 'vitest';
import { csvSeparator, CsvError, formatCsv, parseCsv } from './csv.js';

describe('CSV', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks, CRLF or LF, skipping blank lines', () => {
    const text = 'sku,name,price\r\nA-1,"Tea, green ""Sencha""",2.50\r\n\r\nB-2,"Two\nlines",1\nC-3,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['sku', 'name', 'price'] },
      { line: 2, fields: ['A-1', 'Tea, green "Sencha"', '2.50'] },
      { line: 4, fields: ['B-2', 'Two\nlines', '1'] },
      { line: 6, fields: ['C-3', '', ''] },
    ]);
  });

  it('takes semicolons where the header is written with them (spreadsheets with a decimal comma)', () => {
    expect(csvSeparator('sku;name;price\nA;"x,y";1,5')).toBe(';');
    expect(parseCsv('sku;name\nA;"x;y"')).toEqual([
      { line: 1, fields: ['sku', 'name'] },
      { line: 2, fields: ['A', 'x;y'] },
    ]);
  });

  it('names the line of a quote never closed', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(new CsvError('a quote opened on line 2 is never closed'));
  });

  it('writes what it reads back the same', () => {
    const rows = [['sku', 'name'], ['A-1', 'Tea, green "Sencha"'], ['B-2', 'Two\nlines'], ['C', '']];
    const text = formatCsv(rows);
    expect(text).toBe('sku,name\r\nA-1,"Tea, green ""Sencha"""\r\nB-2,"Two\nlines"\r\nC,\r\n');
    expect(parseCsv(text).map((row) => row.fields)).toEqual(rows);
  });
});
