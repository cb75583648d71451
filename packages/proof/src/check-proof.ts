import {
  entry,
  foldExpr,
  formatLimit,
  formatShape,
  givensFrom,
  inferShape,
  inferShapes,
  printExpr,
  tooDeepError,
  type Claim,
  type Equal,
  type Expr,
  type Givens,
  type OdotError,
  type Span,
} from '@odot/core';
import type { AppliedStep } from './applied-step.ts';
import type { CheckerBackend, MissingCondition } from './backend.ts';
import { defaultBackend } from './default-backend.ts';
import { exprKey, freeNames, isEntrywise } from './expr-tools.ts';
import { parseProof, type ParseProofOptions } from './parse-proof.ts';
import type { ClaimLine, EquationLine, Goal, LawCitation, ProofDocument, ProofLine, StepLine, Theorem } from './proof-ast.ts';
import { scalarProductsAsProducts } from './pattern.ts';
import type { Counterexample, ProofReport, StepCode, StepReport, TheoremReport } from './report.ts';
import { DEFAULT_LIMITS, searchBothWays, type SearchLimits } from './search.ts';
import { resolveLawName } from '@odot/rewrite';
import { closestNames } from './suggest.ts';

/** Options of the checker. */
export interface CheckOptions extends ParseProofOptions {
  /** Whether `by algebra` (the engine justifies the step itself) is accepted; default true. */
  readonly allowAlgebra?: boolean;
  /** Search limits per step (defaults: 4 applications, 5000 expressions, 2000 ms). */
  readonly limits?: Partial<SearchLimits>;
  /** The engines used; tests may replace them. Default: rewrite's catalogue + the entrywise calculus + numeric. */
  readonly backend?: CheckerBackend;
}

/** Words of the format that are not catalogue laws. */
export const SPECIAL_LAWS = ['algebra', 'ext'] as const;

const show = (expr: Expr): string => printExpr(expr, 'plain');

interface Context {
  readonly givens: Givens;
  readonly backend: CheckerBackend;
  readonly limits: SearchLimits;
  readonly allowAlgebra: boolean;
}

function lawText(laws: readonly LawCitation[]): string {
  return laws.map((law) => law.name).join(', ');
}

function report(
  line: { readonly line: number; readonly span: Span },
  kind: StepReport['kind'],
  laws: readonly LawCitation[],
  code: StepCode,
  message: string,
  extra: Partial<Omit<StepReport, 'line' | 'column' | 'ok' | 'law' | 'message' | 'code' | 'kind'>> = {},
): StepReport {
  const span = extra.span ?? line.span;
  return {
    line: span.start.line,
    column: span.start.column,
    ok: code === 'ok',
    law: lawText(laws),
    message,
    code,
    kind,
    ...extra,
    span,
  };
}

function counterexampleText(counterexample: Counterexample): string {
  const where = counterexample.bindings.length > 0 ? `with ${counterexample.bindings.join(', ')}` : 'on a concrete instance';
  return `${where}: the previous line is ${counterexample.left} but this line is ${counterexample.right}`;
}

/** Unknown names among the cited laws, as a failing report, or undefined when all are known. */
function unknownLaws(
  line: { readonly line: number; readonly span: Span },
  kind: StepReport['kind'],
  laws: readonly LawCitation[],
  context: Context,
  allowed: readonly string[],
): StepReport | undefined {
  for (const law of laws) {
    if (allowed.includes(law.name) || context.backend.engine.knows(law.name)) continue;
    if ((SPECIAL_LAWS as readonly string[]).includes(law.name)) {
      const message =
        law.name === 'ext'
          ? '`by ext` closes an entrywise chain: write `X = Y by ext` on its own line after the chain'
          : '`by algebra` justifies a chain step `= EXPR by algebra`, not this line';
      return report(line, kind, laws, law.name === 'ext' ? 'bad-ext' : 'structure', message, { span: law.span });
    }
    const suggestions = closestNames(law.name, [...context.backend.engine.names, ...SPECIAL_LAWS]);
    const message =
      suggestions.length > 0
        ? `unknown law '${law.name}'; did you mean ${suggestions.join(' or ')}?`
        : `unknown law '${law.name}'`;
    return report(line, kind, laws, 'unknown-law', message, {
      span: law.span,
      hints: suggestions.length > 0 ? suggestions.map((name) => `${name}: ${context.backend.engine.statement(name) ?? ''}`.trim()) : ['`odot` lists the laws in its law reference'],
    });
  }
  return undefined;
}

/** Checks that `expr` has a shape; a failing report when not. */
function shapeProblem(
  line: { readonly line: number; readonly span: Span },
  kind: StepReport['kind'],
  laws: readonly LawCitation[],
  expr: Expr,
  context: Context,
): StepReport | undefined {
  const shape = inferShape(expr, context.givens);
  if (shape.ok) return undefined;
  return report(line, kind, laws, 'shape-error', shape.error.message, shape.error.span ? { span: shape.error.span } : {});
}

/** `diagonal_mul_diagonal needs D diagonal; …`, each condition once. */
function describeMissing(missing: readonly MissingCondition[]): string {
  return [...new Set(missing.map((m) => `${m.law} needs ${show(m.subject)} ${m.property}`))].join('; ');
}

/** How to supply the missing properties: a `given` line for a declared symbol, else a general hint. */
function missingHints(missing: readonly MissingCondition[], givens: Givens): string[] {
  const hints = missing.map((m) => {
    const info = m.subject.type === 'Identifier' ? givens.get(m.subject.name) : undefined;
    return info && m.subject.type === 'Identifier'
      ? `if ${m.subject.name} is ${m.property}, declare it: \`given ${m.subject.name}: ${formatShape(info.shape)} ${m.property}\``
      : `${m.law} applies only when ${show(m.subject)} is ${m.property}`;
  });
  return [...new Set(hints)];
}

/** The applications of one law, or none when the engine fails on the expression. */
function safeApply(backend: CheckerBackend, expr: Expr, name: string, givens: Givens): readonly AppliedStep[] {
  try {
    return backend.engine.apply(expr, name, givens);
  } catch {
    return [];
  }
}

function describeApplications(trace: readonly AppliedStep[]): string {
  if (trace.length === 0) return 'the two sides are already the same';
  const names = [...new Set(trace.map((step) => step.law))];
  return `${names.join(', ')} (${trace.length} application${trace.length === 1 ? '' : 's'})`;
}

/**
 * A step that only reorders or regroups (the rewrite engine's canonical forms agree) and cites a
 * structural law, but needs more swaps than the search allows or mixes several of them (as the
 * engine's own reordering steps do): accepted as a reordering, unless another single structural
 * law does it in one application (then the citation is wrong, and the caller diagnoses it).
 */
function reorderingVerdict(
  from: Expr,
  to: Expr,
  laws: readonly LawCitation[],
  line: { readonly line: number; readonly span: Span },
  kind: 'step' | 'equation',
  context: Context,
): StepReport | undefined {
  const { backend, givens } = context;
  const names = laws.map((law) => law.name);
  const structural = names.filter((name) => backend.engine.isStructural(name));
  if (structural.length === 0 || !backend.canonicallyEqual(from, to, givens)) return undefined;
  const single = backend.engine.names.filter(
    (name) =>
      backend.engine.isStructural(name) &&
      !names.includes(name) &&
      safeApply(backend, from, name, givens).some((step) => exprKey(step.after) === exprKey(to)),
  );
  if (single.length > 0) return undefined;
  const numeric = backend.numeric(from, to, givens);
  if (numeric.verdict === 'different') {
    return report(line, kind, laws, 'engine-mismatch', `internal cross-check failed, step rejected: ${counterexampleText(numeric.counterexample)}`, {
      counterexample: numeric.counterexample,
    });
  }
  return report(line, kind, laws, 'ok', `by ${structural.join(', ')}: a reordering (equal up to the order and grouping of ⊙, + and scalar factors)`, {
    numeric: numeric.verdict === 'equal' ? numeric.detail : `not checked numerically: ${numeric.reason}`,
  });
}

/** The deepest line the checker's (partly recursive) helpers take; deeper lines get `too-deep` up front. */
const MAX_LINE_DEPTH = 1000;

/** The depth of a tree, computed without recursion. */
function exprDepth(expr: Expr): number {
  return foldExpr<number>(expr, (_node, children) => 1 + Math.max(0, ...children));
}

/**
 * Checks one line, turning a stack overflow on a huge line (a sum of thousands of terms) into a
 * `too-deep` verdict on that line instead of an internal error for the whole proof.
 */
function guarded(line: ProofLine & { readonly laws: readonly LawCitation[] }, kind: StepReport['kind'], check: () => StepReport): StepReport {
  const roots = line.kind === 'step' ? [line.expr] : line.kind === 'equation' || line.kind === 'claim' ? [line.statement] : [];
  if (roots.some((root) => exprDepth(root) > MAX_LINE_DEPTH)) {
    return report(line, kind, line.laws, 'too-deep', `this line is nested more than ${MAX_LINE_DEPTH} levels deep (a sum or product of thousands of terms): split it into smaller steps`);
  }
  try {
    return check();
  } catch (error) {
    const deep = tooDeepError(error, 'this line');
    if (!deep) throw error;
    return report(line, kind, line.laws, 'too-deep', `${deep.message}: split it into smaller steps`);
  }
}

/** A step that repeats the line before: true, so the proof stays valid, but it earns no credit. */
function noChange(line: StepLine): StepReport {
  return { ...report({ line: line.line, span: line.exprSpan }, 'step', line.laws, 'no-change', 'this step changes nothing (it repeats the line before), so it earns no credit'), ok: true };
}

/** Checks that `from` becomes `to` by the cited laws; the heart of the checker. */
export function checkTransition(
  from: Expr,
  to: Expr,
  laws: readonly LawCitation[],
  line: { readonly line: number; readonly span: Span },
  kind: 'step' | 'equation',
  context: Context,
): StepReport {
  const { backend, givens } = context;
  const unknown = unknownLaws(line, kind, laws, context, ['algebra']);
  if (unknown) return unknown;
  const shape = shapeProblem(line, kind, laws, to, context);
  if (shape) return shape;
  const names = laws.map((law) => law.name);
  if (names.includes('algebra')) {
    if (!context.allowAlgebra) {
      const law = laws.find((l) => l.name === 'algebra') as LawCitation;
      return report(line, kind, laws, 'algebra-forbidden', '`by algebra` is not allowed here: cite the laws that justify the step', { span: law.span });
    }
    const verdict = backend.algebra(from, to, givens);
    switch (verdict.verdict) {
      case 'proved': {
        const numeric = backend.numeric(from, to, givens);
        if (numeric.verdict === 'different') {
          return report(line, kind, laws, 'engine-mismatch', `internal cross-check failed, step rejected: the engine claims a proof, but ${counterexampleText(numeric.counterexample)}`, {
            counterexample: numeric.counterexample,
          });
        }
        return report(line, kind, laws, 'ok', `by algebra: the engine proves it${verdict.laws.length > 0 ? ` (${[...new Set(verdict.laws)].join(', ')})` : ''}`, {
          numeric: numeric.verdict === 'equal' ? numeric.detail : `not checked numerically: ${numeric.reason}`,
        });
      }
      case 'equal-by-testing':
        return report(line, kind, laws, 'ok', `by algebra: equal by numeric identity testing (${verdict.detail}); no symbolic proof was found`, { numeric: verdict.detail });
      case 'refuted':
        return report(
          line,
          kind,
          laws,
          'false-step',
          verdict.counterexample ? `this step is false: ${counterexampleText(verdict.counterexample)}` : 'this step is false',
          verdict.counterexample ? { counterexample: verdict.counterexample } : {},
        );
      case 'unknown':
        return report(line, kind, laws, 'wrong-law', `by algebra: the engine could not decide this step (${verdict.reason})`);
    }
  }
  const sameCanonical = (a: Expr, b: Expr): boolean => backend.canonicallyEqual(a, b, givens);
  const search = searchBothWays(scalarProductsAsProducts(from, givens), scalarProductsAsProducts(to, givens), names, backend.engine, givens, context.limits, sameCanonical);
  const limitText = search.limit ? `search stopped at its limit (${formatLimit(search.limit)})` : undefined;
  if (search.steps) {
    const numeric = backend.numeric(from, to, givens);
    if (numeric.verdict === 'different') {
      return report(line, kind, laws, 'engine-mismatch', `internal cross-check failed, step rejected: the laws seemed to apply, but ${counterexampleText(numeric.counterexample)}`, {
        counterexample: numeric.counterexample,
      });
    }
    for (const step of search.replayable ?? search.steps) {
      const replay = backend.replay(step, givens);
      if (replay && !replay.ok) return report(line, kind, laws, 'engine-mismatch', `internal replay of ${step.law} failed, step rejected: ${replay.reason}`);
    }
    return report(line, kind, laws, 'ok', `by ${describeApplications(search.steps)}`, {
      trace: search.steps,
      numeric: numeric.verdict === 'equal' ? numeric.detail : `not checked numerically: ${numeric.reason}`,
    });
  }
  const reordering = reorderingVerdict(from, to, laws, line, kind, context);
  if (reordering) return reordering;
  const numeric = backend.numeric(from, to, givens);
  const relaxedGivens = backend.relaxGivens(givens);
  const relaxed = searchBothWays(from, to, names, backend.engine, relaxedGivens, context.limits, (a, b) => backend.canonicallyEqual(a, b, relaxedGivens));
  const missing = relaxed.steps ? (relaxed.replayable ?? relaxed.steps).flatMap((step) => backend.missingConditions(step, givens)) : [];
  if (missing.length > 0) {
    const what = describeMissing(missing);
    const falsity = numeric.verdict === 'different' ? `, and without it the step is false: ${counterexampleText(numeric.counterexample)}` : '';
    return report(line, kind, laws, 'side-condition', `${what}${falsity}`, {
      hints: missingHints(missing, givens),
      ...(numeric.verdict === 'different' ? { counterexample: numeric.counterexample } : {}),
    });
  }
  if (numeric.verdict === 'different') {
    return report(line, kind, laws, 'false-step', `this step is false: ${counterexampleText(numeric.counterexample)}`, {
      counterexample: numeric.counterexample,
    });
  }
  const others = backend.engine.names.filter((name) => !names.includes(name));
  const doers: string[] = [];
  for (const name of others) {
    const applications = safeApply(backend, from, name, givens);
    const does = (step: AppliedStep): boolean =>
      exprKey(step.after) === exprKey(to) || (step.origin === 'catalogue' && sameCanonical(step.after, to));
    if (applications.some(does)) doers.push(name);
    if (doers.length >= 3) break;
  }
  const cited = names.length === 1 ? `${names[0]} does` : `${names.join(', ')} do`;
  const truth = numeric.verdict === 'equal' ? 'the step is true, but ' : '';
  const instead =
    doers.length > 0
      ? `; ${doers.join(' or ')} does it in one step`
      : numeric.verdict === 'equal'
        ? '; no single law of the catalogue does it either: split it into smaller steps'
        : '';
  const message = `${truth}${cited} not turn ${show(from)} into ${show(to)}${instead}${limitText ? ` (${limitText})` : ''}`;
  return report(line, kind, laws, 'wrong-law', message, {
    ...(doers.length > 0 ? { hints: doers.map((name) => `${name}: ${backend.engine.statement(name) ?? ''}`.trim()) } : {}),
    ...(search.limit ? { limit: search.limit } : {}),
    numeric: numeric.verdict === 'equal' ? numeric.detail : `not decided numerically: ${numeric.reason}`,
  });
}

function checkClaimLine(line: ClaimLine, context: Context): StepReport {
  const unknown = unknownLaws(line, 'claim', line.laws, context, ['algebra']);
  if (unknown) return unknown;
  const shape = shapeProblem(line, 'claim', line.laws, line.statement.operand, context);
  if (shape) return shape;
  const names = line.laws.map((law) => law.name);
  if (names.includes('algebra') && !context.allowAlgebra) {
    return report(line, 'claim', line.laws, 'algebra-forbidden', '`by algebra` is not allowed here: cite the law that proves the claim');
  }
  const verdict = context.backend.claims(line.statement, context.givens, names);
  if (!verdict.holds) {
    if (verdict.missing && verdict.missing.length > 0) {
      return report(line, 'claim', line.laws, 'side-condition', describeMissing(verdict.missing), { hints: missingHints(verdict.missing, context.givens) });
    }
    return report(line, 'claim', line.laws, 'claim-unproved', `${show(line.statement)} does not follow from the givens${verdict.explanation ? `: ${verdict.explanation}` : ''}`);
  }
  if (names.includes('algebra') || names.some((name) => verdict.laws.includes(name))) {
    return report(line, 'claim', line.laws, 'ok', verdict.explanation);
  }
  return report(
    line,
    'claim',
    line.laws,
    'wrong-law',
    `the claim is true, but by ${verdict.laws.join(', ') || 'the givens'}, not by ${names.join(', ')}`,
    { hints: [verdict.explanation] },
  );
}

interface Chain {
  readonly start: Expr;
  readonly startLine: ProofLine;
  current: Expr | undefined;
  last: ProofLine;
  steps: number;
}

type Conclusion =
  | { readonly kind: 'chain'; readonly chain: Chain }
  | { readonly kind: 'equation'; readonly statement: Equal; readonly line: ProofLine }
  | { readonly kind: 'claim'; readonly statement: Claim; readonly line: ProofLine };

/** The index pair `i, j` of an entry, when both are plain names. */
function entryIndices(expr: Expr): { matrix: Expr; row: string; col: string } | undefined {
  if (expr.type !== 'Entry' || expr.row.type !== 'Identifier' || expr.col.type !== 'Identifier') return undefined;
  return { matrix: expr.matrix, row: expr.row.name, col: expr.col.name };
}

/** Checks `X = Y by ext` against the entrywise chain before it. */
function checkExt(line: EquationLine, chain: Chain | undefined, context: Context): StepReport {
  const { left, right } = line.statement;
  const extLaw = line.laws.filter((law) => law.name === 'ext');
  if (line.laws.length > extLaw.length) {
    return report(line, 'ext', line.laws, 'bad-ext', '`by ext` stands alone: the entrywise chain above carries the other laws');
  }
  if (!chain || chain.steps === 0) {
    return report(line, 'ext', line.laws, 'bad-ext', '`by ext` needs an entrywise chain above it, from X[i,j] to Y[i,j]');
  }
  const start = entryIndices(chain.start);
  if (!start) {
    return report(line, 'ext', line.laws, 'bad-ext', `\`by ext\` needs a chain that starts at an entry X[i,j] with index names; it starts at ${show(chain.start)}`);
  }
  const { row, col } = start;
  const problems: string[] = [];
  if (row === col) problems.push(`the row and column indices must be different names (both are ${row})`);
  for (const name of [row, col]) {
    if (context.givens.has(name)) problems.push(`${name} is a declared symbol, not a free index`);
    if (freeNames(left).has(name) || freeNames(right).has(name)) problems.push(`${name} occurs in the equation itself`);
  }
  if (problems.length > 0) return report(line, 'ext', line.laws, 'bad-ext', `\`by ext\`: ${problems.join('; ')}`);
  const wantStart = entry(left, { type: 'Identifier', name: row }, { type: 'Identifier', name: col });
  const wantEnd = entry(right, { type: 'Identifier', name: row }, { type: 'Identifier', name: col });
  if (exprKey(chain.start) !== exprKey(wantStart)) {
    return report(line, 'ext', line.laws, 'bad-ext', `the chain above starts at ${show(chain.start)}, not at ${show(wantStart)}`);
  }
  if (!chain.current || exprKey(chain.current) !== exprKey(wantEnd)) {
    return report(
      line,
      'ext',
      line.laws,
      'bad-ext',
      `the chain above ends at ${chain.current ? show(chain.current) : 'an unreadable line'}, not at ${show(wantEnd)}`,
    );
  }
  const table = inferShapes(line.statement, context.givens);
  if (!table.ok) return report(line, 'ext', line.laws, 'shape-error', table.error.message, table.error.span ? { span: table.error.span } : {});
  const shape = table.value.shapeOf(left);
  if (shape.kind !== 'matrix') {
    return report(line, 'ext', line.laws, 'bad-ext', `\`by ext\` equates matrices; here both sides are ${formatShape(shape)}`);
  }
  return report(line, 'ext', line.laws, 'ok', `by ext: equal at every entry (${row}, ${col})`);
}

function sameStatement(a: Goal | Equal | Claim, b: Goal): boolean {
  return exprKey(a) === exprKey(b);
}

/** Checks one theorem of a parsed document. */
export function checkTheorem(theorem: Theorem, options: CheckOptions = {}): TheoremReport {
  const context: Context = {
    givens: givensFrom(theorem.declarations),
    backend: options.backend ?? defaultBackend(),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    allowAlgebra: options.allowAlgebra ?? true,
  };
  return checkLines(theorem.goal, theorem.lines, theorem.index, theorem.line, context, theorem.qedLine);
}

/**
 * The line with its cited law names resolved by @odot/rewrite's `resolveLawName` against the
 * engines' names: a known name stays; another case or spacing, or a one-letter typo of exactly one
 * law, is replaced by that law, with a note for the typo. Unknown names stay (reported later).
 */
function resolveCitations(line: ProofLine, context: Context): { line: ProofLine; note?: string } {
  if (line.kind === 'start' || line.laws.length === 0) return { line };
  const engine = context.backend.engine;
  const known = { names: engine.names, canonical: (name: string) => (engine.knows(name) ? name : undefined) };
  const notes: string[] = [];
  const laws = line.laws.map((law) => {
    if ((SPECIAL_LAWS as readonly string[]).includes(law.name) || engine.knows(law.name)) return law;
    const resolved = resolveLawName(law.name, known);
    if (resolved.kind === 'typo') notes.push(resolved.note);
    return resolved.kind === 'unknown' ? law : { ...law, name: resolved.name };
  });
  return notes.length > 0 ? { line: { ...line, laws } as ProofLine, note: notes.join('; ') } : { line: { ...line, laws } as ProofLine };
}

/** Checks proof lines against a goal under givens (shared by files and the grader's bare proof bodies). */
export function checkLines(
  goal: Goal,
  lines: readonly ProofLine[],
  index: number,
  goalLine: number,
  context: Context,
  qedLine?: number,
): TheoremReport {
  const steps: StepReport[] = [];
  let chain: Chain | undefined;
  let conclusion: Conclusion | undefined;
  for (const written of lines) {
    const { line, note } = resolveCitations(written, context);
    const before = steps.length;
    switch (line.kind) {
      case 'start': {
        chain = { start: line.expr, startLine: line, current: line.expr, last: line, steps: 0 };
        conclusion = { kind: 'chain', chain };
        const shape = shapeProblem(line, 'structure', [], line.expr, context);
        if (shape) steps.push(shape);
        break;
      }
      case 'step': {
        if (!chain) {
          steps.push(report(line, 'step', line.laws, 'structure', 'a step continues a chain: write the starting expression on the line before'));
          chain = { start: line.expr, startLine: line, current: line.expr, last: line, steps: 1 };
          conclusion = { kind: 'chain', chain };
          break;
        }
        if (chain.current === undefined) {
          steps.push(report(line, 'step', line.laws, 'unchecked', 'not checked: the line before could not be read'));
        } else if (exprKey(chain.current) === exprKey(line.expr)) {
          steps.push(noChange(line));
        } else {
          const from = chain.current;
          steps.push(guarded(line, 'step', () => checkTransition(from, line.expr, line.laws, { line: line.line, span: (line as StepLine).exprSpan }, 'step', context)));
        }
        chain.current = line.expr;
        chain.last = line;
        chain.steps += 1;
        conclusion = { kind: 'chain', chain };
        break;
      }
      case 'equation': {
        if (line.laws.some((law) => law.name === 'ext')) {
          const before = chain;
          steps.push(guarded(line, 'ext', () => checkExt(line, before, context)));
        } else {
          steps.push(guarded(line, 'equation', () => checkTransition(line.statement.left, line.statement.right, line.laws, line, 'equation', context)));
        }
        conclusion = { kind: 'equation', statement: line.statement, line };
        // Steps may continue from the equation's right side: `L = M by …` then `= R by …`.
        chain = { start: line.statement.left, startLine: line, current: line.statement.right, last: line, steps: 1 };
        break;
      }
      case 'claim':
        steps.push(guarded(line, 'claim', () => checkClaimLine(line, context)));
        conclusion = { kind: 'claim', statement: line.statement, line };
        chain = undefined;
        break;
      case 'invalid': {
        const error: OdotError = line.error;
        const code: StepCode = error.code === 'proof-missing-law' ? 'structure' : 'parse-error';
        steps.push(report(line, 'step', line.laws, code, error.message, { ...(error.span ? { span: error.span } : {}), ...(error.hints ? { hints: error.hints } : {}) }));
        if (chain) {
          chain.current = undefined;
          chain.last = line;
          chain.steps += 1;
        }
        break;
      }
    }
    const first = steps[before];
    if (note !== undefined && first) steps[before] = { ...first, message: `${first.message} (${note})`, note };
  }
  const endLine = { line: qedLine ?? goalLine, span: lines.at(-1)?.span ?? { start: { line: goalLine, column: 1, offset: 0 }, end: { line: goalLine, column: 2, offset: 1 } } };
  if (!conclusion) {
    steps.push(report(endLine, 'structure', [], 'wrong-end', 'the proof is empty'));
  } else if (conclusion.kind === 'chain') {
    const c = conclusion.chain;
    if (goal.type !== 'Equal') {
      steps.push(report(c.last, 'structure', [], 'wrong-end', `a chain of equalities does not prove the claim ${show(goal)}: end with \`${show(goal)} by LAW\``));
    } else if (isEntrywise(c.start) && !isEntrywise(goal)) {
      steps.push(report(c.last, 'structure', [], 'wrong-end', `an entrywise chain ends with \`${show(goal)} by ext\``));
    } else {
      if (exprKey(c.start) !== exprKey(goal.left)) {
        const reversed = exprKey(c.start) === exprKey(goal.right);
        steps.push(
          report(c.startLine, 'structure', [], 'wrong-start', `the chain starts at ${show(c.start)}, but the goal's left side is ${show(goal.left)}`, reversed ? { hints: ['write the chain from the left side of the goal to its right side'] } : {}),
        );
      }
      if (c.current !== undefined && exprKey(c.current) !== exprKey(goal.right)) {
        steps.push(report(c.last, 'structure', [], 'wrong-end', `the chain ends at ${show(c.current)}, but the goal's right side is ${show(goal.right)}`));
      }
    }
  } else if (!sameStatement(conclusion.statement, goal)) {
    steps.push(report(conclusion.line, 'structure', [], 'wrong-end', `this proves ${show(conclusion.statement)}, but the goal is ${show(goal)}`));
  }
  return {
    index,
    goal: show(goal),
    line: goalLine,
    valid: steps.every((step) => step.ok) && steps.length > 0,
    steps,
  };
}

/** Parses (when given text) and checks every theorem of a proof file. */
export function checkProof(input: string | ProofDocument, options: CheckOptions = {}): ProofReport {
  const document = typeof input === 'string' ? parseProof(input, options) : input;
  const theorems = document.theorems.map((theorem) => checkTheorem(theorem, options));
  return {
    valid: document.errors.length === 0 && theorems.length > 0 && theorems.every((theorem) => theorem.valid),
    theorems,
    errors: document.errors,
  };
}

/** The context `checkLines` needs, built from givens and options (for callers outside this file). */
export function checkContext(givens: Givens, options: CheckOptions = {}): Context {
  return {
    givens,
    backend: options.backend ?? defaultBackend(),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    allowAlgebra: options.allowAlgebra ?? true,
  };
}

export type { Context as CheckContext };
