import { givensFrom, matrixShape, OdotException, odotError, type Declaration, type Property } from '@odot/core';
import { parseDeclarations } from '@odot/parser';
import { formatRational, parseRational } from '@odot/numeric';
import { drawRandomMatrix } from './random-matrix.ts';
import { rngFor } from './rng.ts';
import { RANDOM_CONSTRAINTS, type GivenSpec, type LiteralMatrixGiven, type MatrixGiven, type RandomConstraint, type RandomMatrixGiven } from './worksheet.ts';

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
      } catch (error) {
        if (error instanceof SyntaxError) return undefined;
        throw error;
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

const STRUCTURES = ['psd', 'symmetric', 'diagonal'] as const;
const DEFAULT_RANGE = { min: -5, max: 5 };

/** The words of a random spec after `random`, with `2 × 3` and `-5 .. 5` glued into one word each. */
function specWords(text: string): string[] | undefined {
  const m = /^random\s+(.*)$/s.exec(text.trim().replace(/[−–]/g, '-'));
  if (!m) return undefined;
  const body = (m[1] ?? '').replace(/(\d)\s*[×x]\s*(\d)/g, '$1×$2').replace(/(\d)\s*\.\.\s*(-?\d)/g, '$1..$2');
  return body.split(/[\s,|]+/).filter((w) => w !== '');
}

type SpecDraft = Omit<RandomMatrixGiven, 'type' | 'name' | 'spec'>;

/** Reads the words of a random spec; undefined when they are not one (`bad` for a recognisable but wrong one). */
function readSpecWords(name: string, words: string[]): SpecDraft | undefined {
  let structure: RandomMatrixGiven['structure'] = 'general';
  const take = (): string | undefined => words.shift();
  const takeStructure = (): void => {
    if ((STRUCTURES as readonly string[]).includes(words[0] ?? '')) structure = take() as RandomMatrixGiven['structure'];
  };
  takeStructure();
  const size = /^(\d+)(?:×(\d+))?$/.exec(take() ?? '');
  if (!size) return undefined;
  if (structure === 'general') takeStructure();
  let numbers: RandomMatrixGiven['numbers'] = 'integers';
  let range = DEFAULT_RANGE;
  if (words[0] === 'binary') {
    take();
    if (structure !== 'general') return undefined;
    structure = 'binary';
    range = { min: 0, max: 1 };
  } else {
    if (words[0] === 'integers' || words[0] === 'rationals') numbers = take() as RandomMatrixGiven['numbers'];
    const r = /^(-?\d+)\.\.(-?\d+)$/.exec(words[0] ?? '');
    if (r) {
      take();
      range = { min: Number(r[1]), max: Number(r[2]) };
    }
  }
  const constraints = words.map((w) => {
    if (!(RANDOM_CONSTRAINTS as readonly string[]).includes(w)) bad(`${name}: unknown constraint '${w}' in a random spec`, [`the constraints are ${RANDOM_CONSTRAINTS.join(', ')}`]);
    return w as RandomConstraint;
  });
  return { rows: Number(size[1]), cols: size[2] === undefined ? 1 : Number(size[2]), structure, numbers, ...range, constraints: [...new Set(constraints)] };
}

/**
 * Parses one random spec (`random 2×3 integers -5..5`, `random diagonal 3×3`, `random 2×2 rationals`,
 * `random 3×3 integers -5..5 invertible`); undefined when `text` is not one. The range defaults
 * to -5..5. Throws `bad-given` for a spec that cannot be drawn (empty range, a square-only
 * structure or constraint on a non-square size, `nonzero` with only 0 in the range).
 */
export function parseRandomSpec(name: string, text: string): RandomMatrixGiven | undefined {
  const words = specWords(text);
  const draft = words ? readSpecWords(name, words) : undefined;
  if (!draft) return undefined;
  const { rows, cols, structure, min, max, constraints } = draft;
  if (rows < 1 || cols < 1 || rows > 12 || cols > 12) bad(`${name}: a random matrix must be between 1×1 and 12×12`);
  if (min > max) bad(`${name}: the range ${min}..${max} is empty`);
  if (structure !== 'general' && structure !== 'binary' && rows !== cols) bad(`${name}: a ${structure} matrix must be square`);
  const square = constraints.find((c) => c !== 'nonzero');
  if (square !== undefined && rows !== cols) bad(`${name}: ${square === "invertible" ? 'an' : 'a'} ${square} matrix must be square`);
  if (constraints.includes('nonzero') && min === 0 && max === 0) bad(`${name}: no nonzero number lies in ${min}..${max}`);
  return { type: 'random', name, ...draft, spec: text.trim() };
}

const STRUCTURE_PROPERTIES: Readonly<Record<RandomMatrixGiven['structure'], readonly Property[]>> = {
  general: [],
  psd: ['psd', 'symmetric'],
  symmetric: ['symmetric'],
  diagonal: ['diagonal', 'symmetric'],
  binary: ['binary', 'nonnegative'],
};

const CONSTRAINT_PROPERTIES: Readonly<Record<RandomConstraint, readonly Property[]>> = {
  nonzero: [],
  invertible: [],
  symmetric: ['symmetric'],
  psd: ['psd', 'symmetric'],
  pd: ['pd', 'psd', 'symmetric'],
};

function matrixDeclaration(given: MatrixGiven): Declaration {
  const rows = given.type === 'literal' ? given.rows.length : given.rows;
  const cols = given.type === 'literal' ? (given.rows[0]?.length ?? 0) : given.cols;
  const properties =
    given.type === 'random'
      ? [...new Set([...STRUCTURE_PROPERTIES[given.structure], ...given.constraints.flatMap((c) => CONSTRAINT_PROPERTIES[c])])]
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
  const reader = new GivenReader();
  if (value === undefined || value === null) {
    // nothing given
  } else if (typeof value === 'string') {
    for (const line of value.split(/\r?\n/).filter((l) => l.trim() !== '')) reader.addLine(line);
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== 'string') bad('each item of a `given` list must be a string');
      reader.addLine(item);
    }
  } else if (typeof value === 'object') {
    for (const [key, raw] of Object.entries(value as Record<string, unknown>)) reader.addEntry(key, raw);
  } else {
    bad('`given` must be a map, a list or a string');
  }
  return reader.spec();
}

/** The givens read so far: declaration lines, matrices (literal or random), and the declarations they make. */
class GivenReader {
  private readonly declarations: string[] = [];
  private readonly matrices: MatrixGiven[] = [];
  private readonly decls: Declaration[] = [];

  /** One `NAME: VALUE` entry: a random spec, a matrix literal, or a declaration (`m×n`, `n×n diagonal`). */
  addEntry(key: string, raw: unknown): void {
    const name = key.trim();
    const rows = typeof raw === 'string' ? rowsFromText(raw) : rowsFromYaml(raw);
    if (typeof raw === 'string' && raw.trim().startsWith('random')) {
      this.addRandom(name, raw);
      return;
    }
    if (rows) {
      if (!NAME.test(name)) bad(`'${name}' is not a matrix name`);
      const literal: LiteralMatrixGiven = { type: 'literal', name, rows };
      this.matrices.push(literal);
      return;
    }
    if (typeof raw === 'string' || typeof raw === 'number') {
      const line = `${name}: ${String(raw)}`;
      this.declarations.push(line);
      this.decls.push(...declarationsFrom(line));
      return;
    }
    bad(`cannot read the given '${name}'`, ['give a matrix literal, a random spec or a shape such as m×n']);
  }

  /** A random matrix spec; a constrained one is drawn once at load time, so an impossible one is a worksheet error. */
  private addRandom(name: string, raw: string): void {
    if (!NAME.test(name)) bad(`'${name}' is not a matrix name`);
    const spec = parseRandomSpec(name, raw);
    if (!spec) {
      bad(`cannot read the random spec '${raw}' for ${name}`, [
        'write e.g. `random 2×3 integers -5..5`, `random 3 integers 0..9`, `random 3×3 binary`, `random 2×2 psd integers -2..2`, `random diagonal 3×3`, `random 2×2 rationals`, `random 3×3 integers -5..5 invertible`',
      ]);
    }
    if (spec.constraints.length > 0) drawRandomMatrix(spec, rngFor('load-check', name, raw));
    this.matrices.push(spec);
  }

  /** One line: `NAME = MATRIX` (without a colon), else declarations. */
  addLine(line: string): void {
    const eq = /^\s*([^=:]+?)\s*=\s*(.+)$/.exec(line);
    if (eq && !line.includes(':')) {
      this.addEntry(eq[1] ?? '', eq[2] ?? '');
      return;
    }
    this.declarations.push(line.trim());
    this.decls.push(...declarationsFrom(line));
  }

  /** The spec read (a matrix given twice is an error). */
  spec(): GivenSpec {
    const seen = new Set<string>();
    for (const m of this.matrices) {
      if (seen.has(m.name)) bad(`${m.name} is given twice`);
      seen.add(m.name);
    }
    return { declarations: this.declarations, matrices: this.matrices, givens: givensFrom([...this.decls, ...this.matrices.map(matrixDeclaration)]) };
  }
}
