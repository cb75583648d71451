import { childrenOf, dimSymbols, entry, equal, givensFrom, identifier, mapChildren, numberLiteral, sumIndices, type Dim, type DimLiteral, type Expr, type Givens, type Property, type SymbolInfo } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import {
  createRng,
  evaluate,
  exactFromData,
  isMatrix,
  randomInstance,
  rationalFromNumber,
  scalarValue,
  toExact,
  valuesEqual,
  type Rng,
  type Value,
} from '@odot/numeric';
import { describe, expect, it } from 'vitest';
import { COMPILED_LAWS, LAWS, compiledLaw, findLaw, isTermLaw } from '../catalogue.ts';
import { equivalent } from '../equivalent.ts';
import { inferProperty, numericPropertyEvidence } from '../infer-property.ts';
import { DEFAULT_PRIORITY, type CompiledLaw, type Law } from '../law.ts';
import { SIMPLIFY_ORDER } from '../simplify.ts';
import type { Term } from '../term.ts';
import { LAW_FAMILIES } from './families.ts';
import { enclosingSums } from './scope.ts';

// Every law of the catalogue checked on random exact instances that satisfy its side conditions
// (shapes and properties honoured by @odot/numeric's randomInstance, exponents positive, entry
// indices at random values in range, a number under a sum a random function of the summation
// index unless the law keeps it outside), and the listed non-laws shown false numerically and
// never derived by the engine.

const EQUATION_INSTANCES = 1000;
const PROPERTY_INSTANCES = 300;

function givensOf(text: string): Givens {
  if (text.trim() === '') return new Map();
  const r = parseDeclarations(text);
  if (!r.ok) throw new Error(r.error.message);
  return givensFrom(r.value);
}

function dimNames(t: Term, out: Set<string>): Set<string> {
  if (t.shape.kind === 'matrix') {
    for (const d of [t.shape.rows, t.shape.cols]) {
      for (const name of dimSymbols(d)) if (!name.startsWith('?')) out.add(name);
    }
  }
  for (const a of t.args) dimNames(a, out);
  return out;
}

/** Symbolic sizes written in an expression (`O_{p×m}`, `I_n`). */
function writtenDims(e: Expr, out: Set<string>): Set<string> {
  if ((e.type === 'Ones' || e.type === 'Zero') && e.rows !== undefined && e.cols !== undefined) {
    for (const d of [e.rows, e.cols]) if (typeof d === 'string') out.add(d);
  }
  if (e.type === 'Identity' && typeof e.size === 'string') out.add(e.size);
  for (const child of childrenOf(e)) writtenDims(child, out);
  return out;
}

/** What a law's check needs: its givens, its variables and (for the term laws) its patterns. */
interface Checked {
  readonly law: Law;
  readonly givens: Givens;
  readonly integers: ReadonlySet<string>;
  /** Variables that must have a positive diagonal (`Q` of Schur's strengthening). */
  readonly positiveDiagonal: ReadonlySet<string>;
  readonly compiled?: CompiledLaw;
}

function checkedOf(law: Law): Checked {
  const compiled = compiledLaw(law.name);
  const integers = new Set(law.conditions.flatMap((c) => (c.kind === 'positive-integer' ? [c.variable] : [])));
  const positiveDiagonal = new Set(law.conditions.flatMap((c) => (c.kind === 'positive-diagonal' ? [c.variable] : [])));
  return { law, givens: compiled?.givens ?? givensOf(law.given), integers, positiveDiagonal, ...(compiled ? { compiled } : {}) };
}

/** The law's `divides` conditions (a size q dividing a dimension n). */
function divisions(law: Law): Extract<Law['conditions'][number], { kind: 'divides' }>[] {
  return law.conditions.flatMap((c) => (c.kind === 'divides' ? [c] : []));
}

/** One random instance of a law's variables: sizes 1..3, values by randomInstance, exponents 1..3. */
function instance(c: Checked, rng: Rng): { bindings: Map<string, Value>; dims: Record<string, number> } {
  const dims: Record<string, number> = {};
  const names = writtenDims(c.law.rhs, writtenDims(c.law.lhs, new Set()));
  if (c.compiled) dimNames(c.compiled.rhs, dimNames(c.compiled.lhs, names));
  for (const d of names) dims[d] = rng.int(1, 3);
  // A block size q that must divide n (sum_block): q in 1..3 and n a multiple of it.
  for (const d of divisions(c.law)) {
    const size = rng.int(1, 3);
    dims[d.size] = size;
    dims[d.dim] = size * rng.int(1, 3);
  }
  for (const [, info] of c.givens) {
    if (info.shape.kind === 'matrix') {
      for (const d of [info.shape.rows, info.shape.cols]) if (typeof d === 'string' && dims[d] === undefined) dims[d] = rng.int(1, 3);
    }
  }
  const inst = randomInstance(c.givens, rng, { sizes: dims, entryRange: 4 });
  if (!inst.ok) throw new Error(`${c.law.name}: ${inst.error.message}`);
  const bindings = new Map(inst.value.bindings);
  for (const k of c.integers) bindings.set(k, scalarValue(BigInt(rng.int(1, 3))));
  // A psd value plus J is psd with diagonal ≥ 1 (and may stay singular): the positive-diagonal condition holds.
  for (const k of c.positiveDiagonal) {
    const value = bindings.get(k);
    if (value === undefined || !isMatrix(value)) throw new Error(`${c.law.name}: ${k} is not a matrix`);
    const m = toExact(value);
    bindings.set(k, exactFromData(m.rows, m.cols, m.data.map((x) => ({ num: x.num + x.den, den: x.den }))));
  }
  return { bindings, dims };
}

/** Equal values, where a 1×1 matrix equals the scalar it holds. */
function sameValue(a: Value, b: Value): boolean {
  const unwrap = (v: Value): Value => (isMatrix(v) && v.rows === 1 && v.cols === 1 ? { kind: 'scalar', value: toExact(v).data[0] as { num: bigint; den: bigint } } : v);
  return valuesEqual(unwrap(a), unwrap(b));
}

/** The statement with its symbolic sizes replaced by the instance's (`O_{p×m}` → `O_{2×3}`), exponents by values. */
function concrete(e: Expr, dims: Record<string, number>, ints: ReadonlyMap<string, bigint>): Expr {
  const size = (d: DimLiteral): DimLiteral => (typeof d === 'string' && dims[d] !== undefined ? (dims[d]) : d);
  if ((e.type === 'Ones' || e.type === 'Zero') && e.rows !== undefined && e.cols !== undefined) {
    return { type: e.type, rows: size(e.rows), cols: size(e.cols) };
  }
  if (e.type === 'Identity' && e.size !== undefined) return { type: 'Identity', size: size(e.size) };
  if (e.type === 'Identifier' && ints.has(e.name)) return numberLiteral(`${ints.get(e.name)}`);
  return mapChildren(e, (child) => concrete(child, dims, ints));
}

/** `e` with each named variable V replaced by `V + J` (unsized J: it takes V's size). */
function withOnesAdded(e: Expr, names: ReadonlySet<string>): Expr {
  if (e.type === 'Identifier' && names.has(e.name)) return { type: 'Add', left: e, right: { type: 'Ones' } };
  return mapChildren(e, (child) => withOnesAdded(child, names));
}

function concreteGivens(givens: Givens, dims: Record<string, number>): Givens {
  const size = (d: Dim): Dim => (typeof d === 'string' && dims[d] !== undefined ? (dims[d]) : d);
  const out = new Map<string, SymbolInfo>();
  for (const [k, info] of givens) {
    out.set(k, info.shape.kind === 'matrix' ? { ...info, shape: { kind: 'matrix', rows: size(info.shape.rows), cols: size(info.shape.cols) } } : info);
  }
  return out;
}

/** Evaluation settings of one instance: bindings, sizes, and the values of entry indices. */
interface Setting {
  readonly bindings: Map<string, Value>;
  readonly dims: Record<string, number>;
  readonly indices: Record<string, number>;
}

function evalExact(e: Expr, c: Checked, s: Setting): Value {
  const v = evaluate(concrete(e, s.dims, new Map()), s.bindings, { mode: 'exact', givens: concreteGivens(c.givens, s.dims), dims: s.dims, indices: s.indices });
  if (!v.ok) throw new Error(`${c.law.name}: cannot evaluate ${e.type}: ${v.error.message}`);
  return v.value;
}

/** Checks `lhs = rhs` on one instance: the statement evaluated as a whole (so a bare 0 takes its size from the other side). */
function holds(c: Checked, lhs: Expr, rhs: Expr, s: Setting): boolean {
  const statement = concrete(equal(lhs, rhs), s.dims, new Map());
  const v = evaluate(statement, s.bindings, { mode: 'exact', givens: concreteGivens(c.givens, s.dims), dims: s.dims, indices: s.indices });
  if (v.ok && v.value.kind === 'boolean') return v.value.value;
  // Sides of shapes 1×1 and scalar (bilinear_hadamard): evaluated apart.
  return sameValue(evalExact(lhs, c, s), evalExact(rhs, c, s));
}

/** The index variables of a law (`i`, `j`). */
function indexVariables(law: Law): string[] {
  return law.conditions.flatMap((c) => (c.kind === 'index' ? [c.variable] : []));
}

/** A value for each index variable, in the range of every entry it indexes (`i` of `X[i,j]` in 1..rows of X). */
function indexValues(c: Checked, statement: Expr, s: Omit<Setting, 'indices'>, rng: Rng): Record<string, number> {
  const ranges = new Map<string, number>();
  const visit = (e: Expr): void => {
    if (e.type === 'Entry') {
      const m = evalExact(e.matrix, c, { ...s, indices: {} });
      for (const [at, size] of [[e.row, isMatrix(m) ? m.rows : 1], [e.col, isMatrix(m) ? m.cols : 1]] as const) {
        if (at.type === 'Identifier') ranges.set(at.name, Math.min(size, ranges.get(at.name) ?? Infinity));
      }
    }
    for (const child of childrenOf(e)) visit(child);
  };
  visit(statement);
  const out: Record<string, number> = {};
  for (const name of indexVariables(c.law)) out[name] = rng.int(1, ranges.get(name) ?? 1);
  return out;
}

/**
 * The statement with every number that may depend on a summation index (it stands under Σ_k on
 * both sides) replaced by an entry of a fresh random matrix indexed by k (and l): `Σ_k(a + b)`
 * is checked as `Σ_k(a%[k,1] + b%[k,1])`, so the law is tested for sums of varying terms.
 */
function dependent(c: Checked, s: Setting, rng: Rng): { lhs: Expr; rhs: Expr; setting: Setting } {
  const { lhs, rhs } = c.law;
  const scalars = new Set([...c.givens].filter(([, info]) => info.shape.kind === 'scalar').map(([name]) => name));
  const left = enclosingSums(lhs, scalars);
  const right = enclosingSums(rhs, scalars);
  const ranges = new Map([...sumIndices(rhs, sumIndices(lhs))].map((k) => [k, rng.int(1, 3)] as const));
  const bindings = new Map(s.bindings);
  const replaced = new Map<string, Expr>();
  for (const name of scalars) {
    // A size used as a number (q of sum_block) is that size, never a varying term.
    if (s.dims[name] !== undefined) continue;
    const over = [...(left.get(name) ?? right.get(name) ?? [])].filter((k) => (right.get(name) ?? left.get(name))?.has(k)).slice(0, 2);
    if (over.length === 0) continue;
    const [k, l] = over as [string, string | undefined];
    const rows = ranges.get(k) as number;
    const cols = l === undefined ? 1 : (ranges.get(l) as number);
    const value = randomInstance(new Map([['f', { shape: { kind: 'matrix', rows, cols }, properties: new Set<Property>() }]]), rng, { entryRange: 4 });
    if (!value.ok) throw new Error(value.error.message);
    bindings.set(`${name}%`, value.value.bindings.get('f') as Value);
    replaced.set(name, entry(identifier(`${name}%`), identifier(k), l === undefined ? numberLiteral('1') : identifier(l)));
  }
  const swap = (e: Expr): Expr => (e.type === 'Identifier' && replaced.has(e.name) ? (replaced.get(e.name) as Expr) : mapChildren(e, swap));
  return { lhs: swap(lhs), rhs: swap(rhs), setting: { ...s, bindings } };
}

/** Whether an instance of a rule's premise holds at every index value (`X[i,j] = Y[i,j]` for all i, j). */
function premiseEverywhere(c: Checked, premise: Expr, s: Omit<Setting, 'indices'>): boolean {
  const [i, j] = indexVariables(c.law) as [string, string];
  const x = evalExact(c.law.lhs, c, { ...s, indices: {} });
  if (!isMatrix(x)) throw new Error(`${c.law.name}: a rule equates matrices`);
  for (let r = 1; r <= x.rows; r++) {
    for (let k = 1; k <= x.cols; k++) {
      const v = evaluate(premise, s.bindings, { mode: 'exact', indices: { [i]: r, [j]: k } });
      if (!v.ok || v.value.kind !== 'boolean') throw new Error(`${c.law.name}: cannot evaluate its premise`);
      if (!v.value.value) return false;
    }
  }
  return true;
}

describe('the catalogue', () => {
  it('has the names the issue asks for, unique names and aliases, and parsed statements', () => {
    const required = [
      'hadamard_comm', 'hadamard_assoc', 'hadamard_add', 'add_hadamard', 'smul_hadamard', 'hadamard_smul',
      'hadamard_neg', 'hadamard_ones', 'hadamard_zero', 'hadamard_self', 'hadamard_pow_mul', 'hadamard_pow_distrib',
      'transpose_hadamard', 'transpose_mul', 'transpose_transpose', 'transpose_add', 'mul_assoc', 'mul_add',
      'add_mul', 'add_comm', 'add_assoc', 'add_zero', 'sub_self', 'one_mul', 'mul_one', 'diagonal_mul_diagonal',
      'diag_hadamard_diag', 'hadamard_vec', 'identity_hadamard', 'diag_scaling', 'diagonal_hadamard_mul',
      'diagvec_hadamard', 'trace_hadamard', 'sum_hadamard', 'bilinear_hadamard', 'kronecker_hadamard', 'schur',
      'schur_pd', 'def_hadamard', 'def_matmul', 'def_transpose', 'def_trace', 'def_diag', 'def_diagvec', 'ext',
      'mul_comm', 'zero_add', 'sum_comm',
    ];
    for (const name of required) expect(findLaw(name)?.name, name).toBe(name);
    const names = LAWS.flatMap((l) => [l.name, ...l.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const law of LAWS) {
      expect(law.description.length).toBeGreaterThan(10);
      expect(law.kind === 'equation' ? law.lhs.type : law.rhs.type).not.toBe('Equal');
    }
    // A law whose two sides compile to the same term would be a no-op (only the representation laws are).
    for (const c of COMPILED_LAWS) {
      if (c.law.kind === 'equation') expect(c.lhs === c.rhs, c.law.name).toBe(c.law.structural !== undefined);
    }
    expect(findLaw('schur')?.kind).toBe('property');
    expect(findLaw('schur')?.property).toBe('psd');
    expect(findLaw('hadamard_add')?.simplify).toBe(true);
    expect(findLaw('diag_scaling')?.simplify).toBe(false);
    expect(findLaw('ext')?.kind).toBe('rule');
  });

  it('gives every name one meaning: the sides are exactly as named (Mathlib for Mathlib names)', () => {
    // name or alias → the statement it stands for, as Mathlib (Data/Matrix/Hadamard.lean, Algebra) states it.
    const sides: readonly (readonly [string, string])[] = [
      ['add_zero', 'A + 0 = A'],
      ['zero_add', '0 + A = A'],
      ['mul_one', 'A I = A'],
      ['one_mul', 'I A = A'],
      ['mul_zero', 'A O_{n×p} = O_{m×p}'],
      ['zero_mul', 'O_{p×m} A = O_{p×n}'],
      ['mul_add', 'A (B + C) = A B + A C'],
      ['add_mul', '(A + B) C = A C + B C'],
      ['mul_comm', 'a b = b a'],
      ['hadamard_comm', 'A ⊙ B = B ⊙ A'],
      ['hadamard_assoc', '(A ⊙ B) ⊙ C = A ⊙ (B ⊙ C)'],
      ['hadamard_add', 'A ⊙ (B + C) = A ⊙ B + A ⊙ C'],
      ['add_hadamard', '(A + B) ⊙ C = A ⊙ C + B ⊙ C'],
      ['smul_hadamard', '(c A) ⊙ B = c (A ⊙ B)'],
      ['hadamard_smul', 'A ⊙ (c B) = c (A ⊙ B)'],
      ['hadamard_zero', 'A ⊙ 0 = 0'],
      ['zero_hadamard', '0 ⊙ A = 0'],
      ['hadamard_one', 'A ⊙ I = diag(diagvec(A))'],
      ['one_hadamard', 'I ⊙ A = diag(diagvec(A))'],
      ['hadamard_ones', 'A ⊙ J = A'],
      ['ones_hadamard', 'J ⊙ A = A'],
      ['transpose_hadamard', '(A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ'],
      ['diagonal_hadamard_diagonal', 'diag(u) ⊙ diag(v) = diag(u ⊙ v)'],
      ['sum_hadamard_eq', 'Σ_i(Σ_j((A ⊙ B)[i,j])) = tr(A Bᵀ)'],
      ['dotProduct_vecMul_hadamard', 'vᵀ (A ⊙ B) w = tr(diag(v) A (B diag(w))ᵀ)'],
      ['hadamard_apply', '(X ⊙ Y)[i,j] = X[i,j] Y[i,j]'],
      ['trace_mul_comm', 'tr(A B) = tr(B A)'],
      ['trace_transpose', 'tr(Aᵀ) = tr(A)'],
    ];
    for (const [name, statement] of sides) expect(findLaw(name)?.statement, name).toBe(statement);
  });

  it('orders the simplifier by priority: every simplifying law sets one, and SIMPLIFY_ORDER follows them', () => {
    for (const [, specs] of LAW_FAMILIES) for (const spec of specs) if (spec.simplify) expect(spec.priority, spec.name).toBeDefined();
    const priorities = SIMPLIFY_ORDER.map((name) => findLaw(name)?.priority ?? DEFAULT_PRIORITY);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    expect(SIMPLIFY_ORDER).toEqual(LAWS.filter((l) => l.simplify && !l.structural && l.kind === 'equation').sort((a, b) => a.priority - b.priority).map((l) => l.name));
    // Hand-worked: absorbing elements before identities before transposes before distribution.
    const at = (name: string): number => SIMPLIFY_ORDER.indexOf(name);
    expect(at('sub_self')).toBe(0);
    expect(at('hadamard_zero')).toBeLessThan(at('hadamard_ones'));
    expect(at('hadamard_ones')).toBeLessThan(at('transpose_hadamard'));
    expect(at('transpose_hadamard')).toBeLessThan(at('hadamard_add'));
    expect(at('hadamard_add')).toBeLessThan(at('add_collect'));
  });

  it('keeps the laws on entries and numbers out of the term engine, and derives their summation conditions', () => {
    for (const law of LAWS) expect(compiledLaw(law.name) !== undefined, law.name).toBe(isTermLaw(law));
    expect(isTermLaw(findLaw('def_hadamard') as Law)).toBe(false);
    expect(isTermLaw(findLaw('mul_comm') as Law)).toBe(false);
    expect(findLaw('mul_sum')?.conditions).toContainEqual({ kind: 'not-free', index: 'k', variable: 'a' });
    expect(findLaw('sum_mul')?.conditions).toContainEqual({ kind: 'not-free', index: 'k', variable: 'b' });
    expect(findLaw('sum_add')?.conditions.some((c) => c.kind === 'not-free')).toBe(false);
    const matmul = findLaw('def_matmul')?.conditions.filter((c) => c.kind === 'not-free').map((c) => (c.kind === 'not-free' ? c.variable : ''));
    expect(matmul?.sort()).toEqual(['X', 'Y', 'i', 'j']);
  });
});

describe('the random check of laws on entries and sums', () => {
  /** Whether some of 200 instances refutes `lhs = rhs` read with the variables of `like`. */
  const refuted = (like: string, lhs: string, rhs: string): boolean => {
    const c = checkedOf({ ...(findLaw(like) as Law), lhs: parseExpr(lhs), rhs: parseExpr(rhs) });
    const rng = createRng(5);
    for (let n = 0; n < 200; n++) {
      const base = instance(c, rng);
      const indices = indexValues(c, equal(c.law.lhs, c.law.rhs), base, rng);
      const { lhs: l, rhs: r, setting } = dependent(c, { ...base, indices }, rng);
      if (!holds(c, l, r, setting)) return true;
    }
    return false;
  };
  it('refutes false laws (indices not swapped, a factor moved into a sum it depends on, sums of varying terms)', () => {
    expect(refuted('def_transpose', 'Xᵀ[i,j]', 'X[i,j]')).toBe(true);
    expect(refuted('def_matmul', '(X Y)[i,j]', 'Σ_k(X[i,k] Y[k,i])')).toBe(true);
    expect(refuted('sum_add', 'Σ_k(a b)', 'Σ_k(a) Σ_k(b)')).toBe(true);
    expect(refuted('sum_add', 'Σ_k(a + b)', 'Σ_k(b) + Σ_k(a)')).toBe(false);
    // Kronecker entries: the factors in the other order, a column index left out of the block.
    expect(refuted('def_kron', '(Y ⊗ X)[(i - 1) p + k, (j - 1) q + l]', 'X[i,j] Y[k,l]')).toBe(true);
    expect(refuted('def_kron', '(X ⊗ Y)[(i - 1) p + k, (j - 1) q + 1]', 'X[i,j] Y[k,l]')).toBe(true);
    expect(refuted('def_kron', '(X ⊗ Y)[(i - 1) p + k, (j - 1) q + l]', 'Y[k,l] X[i,j]')).toBe(false);
    // Block splits: the same block on both factors is the sum; a factor left at the block's first row is not.
    expect(refuted('sum_block', 'Σ_t(X[i,t] Y[t,j])', 'Σ_u(Σ_v(X[i,(u - 1) q + v] Y[(u - 1) q + 1,j]))')).toBe(true);
    expect(refuted('sum_block', 'Σ_t(X[i,t] Y[t,j])', 'Σ_v(Σ_u(Y[(u - 1) q + v,j] X[i,(u - 1) q + v]))')).toBe(false);
    // A product of sums is not the sum of the products over one index.
    expect(refuted('sum_mul_sum', 'Σ_u(a) Σ_v(b)', 'Σ_u(Σ_v(a b))')).toBe(false);
    expect(refuted('sum_mul_sum', 'Σ_u(a) Σ_u(b)', 'Σ_u(a b)')).toBe(true);
  });
});

const EQUATIONS = LAWS.filter((law) => law.kind === 'equation').map((law) => [law.name, checkedOf(law)] as const);

describe.each(EQUATIONS)('equation %s', (_name, c) => {
  it(`holds on ${EQUATION_INSTANCES} random exact instances satisfying its side conditions`, () => {
    const rng = createRng(0x5eed + c.law.name.length * 7919 + c.law.name.charCodeAt(0));
    let checked = 0;
    for (let i = 0; i < EQUATION_INSTANCES; i++) {
      const { bindings, dims } = instance(c, rng);
      const base = { bindings, dims };
      const indices = indexValues(c, equal(c.law.lhs, c.law.rhs), base, rng);
      const { lhs, rhs, setting } = dependent(c, { ...base, indices }, rng);
      if (!holds(c, lhs, rhs, setting)) {
        throw new Error(`${c.law.name} fails for ${[...setting.bindings].map(([k, v]) => `${k}=${JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}` : x))}`).join(', ')} at ${JSON.stringify(indices)}`);
      }
      checked++;
    }
    expect(checked).toBe(EQUATION_INSTANCES);
  });
});

describe.each(LAWS.filter((law) => law.kind === 'rule').map((law) => [law.name, checkedOf(law)] as const))('rule %s', (_name, c) => {
  it('concludes exactly when its premise holds at every index value (random instances, half of them equal)', () => {
    const rng = createRng(0xe7);
    const premise = c.law.premise as Expr;
    let equalPairs = 0;
    for (let n = 0; n < 300; n++) {
      const { bindings, dims } = instance(c, rng);
      if (n % 2 === 0) bindings.set(printRight(c.law), bindings.get(printLeft(c.law)) as Value);
      const s = { bindings, dims };
      const conclusion = holds(c, c.law.lhs, c.law.rhs, { ...s, indices: {} });
      expect(premiseEverywhere(c, premise, s)).toBe(conclusion);
      if (conclusion) equalPairs++;
    }
    expect(equalPairs).toBeGreaterThanOrEqual(150);
    expect(equalPairs).toBeLessThan(300);
  });
});

function printLeft(law: Law): string {
  return law.lhs.type === 'Identifier' ? law.lhs.name : '';
}

function printRight(law: Law): string {
  return law.rhs.type === 'Identifier' ? law.rhs.name : '';
}

describe.each(COMPILED_LAWS.filter((c) => c.law.kind === 'property').map((c) => [c.law.name, { ...checkedOf(c.law), compiled: c }] as const))(
  'property law %s',
  (_name, c) => {
    it(`holds on ${PROPERTY_INSTANCES} random exact instances`, () => {
      const rng = createRng(0xfac7 + c.law.name.length * 104729);
      const property = c.law.property as Property;
      for (let i = 0; i < PROPERTY_INSTANCES; i++) {
        const { bindings, dims } = instance(c, rng);
        const value = evalExact(c.law.lhs, c, { bindings, dims, indices: {} });
        // A scalar is a 1×1 matrix (psd iff ≥ 0, pd iff > 0).
        const v = value.kind === 'scalar' ? exactFromData(1, 1, [typeof value.value === 'number' ? rationalFromNumber(value.value) : value.value]) : value;
        if (!isMatrix(v)) throw new Error(`${c.law.name}: not a matrix`);
        const r = numericPropertyEvidence(toExact(v), property);
        expect(r.holds, `${c.law.name}: ${r.evidence}`).toBe(true);
      }
    });
    it('is what inference concludes on its own statement', () => {
      // Exponent variables become the literal 2 (inference needs a positive integer literal).
      const ints = new Map([...c.integers].map((k) => [k, 2n] as const));
      const givens = new Map([...c.givens].filter(([k]) => !ints.has(k)));
      // A positive-diagonal variable Q becomes Q + J (psd with diagonal ≥ 1, as inference can tell).
      const lhs = withOnesAdded(concrete(c.law.lhs, {}, ints), c.positiveDiagonal);
      const j = inferProperty(lhs, c.law.property as Property, givens);
      expect(j, c.law.name).toBeDefined();
    });
  },
);

/** The non-laws of the issue: false in general, so the engine must never derive them. */
const NON_EQUATIONS: readonly (readonly [string, string, string])[] = [
  ['(A B) ⊙ C', '(A ⊙ C) B', 'A, B, C: n×n'],
  ['A (B ⊙ C)', '(A B) ⊙ (A C)', 'A, B, C: n×n'],
  ['(A ⊙ B)⁻¹', 'A⁻¹ ⊙ B⁻¹', 'A, B: n×n'],
  ['det(A ⊙ B)', 'det(A) det(B)', 'A, B: n×n'],
  ['I ⊙ A', 'A', 'A: n×n'],
];

const NON_PROPERTIES: readonly (readonly [string, Property, string])[] = [
  ['P ⊙ S', 'psd', 'P: n×n psd; S: n×n symmetric'],
  ['S T', 'symmetric', 'S, T: n×n symmetric'],
  ['P Q', 'pd', 'P, Q: n×n pd'],
];

describe.each(NON_EQUATIONS)('non-law %s = %s', (lhs, rhs, given) => {
  const givens = givensOf(given);
  it('fails on some random exact instance', () => {
    const rng = createRng(99);
    let counterexample = false;
    for (let i = 0; i < 200 && !counterexample; i++) {
      const inst = randomInstance(givens, rng, { sizes: { n: 2 + (i % 2) }, entryRange: 4 });
      if (!inst.ok) throw new Error(inst.error.message);
      const l = evaluate(parseExpr(lhs), inst.value.bindings, { mode: 'exact', givens });
      const r = evaluate(parseExpr(rhs), inst.value.bindings, { mode: 'exact', givens });
      if (!l.ok || !r.ok) continue; // a singular draw for the inverse
      counterexample = !sameValue(l.value, r.value);
    }
    expect(counterexample).toBe(true);
  });
  it('is refuted by equivalent() with a counterexample', () => {
    const v = equivalent(parseExpr(lhs), parseExpr(rhs), givens);
    expect(v.ok && v.value.equivalent).toBe(false);
    expect(v.ok && v.value.method).toBe('refuted');
    expect(v.ok && v.value.counterexample).toBeDefined();
  });
  it('is not derived by the symbolic layers (canonical form, normal form, bounded search)', () => {
    const v = equivalent(parseExpr(lhs), parseExpr(rhs), givens, { symbolicOnly: true, searchNodes: 400, searchDepth: 2 });
    expect(v.ok && v.value.method).not.toBe('proved');
    expect(v.ok && v.value.equivalent).toBe(false);
  });
});

describe.each(NON_PROPERTIES)('non-law: %s is %s', (text, property, given) => {
  const givens = givensOf(given);
  it('fails on some random exact instance', () => {
    const rng = createRng(7);
    let counterexample = false;
    for (let i = 0; i < 200 && !counterexample; i++) {
      const inst = randomInstance(givens, rng, { sizes: { n: 2 + (i % 2) }, entryRange: 4 });
      if (!inst.ok) throw new Error(inst.error.message);
      const v = evaluate(parseExpr(text), inst.value.bindings, { mode: 'exact', givens });
      if (!v.ok || !isMatrix(v.value)) throw new Error('cannot evaluate');
      counterexample = !numericPropertyEvidence(toExact(v.value), property).holds;
    }
    expect(counterexample).toBe(true);
  });
  it('is not inferred', () => {
    expect(inferProperty(parseExpr(text), property, givens)).toBeUndefined();
  });
});
