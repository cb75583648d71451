import { childrenOf, printPlain, stripSpans, type Expr, type Givens, type Result, ok, fail, odotError } from '@odot/core';
import { canonicalForm } from './canonical.ts';
import { COMPILED_LAWS, compiledLaw } from './catalogue.ts';
import { exprToTerm, termToExpr } from './convert.ts';
import { crossCheck, UnsoundStep } from './cross-check.ts';
import type { CompiledLaw } from './law.ts';
import { replaceAt, rewritesAt, toRewriteStep, type RewriteStep, type TermStep } from './rewrite.ts';
import type { Op, Term } from './term.ts';

/**
 * The simplifier's priority order: absorbing and identity elements first, then transposes pushed to
 * the leaves, scalars pulled out, diagonal facts, distribution, powers, collecting like terms.
 * Every law marked `simplify` in the catalogue is used; those not listed here come last.
 */
export const SIMPLIFY_ORDER: readonly string[] = [
  'sub_self',
  'hadamard_zero',
  'zero_mul',
  'mul_zero',
  'zero_smul',
  'smul_zero',
  'add_zero',
  'hadamard_ones',
  'one_mul',
  'mul_one',
  'transpose_transpose',
  'transpose_symmetric',
  'transpose_ones',
  'transpose_zero',
  'transpose_hadamard',
  'transpose_mul',
  'transpose_add',
  'transpose_smul',
  'transpose_kron',
  'transpose_hadamard_power',
  'hadamard_neg',
  'smul_hadamard',
  'hadamard_smul',
  'smul_mul',
  'mul_smul',
  'kron_smul',
  'smul_kron',
  'diagonal_mul_diagonal',
  'diag_hadamard_diag',
  'diag_diagvec_diagonal',
  'diagvec_diag',
  'identity_hadamard',
  'diagonal_hadamard_mul',
  'hadamard_mul_diagonal',
  'diagvec_hadamard',
  'kronecker_hadamard',
  'hadamard_add',
  'add_hadamard',
  'mul_add',
  'add_mul',
  'kron_add',
  'add_kron',
  'smul_add',
  'hadamard_pow_one',
  'hadamard_self',
  'hadamard_pow_succ',
  'hadamard_pow_mul',
  'hadamard_pow_pow',
  'hadamard_pow_distrib',
  'add_self',
  'add_collect_one',
  'add_collect',
  'trace_add',
  'trace_smul',
  'trace_transpose',
  'det_transpose',
];

/** Limits and switches of `simplify`. */
export interface SimplifyOptions {
  /** Most rewrite steps (default 2000). */
  readonly maxSteps?: number;
  /** Largest term size in nodes (default 50 000). */
  readonly maxNodes?: number;
  /** Wall-clock budget in milliseconds (default 2000). */
  readonly timeLimitMs?: number;
  /** Use only these laws (names), in `SIMPLIFY_ORDER` order; default every `simplify` law. */
  readonly laws?: readonly string[];
  /** Debug mode: cross-check every step numerically (throws on an unsound step). */
  readonly check?: boolean;
}

/** The outcome of `simplify`: the normal form, the steps, and which limit stopped it (if any). */
export interface SimplifyResult {
  readonly result: Expr;
  readonly steps: readonly RewriteStep[];
  /** Set when a limit stopped the strategy before a normal form: `steps`, `nodes` or `time`, with numbers. */
  readonly limit?: string;
}

interface Strategy {
  readonly key: string;
  readonly byOp: ReadonlyMap<Op, readonly CompiledLaw[]>;
}

function strategyOf(names: readonly string[] | undefined): Strategy {
  const chosen: CompiledLaw[] = [];
  const order = [...SIMPLIFY_ORDER, ...COMPILED_LAWS.filter((c) => c.law.simplify).map((c) => c.law.name)];
  for (const name of order) {
    const c = compiledLaw(name);
    if (!c || chosen.includes(c) || c.law.kind !== 'equation' || c.law.structural) continue;
    if (names ? !names.includes(c.law.name) : !c.law.simplify) continue;
    chosen.push(c);
  }
  const byOp = new Map<Op, CompiledLaw[]>();
  for (const c of chosen) {
    const list = byOp.get(c.lhs.op) ?? [];
    list.push(c);
    byOp.set(c.lhs.op, list);
  }
  return { key: `irreducible:${names ? chosen.map((c) => c.law.name).join(',') : 'default'}`, byOp };
}

const DEFAULT_STRATEGY = strategyOf(undefined);

interface Redex {
  readonly path: readonly number[];
  readonly law: CompiledLaw;
  readonly step: ReturnType<typeof rewritesAt> extends Generator<infer R> ? R : never;
}

function tryAt(node: Term, strategy: Strategy): Omit<Redex, 'path'> | undefined {
  const laws = strategy.byOp.get(node.op);
  if (!laws) return undefined;
  for (const law of laws) {
    for (const r of rewritesAt(law, 'forward', node, 64)) {
      if (r.replacement !== node) return { law, step: r };
    }
  }
  return undefined;
}

/** Leftmost-innermost redex; subterms found irreducible are remembered on the (shared) terms. */
function findRedex(t: Term, strategy: Strategy, path: number[]): Redex | undefined {
  if (t.memo.get(strategy.key) === true) return undefined;
  for (let i = 0; i < t.args.length; i++) {
    path.push(i);
    const r = findRedex(t.args[i] as Term, strategy, path);
    path.pop();
    if (r) return r;
  }
  const here = tryAt(t, strategy);
  if (!here) {
    t.memo.set(strategy.key, true);
    return undefined;
  }
  return { path: [...path], ...here };
}

/** The normal form of a term with its steps (internal; used by `simplify` and `equivalent`). */
export interface NormalForm {
  readonly term: Term;
  readonly steps: readonly TermStep[];
  readonly limit?: string;
}

/** Rewrites a term to its normal form under the strategy, within the limits. */
export function normalize(t: Term, givens: Givens, options: SimplifyOptions = {}, deadline?: number): NormalForm {
  const strategy = options.laws ? strategyOf(options.laws) : DEFAULT_STRATEGY;
  const maxSteps = options.maxSteps ?? 2000;
  const maxNodes = options.maxNodes ?? 50_000;
  const end = Math.min(deadline ?? Infinity, Date.now() + (options.timeLimitMs ?? 2000));
  const steps: TermStep[] = [];
  let cur = t;
  for (;;) {
    if (steps.length >= maxSteps) return { term: cur, steps, limit: `steps: stopped after ${maxSteps} steps` };
    if (cur.size > maxNodes) return { term: cur, steps, limit: `nodes: the expression grew to ${cur.size} nodes (limit ${maxNodes})` };
    if (Date.now() > end) return { term: cur, steps, limit: `time: stopped after ${options.timeLimitMs ?? 2000} ms` };
    const r = findRedex(cur, strategy, []);
    if (!r) return { term: cur, steps };
    const next = replaceAt(cur, r.path, r.step.replacement);
    if (options.check) crossCheck(r.law.law.name, cur, next, givens, steps.length + 1);
    steps.push({
      law: r.law.law.name,
      direction: 'forward',
      path: r.path,
      ext: r.step.match.ext,
      subst: r.step.match.subst,
      before: cur,
      after: next,
      conditions: r.step.conditions,
    });
    cur = next;
  }
}

// ---------------------------------------------------------------- the reordering step

function flatten(e: Expr, type: Expr['type'], out: Expr[] = []): Expr[] {
  if (e.type === type && 'left' in e && 'right' in e) {
    flatten(e.left, type, out);
    flatten(e.right, type, out);
  } else out.push(e);
  return out;
}

/**
 * Names a step between two expressions with the same canonical term. The two are walked side by
 * side: where a ⊙ or + chain holds the same operands in another order, its commutativity law is
 * named; where it groups them differently, its associativity law; the operands are then matched and
 * compared in turn. Commutativity laws are named in preference (a reordering step is compared up
 * to grouping); when several operators were reordered, their laws are joined by ", " (a step
 * citing several laws). Falls back to scalar merging and associativity of
 * whatever operators occur. Undefined when the two print the same.
 */
export function reorderLaw(from: Expr, to: Expr): string | undefined {
  if (printPlain(from) === printPlain(to)) return undefined;
  const laws: string[] = [];
  const note = (law: string): void => {
    if (!laws.includes(law)) laws.push(law);
  };
  if (!compareOrder(from, to, note)) return fallbackReorderLaw(from, to);
  // A reordering also regroups freely (steps compare up to grouping), so commutativity laws suffice.
  const comm = laws.filter((law) => law.endsWith('_comm'));
  const named = comm.length > 0 ? comm : laws;
  return named.length > 0 ? named.join(', ') : fallbackReorderLaw(from, to);
}

const COMM_ASSOC: Partial<Record<Expr['type'], readonly [string, string]>> = {
  Hadamard: ['hadamard_comm', 'hadamard_assoc'],
  Add: ['add_comm', 'add_assoc'],
};

/** The canonical text of an expression, to match operands that differ only in order inside. */
function orderFreeKey(e: Expr): string {
  const canonical = canonicalForm(e);
  return printPlain(canonical.ok ? canonical.value : e);
}

/** The grouping of a chain as text, e.g. `((0 1) 2)`, to tell a regrouping from a reordering. */
function grouping(e: Expr, type: Expr['type'], counter = { n: 0 }): string {
  if (e.type === type && 'left' in e && 'right' in e) {
    return `(${grouping(e.left, type, counter)} ${grouping(e.right, type, counter)})`;
  }
  return String(counter.n++);
}

/**
 * Walks `from` and `to` together, reporting the comm/assoc laws that turn one into the other.
 * False when they differ in a way no reordering explains (the caller then falls back).
 */
function compareOrder(from: Expr, to: Expr, note: (law: string) => void): boolean {
  if (printPlain(from) === printPlain(to)) return true;
  if (from.type !== to.type) return false;
  const laws = COMM_ASSOC[from.type];
  if (laws) {
    const fromParts = flatten(from, from.type);
    const toParts = flatten(to, to.type);
    if (fromParts.length !== toParts.length) return false;
    if (grouping(from, from.type) !== grouping(to, to.type)) note(laws[1]);
    const toKeys = toParts.map(orderFreeKey);
    const used = new Set<number>();
    let reordered = false;
    for (const [i, part] of fromParts.entries()) {
      const key = orderFreeKey(part);
      let j = toKeys.findIndex((k, index) => k === key && !used.has(index) && index === i);
      if (j < 0) j = toKeys.findIndex((k, index) => k === key && !used.has(index));
      if (j < 0) return false;
      if (j !== i) reordered = true;
      used.add(j);
      const partner = toParts[j];
      if (!partner || !compareOrder(part, partner, note)) return false;
    }
    if (reordered) note(laws[0]);
    return true;
  }
  const fromChildren = childrenOf(from);
  const toChildren = childrenOf(to);
  if (fromChildren.length !== toChildren.length || fromChildren.length === 0) return false;
  return fromChildren.every((child, i) => {
    const partner = toChildren[i];
    return partner !== undefined && compareOrder(child, partner, note);
  });
}

/** The old, coarse naming: the first out-of-order ⊙ or + by printed order, else assoc or scalar laws. */
function fallbackReorderLaw(from: Expr, to: Expr): string | undefined {
  let comm: string | undefined;
  let assoc: string | undefined;
  let scalar = false;
  const seen = new Set<Expr['type']>();
  const visit = (x: Expr): void => {
    seen.add(x.type);
    if (x.type === 'Hadamard' || x.type === 'Add') {
      const parts = flatten(x, x.type).map((p) => printPlain(p));
      const sorted = [...parts].sort();
      if (parts.join('\u0000') !== sorted.join('\u0000')) comm ??= x.type === 'Hadamard' ? 'hadamard_comm' : 'add_comm';
      if (x.right.type === x.type) assoc ??= x.type === 'Hadamard' ? 'hadamard_assoc' : 'add_assoc';
    }
    if (x.type === 'Sub') comm ??= 'add_comm';
    if (x.type === 'MatMul' && x.right.type === 'MatMul') assoc ??= 'mul_assoc';
    if (x.type === 'Neg' || x.type === 'ScalarMul') scalar = true;
    for (const child of childrenOf(x)) visit(child);
  };
  visit(from);
  visit(to);
  if (comm ?? assoc) return comm ?? assoc;
  if (scalar) return 'smul_smul';
  if (seen.has('Hadamard')) return 'hadamard_assoc';
  if (seen.has('Add') || seen.has('Sub')) return 'add_assoc';
  if (seen.has('MatMul')) return 'mul_assoc';
  return undefined;
}

/** The explicit reordering step from an input expression to its canonical form, if it changed. */
export function reorderStep(input: Expr, canonical: Term): RewriteStep | undefined {
  const before = stripSpans(input);
  const after = termToExpr(canonical);
  const law = reorderLaw(before, after);
  if (!law) return undefined;
  return { law, direction: 'forward', path: [], substitution: {}, before, after };
}

/**
 * Simplifies an expression to its normal form with a terminating, budgeted strategy
 * (`SIMPLIFY_ORDER`, leftmost-innermost), returning every step (law, direction, path, substitution,
 * before, after). A first step records a pure reordering (commutativity/associativity). A shape
 * error is a failure. `limit` says which limit stopped it early.
 */
export function simplify(expr: Expr, givens: Givens = new Map(), options: SimplifyOptions = {}): Result<SimplifyResult> {
  const t = exprToTerm(expr, givens);
  if (!t.ok) return t;
  for (const name of options.laws ?? []) {
    if (!compiledLaw(name)) return fail(odotError('unknown-law', `unknown law '${name}'`));
  }
  let nf: NormalForm;
  try {
    nf = normalize(t.value, givens, options);
  } catch (error) {
    if (error instanceof UnsoundStep) return fail(odotError('unsound-step', error.message));
    throw error;
  }
  const reorder = reorderStep(expr, t.value);
  const steps = [...(reorder ? [reorder] : []), ...nf.steps.map(toRewriteStep)];
  return ok({ result: termToExpr(nf.term), steps, ...(nf.limit ? { limit: nf.limit } : {}) });
}
