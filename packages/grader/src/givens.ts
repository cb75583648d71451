import { givensFrom, matrixShape, OdotException, odotError, type Declaration } from '@odot/core';
import { parseDeclarations } from '@odot/parser';
import { formatRational, parseRational } from '@odot/numeric';
import type { GivenSpec, LiteralMatrixGiven, MatrixGiven, RandomMatrixGiven } from './worksheet.ts';

const RANDOM =
  /^random\s+(\d+)(?:\s*[×x]\s*(\d+))?\s+(?:(binary)|(?:(psd|symmetric|diagonal)\s+)?integers\s+(-?\d+)\s*\.\.\s*(-?\d+))\s*$/;

function bad(message: string, hints: readonly string[] = []): never {
  throw new OdotException(odotError('bad-given', message, hints.length > 0 ? { hints } : {}));
}

/** Exact text of one matrix entry written in YAML (a number or a string such as `"-1/2"`). */
export function entryText(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    const r = parseRational(String(value));
    return r ? formatRational(r) : undefined;
  }
  if (typeof value === 'string') {
    const r = parseRational(value.replace(/[−–]/g, '-'));
    return r ? formatRational(r) : undefined;
  }
  return undefined;
}

/**
 * Rows of exact entry text from a YAML value: `[[1,2],[3,4]]`, a flat list `[1,2,3]` (a column
 * vector), or a single number (1×1). Returns undefined when it is not that.
 */
export function rowsFromYaml(value: unknown): string[][] | undefined {
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (value.every((row) => Array.isArray(row))) {
      const rows = (value as unknown[][]).map((row) => row.map(entryText));
      const width = rows[0]?.length ?? 0;
      if (width === 0 || rows.some((row) => row.length !== width || row.some((x) => x === undefined))) return undefined;
      return rows as string[][];
    }
    const column = value.map(entryText);
    if (column.some((x) => x === undefined)) return undefined;
    return column.map((x) => [x as string]);
  }
  const single = entryText(value);
  return single === undefined ? undefined : [[single]];
}

/**
 * Rows of exact entry text from a literal written as text: `[[1,2],[3,4]]`, `[1 2; 3 4]`, or `[1, 2, 3]`
 * (a column vector). Numbers only; returns undefined for anything else.
 */
export function rowsFromText(text: string): string[][] | undefined {
  const t = text.trim().replace(/[−–]/g, '-');
  if (!t.startsWith('[') || !t.endsWith(']')) return undefined;
  const inner = t.slice(1, -1).trim();
  if (inner.startsWith('[')) {
    const json = (() => {
      try {
        return JSON.parse(`[${inner.replace(/(-?\d+\/\d+)/g, '"$1"')}]`) as unknown;
      } catch {
        return undefined;
      }
    })();
    return json === undefined ? undefined : rowsFromYaml(json);
  }
  const rows = inner.split(';').map((row) =>
    row
      .trim()
      .split(/[\s,]+/)
      .filter((x) => x !== '')
      .map(entryText),
  );
  if (rows.length === 1 && inner.includes(',')) return rowsFromYaml(rows[0]);
  const width = rows[0]?.length ?? 0;
  if (width === 0 || rows.some((row) => row.length !== width || row.some((x) => x === undefined))) return undefined;
  return rows as string[][];
}

/** Parses one random spec such as `random 2×3 integers -5..5`; undefined when `text` is not one. */
export function parseRandomSpec(name: string, text: string): RandomMatrixGiven | undefined {
  const m = RANDOM.exec(text.trim());
  if (!m) return undefined;
  const rows = Number(m[1]);
  const cols = m[2] === undefined ? 1 : Number(m[2]);
  const structure = m[3] === 'binary' ? 'binary' : ((m[4] as 'psd' | 'symmetric' | 'diagonal' | undefined) ?? 'general');
  const min = m[3] === 'binary' ? 0 : Number(m[5]);
  const max = m[3] === 'binary' ? 1 : Number(m[6]);
  if (rows < 1 || cols < 1 || rows > 12 || cols > 12) bad(`${name}: a random matrix must be between 1×1 and 12×12`);
  if (min > max) bad(`${name}: the range ${min}..${max} is empty`);
  if (structure !== 'general' && structure !== 'binary' && rows !== cols) bad(`${name}: a ${structure} matrix must be square`);
  return { type: 'random', name, rows, cols, structure, min, max, spec: text.trim() };
}

function matrixDeclaration(given: MatrixGiven): Declaration {
  const rows = given.type === 'literal' ? given.rows.length : given.rows;
  const cols = given.type === 'literal' ? (given.rows[0]?.length ?? 0) : given.cols;
  const properties =
    given.type === 'random'
      ? given.structure === 'psd'
        ? (['psd', 'symmetric'] as const)
        : given.structure === 'symmetric'
          ? (['symmetric'] as const)
          : given.structure === 'diagonal'
            ? (['diagonal', 'symmetric'] as const)
            : given.structure === 'binary'
              ? (['binary', 'nonnegative'] as const)
              : []
      : [];
  return { names: [given.name], shape: matrixShape(rows, cols), properties };
}

function declarationsFrom(text: string): Declaration[] {
  const result = parseDeclarations(text);
  if (!result.ok) bad(`cannot read the declaration '${text}': ${result.error.message}`, result.error.hints ?? []);
  return result.value;
}

const NAME = /^[\p{L}][\p{L}\p{N}_₀-₉']*$/u;

/**
 * Reads a question's `given`: a map (`A: [[1,2],[3,4]]`, `B: random 2×2 integers -3..3`,
 * `"A, B": m×n`, `D: n×n diagonal`), a string of declarations (lines or `;`-separated), or a list
 * of such strings and `NAME = MATRIX` lines. Throws an `OdotException` (code `bad-given`) on a bad entry.
 */
export function readGiven(value: unknown): GivenSpec {
  const declarations: string[] = [];
  const matrices: MatrixGiven[] = [];
  const decls: Declaration[] = [];
  const addEntry = (key: string, raw: unknown): void => {
    const name = key.trim();
    const rows = typeof raw === 'string' ? rowsFromText(raw) : rowsFromYaml(raw);
    if (typeof raw === 'string' && raw.trim().startsWith('random')) {
      if (!NAME.test(name)) bad(`'${name}' is not a matrix name`);
      const spec = parseRandomSpec(name, raw);
      if (!spec) {
        bad(`cannot read the random spec '${raw}' for ${name}`, [
          'write e.g. `random 2×3 integers -5..5`, `random 3 integers 0..9`, `random 3×3 binary`, `random 2×2 psd integers -2..2`',
        ]);
      }
      matrices.push(spec);
      return;
    }
    if (rows) {
      if (!NAME.test(name)) bad(`'${name}' is not a matrix name`);
      const literal: LiteralMatrixGiven = { type: 'literal', name, rows };
      matrices.push(literal);
      return;
    }
    if (typeof raw === 'string' || typeof raw === 'number') {
      const line = `${name}: ${String(raw)}`;
      declarations.push(line);
      decls.push(...declarationsFrom(line));
      return;
    }
    bad(`cannot read the given '${name}'`, ['give a matrix literal, a random spec or a shape such as m×n']);
  };
  const addLine = (line: string): void => {
    const eq = /^\s*([^=:]+?)\s*=\s*(.+)$/.exec(line);
    if (eq && !line.includes(':')) {
      addEntry(eq[1] ?? '', eq[2] ?? '');
      return;
    }
    declarations.push(line.trim());
    decls.push(...declarationsFrom(line));
  };
  if (value === undefined || value === null) {
    // nothing given
  } else if (typeof value === 'string') {
    for (const line of value.split(/\r?\n/).filter((l) => l.trim() !== '')) addLine(line);
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== 'string') bad('each item of a `given` list must be a string');
      addLine(item);
    }
  } else if (typeof value === 'object') {
    for (const [key, raw] of Object.entries(value as Record<string, unknown>)) addEntry(key, raw);
  } else {
    bad('`given` must be a map, a list or a string');
  }
  const seen = new Set<string>();
  for (const m of matrices) {
    if (seen.has(m.name)) bad(`${m.name} is given twice`);
    seen.add(m.name);
  }
  return { declarations, matrices, givens: givensFrom([...decls, ...matrices.map(matrixDeclaration)]) };
}
