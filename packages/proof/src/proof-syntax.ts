import { inferShape, odotError, type Expr, type Givens, type OdotError, type Span } from '@odot/core';

// Proof-only spellings, rewritten to the expression language before an expression of a proof is
// parsed: entries `(A ⊙ B)ᵢⱼ` and `A_ij`, sums `Σₖ(…)`, the ones vector `1_n` and `1ᵀ X 1`. The
// expression parser stays unchanged; spans are mapped back to the text as written.

/** Unicode subscript letters and the letter each stands for (subscript digits are part of names: `D₁₂`). */
const SUBSCRIPTS: Readonly<Record<string, string>> = {
  ₐ: 'a', ₑ: 'e', ₒ: 'o', ₓ: 'x', ₕ: 'h', ₖ: 'k', ₗ: 'l', ₘ: 'm', ₙ: 'n', ₚ: 'p', ₛ: 's', ₜ: 't',
  ᵢ: 'i', ᵣ: 'r', ᵤ: 'u', ᵥ: 'v', ⱼ: 'j',
};
const SUB = `[${Object.keys(SUBSCRIPTS).join('')}]`;
/** A character that can end an operand: a name (letters, subscript digits), a closing bracket, a transpose. */
const OPERAND_END = "[A-Za-z0-9₀-₉)\\]ᵀ']";

const PATTERN = new RegExp(
  [
    `(?<sum>[Σ∑])(?<sumIndex>${SUB})`, // Σₖ(…) → Σ_k(…)
    `(?<![\\w.])1_(?<size>[A-Za-z0-9]+)(?![\\w{])`, // 1_n → J_{n×1}
    `(?<=${OPERAND_END})(?<subs>${SUB}{2})(?!${SUB})`, // (A ⊙ B)ᵢⱼ → (A ⊙ B)[i,j]
    `(?<=${OPERAND_END})_(?<row>[A-Za-z])(?<col>[A-Za-z])(?![\\w{])`, // A_ij → A[i,j] (A_12 is the name A₁₂)
    `(?<![\\w.])1(?=\\s*(?:ᵀ|'|\\^T))`, // 1ᵀ → 𝟏ᵀ
  ].join('|'),
  'gu',
);
/** `1` after an operand, read as the ones vector only in a text that also has `1ᵀ` (a form `1ᵀ X 1`). */
const TRAILING_ONE = new RegExp(`(?<=[)A-Za-zᵀ]\\s*)1(?![\\w.])`, 'gu');
const HAS_ONES_ROW = /(?<![\w.])(?:1|𝟏)\s*(?:ᵀ|'|\^T)/u;

/** One replacement in the text as written: `[start, end)` becomes `text`. */
interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** An expression text rewritten to the expression language, with a map back to the text as written. */
export interface NormalizedText {
  readonly text: string;
  /** The offset in the text as written of an offset in `text`. */
  readonly toSource: (offset: number) => number;
}

function replacementOf(match: RegExpExecArray): Replacement {
  const groups = match.groups ?? {};
  const start = match.index;
  const end = start + match[0].length;
  const sub = (c: string): string => SUBSCRIPTS[c] ?? c;
  if (groups['sum'] !== undefined) return { start, end, text: `Σ_${sub(groups['sumIndex'] as string)}` };
  if (groups['size'] !== undefined) return { start, end, text: `J_{${groups['size']}×1}` };
  if (groups['subs'] !== undefined) {
    const [row, col] = [...groups['subs']].map(sub);
    return { start, end, text: `[${row},${col}]` };
  }
  if (groups['row'] !== undefined) return { start, end, text: `[${groups['row']},${groups['col']}]` };
  return { start, end, text: '𝟏' };
}

/** The replacements of the proof-only spellings in `text`, in order, not overlapping. */
function replacementsIn(text: string): Replacement[] {
  const out: Replacement[] = [];
  for (const match of text.matchAll(PATTERN)) out.push(replacementOf(match));
  if (HAS_ONES_ROW.test(text)) {
    for (const match of text.matchAll(TRAILING_ONE)) {
      const start = match.index;
      if (!out.some((r) => r.start <= start && start < r.end)) out.push({ start, end: start + 1, text: '𝟏' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Rewrites the proof-only spellings of `text` into the expression language (`(A⊙B)ᵢⱼ` and `A_ij`
 * (letter indices) to `[i,j]` entries, `Σₖ` to `Σ_k`, `1_n` to `J_{n×1}`, the `1`s of `1ᵀ X 1` to `𝟏`), with a map
 * from offsets in the result back to offsets in `text`. Text without them comes back unchanged.
 */
export function normalizeProofText(text: string, inequality?: { readonly start: number; readonly end: number }): NormalizedText {
  const replacements = replacementsIn(text);
  if (inequality) {
    replacements.push({ ...inequality, text: '⪰' });
    replacements.sort((a, b) => a.start - b.start);
  }
  if (replacements.length === 0) return { text, toSource: (offset) => offset };
  let result = '';
  let at = 0;
  const marks: { readonly from: number; readonly to: number; readonly replacement: Replacement }[] = [];
  for (const replacement of replacements) {
    result += text.slice(at, replacement.start);
    marks.push({ from: result.length, to: result.length + replacement.text.length, replacement });
    result += replacement.text;
    at = replacement.end;
  }
  result += text.slice(at);
  const toSource = (offset: number): number => {
    let shift = 0;
    for (const mark of marks) {
      if (offset < mark.from) break;
      if (offset < mark.to) return mark.replacement.start + Math.min(offset - mark.from, mark.replacement.end - mark.replacement.start - 1);
      shift = mark.replacement.end - mark.to;
    }
    return offset + shift;
  };
  return { text: result, toSource };
}

/** The offsets of the top-level `=` signs of `text` (outside brackets; not part of `<=`, `>=`, `!=`, `==`). */
export function topLevelEquals(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if ('([{'.includes(c)) depth += 1;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '=' && depth === 0 && !'<>!='.includes(text[i - 1] ?? ' ') && text[i + 1] !== '=') out.push(i);
  }
  return out;
}

/** A scalar inequality `X ≥ 0` (or `>= 0`) at the end of `text`: where its relation sign is. */
export function scalarInequality(text: string): { readonly start: number; readonly end: number } | undefined {
  const match = /(≥|>=)\s*0\s*$/u.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  let depth = 0;
  for (const c of before) {
    if ('([{'.includes(c)) depth += 1;
    else if (')]}'.includes(c)) depth -= 1;
  }
  return depth === 0 ? { start: match.index, end: match.index + (match[1] as string).length } : undefined;
}

/** Node types that are scalars whatever their operands (when the givens cannot tell). */
const SCALAR_NODES: ReadonlySet<Expr['type']> = new Set(['Trace', 'Det', 'Entry', 'Sum', 'NumberLiteral']);

/** True when `expr` is a scalar (or 1×1): by shape inference under `givens`, else by its outermost operator. */
export function isScalarExpr(expr: Expr, givens: Givens | undefined): boolean {
  const shape = givens ? inferShape(expr, givens) : undefined;
  if (shape?.ok) return shape.value.kind === 'scalar' || (shape.value.rows === 1 && shape.value.cols === 1);
  return SCALAR_NODES.has(expr.type);
}

/** The error for `X ≥ 0` with a matrix X: the relation is ambiguous there. */
export function ambiguousInequality(span: Span): OdotError {
  return odotError('ambiguous-relation', '`≥` is ambiguous for matrices', {
    span,
    hints: [
      'write `X ⪰ 0` for positive semidefinite, or `nonnegative(X)` for entrywise nonnegative',
      '`≥ 0` is read for scalars only, e.g. `tr(P ⊙ Q) ≥ 0`',
    ],
  });
}
