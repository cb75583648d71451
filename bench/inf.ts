// Index-normal-form benchmarks (issue 14): the 26-pair equivalence corpus decided by the index
// normal form alone (target median ≤ 0.1 ms) beside the full `equivalent` (the current layered
// engine), a 100-term identity (≤ 10 ms) and a 10-factor ⊙ product of sums, 2¹⁰ monomials (≤ 1 s),
// each beside `equivalent` with the index-normal-form layer switched off (rewrite normal form,
// testing and search) — the SymPy-style route of expanding by the distributive laws.
import { givensFrom, hadamard, identifier, type Expr, type Givens } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import { decideIndexNormalForm, equivalent } from '@odot/rewrite';
import { CORPUS } from './rewrite.ts';
import { median } from './timing.ts';

function givens(text: string): Givens {
  const r = parseDeclarations(text);
  if (!r.ok) throw new Error(r.error.message);
  return givensFrom(r.value);
}

/** Median ms of `f` over at least `rounds` runs (after one warm-up) within `budgetMs`. */
function time(f: () => unknown, budgetMs = 500, rounds = 5): number {
  f();
  const out: number[] = [];
  const start = performance.now();
  while (out.length < rounds || (performance.now() - start < budgetMs && out.length < 200)) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return median(out);
}

const NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** 100 products Xₐ ⊙ X_b ᵀ ⊙ X_c, and the same sum written with every product transposed twice and in reverse order. */
function hundredTerms(): { a: Expr; b: Expr } {
  let s = 12345;
  const pick = (): string => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return NAMES[s % NAMES.length] as string;
  };
  const left: string[] = [];
  const right: string[] = [];
  for (let i = 0; i < 100; i++) {
    const [x, y, z] = [pick(), pick(), pick()];
    left.push(`${x} ⊙ ${y}ᵀ ⊙ ${z}`);
    right.push(`(${z}ᵀ ⊙ ${y} ⊙ ${x}ᵀ)ᵀ`);
  }
  return { a: parseExpr(left.join(' + ')), b: parseExpr(right.reverse().join(' + ')) };
}

/** (A₁ + B₁) ⊙ … ⊙ (A₁₀ + B₁₀) against its first five factors expanded into 32 products. */
function productOfSums(): { a: Expr; b: Expr; decl: string } {
  const factors = Array.from({ length: 10 }, (_, i) => `(A${i} + B${i})`);
  let expanded = [''];
  for (let i = 0; i < 5; i++) expanded = expanded.flatMap((t) => [`${t}${t ? ' ⊙ ' : ''}A${i}`, `${t}${t ? ' ⊙ ' : ''}B${i}`]);
  const b = `(${expanded.join(' + ')}) ⊙ ${factors.slice(5).join(' ⊙ ')}`;
  const decl = Array.from({ length: 10 }, (_, i) => `A${i}, B${i}: n×n`).join('; ');
  return { a: parseExpr(factors.join(' ⊙ ')), b: parseExpr(b), decl };
}

/** `A ⊙ (A ⊙ (… ⊙ A))` with n factors, nested to the right. */
function rightChain(n: number): Expr {
  let e: Expr = identifier('A');
  for (let i = 1; i < n; i++) e = hadamard(identifier('A'), e);
  return e;
}

/** Runs the index-normal-form benchmarks and prints them beside the current engine. */
export async function run(): Promise<void> {
  const pad = (x: string, n: number): string => x.padEnd(n);
  console.log(`${pad('task', 60)} ${pad('INF ms', 10)} ${pad('target', 8)} engine (INF off) ms`);
  const inf: number[] = [];
  const engine: number[] = [];
  const wrong: string[] = [];
  for (const [lhs, rhs, given, expected] of CORPUS) {
    const a = parseExpr(lhs);
    const b = parseExpr(rhs);
    const g = givens(given);
    let verdict = '';
    inf.push(
      time(() => {
        const d = decideIndexNormalForm(a, b, g);
        verdict = d.ok ? d.value.kind : d.error.message;
      }),
    );
    engine.push(time(() => equivalent(a, b, g, { noIndexForm: true })));
    const right = verdict === 'outside' || (verdict === 'equal') === expected;
    if (!right) wrong.push(`${lhs} ≟ ${rhs}: ${verdict}`);
  }
  const row = (task: string, ms: number, target: number, peer: number): void =>
    console.log(`${pad(task, 60)} ${pad(ms.toFixed(3), 10)} ${pad(String(target), 8)} ${peer.toFixed(3)}`);
  row(`equivalence corpus: median over ${CORPUS.length} pairs`, median(inf), 0.1, median(engine));
  const hundred = hundredTerms();
  const g8 = givens(NAMES.map((n) => `${n}: n×n`).join('; '));
  row('100-term identity (⊙ products, transposes)', time(() => decideIndexNormalForm(hundred.a, hundred.b, g8)), 10, time(() => equivalent(hundred.a, hundred.b, g8, { noIndexForm: true }), 2000, 3));
  const big = productOfSums();
  const g20 = givens(big.decl);
  let bigVerdict = '';
  const bigMs = time(() => {
    const d = decideIndexNormalForm(big.a, big.b, g20);
    bigVerdict = d.ok ? d.value.kind : d.error.message;
  }, 2000, 3);
  row(`10-factor ⊙ product of sums, 2¹⁰ monomials → ${bigVerdict}`, bigMs, 1000, time(() => equivalent(big.a, big.b, g20, { noIndexForm: true }), 2000, 1));
  // Issue 15: a 10 000-deep chain against itself minus one factor: the index normal form alone
  // (stopped by its expansion or time limit) beside the engine with it off, then the whole default
  // `equivalent` once (every layer within its budget; the simplifier's 2 × 2000 ms dominate).
  const [deep, shorter] = [rightChain(10_000), rightChain(9_999)];
  const gA = givens('A: n×n');
  row('10 000-deep ⊙ chain against it minus one factor', time(() => decideIndexNormalForm(deep, shorter, gA), 0, 1), 1000, time(() => equivalent(deep, shorter, gA, { noIndexForm: true }), 0, 1));
  const t0 = performance.now();
  const v = equivalent(deep, shorter, gA);
  const verdict = v.ok ? `${v.value.method}/${v.value.layer}` : v.error.message;
  console.log(`${pad('  the same, default equivalent (all layers)', 60)} ${(performance.now() - t0).toFixed(0)} ms → ${verdict}`);
  if (wrong.length > 0) console.log(`WRONG VERDICTS:\n${wrong.join('\n')}`);
}
