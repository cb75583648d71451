import { fail, ok, type Result } from '@odot/core';

/**
 * Reads CSV text (RFC 4180): fields separated by commas, quoted fields may hold commas, quotes
 * (doubled) and line breaks; lines end in LF or CRLF; a leading byte-order mark is dropped; blank
 * lines are skipped. An unterminated quote is an error naming its line.
 */
export function parseCsv(text: string): Result<string[][]> {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const endRow = (): void => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  for (let k = 0; k < src.length; k++) {
    const c = src[k] as string;
    if (quoted) {
      if (c === '"' && src[k + 1] === '"') {
        field += '"';
        k++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[k + 1] === '\n') k++;
      endRow();
      line++;
    } else field += c;
  }
  if (quoted) return fail({ code: 'bad-csv', severity: 'error', message: `line ${quoteLine}: a quoted field is never closed (a missing ")` });
  if (field !== '' || row.length > 0) endRow();
  return ok(rows);
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or `@`
 * (a spreadsheet formula) is quoted too, so spreadsheets show it as text. Numbers pass unchanged.
 */
export function csvField(text: string): string {
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line from fields (each escaped with `csvField`). */
export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}
