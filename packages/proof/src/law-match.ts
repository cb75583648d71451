import { childrenOf, identifier, mapChildren, type Expr } from '@odot/core';
import type { LawRule } from './backend.ts';
import { exprKey, subtermAt, withChildren } from './expr-tools.ts';

// Laws matched as written, with no reordering of ⊙ or +: what `--strict` accepts, and how the
// default mode tells a law used "as stated" from one matched up to commutativity/associativity.

const HOLE = identifier('□');

/** The node with its children blanked out: two nodes have the same shell when they differ at most in their children. */
function shellKey(node: Expr): string {
  // Expressions are immutable: one shell per node object (the laws' sides are matched for every step).
  const known = SHELL_KEYS.get(node);
  if (known !== undefined) return known;
  const children = childrenOf(node);
  const key = children.length === 0 ? exprKey(node) : exprKey(withChildren(node, children.map(() => HOLE)));
  SHELL_KEYS.set(node, key);
  return key;
}

const SHELL_KEYS = new WeakMap<Expr, string>();

/** Matches `pattern` against `expr` literally (no reordering); pattern variables bind consistently. */
export function matchLiteral(pattern: Expr, expr: Expr, variables: ReadonlySet<string>, binding: Map<string, Expr>): boolean {
  if (pattern.type === 'Identifier' && variables.has(pattern.name)) {
    const bound = binding.get(pattern.name);
    if (bound) return exprKey(bound) === exprKey(expr);
    binding.set(pattern.name, expr);
    return true;
  }
  if (shellKey(pattern) !== shellKey(expr)) return false;
  const ps = childrenOf(pattern);
  const es = childrenOf(expr);
  return ps.length === es.length && ps.every((p, k) => matchLiteral(p, es[k] as Expr, variables, binding));
}

/** `pattern` with its variables replaced by their bindings; undefined when one is unbound. */
export function instantiate(pattern: Expr, variables: ReadonlySet<string>, binding: ReadonlyMap<string, Expr>): Expr | undefined {
  let missing = false;
  const build = (node: Expr): Expr => {
    if (node.type === 'Identifier' && variables.has(node.name)) {
      const bound = binding.get(node.name);
      if (!bound) missing = true;
      return bound ?? node;
    }
    return mapChildren(node, build);
  };
  const built = build(pattern);
  return missing ? undefined : built;
}

/** The path to the deepest node of `a` that contains every difference from `b` (both read with the same shells above it). */
function diffPath(a: Expr, b: Expr): number[] {
  const path: number[] = [];
  let x = a;
  let y = b;
  for (;;) {
    if (shellKey(x) !== shellKey(y)) return path;
    const xs = childrenOf(x);
    const ys = childrenOf(y);
    const differing = xs.flatMap((child, k) => (exprKey(child) === exprKey(ys[k] as Expr) ? [] : [k]));
    if (differing.length !== 1) return path;
    const k = differing[0] as number;
    path.push(k);
    x = xs[k] as Expr;
    y = ys[k] as Expr;
  }
}

/**
 * True when one application of `rule`, as stated and in either direction, turns `from` into `to`
 * exactly as written: some sub-expression of `from` is an instance of one side, and putting the
 * instance of the other side in its place gives `to`.
 */
export function literalStep(from: Expr, to: Expr, rule: LawRule): boolean {
  if (exprKey(from) === exprKey(to)) return false;
  const path = diffPath(from, to);
  for (let depth = path.length; depth >= 0; depth--) {
    const at = path.slice(0, depth);
    const source = subtermAt(from, at);
    const target = subtermAt(to, at);
    if (!source || !target) continue;
    for (const [lhs, rhs] of [[rule.lhs, rule.rhs], [rule.rhs, rule.lhs]] as const) {
      const binding = new Map<string, Expr>();
      if (!matchLiteral(lhs, source, rule.variables, binding)) continue;
      const built = instantiate(rhs, rule.variables, binding);
      if (built && exprKey(built) === exprKey(target)) return true;
    }
  }
  return false;
}

/** A key equal for two expressions exactly when they are equal up to a renaming of their identifiers. */
export function renamedKey(expr: Expr): string {
  // Expressions are immutable: one key per node object (a goal and the laws' sides are keyed for every step).
  const known = RENAMED_KEYS.get(expr);
  if (known !== undefined) return known;
  const key = computeRenamedKey(expr);
  RENAMED_KEYS.set(expr, key);
  return key;
}

const RENAMED_KEYS = new WeakMap<Expr, string>();

function computeRenamedKey(expr: Expr): string {
  const names = new Map<string, string>();
  const rename = (node: Expr): Expr => {
    if (node.type === 'Identifier') {
      let name = names.get(node.name);
      if (name === undefined) {
        name = `v${names.size}`;
        names.set(node.name, name);
      }
      return identifier(name);
    }
    return mapChildren(node, rename);
  };
  return exprKey(rename(expr));
}
