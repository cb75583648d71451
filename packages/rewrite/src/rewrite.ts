import { fail, identity, mapChildren, odotError, ok, ones, printPlain, zero, type Expr, type Givens, type Result } from '@odot/core';
import { COMPILED_LAWS, compiledLaw } from './catalogue.ts';
import { bothTerms, exprToTerm } from './convert.ts';
import { termToExpr } from './term-to-expr.ts';
import { positiveDiagonal, proveProperty, toJustification, type Justification, type TermProof } from './infer-property.ts';
import type { CompiledLaw } from './law.ts';
import {
  EMPTY_SUBST,
  UnboundVariable,
  applyExtension,
  instantiate,
  isPositiveInteger,
  matchAt,
  type Extension,
  type Match,
  type Subst,
} from './match.ts';
import { candidateIndices, indicesWithOp, nodeTable, pathAt } from './law-index.ts';
import { rebuild, termAt, type Term } from './term.ts';

/** Which way a law is used: `forward` rewrites its left side into its right side. */
export type Direction = 'forward' | 'backward';

/**
 * One rewrite step. `path` is the position in the canonical term of `before` (child indices;
 * ⊙, + and products are n-ary there); `children`, when present, are the indices of the children
 * of that n-ary node the law used (the other children stay beside the result). `before` and
 * `after` are whole expressions.
 */
export interface RewriteStep {
  readonly law: string;
  readonly direction: Direction;
  readonly path: readonly number[];
  readonly children?: readonly number[];
  readonly substitution: Readonly<Record<string, Expr>>;
  readonly before: Expr;
  readonly after: Expr;
  /** How the side conditions (properties of the variables) were established. */
  readonly conditions?: readonly Justification[];
}

/** A step over terms (internal). */
export interface TermStep {
  readonly law: string;
  readonly direction: Direction;
  readonly path: readonly number[];
  readonly ext: Extension;
  readonly subst: Subst;
  readonly before: Term;
  readonly after: Term;
  readonly conditions: readonly TermProof[];
}

/** The pattern a law is matched with and the one it is replaced by, in a direction. */
export function sides(law: CompiledLaw, direction: Direction): readonly [Term, Term] {
  return direction === 'forward' ? [law.lhs, law.rhs] : [law.rhs, law.lhs];
}

/** The node at a path, or undefined when the path leaves the term. */
export function subtermAt(t: Term, path: readonly number[]): Term | undefined {
  let cur: Term | undefined = t;
  for (const i of path) {
    cur = cur?.args[i];
    if (!cur) return undefined;
  }
  return cur;
}

/** Replaces the node at a path, rebuilding (re-flattening and re-sorting) its ancestors. */
export function replaceAt(t: Term, path: readonly number[], replacement: Term, depth = 0): Term {
  if (depth === path.length) return replacement;
  const i = path[depth] as number;
  const args = [...t.args];
  args[i] = replaceAt(termAt(t.args, i), path, replacement, depth + 1);
  return rebuild(t, args);
}

/** Proves the side conditions of a law for a substitution; undefined when one fails. */
export function checkConditions(law: CompiledLaw, subst: Subst): TermProof[] | undefined {
  const proofs: TermProof[] = [];
  for (const c of law.law.conditions) {
    if (c.kind === 'shape') continue; // enforced while matching (dimension variables)
    if (c.kind === 'divides') continue; // a block size: laws on entries only
    const bound = subst.vars.get(c.variable);
    if (bound === undefined) continue; // a variable of the other side only; checked when supplied
    if (c.kind === 'positive-integer') {
      if (!isPositiveInteger(bound)) return undefined;
      continue;
    }
    if (c.kind === 'positive-diagonal') {
      if (positiveDiagonal(bound) === undefined) return undefined;
      continue;
    }
    if (c.kind !== 'property') continue; // index and summation conditions belong to the laws on entries
    const p = proveProperty(bound, c.property);
    if (!p) return undefined;
    proofs.push(p);
  }
  return proofs;
}

/** The result of one law application at a node (node-level, before putting it back in the whole). */
export interface NodeRewrite {
  readonly match: Match;
  readonly replacement: Term;
  readonly conditions: readonly TermProof[];
}

/** Applies a match: checks side conditions, builds the other side, puts it into the node. */
export function applyMatch(law: CompiledLaw, direction: Direction, node: Term, match: Match): NodeRewrite | undefined {
  const conditions = checkConditions(law, match.subst);
  if (!conditions) return undefined;
  const [, to] = sides(law, direction);
  let built: Term;
  try {
    built = instantiate(to, match.subst);
  } catch (error) {
    if (error instanceof UnboundVariable) return undefined;
    throw error;
  }
  // The integer conditions of variables that appear only on the built side (none in the catalogue).
  return { match, replacement: applyExtension(node, match.ext, built), conditions };
}

/**
 * Every application of a law at one node in one direction (deduplicated by result), from the first
 * `limit` matches; `start` binds variables before matching (only matches that agree with it).
 */
export function* rewritesAt(law: CompiledLaw, direction: Direction, node: Term, limit = 256, start: Subst = EMPTY_SUBST): Generator<NodeRewrite> {
  const [from] = sides(law, direction);
  const seen = new Set<Term>();
  let tried = 0;
  for (const m of matchAt(from, node, start)) {
    if (++tried > limit) return;
    const r = applyMatch(law, direction, node, m);
    if (!r || seen.has(r.replacement)) continue;
    seen.add(r.replacement);
    yield r;
  }
}

/** Every node with its path, pre-order. */
export function positions(t: Term): [readonly number[], Term][] {
  const table = nodeTable(t);
  return table.nodes.map((node, k) => [pathAt(table, k), node]);
}

function extChildren(ext: Extension): readonly number[] | undefined {
  switch (ext.kind) {
    case 'whole':
      return undefined;
    case 'ac':
      return ext.used;
    case 'range':
      return Array.from({ length: ext.end - ext.start }, (_, k) => ext.start + k);
  }
}

/** Converts a term step to the public form (expressions printed back from terms). */
export function toRewriteStep(step: TermStep): RewriteStep {
  const substitution: Record<string, Expr> = {};
  for (const [name, t] of step.subst.vars) substitution[name] = termToExpr(t);
  const children = extChildren(step.ext);
  // `before` and `after` are whole expressions: built when first read, so a long run of steps over
  // a large expression costs nothing until someone looks (and then shares unchanged subterms).
  let before: Expr | undefined;
  let after: Expr | undefined;
  return {
    law: step.law,
    direction: step.direction,
    path: step.path,
    ...(children ? { children } : {}),
    substitution,
    get before(): Expr {
      before ??= termToExpr(step.before);
      return before;
    },
    get after(): Expr {
      after ??= termToExpr(step.after);
      return after;
    },
    ...(step.conditions.length > 0 ? { conditions: step.conditions.map(toJustification) } : {}),
  };
}

/** Every single application of a law on a term: both directions, every position (term steps). */
export function rewriteOnceTerm(root: Term, law: CompiledLaw, options: { readonly skipExpanding?: boolean } = {}): TermStep[] {
  const out: TermStep[] = [];
  if (law.law.kind !== 'equation') return out;
  const seen = new Set<Term>();
  if (law.law.structural) {
    // Holds by the representation: one explicit step at every node of the operator, changing nothing.
    const table = nodeTable(root);
    for (const k of indicesWithOp(table, law.law.structural)) {
      out.push({ law: law.law.name, direction: 'forward', path: pathAt(table, k), ext: { kind: 'whole' }, subst: EMPTY_SUBST, before: root, after: root, conditions: [] });
    }
    return out;
  }
  for (const direction of ['forward', 'backward'] as const) {
    const [from] = sides(law, direction);
    if (options.skipExpanding && from.op === 'pvar') continue;
    // Only where the pattern can match (law-index.ts): the same steps, without trying the rest.
    const table = nodeTable(root);
    for (const k of candidateIndices(from, root)) {
      let path: readonly number[] | undefined;
      for (const r of rewritesAt(law, direction, termAt(table.nodes, k))) {
        path ??= pathAt(table, k);
        const after = replaceAt(root, path, r.replacement);
        if (after === root || seen.has(after)) continue;
        seen.add(after);
        out.push({ law: law.law.name, direction, path, ext: r.match.ext, subst: r.match.subst, before: root, after, conditions: r.conditions });
      }
    }
  }
  return out;
}

/**
 * Every single application of the named law to `expr`: both directions, at every position, side
 * conditions proved by property inference. Empty when the law is unknown, is a property law, or
 * the expression is ill-shaped (check with `findLaw` and `inferShape`). For commutativity and
 * associativity laws (which hold in the representation) one step per node of that operator,
 * with `after` equal to the canonical `before`.
 */
export function rewriteOnce(expr: Expr, lawName: string, givens: Givens = new Map()): RewriteStep[] {
  const law = compiledLaw(lawName);
  if (!law || law.law.kind !== 'equation') return [];
  const t = termOf(expr, givens);
  if (!t.ok) return [];
  return rewriteOnceTerm(t.value, law).map(toRewriteStep);
}

/**
 * The laws among `names` (names or aliases of equation laws) that turn `from` into `to` in one
 * application, compared up to canonical form: what `rewriteOnce` then a canonical comparison of
 * each result with `to` would say, but with both sides converted once, together (`bothTerms`, as
 * `canonicallyEqual` reads them), and every result
 * compared by term identity (terms are hash-consed). Structural laws (commutativity,
 * associativity) are skipped: they change nothing in this representation. Undefined when the
 * two sides do not convert together (a shape error); the caller decides another way then.
 */
export function lawsDoingStep(from: Expr, to: Expr, names: readonly string[], givens: Givens = new Map()): string[] | undefined {
  const both = bothTerms(from, to, givens);
  if (!both.ok) return undefined;
  const [a, b] = both.value;
  const out: string[] = [];
  for (const name of names) {
    const law = compiledLaw(name);
    if (!law || law.law.kind !== 'equation' || law.law.structural) continue;
    if (rewriteOnceTerm(a, law).some((step) => step.after === b)) out.push(name);
  }
  return out;
}

/**
 * The expression `rewriteOnce` converted last, with its givens and term. A search and a diagnosis
 * apply law after law to one expression, and the conversion (shape inference included) cost as
 * much as the matching; expressions and givens are immutable values, so the same objects give the
 * same term. One slot: it holds one expression, never more.
 */
let lastConversion: { readonly expr: Expr; readonly givens: Givens; readonly term: Result<Term> } | undefined;

/** `exprToTerm(expr, givens)`, reusing the last conversion when both are the same objects. */
function termOf(expr: Expr, givens: Givens): Result<Term> {
  if (lastConversion !== undefined && lastConversion.expr === expr && lastConversion.givens === givens) return lastConversion.term;
  const term = exprToTerm(expr, givens);
  lastConversion = { expr, givens, term };
  return term;
}

/**
 * Replays one step independently of any search: applies `lawName` in `direction` at `path` of the
 * canonical term of `expr`, choosing the match whose substitution agrees with `substitution`
 * (compared as plain text) and, when given, uses exactly `children` of an n-ary node. Variables
 * only on the produced side must be supplied in `substitution`.
 */
export function applyLaw(
  expr: Expr,
  lawName: string,
  direction: Direction,
  path: readonly number[],
  substitution: Readonly<Record<string, Expr>> = {},
  givens: Givens = new Map(),
  children?: readonly number[],
): Result<Expr> {
  const law = compiledLaw(lawName);
  if (!law) return fail(odotError('unknown-law', `unknown law '${lawName}'`));
  if (law.law.kind !== 'equation') return fail(odotError('not-an-equation', `${law.law.name} is a property law, not an equation`));
  const t = exprToTerm(expr, givens);
  if (!t.ok) return t;
  if (law.law.structural) return ok(termToExpr(t.value));
  const node = subtermAt(t.value, path);
  if (!node) return fail(odotError('bad-path', `the path [${path.join(', ')}] is not a position of ${printPlain(expr)}`));
  const wanted = new Map(Object.entries(substitution).map(([k, v]) => [k, sizeFreeText(v)]));
  const [from, to] = sides(law, direction);
  for (const m of seededMatches(from, node, substitution, givens)) {
    const used = extChildren(m.ext);
    if (children && (used === undefined || used.join(',') !== children.join(','))) continue;
    let agrees = true;
    for (const [name, bound] of m.subst.vars) {
      const w = wanted.get(name);
      if (w !== undefined && w !== sizeFreeText(termToExpr(bound))) agrees = false;
    }
    if (!agrees) continue;
    const subst = withGiven(m.subst, collectPvars(to), substitution, givens);
    if (!subst.ok) return subst;
    const r = applyMatch(law, direction, node, { subst: subst.value, ext: m.ext });
    if (!r) continue;
    return ok(termToExpr(replaceAt(t.value, path, r.replacement)));
  }
  return fail(
    odotError('law-does-not-apply', `${law.law.name} (${direction}) does not apply at [${path.join(', ')}] with that substitution`),
  );
}

/**
 * The matches of `from` at `node`: first those that start from the recorded substitution (a
 * variable bound to a chain such as `A = X ⊙ Y` is only matched that way), then all the others.
 */
function* seededMatches(from: Term, node: Term, substitution: Readonly<Record<string, Expr>>, givens: Givens): Generator<Match> {
  const seed = withGiven(EMPTY_SUBST, collectPvars(from), substitution, givens);
  if (seed.ok && seed.value !== EMPTY_SUBST) yield* matchAt(from, node, seed.value);
  yield* matchAt(from, node, EMPTY_SUBST);
}

/** `subst` with the recorded values of the unbound variables among `names` (and the sizes they fix). */
function withGiven(subst: Subst, names: readonly Term[], substitution: Readonly<Record<string, Expr>>, givens: Givens): Result<Subst> {
  let out = subst;
  for (const name of names) {
    if (out.vars.has(name.data)) continue;
    const given = substitution[name.data];
    if (given === undefined) continue;
    const g = exprToTerm(given, givens);
    if (!g.ok) return g;
    const vars = new Map(out.vars);
    vars.set(name.data, g.value);
    const dims = new Map(out.dims);
    if (name.shape.kind === 'matrix' && g.value.shape.kind === 'matrix') {
      if (typeof name.shape.rows === 'string' && !dims.has(name.shape.rows)) dims.set(name.shape.rows, g.value.shape.rows);
      if (typeof name.shape.cols === 'string' && !dims.has(name.shape.cols)) dims.set(name.shape.cols, g.value.shape.cols);
    }
    out = { vars, dims };
  }
  return ok(out);
}

/**
 * Plain text of an expression with the sizes of J, 0 and I left out: a recorded substitution may
 * name `I_n` where the expression being replayed writes `I` and takes n from context.
 */
function sizeFreeText(e: Expr): string {
  const strip = (x: Expr): Expr => {
    switch (x.type) {
      case 'Ones':
        return ones();
      case 'Zero':
        return zero();
      case 'Identity':
        return identity();
      default:
        return mapChildren(x, strip);
    }
  };
  return printPlain(strip(e));
}

function collectPvars(t: Term, out: Term[] = []): Term[] {
  if (t.op === 'pvar' && !out.includes(t)) out.push(t);
  for (const a of t.args) collectPvars(a, out);
  return out;
}

/** All compiled equations (for the search). */
export function equationLaws(): readonly CompiledLaw[] {
  return COMPILED_LAWS.filter((c) => c.law.kind === 'equation' && !c.law.structural);
}
