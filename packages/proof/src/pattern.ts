import { SCALAR, childrenOf, dimEquals, foldExpr, identifier, indexNames, inferShapes, isOpenDim, type Expr, type Givens, type ShapeKind } from '@odot/core';
import { dimQuotient, sizeDim } from './size-dim.ts';
import { exprKey, freeNames, withChildren } from './expr-tools.ts';

/** A side condition of a pattern law, on the bindings of its variables. */
export type PatternCondition =
  | { readonly kind: 'scalar'; readonly variable: string }
  /** The variable's binding is not known to be a number (a matrix, or a bare `0`). */
  | { readonly kind: 'matrix'; readonly variable: string }
  | { readonly kind: 'not-free'; readonly index: string; readonly in: readonly string[] }
  /**
   * The binding of `size` is the `axis` size of the binding of `matrix` (def_kron's `p` is the row
   * count of its p×q factor `Y`): both known, and the same dimension; with `divides`, it divides
   * that size (sum_block's block size q divides the n columns of X).
   */
  | { readonly kind: 'size'; readonly size: string; readonly matrix: string; readonly axis: 'rows' | 'cols'; readonly divides?: true }
  /** Nested summation indices of the law bind different names (`Σ_u(Σ_v(…))` is not `Σ_k(Σ_k(…))`, where the inner k hides the outer). */
  | { readonly kind: 'distinct'; readonly indices: readonly [string, string] };

/** One rewrite rule `lhs = rhs` over pattern variables; applied in both directions. */
export interface PatternRule {
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly variables: ReadonlySet<string>;
  readonly conditions: readonly PatternCondition[];
  /** The matched sub-expression itself must be a scalar (for the real-number laws). */
  readonly scalarOnly: boolean;
}

/** A binding of pattern variables to expressions. */
export type Substitution = ReadonlyMap<string, Expr>;

/**
 * Matches `pattern` against `term`, extending `binding`. Pattern identifiers listed in `variables`
 * bind (a repeated variable must bind equal expressions); `J`, `0`, `I` without a size match any size.
 */
export function matchPattern(pattern: Expr, term: Expr, variables: ReadonlySet<string>, binding: Map<string, Expr>): boolean {
  if (pattern.type === 'Identifier' && variables.has(pattern.name)) {
    const bound = binding.get(pattern.name);
    if (bound) return exprKey(bound) === exprKey(term);
    binding.set(pattern.name, term);
    return true;
  }
  if (pattern.type !== term.type) return false;
  switch (pattern.type) {
    case 'Identifier':
      return term.type === 'Identifier' && term.name === pattern.name;
    case 'NumberLiteral':
      return term.type === 'NumberLiteral' && term.value === pattern.value;
    case 'Ones':
    case 'Zero':
      return pattern.rows === undefined || exprKey(pattern) === exprKey(term);
    case 'Identity':
      return pattern.size === undefined || exprKey(pattern) === exprKey(term);
    case 'Claim':
      if (term.type !== 'Claim' || term.property !== pattern.property) return false;
      break;
    case 'Sum': {
      if (term.type !== 'Sum') return false;
      if (variables.has(pattern.index)) {
        const bound = binding.get(pattern.index);
        if (bound && !(bound.type === 'Identifier' && bound.name === term.index)) return false;
        if (!bound) binding.set(pattern.index, identifier(term.index));
      } else if (pattern.index !== term.index) {
        return false;
      }
      break;
    }
    case 'MatrixLiteral':
      if (term.type !== 'MatrixLiteral' || term.rows.length !== pattern.rows.length) return false;
      if (term.rows.some((row, i) => row.length !== pattern.rows[i]?.length)) return false;
      break;
    default:
      break;
  }
  const pc = childrenOf(pattern);
  const tc = childrenOf(term);
  if (pc.length !== tc.length) return false;
  return pc.every((child, i) => matchPattern(child, tc[i] as Expr, variables, binding));
}

/** A name not occurring in `avoid`: `k`, `l`, `p`, `q`, …, `w`, then `k1`, `k2`, …. */
export function freshName(avoid: ReadonlySet<string>): string {
  for (const name of ['k', 'l', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w']) if (!avoid.has(name)) return name;
  for (let i = 1; ; i++) if (!avoid.has(`k${i}`)) return `k${i}`;
}

/**
 * Builds `pattern` with its variables replaced by `substitution`. A variable missing from the
 * substitution (a bound index that only one side has, like `k` in `def_matmul`) gets a fresh name
 * that avoids `avoid` and the other fresh names, and is added to `substitution`.
 */
export function instantiate(pattern: Expr, variables: ReadonlySet<string>, substitution: Map<string, Expr>, avoid: ReadonlySet<string>): Expr {
  // Several invented indices (`Σ_i Σ_j` from `tr(A Bᵀ)`) each get their own name.
  const taken = new Set(avoid);
  const bindingOf = (name: string): Expr => {
    let bound = substitution.get(name);
    if (!bound) {
      const fresh = freshName(taken);
      taken.add(fresh);
      bound = identifier(fresh);
      substitution.set(name, bound);
    }
    return bound;
  };
  const build = (node: Expr): Expr => {
    if (node.type === 'Identifier') return variables.has(node.name) ? bindingOf(node.name) : node;
    if (node.type === 'Sum') {
      const index = variables.has(node.index) ? bindingOf(node.index) : identifier(node.index);
      const name = index.type === 'Identifier' ? index.name : node.index;
      return { type: 'Sum', index: name, body: build(node.body) };
    }
    const children = childrenOf(node);
    if (children.length === 0) return node;
    return withChildren(node, children.map(build));
  };
  return build(pattern);
}

/**
 * What a sub-expression is, as far as the entrywise calculus needs to know: core's `ShapeKind`
 * (`open`: built of bare `0`s and scalars, so a number or a zero matrix), or `ill-shaped` when its
 * shapes do not fit.
 */
export type ValueKind = ShapeKind | 'ill-shaped';

/** The context for classifying identifiers: declared symbols and the names used as indices. */
export interface KindContext {
  readonly givens: Givens;
  readonly indices: ReadonlySet<string>;
}

/** Per context, the givens with its index names declared scalars, and the kinds found so far. */
const KIND_MEMO = new WeakMap<KindContext, { readonly givens: Givens; readonly kinds: WeakMap<Expr, ValueKind> }>();

/**
 * Whether an expression is a scalar or a matrix, by core's shape inference (`inferShapes`, one
 * shape rule per node type): entries, sums, traces, numbers, indices (the context's, read as
 * scalars unless declared) and symbols declared `scalar` are scalars; undeclared symbols are
 * matrices; a bare `0` nothing decides is open.
 */
export function kindOf(expr: Expr, context: KindContext): ValueKind {
  let memo = KIND_MEMO.get(context);
  if (!memo) {
    const givens = new Map(context.givens);
    for (const name of context.indices) if (!givens.has(name)) givens.set(name, { shape: SCALAR, properties: new Set() });
    memo = { givens, kinds: new WeakMap() };
    KIND_MEMO.set(context, memo);
  }
  const known = memo.kinds.get(expr);
  if (known) return known;
  const table = inferShapes(expr, memo.givens);
  const kind: ValueKind = table.ok ? table.value.kindOf(expr) : 'ill-shaped';
  memo.kinds.set(expr, kind);
  return kind;
}

/**
 * Whether `size` (an index expression: `3`, `p`, `p r`) is the `axis` size of `matrix`, by core's
 * shape inference in the context's givens: false when either is unknown or open (an undeclared
 * factor may have any size, so the block index proves nothing about it).
 */
function sizeHolds(condition: SizeCondition, substitution: Substitution, context: KindContext): boolean {
  const size = substitution.get(condition.size);
  const matrix = substitution.get(condition.matrix);
  if (!size || !matrix) return false;
  const written = sizeDim(size);
  const table = inferShapes(matrix, context.givens);
  if (written === undefined || !table.ok || table.value.shape.kind !== 'matrix') return false;
  const actual = table.value.shape[condition.axis];
  if (isOpenDim(actual)) return false;
  return condition.divides ? dimQuotient(actual, written) !== undefined : dimEquals(actual, written);
}

/** A `size` condition of a pattern rule. */
export type SizeCondition = Extract<PatternCondition, { readonly kind: 'size' }>;

/** The rule's `size` conditions that the bindings fail (the block size in an index is not the factor's size). */
export function failingSizes(rule: PatternRule, substitution: Substitution, context: KindContext): SizeCondition[] {
  return rule.conditions.filter((c): c is SizeCondition => c.kind === 'size' && !sizeHolds(c, substitution, context));
}

/** True when the bindings satisfy the rule's side conditions (all, or all but the `size` ones when `relaxSizes`). */
export function conditionsHold(rule: PatternRule, substitution: Substitution, context: KindContext, relaxSizes = false): boolean {
  for (const condition of rule.conditions) {
    switch (condition.kind) {
      case 'scalar': {
        const bound = substitution.get(condition.variable);
        if (bound && kindOf(bound, context) === 'matrix') return false;
        break;
      }
      case 'matrix': {
        // A matrix variable of a definition: anything not known to be a number (a bare `0` is either).
        const bound = substitution.get(condition.variable);
        if (bound && kindOf(bound, context) === 'scalar') return false;
        break;
      }
      case 'size': {
        if (!relaxSizes && !sizeHolds(condition, substitution, context)) return false;
        break;
      }
      case 'distinct': {
        const [a, b] = condition.indices.map((name) => substitution.get(name));
        if (a?.type === 'Identifier' && b?.type === 'Identifier' && a.name === b.name) return false;
        break;
      }
      case 'not-free': {
        const index = substitution.get(condition.index);
        if (!index || index.type !== 'Identifier') break;
        for (const name of condition.in) {
          const bound = substitution.get(name);
          if (bound && freeNames(bound).has(index.name)) return false;
        }
        break;
      }
    }
  }
  return true;
}

/**
 * Writes a number times a scalar (`2 A[i,j]`, a `ScalarMul`) as the product `2 · A[i,j]` (a
 * `MatMul`), the form the laws of numbers are stated in, so both spellings are the same step.
 */
export function scalarProductsAsProducts(expr: Expr, givens: Givens): Expr {
  const context: KindContext = { givens, indices: indexNames(expr) };
  // Iterative (foldExpr), so a proof line of thousands of terms cannot overflow the stack.
  return foldExpr<Expr>(expr, (node, next) => {
    const children = childrenOf(node);
    const rebuilt = next.every((child, i) => child === children[i]) ? node : withChildren(node, next);
    if (rebuilt.type === 'ScalarMul' && kindOf(rebuilt.operand, context) === 'scalar') {
      return { type: 'MatMul', left: rebuilt.scalar, right: rebuilt.operand };
    }
    return rebuilt;
  });
}
