import {
  SCALAR,
  dimFactors,
  dimProduct,
  entry,
  equal,
  givensFrom,
  inferShapes,
  isOpenDim,
  printPlain,
  walkExpr,
  type Declaration,
  type Dim,
  type Expr,
  type Givens,
} from '@odot/core';
import { blockIndexExpr } from './block-index.ts';
import { BLOCK_SPLIT_LAW, blockSplitStep } from './block-split.ts';
import { chainLines } from './chain-text.ts';
import type { CheckContext } from './check-options.ts';
import { freeNames } from './expr-tools.ts';
import { entrywiseChain } from './noncircular.ts';
import type { SearchLimits } from './search.ts';
import { dimQuotient, sizeExpr } from './size-dim.ts';

// Entrywise certificates of goals with Kronecker products: the chain runs at block indices,
// `(L)[(i - 1) p + k, (j - 1) q + l]`, where def_kron unfolds `(X ⊗ Y)` for a p×q factor Y, and
// `L = R by ext` closes it (the checker's ext accepts block indices whose size divides L's).

/** A block-indexed entrywise proof body, with the declarations its file states (the goal's, its open sizes named). */
export interface BlockBody {
  readonly lines: readonly string[];
  readonly declarations: readonly Declaration[];
}

/** Names tried, in order, for the index pairs (i, k) and (j, l) of the first entry. */
const BLOCK_INDEX_NAMES = ['i', 'k', 'j', 'l', 'r', 's', 'u', 'v', 'a', 'b', 'c', 'd'];

/** Names tried, in order, for the sizes the goal leaves open. */
const SIZE_NAMES = ['m', 'n', 'p', 'q', 'r', 's', 't', 'w', 'h', 'g'];

/** Most (row, column) block sizes tried; each costs one bounded search. */
const MAX_BLOCK_CANDIDATES = 4;

/** Every name of the goal and its declarations (symbols, sizes, indices). */
function takenNames(exprs: readonly Expr[], declarations: readonly Declaration[]): Set<string> {
  const taken = new Set<string>();
  for (const e of exprs) freeNames(e, taken);
  for (const d of declarations) {
    for (const name of d.names) taken.add(name);
    if (d.shape.kind === 'matrix') for (const dim of [d.shape.rows, d.shape.cols]) for (const f of dimFactors(dim).factors) taken.add(f);
  }
  return taken;
}

/** `count` names from `pool` (then `pool[0]` with a number: `i1`, `i2`, …) that are not `taken`; adds them to `taken`. */
function freshNames(pool: readonly string[], count: number, taken: Set<string>): string[] {
  const out: string[] = [];
  for (const name of pool) if (out.length < count && !taken.has(name)) out.push(name);
  for (let k = 1; out.length < count; k++) if (!taken.has(`${pool[0] ?? 'n'}${k}`)) out.push(`${pool[0] ?? 'n'}${k}`);
  for (const name of out) taken.add(name);
  return out;
}

/**
 * The goal's declarations with every open size named: an undeclared matrix symbol gets the shape
 * shape inference gives it, its open sizes (`?3`) renamed to fresh size names (`B: p×q` for an
 * undeclared B), so a block index can name them. Undefined when shape inference fails.
 */
function namedSizes(left: Expr, right: Expr, declarations: readonly Declaration[], taken: Set<string>): Declaration[] | undefined {
  const givens = givensFrom(declarations);
  const table = inferShapes(equal(left, right), givens);
  if (!table.ok) return undefined;
  const names = new Map<string, string>();
  const nameOf = (factor: string): string => {
    if (!factor.startsWith('?')) return factor;
    const known = names.get(factor);
    if (known) return known;
    const [fresh] = freshNames(SIZE_NAMES, 1, taken) as [string];
    names.set(factor, fresh);
    return fresh;
  };
  const rename = (dim: Dim): Dim => {
    const { coef, factors } = dimFactors(dim);
    return dimProduct([coef, ...factors.map(nameOf)]);
  };
  const added: Declaration[] = [];
  const seen = new Set<string>();
  for (const side of [left, right]) {
    walkExpr(side, (node) => {
      if (node.type !== 'Identifier' || givens.has(node.name) || seen.has(node.name)) return;
      seen.add(node.name);
      const shape = table.value.shapeOf(node);
      if (shape.kind !== 'matrix' || !(isOpenDim(shape.rows) || isOpenDim(shape.cols))) return;
      added.push({ names: [node.name], shape: { ...shape, rows: rename(shape.rows), cols: rename(shape.cols) }, properties: [] });
    });
  }
  return [...declarations, ...added];
}

/** The declarations plus `S: natural` for each size symbol of `sizes` not yet declared: a size in an index is a number (as the proofs guide writes it). */
function withNaturalSizes(declarations: readonly Declaration[], sizes: readonly Dim[]): Declaration[] {
  const declared = new Set(declarations.flatMap((d) => d.names));
  const symbols = [...new Set(sizes.flatMap((d) => dimFactors(d).factors))].filter((name) => !declared.has(name)).sort();
  return symbols.length === 0 ? [...declarations] : [...declarations, { names: symbols, shape: SCALAR, properties: [], domain: 'natural' }];
}

/**
 * The (row, column) block sizes to try for `L`'s first entry: for each Kronecker product `X ⊗ Y`
 * of the goal, Y's (rows, cols) and, for a goal that transposes it, (cols, rows); only sizes that
 * divide L's rows and columns (so `ext` covers every entry), at most `MAX_BLOCK_CANDIDATES`.
 */
function blockSizes(left: Expr, right: Expr, givens: Givens): (readonly [Dim, Dim])[] {
  const table = inferShapes(equal(left, right), givens);
  if (!table.ok) return [];
  const whole = table.value.shapeOf(left);
  if (whole.kind !== 'matrix') return [];
  const out: (readonly [Dim, Dim])[] = [];
  const keys = new Set<string>();
  const offer = (rows: Dim, cols: Dim): void => {
    const key = JSON.stringify([rows, cols]);
    if (keys.has(key) || isOpenDim(rows) || isOpenDim(cols)) return;
    if (dimQuotient(whole.rows, rows) === undefined || dimQuotient(whole.cols, cols) === undefined) return;
    keys.add(key);
    out.push([rows, cols]);
  };
  for (const side of [left, right]) {
    walkExpr(side, (node) => {
      if (node.type !== 'Kronecker') return;
      const factor = table.value.shapeOf(node.right);
      if (factor.kind !== 'matrix') return;
      offer(factor.rows, factor.cols);
      offer(factor.cols, factor.rows);
    });
  }
  return out.slice(0, MAX_BLOCK_CANDIDATES);
}

/** True when the expression has a Kronecker product. */
export function hasKronecker(exprs: readonly Expr[]): boolean {
  let found = false;
  for (const e of exprs) {
    walkExpr(e, (node) => {
      if (node.type === 'Kronecker') found = true;
      return !found;
    });
  }
  return found;
}

/**
 * A block-indexed entrywise proof body of the matrix goal `left = right` with Kronecker products,
 * citing none of `avoid`: the chain from `(left)[(i - 1) p + k, (j - 1) q + l]` to the same entry
 * of `right` (definitions unfolded on both sides, the bounded search between them, within
 * `limits`), then `left = right   by ext`. The block sizes p, q are those of a Kronecker factor
 * (see `blockSizes`); the goal's open sizes are named in the returned declarations. Undefined when
 * the goal has no Kronecker product or no chain is found.
 */
export function blockEntrywiseBody(
  left: Expr,
  right: Expr,
  declarations: readonly Declaration[],
  avoid: ReadonlySet<string>,
  context: CheckContext,
  limits: SearchLimits,
): BlockBody | undefined {
  if (!hasKronecker([left, right])) return undefined;
  const taken = takenNames([left, right], declarations);
  const named = namedSizes(left, right, declarations, taken);
  if (!named) return undefined;
  const [outerRow, innerRow, outerCol, innerCol] = freshNames(BLOCK_INDEX_NAMES, 4, taken) as [string, string, string, string];
  for (const [rows, cols] of blockSizes(left, right, givensFrom(named))) {
    const [rowSize, colSize] = [sizeExpr(rows), sizeExpr(cols)];
    const row = rowSize && blockIndexExpr({ outer: outerRow, size: rowSize, inner: innerRow });
    const col = colSize && blockIndexExpr({ outer: outerCol, size: colSize, inner: innerCol });
    if (!row || !col) continue;
    // The factors' other sizes are natural too while searching: a block split writes them in an index (`(u - 1) q + v`).
    const factors = factorSizes(left, right, givensFrom(named));
    const from = entry(left, row, col);
    const inner = { ...context, givens: givensFrom(withNaturalSizes(named, [rows, cols, ...factors])) };
    const split = avoid.has(BLOCK_SPLIT_LAW) ? undefined : (e: Expr) => blockSplitStep(e, inner);
    const chain = entrywiseChain(from, entry(right, row, col), avoid, inner, limits, split);
    if (!chain) continue;
    const used = new Set<string>();
    for (const step of chain) freeNames(step.after, used);
    const stated = withNaturalSizes(named, [rows, cols, ...factors.filter((dim) => dimFactors(dim).factors.every((name) => used.has(name)))]);
    return { lines: [...chainLines(from, chain), `  ${printPlain(left)} = ${printPlain(right)}   by ext`], declarations: stated };
  }
  return undefined;
}

/** The known sizes (rows and columns) of the right factor Y of every Kronecker product `X ⊗ Y` of the goal. */
function factorSizes(left: Expr, right: Expr, givens: Givens): Dim[] {
  const table = inferShapes(equal(left, right), givens);
  if (!table.ok) return [];
  const out: Dim[] = [];
  for (const side of [left, right]) {
    walkExpr(side, (node) => {
      if (node.type !== 'Kronecker') return;
      const factor = table.value.shapeOf(node.right);
      if (factor.kind === 'matrix') out.push(...[factor.rows, factor.cols].filter((dim) => !isOpenDim(dim)));
    });
  }
  return out;
}
