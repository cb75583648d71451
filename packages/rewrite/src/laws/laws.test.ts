import { equal, givensFrom, mapChildren, numberLiteral, type Dim, type Expr, type Givens, type Property, type SymbolInfo } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import {
  createRng,
  evaluate,
  isMatrix,
  randomInstance,
  scalarValue,
  toExact,
  valuesEqual,
  type Rng,
  type Value,
} from '@odot/numeric';
import { describe, expect, it } from 'vitest';
import { COMPILED_LAWS, LAWS, findLaw } from '../catalogue.ts';
import { equivalent } from '../equivalent.ts';
import { inferProperty, numericPropertyEvidence } from '../infer-property.ts';
import type { CompiledLaw } from '../law.ts';
import type { Term } from '../term.ts';

// Every law of the catalogue checked on random exact instances that satisfy its side conditions
// (shapes and properties honoured by @odot/numeric's randomInstance, exponents positive), and the
// listed non-laws shown false numerically and never derived by the engine.

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
      if (typeof d === 'string') for (const part of d.split('·')) if (!/^\d+$/.test(part) && !part.startsWith('?')) out.add(part);
    }
  }
  for (const a of t.args) dimNames(a, out);
  return out;
}

/** One random instance of a law's variables: sizes 1..3, values by randomInstance, exponents 1..3. */
function instance(c: CompiledLaw, rng: Rng): { bindings: Map<string, Value>; dims: Record<string, number> } {
  const dims: Record<string, number> = {};
  for (const d of dimNames(c.rhs, dimNames(c.lhs, new Set()))) dims[d] = rng.int(1, 3);
  for (const [, info] of c.givens) {
    if (info.shape.kind === 'matrix') {
      for (const d of [info.shape.rows, info.shape.cols]) if (typeof d === 'string' && dims[d] === undefined) dims[d] = rng.int(1, 3);
    }
  }
  const inst = randomInstance(c.givens, rng, { sizes: dims, entryRange: 4 });
  if (!inst.ok) throw new Error(`${c.law.name}: ${inst.error.message}`);
  const bindings = new Map(inst.value.bindings);
  for (const k of c.integers) bindings.set(k, scalarValue(BigInt(rng.int(1, 3))));
  return { bindings, dims };
}

/** Equal values, where a 1×1 matrix equals the scalar it holds. */
function sameValue(a: Value, b: Value): boolean {
  const unwrap = (v: Value): Value => (isMatrix(v) && v.rows === 1 && v.cols === 1 ? { kind: 'scalar', value: toExact(v).data[0] as { num: bigint; den: bigint } } : v);
  return valuesEqual(unwrap(a), unwrap(b));
}

/** The statement with its symbolic sizes replaced by the instance's (`O_{p×m}` → `O_{2×3}`), exponents by values. */
function concrete(e: Expr, dims: Record<string, number>, ints: ReadonlyMap<string, bigint>): Expr {
  const size = (d: Dim): Dim => (typeof d === 'string' && dims[d] !== undefined ? dims[d] : d);
  if ((e.type === 'Ones' || e.type === 'Zero') && e.rows !== undefined && e.cols !== undefined) {
    return { type: e.type, rows: size(e.rows), cols: size(e.cols) };
  }
  if (e.type === 'Identity' && e.size !== undefined) return { type: 'Identity', size: size(e.size) };
  if (e.type === 'Identifier' && ints.has(e.name)) return numberLiteral(`${ints.get(e.name)}`);
  return mapChildren(e, (child) => concrete(child, dims, ints));
}

function concreteGivens(givens: Givens, dims: Record<string, number>): Givens {
  const size = (d: Dim): Dim => (typeof d === 'string' && dims[d] !== undefined ? dims[d] : d);
  const out = new Map<string, SymbolInfo>();
  for (const [k, info] of givens) {
    out.set(k, info.shape.kind === 'matrix' ? { ...info, shape: { kind: 'matrix', rows: size(info.shape.rows), cols: size(info.shape.cols) } } : info);
  }
  return out;
}

function evalExact(e: Expr, c: CompiledLaw, bindings: Map<string, Value>, dims: Record<string, number>): Value {
  const v = evaluate(concrete(e, dims, new Map()), bindings, { mode: 'exact', givens: concreteGivens(c.givens, dims), dims });
  if (!v.ok) throw new Error(`${c.law.name}: cannot evaluate: ${v.error.message}`);
  return v.value;
}

/** Checks `lhs = rhs` on one instance: the statement evaluated as a whole (so a bare 0 takes its size from the other side). */
function holds(c: CompiledLaw, bindings: Map<string, Value>, dims: Record<string, number>): boolean {
  const statement = concrete(equal(c.law.lhs, c.law.rhs), dims, new Map());
  const v = evaluate(statement, bindings, { mode: 'exact', givens: concreteGivens(c.givens, dims), dims });
  if (v.ok && v.value.kind === 'boolean') return v.value.value;
  // Sides of shapes 1×1 and scalar (bilinear_hadamard): evaluated apart.
  return sameValue(evalExact(c.law.lhs, c, bindings, dims), evalExact(c.law.rhs, c, bindings, dims));
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
      'schur_pd',
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
  });
});

describe.each(COMPILED_LAWS.filter((c) => c.law.kind === 'equation').map((c) => [c.law.name, c] as const))(
  'equation %s',
  (_name, c) => {
    it(`holds on ${EQUATION_INSTANCES} random exact instances satisfying its side conditions`, () => {
      const rng = createRng(0x5eed + c.law.name.length * 7919 + c.law.name.charCodeAt(0));
      let checked = 0;
      for (let i = 0; i < EQUATION_INSTANCES; i++) {
        const { bindings, dims } = instance(c, rng);
        if (!holds(c, bindings, dims)) {
          throw new Error(`${c.law.name} fails for ${[...bindings].map(([k, v]) => `${k}=${JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}` : x))}`).join(', ')}`);
        }
        checked++;
      }
      expect(checked).toBe(EQUATION_INSTANCES);
    });
  },
);

describe.each(COMPILED_LAWS.filter((c) => c.law.kind === 'property').map((c) => [c.law.name, c] as const))(
  'property law %s',
  (_name, c) => {
    it(`holds on ${PROPERTY_INSTANCES} random exact instances`, () => {
      const rng = createRng(0xfac7 + c.law.name.length * 104729);
      const property = c.law.property as Property;
      for (let i = 0; i < PROPERTY_INSTANCES; i++) {
        const { bindings, dims } = instance(c, rng);
        const v = evalExact(c.law.lhs, c, bindings, dims);
        if (!isMatrix(v)) throw new Error(`${c.law.name}: not a matrix`);
        const r = numericPropertyEvidence(toExact(v), property);
        expect(r.holds, `${c.law.name}: ${r.evidence}`).toBe(true);
      }
    });
    it('is what inference concludes on its own statement', () => {
      // Exponent variables become the literal 2 (inference needs a positive integer literal).
      const ints = new Map([...c.integers].map((k) => [k, 2n] as const));
      const givens = new Map([...c.givens].filter(([k]) => !ints.has(k)));
      const j = inferProperty(concrete(c.law.lhs, {}, ints), c.law.property as Property, givens);
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
