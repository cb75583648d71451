import { assertNever, childrenOf, foldExpr, identifier, indexNames, type Expr, type Givens } from '@odot/core';
import { exprKey, freeNames, withChildren } from './expr-tools.ts';

/** A side condition of a pattern law, on the bindings of its variables. */
export type PatternCondition =
  | { readonly kind: 'scalar'; readonly variable: string }
  /** The variable's binding is not known to be a number (a matrix, or a bare `0`). */
  | { readonly kind: 'matrix'; readonly variable: string }
  | { readonly kind: 'not-free'; readonly index: string; readonly in: readonly string[] };

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

/** A name not occurring in `avoid`: `k`, `l`, `p`, `q`, then `k1`, `k2`, …. */
export function freshName(avoid: ReadonlySet<string>): string {
  for (const name of ['k', 'l', 'p', 'q', 'r', 's', 't']) if (!avoid.has(name)) return name;
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

/** What a sub-expression is, as far as the entrywise calculus needs to know. */
export type ValueKind = 'scalar' | 'matrix' | 'unknown';

/** The context for classifying identifiers: declared symbols and the names used as indices. */
export interface KindContext {
  readonly givens: Givens;
  readonly indices: ReadonlySet<string>;
}

/**
 * Whether an expression is a scalar or a matrix: entries, sums, traces, determinants, numbers,
 * indices and symbols declared `scalar` are scalars; other symbols are matrices; a bare `0` is either.
 */
export function kindOf(expr: Expr, context: KindContext): ValueKind {
  switch (expr.type) {
    case 'Identifier': {
      const info = context.givens.get(expr.name);
      if (info) return info.shape.kind === 'scalar' ? 'scalar' : 'matrix';
      return context.indices.has(expr.name) || expr.name.startsWith('%') ? 'scalar' : 'matrix';
    }
    case 'NumberLiteral':
    case 'Entry':
    case 'Sum':
    case 'Trace':
    case 'Det':
      return 'scalar';
    case 'Zero':
      return expr.rows === undefined ? 'unknown' : 'matrix';
    case 'Ones':
    case 'Identity':
    case 'MatrixLiteral':
    case 'Hadamard':
    case 'Kronecker':
    case 'Diag':
    case 'DiagVec':
    case 'Inverse':
    case 'MatrixPower':
    case 'HadamardPower':
      return 'matrix';
    case 'Neg':
    case 'Transpose':
      return kindOf(expr.operand, context);
    case 'ScalarMul':
      return kindOf(expr.operand, context);
    case 'MatMul':
    case 'Add':
    case 'Sub': {
      const left = kindOf(expr.left, context);
      const right = kindOf(expr.right, context);
      if (left === 'matrix' || right === 'matrix') return 'matrix';
      return left === 'scalar' || right === 'scalar' ? 'scalar' : 'unknown';
    }
    case 'Equal':
    case 'NotEqual':
    case 'Claim':
      return 'unknown';
    default:
      return assertNever(expr);
  }
}

/** True when the bindings satisfy the rule's side conditions. */
export function conditionsHold(rule: PatternRule, substitution: Substitution, context: KindContext): boolean {
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
