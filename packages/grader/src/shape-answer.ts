import type { Shape } from '@odot/core';
import { formatDim } from '@odot/core';
import type { ShapeAnswer } from './worksheet.ts';

const UNDEFINED_WORDS = new Set(['undefined', 'not defined', 'none', 'error', 'shape error', 'no', 'undef', 'n/a', 'impossible', 'not possible']);

/**
 * Reads a shape as a student or author writes it: `2×3`, `2x3`, `2 by 3`, `(2, 3)`, `[2, 3]`,
 * `m×n`, `scalar`, or `undefined` / `not defined` / `none`; words around it are ignored
 * (`a 3×2 matrix`, `it is 2×3`). Undefined when unreadable.
 */
export function readShapeAnswer(value: unknown): ShapeAnswer | undefined {
  if (Array.isArray(value) && value.length === 2) return readShapeAnswer(`${String(value[0])}×${String(value[1])}`);
  if (Array.isArray(value) && value.length === 0) return { kind: 'scalar' };
  if (typeof value !== 'string') return undefined;
  const text = value
    .trim()
    .toLowerCase()
    .replace(/[.!]$/, '')
    .replace(/^(?:it(?:'s| is)\s+|the (?:shape|size|result) is\s+|shape:?\s+)?(?:an?\s+)?/, '')
    .replace(/\s+(?:matrix|matrices|array|vector)$/, '');
  if (UNDEFINED_WORDS.has(text) || /^(it is )?not defined\b/.test(text) || /^undefined\b/.test(text)) return { kind: 'undefined' };
  if (text === 'scalar' || text === '1 (scalar)' || text === '()') return { kind: 'scalar' };
  const m = /^[([]?\s*([\p{L}\d]+)\s*(?:×|x|\*|,|by)\s*([\p{L}\d]+)\s*[)\]]?$/u.exec(text);
  if (!m) return undefined;
  return { kind: 'matrix', rows: m[1] ?? '', cols: m[2] ?? '' };
}

/** Prints a shape answer: `2×3`, `scalar`, `undefined`. */
export function formatShapeAnswer(answer: ShapeAnswer): string {
  switch (answer.kind) {
    case 'matrix':
      return `${answer.rows}×${answer.cols}`;
    case 'scalar':
      return 'scalar';
    case 'undefined':
      return 'undefined';
  }
}

/** The shape answer of an inferred shape. */
export function shapeAnswerOf(shape: Shape): ShapeAnswer {
  return shape.kind === 'scalar' ? { kind: 'scalar' } : { kind: 'matrix', rows: formatDim(shape.rows).toLowerCase(), cols: formatDim(shape.cols).toLowerCase() };
}

/** Whether two shape answers are the same (dimension names compared as written, case-sensitively for symbols). */
export function sameShapeAnswer(a: ShapeAnswer, b: ShapeAnswer): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'matrix' && b.kind === 'matrix') return a.rows === b.rows && a.cols === b.cols;
  return true;
}
