import { OdotException, PROPERTIES, SCALAR, closest, fail, isProperty, matrixShape, odotError, ok } from '@odot/core';
import type { Declaration, Dim, OdotError, Point, Property, Result, ScalarDomain, Shape, Span } from '@odot/core';

const NAME = /^[A-Za-z\u03b1-\u03c9\u0391-\u03a9][A-Za-z0-9]*[\u2080-\u2089]*$/;
const DIM = '([A-Za-z][A-Za-z0-9]*|\\d+)';
const SIZE = new RegExp(`^${DIM}\\s*(?:×|\\\\times|[xX*])\\s*${DIM}(?![A-Za-z0-9])`);
const ONE_DIM = new RegExp(`^${DIM}(?![A-Za-z0-9])`);

function pointAt(text: string, offset: number, lineStarts: readonly number[]): Point {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1, offset: Math.min(offset, text.length) };
}

function dim(s: string): Dim {
  return /^\d+$/.test(s) ? Number(s) : s;
}

/** Raises a declaration error at text offsets `from`–`to` (caught by `parseDeclarations`, which returns it). */
type Raise = (code: string, message: string, from: number, to: number, extra?: Partial<Pick<OdotError, 'expected' | 'hints'>>) => never;

/** The unread rest of a declaration's right side and its offset in the whole text. */
interface Cursor {
  rest: string;
  offset: number;
}

/** Moves past spaces and commas. */
function skip(c: Cursor): void {
  const trimmed = c.rest.replace(/^[\s,]+/, '');
  c.offset += c.rest.length - trimmed.length;
  c.rest = trimmed;
}

/** Moves past `n` characters. */
function advance(c: Cursor, n: number): void {
  c.offset += n;
  c.rest = c.rest.slice(n);
}

/**
 * Parses declarations, one per line or separated by `;`: `A, B: m×n`, `D: n×n diagonal`,
 * `P, Q: n×n psd`, `u: n` (a column vector, n×1), `u: 3`, `c: scalar`, `k: natural`, `k: integer`
 * (scalars whose values are natural numbers or integers); `x` is accepted for `×`
 * and `#` starts a comment. Empty input gives no declarations.
 */
export function parseDeclarations(text: string): Result<Declaration[]> {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const span = (from: number, to: number): Span => ({ start: pointAt(text, from, lineStarts), end: pointAt(text, to, lineStarts) });
  const raise: Raise = (code, message, from, to, extra = {}) => {
    throw new OdotException(odotError(code, message, { span: span(from, Math.max(to, from + 1)), ...extra }));
  };
  const out: Declaration[] = [];
  try {
    const segment = /[^;\n]+/g;
    for (let m = segment.exec(text); m !== null; m = segment.exec(text)) {
      const raw = m[0].replace(/#.*$/, '');
      if (raw.trim() === '') continue;
      const start = m.index + (raw.length - raw.trimStart().length);
      const end = m.index + raw.trimEnd().length;
      const colon = raw.indexOf(':');
      if (colon < 0) raise('bad-declaration', 'expected `:` after the names, as in `A, B: m×n`', start, end, { expected: ['`:`'] });
      const names = readNames(raw.slice(0, colon), m.index, raise);
      const cursor: Cursor = { rest: raw.slice(colon + 1), offset: m.index + colon + 1 };
      skip(cursor);
      const { shape, domain } = readShape(cursor, raise);
      skip(cursor);
      const properties = readProperties(cursor, raise);
      out.push({ names, shape, properties, ...(domain ? { domain } : {}), span: span(start, end) });
    }
  } catch (e) {
    if (e instanceof OdotException) return fail(e.error);
    throw e;
  }
  return ok(out);
}

/** The names before the colon (`A, B, D₁`), the text starting at offset `from`. */
function readNames(left: string, from: number, raise: Raise): string[] {
  const names: string[] = [];
  let cursor = from;
  for (const part of left.split(',')) {
    const name = part.trim();
    const at = cursor + part.indexOf(name);
    if (!NAME.test(name)) {
      raise('bad-declaration', name === '' ? 'expected a name before `:`' : `\`${name}\` is not a name`, name === '' ? cursor : at, at + name.length, {
        expected: ['a name like `A` or `D₁`'],
      });
    }
    names.push(name);
    cursor += part.length + 1;
  }
  return names;
}

/** The shape after the colon: `scalar`/`natural`/`integer`, `m×n`, or `n` (a column vector); sizes positive and exact. */
function readShape(c: Cursor, raise: Raise): { shape: Shape; domain?: ScalarDomain } {
  const shapeAt = c.offset;
  const size = SIZE.exec(c.rest);
  const single = ONE_DIM.exec(c.rest);
  const scalarWord = /^(scalar|natural|integer)(?![A-Za-z0-9])/.exec(c.rest)?.[1];
  let read: { shape: Shape; domain?: ScalarDomain };
  if (scalarWord !== undefined) {
    read = scalarWord === 'scalar' ? { shape: SCALAR } : { shape: SCALAR, domain: scalarWord as ScalarDomain };
    advance(c, scalarWord.length);
  } else if (size?.[1] !== undefined && size[2] !== undefined) {
    read = { shape: matrixShape(dim(size[1]), dim(size[2])) };
    advance(c, size[0].length);
  } else if (single?.[1] !== undefined && !isProperty(single[1])) {
    read = { shape: matrixShape(dim(single[1]), 1) };
    advance(c, single[0].length);
  } else {
    const word = /^\S*/.exec(c.rest)?.[0] ?? '';
    return raise('bad-declaration', `expected a shape after \`:\`${word ? `, found \`${word}\`` : ''}`, c.offset, c.offset + word.length, {
      expected: ['`m×n`', '`n` (a column vector)', '`scalar`', '`natural`', '`integer`'],
    });
  }
  for (const d of read.shape.kind === 'matrix' ? [read.shape.rows, read.shape.cols] : []) {
    if (d === 0) raise('bad-declaration', 'sizes are positive', shapeAt, c.offset);
    if (typeof d === 'number' && !Number.isSafeInteger(d)) {
      raise('size-too-large', `a size is larger than ${Number.MAX_SAFE_INTEGER} (2⁵³ − 1), the largest size odot keeps exactly`, shapeAt, c.offset);
    }
  }
  return read;
}

/** The properties after the shape (`psd diagonal`), each once; an unknown word gets did-you-mean hints. */
function readProperties(c: Cursor, raise: Raise): Property[] {
  const properties: Property[] = [];
  while (c.rest.length > 0) {
    const word = /^[^\s,]+/.exec(c.rest)?.[0] ?? '';
    if (!isProperty(word)) {
      raise('unknown-property', `unknown property \`${word}\``, c.offset, c.offset + word.length, {
        expected: [...PROPERTIES],
        hints: closest(word, PROPERTIES).map((s) => `did you mean \`${s}\`?`),
      });
    } else if (!properties.includes(word)) properties.push(word);
    advance(c, word.length);
    skip(c);
  }
  return properties;
}
