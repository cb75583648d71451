import { Budget, LimitReached, childrenOf, didYouMean, exprEquals, hashExpr, printPlain, walkExpr, stripSpans, tick, withBudget, type Expr, type Givens, type Limit, type Result, ok, fail, odotError } from '@odot/core';
import { canonicalForm } from './canonical.ts';
import { COMPILED_LAWS } from './catalogue.ts';
import { exprToTerm, guardDepth } from './convert.ts';
import { termToExpr } from './term-to-expr.ts';
import { crossCheck, UnsoundStep } from './cross-check.ts';
import { resolveLawName } from './laws/resolve.ts';
import type { CompiledLaw } from './law.ts';
import { replaceAt, rewritesAt, toRewriteStep, type RewriteStep, type TermStep } from './rewrite.ts';
import { termAt, type Op, type Term } from './term.ts';

/** The laws `simplify` uses, in the order it tries them: by increasing `priority`, ties in catalogue order. */
const SIMPLIFY_LAWS: readonly CompiledLaw[] = COMPILED_LAWS.map((c, index) => ({ c, index }))
  .filter(({ c }) => c.law.simplify && c.law.kind === 'equation' && !c.law.structural)
  .sort((a, b) => a.c.law.priority - b.c.law.priority || a.index - b.index)
  .map(({ c }) => c);

/**
 * The simplifier's order, derived from the catalogue's priorities: absorbing and identity elements
 * first, then transposes pushed to the leaves, scalars pulled out, diagonal facts, distribution,
 * powers, collecting like terms.
 */
export const SIMPLIFY_ORDER: readonly string[] = SIMPLIFY_LAWS.map((c) => c.law.name);

/** Limits and switches of `simplify`. */
export interface SimplifyOptions {
  /** Most rewrite steps (default 2000). */
  readonly maxSteps?: number;
  /** Largest term size in nodes (default 50 000). */
  readonly maxNodes?: number;
  /** Most term cells built during the call (a term with k children is 1 + k), a bound on memory (default 2 000 000, about 200 MB). */
  readonly maxMemory?: number;
  /** Wall-clock budget in milliseconds (default 2000). */
  readonly timeLimitMs?: number;
  /**
   * A running budget the call adopts as its own instead of starting one (`timeLimitMs` is then its
   * time limit): a caller that parsed the input within it (`parse(text, { budget })`) keeps one
   * clock for the whole task.
   */
  readonly budget?: Budget;
  /** Use only these laws (names), in priority order; default every `simplify` law. */
  readonly laws?: readonly string[];
  /** Debug mode: cross-check every step numerically (throws on an unsound step). */
  readonly check?: boolean;
}

/** The outcome of `simplify`: the normal form, the steps, and which limit stopped it (if any). */
export interface SimplifyResult {
  readonly result: Expr;
  readonly steps: readonly RewriteStep[];
  /** Set when a limit stopped the strategy before a normal form: which one and its value. */
  readonly limit?: Limit;
}

interface Strategy {
  readonly key: string;
  readonly byOp: ReadonlyMap<Op, readonly CompiledLaw[]>;
}

function strategyOf(names: readonly string[] | undefined): Strategy {
  const chosen = names ? SIMPLIFY_LAWS.filter((c) => names.includes(c.law.name)) : SIMPLIFY_LAWS;
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

/**
 * The leftmost-innermost redex, found with an explicit stack (terms may be nested 100 000 deep);
 * subterms found irreducible are remembered on the (shared) terms.
 */
function findRedex(root: Term, strategy: Strategy): Redex | undefined {
  const irreducible = (t: Term): boolean => t.memo.get(strategy.key) === true;
  if (irreducible(root)) return undefined;
  tick();
  // The terms on the way down and the index of the next child of each to visit; `path` indexes them.
  const stack: { readonly t: Term; next: number }[] = [{ t: root, next: 0 }];
  const path: number[] = [];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { readonly t: Term; next: number };
    if (top.next < top.t.args.length) {
      const i = top.next++;
      const child = termAt(top.t.args, i);
      if (irreducible(child)) continue;
      tick();
      path.push(i);
      stack.push({ t: child, next: 0 });
      continue;
    }
    const here = tryAt(top.t, strategy);
    if (here) return { path: [...path], ...here };
    top.t.memo.set(strategy.key, true);
    stack.pop();
    path.pop();
  }
  return undefined;
}

/** The normal form of a term with its steps (internal; used by `simplify` and `equivalent`). */
export interface NormalForm {
  readonly term: Term;
  readonly steps: readonly TermStep[];
  readonly limit?: Limit;
}

/** The default limits of `simplify` (see `SimplifyOptions`). */
export const SIMPLIFY_LIMITS = { maxSteps: 2000, maxNodes: 50_000, maxMemory: 2_000_000, timeLimitMs: 2000 } as const;

/**
 * The catalogue names of the laws asked for, read by the one resolver (`resolveLawName`: names,
 * aliases, any case or spacing); a law that is unknown (a typo names the law meant) or that
 * `simplify` does not use (it holds both ways, like `hadamard_comm`) is an error.
 */
function simplifyLawNames(written: readonly string[]): Result<string[]> {
  const out: string[] = [];
  for (const name of written) {
    const r = resolveLawName(name);
    switch (r.kind) {
      case 'exact':
      case 'alias':
        if (!SIMPLIFY_ORDER.includes(r.name)) {
          const hints = ['simplify rewrites one way with the laws of SIMPLIFY_ORDER; prove any other law with equiv or in a proof'];
          return fail(odotError('not-a-simplifying-law', `'${name}' (${r.name}) is not one of simplify's laws`, { hints }));
        }
        out.push(r.name);
        break;
      case 'typo':
      case 'unknown': {
        const hint = didYouMean(r);
        return fail(odotError('unknown-law', `unknown law '${name}'`, hint === undefined ? {} : { hints: [hint] }));
      }
    }
  }
  return ok(out);
}

/**
 * Rewrites a term to its normal form under the strategy, within the limits. Time and memory are
 * checked inside the matching loops (see core's `Budget`), so a call stops close to its budget.
 * `printTime(t)`, when given, is the time to keep for printing `t` afterwards: the loops stop that
 * much before the time limit ends (`Budget.reserve`), so `simplify` prints its result within its budget.
 */
export function normalize(t: Term, givens: Givens, options: SimplifyOptions = {}, printTime?: (t: Term) => number): NormalForm {
  const strategy = options.laws ? strategyOf(options.laws) : DEFAULT_STRATEGY;
  const maxSteps = Math.max(0, options.maxSteps ?? SIMPLIFY_LIMITS.maxSteps);
  const maxNodes = options.maxNodes ?? SIMPLIFY_LIMITS.maxNodes;
  const budget = new Budget({
    timeLimitMs: options.timeLimitMs ?? SIMPLIFY_LIMITS.timeLimitMs,
    maxMemory: options.maxMemory ?? SIMPLIFY_LIMITS.maxMemory,
  });
  const steps: TermStep[] = [];
  let cur = t;
  try {
    return withBudget(budget, () => {
      for (;;) {
        // The input was printed already (the reordering step); a rewritten term still has to be.
        if (printTime && cur !== t) budget.reserve(printTime(cur));
        budget.check(cur.size <= maxNodes, { kind: 'nodes', value: maxNodes });
        budget.tick();
        const r = findRedex(cur, strategy);
        if (!r) return { term: cur, steps };
        budget.check(steps.length < maxSteps, { kind: 'steps', value: maxSteps });
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
    });
  } catch (error) {
    // Its own budget or an enclosing one: either way the steps so far are the answer.
    if (error instanceof LimitReached) return { term: cur, steps, limit: error.limit };
    throw error;
  }
}

// ---------------------------------------------------------------- the reordering step

/** The operands of a chain of one operator, left to right, without recursion (chains may be 10 000 long). */
function flatten(e: Expr, type: Expr['type']): Expr[] {
  const out: Expr[] = [];
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop() as Expr;
    if (x.type === type && 'left' in x && 'right' in x) stack.push(x.right, x.left);
    else out.push(x);
  }
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

/** The grouping of a chain as text, e.g. `((0 1) 2)`, to tell a regrouping from a reordering (iterative). */
function grouping(e: Expr, type: Expr['type']): string {
  let counter = 0;
  const out: string[] = [];
  const stack: (Expr | ' ' | ')')[] = [e];
  while (stack.length > 0) {
    const x = stack.pop() as Expr | ' ' | ')';
    if (x === ' ' || x === ')') out.push(x);
    else if (x.type === type && 'left' in x && 'right' in x) {
      out.push('(');
      stack.push(')', x.right, ' ', x.left);
    } else out.push(String(counter++));
  }
  return out.join('');
}

/** Whether two expressions print alike: structurally equal (hashes first, cached per node), else by their text. */
function sameText(from: Expr, to: Expr): boolean {
  if (from === to || (hashExpr(from) === hashExpr(to) && exprEquals(from, to))) return true;
  // Different trees may still print alike (`c A` is a scalar multiple or a product): only then is the text compared.
  return from.type !== to.type && printPlain(from) === printPlain(to);
}

/** One item of `compareOrder`'s work list: two subtrees to compare, or a law to note once the pairs above it are done. */
type OrderWork = { readonly from: Expr; readonly to: Expr } | { readonly law: string };

/**
 * Walks `from` and `to` together (an explicit work list, so trees of any depth are safe),
 * reporting the comm/assoc laws that turn one into the other in the order met. False when they
 * differ in a way no reordering explains (the caller then falls back).
 */
function compareOrder(from: Expr, to: Expr, note: (law: string) => void): boolean {
  const work: OrderWork[] = [{ from, to }];
  while (work.length > 0) {
    const item = work.pop() as OrderWork;
    if ('law' in item) {
      note(item.law);
      continue;
    }
    tick();
    const pairs = orderPairs(item.from, item.to, note);
    if (pairs === false) return false;
    // Pushed in reverse so the pairs are compared left to right, and a chain's comm law is noted after them.
    for (let i = pairs.length - 1; i >= 0; i--) work.push(pairs[i] as OrderWork);
  }
  return true;
}

/**
 * The pairs of subtrees to compare next for one pair (with the chain's commutativity law to note
 * after them when its operands were reordered; its associativity law is noted at once), or false.
 */
function orderPairs(from: Expr, to: Expr, note: (law: string) => void): OrderWork[] | false {
  if (sameText(from, to)) return [];
  if (from.type !== to.type) return false;
  const laws = COMM_ASSOC[from.type];
  if (!laws) {
    const fromChildren = childrenOf(from);
    const toChildren = childrenOf(to);
    if (fromChildren.length !== toChildren.length || fromChildren.length === 0) return false;
    return fromChildren.map((child, i) => ({ from: child, to: toChildren[i] as Expr }));
  }
  const fromParts = flatten(from, from.type);
  const toParts = flatten(to, to.type);
  if (fromParts.length !== toParts.length) return false;
  if (grouping(from, from.type) !== grouping(to, to.type)) note(laws[1]);
  // The unused positions of each key, in order (a map keeps long chains linear).
  const free = new Map<string, number[]>();
  toParts.map(orderFreeKey).forEach((k, index) => {
    const list = free.get(k);
    if (list) list.push(index);
    else free.set(k, [index]);
  });
  let reordered = false;
  const pairs: OrderWork[] = [];
  for (const [i, part] of fromParts.entries()) {
    const candidates = free.get(orderFreeKey(part)) ?? [];
    const own = candidates.indexOf(i);
    const at = own >= 0 ? own : 0;
    const j = candidates[at] ?? -1;
    if (j < 0) return false;
    candidates.splice(at, 1);
    if (j !== i) reordered = true;
    pairs.push({ from: part, to: toParts[j] as Expr });
  }
  return reordered ? [{ law: laws[0] }, ...pairs] : pairs;
}

/** The old, coarse naming: the first out-of-order ⊙ or + by printed order, else assoc or scalar laws. */
function fallbackReorderLaw(from: Expr, to: Expr): string | undefined {
  let comm: string | undefined;
  let assoc: string | undefined;
  let scalar = false;
  const seen = new Set<Expr['type']>();
  const visit = (x: Expr, parent: Expr | undefined): void => {
    seen.add(x.type);
    // A chain is read once, from its top (flattening every link again would be quadratic).
    if ((x.type === 'Hadamard' || x.type === 'Add') && parent?.type !== x.type) {
      const parts = flatten(x, x.type).map((p) => printPlain(p));
      const sorted = [...parts].sort();
      if (parts.join('\u0000') !== sorted.join('\u0000')) comm ??= x.type === 'Hadamard' ? 'hadamard_comm' : 'add_comm';
    }
    if ((x.type === 'Hadamard' || x.type === 'Add') && x.right.type === x.type) assoc ??= x.type === 'Hadamard' ? 'hadamard_assoc' : 'add_assoc';
    if (x.type === 'Sub') comm ??= 'add_comm';
    if (x.type === 'MatMul' && x.right.type === 'MatMul') assoc ??= 'mul_assoc';
    if (x.type === 'Neg' || x.type === 'ScalarMul') scalar = true;
  };
  walkExpr(from, visit);
  walkExpr(to, visit);
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
 * (laws by priority, leftmost-innermost), returning every step (law, direction, path, substitution,
 * before, after). A first step records a pure reordering (commutativity/associativity). A shape
 * error is a failure. `limit` says which limit stopped it early.
 */
export function simplify(expr: Expr, givens: Givens = new Map(), given: SimplifyOptions = {}): Result<SimplifyResult> {
  const laws = given.laws === undefined ? undefined : simplifyLawNames(given.laws);
  if (laws !== undefined && !laws.ok) return laws;
  const options: SimplifyOptions = laws === undefined ? given : { ...given, laws: laws.value };
  // One clock for the whole call: reading the input, naming the reordering and printing the result count too.
  const budget = options.budget ?? new Budget({ timeLimitMs: options.timeLimitMs ?? SIMPLIFY_LIMITS.timeLimitMs });
  const timeLimitMs = budget.limits.timeLimitMs ?? Infinity;
  try {
    return withBudget(budget, () => simplifyWithin(expr, givens, { ...options, timeLimitMs }, budget));
  } catch (error) {
    // Stopped before the input was read as a term: the input is the best result so far.
    if (error instanceof LimitReached && error.budget === budget) return ok({ result: expr, steps: [], limit: { kind: 'time', value: timeLimitMs } });
    if (error instanceof UnsoundStep) return fail(odotError('unsound-step', error.message));
    throw error;
  }
}

/** The least and the most time kept per node to print a normal form (ms): printing a node takes about 1–2 µs. */
const MIN_PRINT_MS_PER_NODE = 0.005;
const MAX_PRINT_MS_PER_NODE = 0.03;

function simplifyWithin(expr: Expr, givens: Givens, options: SimplifyOptions, budget: Budget): Result<SimplifyResult> {
  const start = budget.remainingMs();
  const t = guardDepth(exprToTerm(expr, givens), 'simplify');
  if (!t.ok) return t;
  const reorder = reorderStep(expr, t.value);
  // `maxSteps: N` records at most N steps in all, the reordering step included.
  const maxSteps = Math.max(0, options.maxSteps ?? SIMPLIFY_LIMITS.maxSteps);
  const rewriteSteps = reorder ? Math.max(0, maxSteps - 1) : maxSteps;
  const timeLimitMs = options.timeLimitMs ?? SIMPLIFY_LIMITS.timeLimitMs;
  // Time is kept to print the normal form: per node, what reading the input and naming its
  // reordering took (several passes over it, so more than printing needs), between 5 and 30 µs.
  const left = budget.remainingMs();
  const perNode = Math.min(MAX_PRINT_MS_PER_NODE, Math.max(MIN_PRINT_MS_PER_NODE, (start - left) / t.value.size));
  const nf = normalize(t.value, givens, { ...options, maxSteps: rewriteSteps, timeLimitMs: Math.max(0, left) }, (x) => perNode * x.size);
  const limit = nf.limit?.kind === 'steps' ? { kind: 'steps' as const, value: maxSteps } : nf.limit?.kind === 'time' ? { kind: 'time' as const, value: timeLimitMs } : nf.limit;
  const first = reorder && maxSteps > 0 ? [reorder] : [];
  let result: Expr;
  let steps: RewriteStep[];
  try {
    result = maxSteps === 0 && reorder ? stripSpans(expr) : termToExpr(nf.term);
    steps = [...first, ...nf.steps.map(toRewriteStep)];
  } catch (error) {
    // No time left to print the normal form: the last form already printed, and the steps to it.
    if (!(error instanceof LimitReached && error.budget === budget)) throw error;
    return ok({ result: reorder && first.length > 0 ? reorder.after : expr, steps: first, limit: { kind: 'time', value: timeLimitMs } });
  }
  return ok({ result, steps, ...(limit ? { limit } : {}) });
}
