import type { Expr, Givens, Property } from '@odot/core';
import { dimEquals, printExpr } from '@odot/core';
import { evaluate, isMatrix, psdTest, toExact, type ExactMatrix, type Value } from '@odot/numeric';
import { exprToTerm } from './convert.ts';
import { termToExpr } from './term-to-expr.ts';
import { isPositiveInteger } from './match.ts';
import { mkUnary, termAt, type BinaryTerm, type LeafTerm, type NaryTerm, type Term, type UnaryTerm } from './term.ts';
import { proveScalarSign } from './scalar-sign.ts';

/**
 * Why an expression has a property: the rule (a law of the catalogue, `given` for a declaration,
 * `numeric` for a concrete matrix checked exactly) and the facts it used.
 */
export interface Justification {
  readonly property: Property;
  readonly expr: Expr;
  /** A law name (`schur`, `gram_psd`, …), `given`, or `numeric`. */
  readonly rule: string;
  readonly premises: readonly Justification[];
  /** For `numeric`: how the exact check decided (e.g. the LDLᵀ certificate). */
  readonly evidence?: string;
}

/** Internal proof over terms; converted to a `Justification` at the public edge. */
export interface TermProof {
  readonly property: Property;
  readonly term: Term;
  readonly rule: string;
  readonly premises: readonly TermProof[];
  readonly evidence?: string;
}

/** Turns an internal proof into a justification tree with printed expressions. */
export function toJustification(p: TermProof): Justification {
  const out: Justification = {
    property: p.property,
    expr: termToExpr(p.term),
    rule: p.rule,
    premises: p.premises.map(toJustification),
    ...(p.evidence === undefined ? {} : { evidence: p.evidence }),
  };
  return out;
}

function square(t: Term): boolean {
  return t.shape.kind === 'matrix' && dimEquals(t.shape.rows, t.shape.cols);
}

const NEEDS_SQUARE = new Set<Property>(['diagonal', 'symmetric', 'psd', 'pd']);

function hasSymbols(t: Term): boolean {
  if (t.op === 'sym' || t.op === 'pvar') return true;
  return t.args.some(hasSymbols);
}

function all(args: readonly Term[], property: Property): TermProof[] | undefined {
  const out: TermProof[] = [];
  for (const a of args) {
    const p = proveProperty(a, property);
    if (!p) return undefined;
    out.push(p);
  }
  return out;
}

function proof(property: Property, term: Term, rule: string, premises: readonly TermProof[] = []): TermProof {
  return { property, term, rule, premises };
}

/** `rule` concludes `property` of t when every argument has that property. */
function fromEveryArg(property: Property, t: Term, rule: string): TermProof | undefined {
  const premises = all(t.args, property);
  return premises ? proof(property, t, rule, premises) : undefined;
}

/** The transpose of a factor as the normal form writes it (`(Bᵀ)ᵀ` is B). */
function transposeOf(t: Term): Term {
  return t.op === 'transpose' ? t.args[0] : mkUnary('transpose', t);
}

/** Bᵀ … B with the middle (if any) returned: a congruence or Gram product. */
function congruenceMiddle(args: readonly Term[]): { middle: Term | undefined; symmetric: TermProof[] } | undefined {
  const n = args.length;
  const half = Math.floor(n / 2);
  if (half === 0) return undefined;
  const symmetric: TermProof[] = [];
  for (let k = 0; k < half; k++) {
    const a = termAt(args, k);
    const b = termAt(args, n - 1 - k);
    if (a === transposeOf(b)) continue;
    // S … S with S symmetric reads as Sᵀ … S.
    const p = a === b ? proveProperty(a, 'symmetric') : undefined;
    if (!p) return undefined;
    symmetric.push(p);
  }
  return { middle: n % 2 === 1 ? args[half] : undefined, symmetric };
}

/** The rule that proves `property` of `t` directly from its operator and its children's properties. */
function direct(t: Term, property: Property): TermProof | undefined {
  switch (t.op) {
    case 'sym':
    case 'pvar':
      return t.declared.includes(property) ? proof(property, t, 'given') : undefined;
    case 'identity':
    case 'zero':
    case 'ones':
      return constantProof(t, property);
    case 'had':
      return hadamardProof(t, property);
    case 'add':
      return sumProof(t, property);
    case 'mul':
      return productProof(t, property);
    case 'smul':
      return scalarMultipleProof(t, property);
    case 'transpose':
      return transposeProof(t, property);
    case 'hpow':
      return hadamardPowerProof(t, property);
    case 'mpow':
      return matrixPowerProof(t, property);
    case 'inverse':
      return inverseProof(t, property);
    case 'kron':
      return kroneckerProof(t, property);
    case 'diag':
      return diagProof(t, property);
    case 'num':
    case 'lit':
    case 'diagvec':
    case 'trace':
    case 'det':
    case 'entry':
    case 'sum':
    case 'eq':
    case 'ne':
    case 'claim':
      return undefined;
  }
}

/** I, 0 and J: the properties each constant has (psd and diagonal only when square). */
function constantProof(t: LeafTerm, property: Property): TermProof | undefined {
  switch (t.op) {
    case 'identity':
      if (property === 'pd') return proof(property, t, 'identity_pd');
      if (property === 'diagonal') return proof(property, t, 'identity_diagonal');
      if (property === 'binary') return proof(property, t, 'identity_binary');
      return undefined;
    case 'zero':
      if (property === 'psd' && square(t)) return proof(property, t, 'zero_psd');
      if (property === 'diagonal' && square(t)) return proof(property, t, 'zero_diagonal');
      if (property === 'binary') return proof(property, t, 'zero_binary');
      return undefined;
    case 'ones':
      if (property === 'psd' && square(t)) return proof(property, t, 'ones_psd');
      if (property === 'binary') return proof(property, t, 'ones_binary');
      return undefined;
    default:
      return undefined;
  }
}

/** ⊙: one diagonal factor makes it diagonal; Schur (psd), its strengthening (pd); the rest from every factor. */
function hadamardProof(t: NaryTerm, property: Property): TermProof | undefined {
  if (property === 'diagonal') {
    for (const a of t.args) {
      const p = proveProperty(a, 'diagonal');
      if (p) return proof(property, t, 'hadamard_keeps_diagonal', [p]);
    }
    return undefined;
  }
  if (property === 'pd') return fromEveryArg(property, t, 'schur_pd') ?? schurStrengthened(t);
  const rule = {
    symmetric: 'hadamard_keeps_symmetric',
    psd: 'schur',
    nonnegative: 'hadamard_keeps_nonnegative',
    binary: 'hadamard_keeps_binary',
  }[property];
  return fromEveryArg(property, t, rule);
}

/** +: from every summand (pd: all psd and one pd). */
function sumProof(t: NaryTerm, property: Property): TermProof | undefined {
  if (property === 'pd') {
    const premises = all(t.args, 'psd');
    if (!premises) return undefined;
    const strict = t.args.map((a) => proveProperty(a, 'pd')).find((p) => p !== undefined);
    return strict ? proof(property, t, 'add_pd', [strict, ...premises.filter((p) => p.term !== strict.term)]) : undefined;
  }
  if (property === 'binary') return undefined;
  const rule = {
    symmetric: 'add_keeps_symmetric',
    psd: 'add_keeps_psd',
    diagonal: 'add_keeps_diagonal',
    nonnegative: 'add_keeps_nonnegative',
  }[property];
  return fromEveryArg(property, t, rule);
}

/** A matrix product: diagonal and nonnegative from every factor; psd and symmetric as a Gram matrix or a congruence Xᵀ M X. */
function productProof(t: NaryTerm, property: Property): TermProof | undefined {
  if (t.shape.kind === 'scalar') return undefined;
  if (property === 'diagonal') return fromEveryArg(property, t, 'mul_keeps_diagonal');
  if (property === 'nonnegative') return fromEveryArg(property, t, 'mul_keeps_nonnegative');
  if (property === 'psd' || property === 'symmetric') {
    const shape = congruenceMiddle(t.args);
    if (!shape) return undefined;
    if (shape.middle === undefined) {
      if (property === 'symmetric') return undefined; // via psd (gram) below
      return proof(property, t, t.args[0]?.op === 'transpose' ? 'gram_psd' : 'gram_psd_outer', shape.symmetric);
    }
    const p = proveProperty(shape.middle, property);
    return p ? proof(property, t, property === 'psd' ? 'congruence_psd' : 'congruence_symmetric', [p, ...shape.symmetric]) : undefined;
  }
  return undefined;
}

/** c X: symmetric and diagonal from X; psd and pd from X and the sign of c. */
function scalarMultipleProof(t: BinaryTerm, property: Property): TermProof | undefined {
  const s = t.args[0];
  const x = t.args[1];
  if (property === 'symmetric' || property === 'diagonal') {
    const p = proveProperty(x, property);
    return p ? proof(property, t, property === 'symmetric' ? 'smul_keeps_symmetric' : 'smul_keeps_diagonal', [p]) : undefined;
  }
  if (property === 'psd' || property === 'pd') {
    // The coefficient's sign by the scalar laws (a number, `c c`, `tr(P)`, a declared c ≥ 0).
    const sign = proveScalarSign(s, property);
    const p = sign ? proveProperty(x, property) : undefined;
    return sign && p ? proof(property, t, property === 'psd' ? 'smul_keeps_psd' : 'smul_keeps_pd', s.op === 'num' ? [p] : [sign, p]) : undefined;
  }
  return undefined;
}

/** Xᵀ keeps what X has (except binary). */
function transposeProof(t: UnaryTerm, property: Property): TermProof | undefined {
  const rule = {
    symmetric: 'transpose_keeps_symmetric',
    psd: 'transpose_keeps_psd',
    pd: 'transpose_keeps_pd',
    diagonal: 'transpose_keeps_diagonal',
    nonnegative: 'transpose_keeps_nonnegative',
    binary: undefined,
  }[property];
  if (rule === undefined) return undefined;
  const p = proveProperty(t.args[0], property);
  return p ? proof(property, t, rule, [p]) : undefined;
}

/** X^⊙k for a positive integer k keeps what X has (psd by Schur, repeatedly). */
function hadamardPowerProof(t: BinaryTerm, property: Property): TermProof | undefined {
  const base = t.args[0];
  if (!isPositiveInteger(t.args[1])) return undefined;
  const rule = {
    psd: 'hadamard_power_psd',
    symmetric: 'hadamard_keeps_symmetric',
    diagonal: 'hadamard_keeps_diagonal',
    nonnegative: 'hadamard_keeps_nonnegative',
    binary: 'hadamard_keeps_binary',
    pd: 'hadamard_power_pd',
  }[property];
  const p = proveProperty(base, property);
  return p ? proof(property, t, rule, [p]) : undefined;
}

/** X^k for a positive integer k: psd and diagonal from X. */
function matrixPowerProof(t: BinaryTerm, property: Property): TermProof | undefined {
  if (!isPositiveInteger(t.args[1])) return undefined;
  if (property === 'psd' || property === 'diagonal') {
    const p = proveProperty(t.args[0], property);
    return p ? proof(property, t, property === 'psd' ? 'matrix_power_psd' : 'mul_keeps_diagonal', [p]) : undefined;
  }
  return undefined;
}

/** X⁻¹ is pd when X is. */
function inverseProof(t: UnaryTerm, property: Property): TermProof | undefined {
  if (property !== 'pd') return undefined;
  const p = proveProperty(t.args[0], 'pd');
  return p ? proof(property, t, 'inverse_pd', [p]) : undefined;
}

/** X ⊗ Y: psd, pd and symmetric from both factors. */
function kroneckerProof(t: BinaryTerm, property: Property): TermProof | undefined {
  const rule = { psd: 'kronecker_psd', pd: 'kronecker_pd', symmetric: 'kronecker_keeps_symmetric' }[property as string];
  return rule ? fromEveryArg(property, t, rule) : undefined;
}

/** diag(v): diagonal; psd or pd as diag(diagvec(P)); psd or nonnegative from a nonnegative v. */
function diagProof(t: UnaryTerm, property: Property): TermProof | undefined {
  if (property === 'diagonal') return proof(property, t, 'diag_diagonal');
  const inner = t.args[0];
  if ((property === 'psd' || property === 'pd') && inner.op === 'diagvec') {
    const p = proveProperty(inner.args[0], property);
    if (p) return proof(property, t, property === 'psd' ? 'diag_diagvec_psd' : 'diag_diagvec_pd', [p]);
  }
  if (property === 'psd' || property === 'nonnegative') {
    const p = proveProperty(t.args[0], 'nonnegative');
    return p ? proof(property, t, property === 'psd' ? 'diag_nonnegative_psd' : 'diag_keeps_nonnegative', [p]) : undefined;
  }
  return undefined;
}

/**
 * Why a term has a positive diagonal (the extra hypothesis of Schur's strengthening), in words, or
 * undefined when no rule shows it: pd matrices, `J`, ⊙ and ⊗ of such, Hadamard powers of such,
 * positive multiples, and psd sums with one such summand. Each of these is psd by catalogue laws too.
 */
export function positiveDiagonal(t: Term): string | undefined {
  const key = 'prop:positive-diagonal';
  if (t.memo.has(key)) return t.memo.get(key) as string | undefined;
  t.memo.set(key, undefined); // guards against cycles while this is in progress
  const every = (args: readonly Term[]): boolean => args.every((a) => positiveDiagonal(a) !== undefined);
  let result: string | undefined;
  if (proveProperty(t, 'pd')) result = 'it is pd';
  else if (t.op === 'ones' && square(t)) result = 'its diagonal entries are 1';
  else if ((t.op === 'had' || t.op === 'kron') && every(t.args)) result = `a ${t.op === 'had' ? 'Hadamard' : 'Kronecker'} product of factors with positive diagonals`;
  else if (t.op === 'hpow' && isPositiveInteger(t.args[1]) && every([t.args[0]])) result = 'a Hadamard power of a matrix with a positive diagonal';
  else if (t.op === 'smul' && (t.args[0].value?.num ?? 0n) > 0n && every([t.args[1]])) result = 'a positive multiple of a matrix with a positive diagonal';
  else if (t.op === 'add' && all(t.args, 'psd') && t.args.some((a) => positiveDiagonal(a) !== undefined)) result = 'a psd sum with a summand of positive diagonal';
  t.memo.set(key, result);
  return result;
}

/**
 * Schur's strengthening (`schur_pd_positive_diagonal`): P pd and Q psd with a positive diagonal give
 * P ⊙ Q pd (any number of such factors besides one pd). The premises are P pd and each Q psd; why
 * each Q has a positive diagonal is the proof's evidence.
 */
function schurStrengthened(t: Term): TermProof | undefined {
  let strictAt = -1;
  let strict: TermProof | undefined;
  for (const [i, a] of t.args.entries()) {
    strict = proveProperty(a, 'pd');
    if (strict) {
      strictAt = i;
      break;
    }
  }
  if (!strict) return undefined;
  const rest = t.args.filter((_, i) => i !== strictAt);
  const reasons = rest.map(positiveDiagonal);
  const psd = rest.map((a) => proveProperty(a, 'psd'));
  if (!reasons.every((r) => r !== undefined) || !psd.every((p) => p !== undefined)) return undefined;
  const evidence = rest.map((a, i) => `${printExpr(termToExpr(a))} has a positive diagonal: ${reasons[i] ?? ''}`).join('; ');
  return { ...proof('pd', t, 'schur_pd_positive_diagonal', [strict, ...psd]), evidence };
}

function implied(t: Term, property: Property): TermProof | undefined {
  switch (property) {
    case 'psd': {
      const p = proveProperty(t, 'pd');
      return p ? proof(property, t, 'pd_psd', [p]) : undefined;
    }
    case 'symmetric': {
      const d = proveProperty(t, 'diagonal');
      if (d) return proof(property, t, 'diagonal_symmetric', [d]);
      const p = proveProperty(t, 'psd');
      return p ? proof(property, t, 'psd_symmetric', [p]) : undefined;
    }
    case 'nonnegative': {
      const b = proveProperty(t, 'binary');
      return b ? proof(property, t, 'binary_nonnegative', [b]) : undefined;
    }
    case 'diagonal':
    case 'pd':
    case 'binary':
      return undefined;
  }
}

/** Checks a property of an exact matrix; returns the evidence sentence when it holds. */
export function numericPropertyEvidence(m: ExactMatrix, property: Property): { holds: boolean; evidence: string } {
  const at = (i: number, j: number) => m.data[i * m.cols + j] as { num: bigint; den: bigint };
  const eq = (a: { num: bigint; den: bigint }, b: { num: bigint; den: bigint }) => a.num * b.den === b.num * a.den;
  switch (property) {
    case 'psd':
    case 'pd': {
      const report = psdTest(m, { method: 'certificate', property });
      if (!report.ok) return { holds: false, evidence: report.error.message };
      return { holds: report.value.holds, evidence: report.value.explanation };
    }
    case 'symmetric':
    case 'diagonal': {
      if (m.rows !== m.cols) return { holds: false, evidence: `${m.rows}×${m.cols} is not square` };
      for (let i = 0; i < m.rows; i++)
        for (let j = 0; j < m.cols; j++) {
          if (property === 'symmetric' && !eq(at(i, j), at(j, i))) {
            return { holds: false, evidence: `entry (${i + 1},${j + 1}) differs from entry (${j + 1},${i + 1})` };
          }
          if (property === 'diagonal' && i !== j && at(i, j).num !== 0n) {
            return { holds: false, evidence: `off-diagonal entry (${i + 1},${j + 1}) is not 0` };
          }
        }
      return { holds: true, evidence: `checked all ${m.rows * m.cols} entries exactly` };
    }
    case 'nonnegative':
    case 'binary': {
      for (let k = 0; k < m.data.length; k++) {
        const x = m.data[k] as { num: bigint; den: bigint };
        const bad = property === 'nonnegative' ? x.num < 0n : !(x.num === 0n || (x.num === 1n && x.den === 1n));
        if (bad) return { holds: false, evidence: `entry (${Math.floor(k / m.cols) + 1},${(k % m.cols) + 1}) is ${x.num}${x.den === 1n ? '' : `/${x.den}`}` };
      }
      return { holds: true, evidence: `checked all ${m.data.length} entries exactly` };
    }
  }
}

/** Evaluates a closed term (no symbols) exactly; undefined when that fails. */
export function evaluateClosed(t: Term): ExactMatrix | undefined {
  const value: { ok: boolean; value?: Value } = evaluate(termToExpr(t), new Map(), { mode: 'exact' });
  if (!value.ok || value.value === undefined || !isMatrix(value.value)) return undefined;
  return toExact(value.value);
}

function numeric(t: Term, property: Property): TermProof | undefined {
  if (hasSymbols(t) || t.shape.kind !== 'matrix') return undefined;
  const m = evaluateClosed(t);
  if (!m) return undefined;
  const r = numericPropertyEvidence(m, property);
  return r.holds ? { property, term: t, rule: 'numeric', premises: [], evidence: r.evidence } : undefined;
}

/** Proves a property of a term from the inference table (memoised on the hash-consed term). */
export function proveProperty(t: Term, property: Property): TermProof | undefined {
  const key = `prop:${property}`;
  if (t.memo.has(key)) return t.memo.get(key) as TermProof | undefined;
  t.memo.set(key, undefined); // guards against cycles while this proof is in progress
  let result: TermProof | undefined;
  if (t.shape.kind === 'matrix' && (!NEEDS_SQUARE.has(property) || square(t))) {
    result = direct(t, property) ?? numeric(t, property) ?? implied(t, property);
  } else if (t.shape.kind === 'scalar' && (property === 'psd' || property === 'pd')) {
    // A scalar is a 1×1 matrix: psd iff ≥ 0, pd iff > 0 (the scalar laws of the catalogue).
    result = proveScalarSign(t, property);
  }
  t.memo.set(key, result);
  return result;
}

/**
 * Infers a property of an expression under givens: a justification tree (which law, from which
 * facts) when the table proves it, `undefined` when it cannot (which is not a proof of the opposite)
 * or when the expression is ill-shaped.
 */
export function inferProperty(expr: Expr, property: Property, givens: Givens = new Map()): Justification | undefined {
  const t = exprToTerm(expr, givens);
  if (!t.ok) return undefined;
  const p = proveProperty(t.value, property);
  return p ? toJustification(p) : undefined;
}
