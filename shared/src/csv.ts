/*
 * CSV as spreadsheets write it (RFC 4180): fields separated by commas, or by semicolons where the
 * decimal comma is the custom; a field in double quotes may hold separators, quotes (doubled) and
 * line breaks; lines end in CRLF or LF. Used for the catalogue's import and export, by the server and
 * the office app alike.
 */

export class CsvError extends Error {
  override name = 'CsvError';
}

/** The separator a header line uses: the one of comma and semicolon it holds more of, outside quotes. */
export function csvSeparator(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && character === ',') commas++;
    else if (!quoted && character === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * The rows of a CSV text, each a list of fields, with the line each row starts on (1 is the first).
 * Blank lines are skipped. A quote left open at the end is an error naming its line.
 */
export function parseCsv(text: string, separator: ',' | ';' = csvSeparator(text)): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index++;
        } else {
          quoted = false;
        }
      } else {
        if (character === '\n') line++;
        field += character;
      }
    } else if (character === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (character === separator) {
      fields.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += character;
    }
  }
  if (quoted) throw new CsvError(`a quote opened on line ${quoteLine} is never closed`);
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

/** One field as CSV writes it: quoted when it holds the separator, a quote or a line break. */
function csvField(value: string, separator: string): string {
  return value.includes(separator) || value.includes('"') || value.includes('\n') || value.includes('\r') ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text, CRLF after each line (as spreadsheets write it). */
export function formatCsv(rows: readonly (readonly string[])[], separator: ',' | ';' = ','): string {
  return rows.map((row) => row.map((value) => csvField(value, separator)).join(separator)).join('\r\n') + '\r\n';
}
