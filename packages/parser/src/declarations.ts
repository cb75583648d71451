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
  const error = (code: string, message: string, from: number, to: number, extra: Partial<Pick<OdotError, 'expected' | 'hints'>> = {}): never => {
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
      if (colon < 0) {
        error('bad-declaration', 'expected `:` after the names, as in `A, B: m×n`', start, end, { expected: ['`:`'] });
      }
      const names: string[] = [];
      let cursor = m.index;
      for (const part of raw.slice(0, colon).split(',')) {
        const name = part.trim();
        const at = cursor + part.indexOf(name);
        if (!NAME.test(name)) {
          error('bad-declaration', name === '' ? 'expected a name before `:`' : `\`${name}\` is not a name`, name === '' ? cursor : at, at + name.length, {
            expected: ['a name like `A` or `D₁`'],
          });
        }
        names.push(name);
        cursor += part.length + 1;
      }
      const specStart = m.index + colon + 1;
      let rest = raw.slice(colon + 1);
      let offset = specStart;
      const skip = (): void => {
        const trimmed = rest.replace(/^[\s,]+/, '');
        offset += rest.length - trimmed.length;
        rest = trimmed;
      };
      skip();
      const shapeAt = offset;
      let shape: Shape;
      let domain: ScalarDomain | undefined;
      const size = SIZE.exec(rest);
      const single = ONE_DIM.exec(rest);
      const scalarWord = /^(scalar|natural|integer)(?![A-Za-z0-9])/.exec(rest)?.[1];
      if (scalarWord !== undefined) {
        shape = SCALAR;
        if (scalarWord !== 'scalar') domain = scalarWord as ScalarDomain;
        offset += scalarWord.length;
        rest = rest.slice(scalarWord.length);
      } else if (size?.[1] !== undefined && size[2] !== undefined) {
        shape = matrixShape(dim(size[1]), dim(size[2]));
        offset += size[0].length;
        rest = rest.slice(size[0].length);
      } else if (single?.[1] !== undefined && !isProperty(single[1])) {
        shape = matrixShape(dim(single[1]), 1);
        offset += single[0].length;
        rest = rest.slice(single[0].length);
      } else {
        const word = /^\S*/.exec(rest)?.[0] ?? '';
        return error('bad-declaration', `expected a shape after \`:\`${word ? `, found \`${word}\`` : ''}`, offset, offset + word.length, {
          expected: ['`m×n`', '`n` (a column vector)', '`scalar`', '`natural`', '`integer`'],
        });
      }
      for (const d of shape.kind === 'matrix' ? [shape.rows, shape.cols] : []) {
        if (d === 0) error('bad-declaration', 'sizes are positive', shapeAt, offset);
        if (typeof d === 'number' && !Number.isSafeInteger(d)) {
          error('size-too-large', `a size is larger than ${Number.MAX_SAFE_INTEGER} (2⁵³ − 1), the largest size odot keeps exactly`, shapeAt, offset);
        }
      }
      const properties: Property[] = [];
      skip();
      while (rest.length > 0) {
        const word = /^[^\s,]+/.exec(rest)?.[0] ?? '';
        if (!isProperty(word)) {
          const suggestions = closest(word, PROPERTIES);
          error('unknown-property', `unknown property \`${word}\``, offset, offset + word.length, {
            expected: [...PROPERTIES],
            hints: suggestions.map((s) => `did you mean \`${s}\`?`),
          });
        } else if (!properties.includes(word)) properties.push(word);
        offset += word.length;
        rest = rest.slice(word.length);
        skip();
      }
      out.push({ names, shape, properties, ...(domain ? { domain } : {}), span: span(start, end) });
    }
  } catch (e) {
    if (e instanceof OdotException) return fail(e.error);
    throw e;
  }
  return ok(out);
}
