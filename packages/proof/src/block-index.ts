import { identifier, walkExpr, type Expr } from '@odot/core';
import { findLaw } from '@odot/rewrite';
import { freeNames } from './expr-tools.ts';
import { instantiate, matchPattern } from './pattern.ts';
import { sizeDim } from './size-dim.ts';

// Block indices of a Kronecker product: row (i − 1)p + k of X ⊗ Y, for a p×q factor Y, is row k of
// block row i (def_kron). The size p is written in the index as a number (`3`), a size symbol
// (`p`, declared `natural`) or a product of those (`p r`).

/** A position of an entry written `(outer - 1) size + inner`, with `outer`, `inner` index names. */
export interface BlockIndex {
  readonly outer: string;
  readonly size: Expr;
  readonly inner: string;
}

/** def_kron's row index `(i - 1) p + k` (the catalogue's text is the one spelling of a block index), with its variables. */
function blockPattern(): { readonly pattern: Expr; readonly outer: string; readonly size: string; readonly inner: string } | undefined {
  const law = findLaw('def_kron');
  if (law?.kind !== 'equation' || law.lhs.type !== 'Entry') return undefined;
  const pattern = law.lhs.row;
  const names = [...freeNames(pattern)];
  const size = names.find((name) => law.conditions.some((c) => c.kind === 'shape' && c.variable === name && c.shape.kind === 'scalar'));
  const indices = names.filter((name) => name !== size);
  // The outer index is the one shifted by the subtraction: `(i - 1)`.
  let outer: string | undefined;
  walkExpr(pattern, (node) => {
    if (node.type === 'Sub' && node.left.type === 'Identifier' && indices.includes(node.left.name)) outer = node.left.name;
  });
  const inner = indices.find((name) => name !== outer);
  return size && outer && inner ? { pattern, outer, size, inner } : undefined;
}

const BLOCK = blockPattern();

/** The block index `(outer - 1) size + inner` as an expression: def_kron's row index. */
export function blockIndexExpr(index: BlockIndex): Expr | undefined {
  if (!BLOCK) return undefined;
  const binding = new Map<string, Expr>([
    [BLOCK.outer, identifier(index.outer)],
    [BLOCK.size, index.size],
    [BLOCK.inner, identifier(index.inner)],
  ]);
  return instantiate(BLOCK.pattern, new Set([BLOCK.outer, BLOCK.size, BLOCK.inner]), binding, new Set());
}

/** The block index a position is written as, `(i - 1) p + k` with index names i, k and a size p; undefined otherwise. */
export function readBlockIndex(position: Expr): BlockIndex | undefined {
  if (!BLOCK) return undefined;
  const binding = new Map<string, Expr>();
  if (!matchPattern(BLOCK.pattern, position, new Set([BLOCK.outer, BLOCK.size, BLOCK.inner]), binding)) return undefined;
  const [outer, size, inner] = [binding.get(BLOCK.outer), binding.get(BLOCK.size), binding.get(BLOCK.inner)];
  if (outer?.type !== 'Identifier' || inner?.type !== 'Identifier' || !size || sizeDim(size) === undefined) return undefined;
  return { outer: outer.name, size, inner: inner.name };
}
