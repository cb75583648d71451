// Rewrite benchmarks: canonicalising a 100-term sum of ⊙ products (target ≤ 1 ms) and deciding a
// corpus of equivalence pairs from the seed's laws and their neighbours (target ≤ 5 ms median per
// pair). Peers for canonicalisation, in the same process: a naive canonicaliser that flattens and
// sorts by printed text (no hash-consing, no shapes), and math.js `simplify` on a 10-term sum read
// as scalars (math.js simplify grows steeply with the number of terms: 20 terms take seconds).
import { add, givensFrom, hadamard, identifier, inferShapes, inferShapesByUnification, printPlain, type Expr, type Givens } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import { canonicalForm, equivalent } from '@odot/rewrite';
import { parse as mathParse, simplify as mathSimplify } from 'mathjs';
import { median } from './timing.ts';

function givens(text: string): Givens {
  const r = parseDeclarations(text);
  if (!r.ok) throw new Error(r.error.message);
  return givensFrom(r.value);
}

/** Median ms of `f` over at least `rounds` runs (after a warm-up) within `budgetMs`. */
function time(f: (round: number) => unknown, budgetMs = 1500, rounds = 15): number {
  f(-1);
  f(-2);
  const out: number[] = [];
  const start = performance.now();
  for (let i = 0; out.length < rounds || (performance.now() - start < budgetMs && out.length < 500); i++) {
    const t0 = performance.now();
    f(i);
    out.push(performance.now() - t0);
  }
  return median(out);
}

const NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** Σ of 100 products Xₐ ⊙ X_b ⊙ X_c (symbols drawn deterministically, written in scrambled order). */
function sumOfProducts(suffix: string): { expr: Expr; text: string } {
  let s = 12345;
  const pick = (): string => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return `${NAMES[s % NAMES.length]}${suffix}`;
  };
  let expr: Expr | undefined;
  const texts: string[] = [];
  for (let i = 0; i < 100; i++) {
    const [a, b, c] = [pick(), pick(), pick()];
    const term = hadamard(hadamard(identifier(a), identifier(b)), identifier(c));
    expr = expr ? add(expr, term) : term;
    texts.push(`${a}*${b}*${c}`);
  }
  return { expr: expr as Expr, text: texts.join(' + ') };
}

/** The peer: flatten ⊙ and + and sort operands by their printed text (strings, no sharing). */
function naiveCanonical(e: Expr): string {
  const flat = (x: Expr, type: 'Add' | 'Hadamard', out: Expr[]): Expr[] => {
    if (x.type === type) {
      flat(x.left, type, out);
      flat(x.right, type, out);
    } else out.push(x);
    return out;
  };
  const canon = (x: Expr): string => {
    if (x.type === 'Add' || x.type === 'Hadamard') {
      const parts = flat(x, x.type, []).map(canon).sort();
      return `(${parts.join(x.type === 'Add' ? ' + ' : ' ⊙ ')})`;
    }
    return printPlain(x);
  };
  return canon(e);
}

/** Equivalence pairs: [lhs, rhs, givens, expected]. */
export const CORPUS: readonly (readonly [string, string, string, boolean])[] = [
  ['A ⊙ B', 'B ⊙ A', 'A, B: m×n', true],
  ['(A ⊙ B) ⊙ C', 'A ⊙ (B ⊙ C)', 'A, B, C: m×n', true],
  ['A ⊙ (B + C)', 'A ⊙ B + A ⊙ C', 'A, B, C: m×n', true],
  ['(A + B) ⊙ C', 'A ⊙ C + B ⊙ C', 'A, B, C: m×n', true],
  ['A ⊙ J', 'A', 'A: m×n', true],
  ['A ⊙ 0', '0', 'A: m×n', true],
  ['D₁ D₂', 'D₁ ⊙ D₂', 'D₁, D₂: n×n diagonal', true],
  ['(A ⊙ B)ᵀ', 'Aᵀ ⊙ Bᵀ', 'A, B: m×n', true],
  ['c (A ⊙ B)', '(c A) ⊙ B', 'A, B: m×n; c: scalar', true],
  ['diag(u) ⊙ diag(v)', 'diag(u ⊙ v)', 'u, v: n', true],
  ['u ⊙ v', 'diag(u) v', 'u, v: n', true],
  ['diag(x) A diag(y)', '(x yᵀ) ⊙ A', 'x: m; A: m×n; y: n', true],
  ['(A ⊗ B) ⊙ (C ⊗ D)', '(A ⊙ C) ⊗ (B ⊙ D)', 'A, C: 2×2; B, D: 3×3', true],
  ['I ⊙ A', 'diag(diagvec(A))', 'A: n×n', true],
  ['tr(A ⊙ B)', 'tr(diag(diagvec(A)) B)', 'A, B: n×n', true],
  ['(A + B) ⊙ (A - B)', 'A ⊙ A - B ⊙ B', 'A, B: m×n', true],
  ['((A + B) ⊙ C)ᵀ', 'Cᵀ ⊙ Aᵀ + Bᵀ ⊙ Cᵀ', 'A, B, C: m×n', true],
  ['(D A) ⊙ B', 'D (A ⊙ B)', 'D: n×n diagonal; A, B: n×n', true],
  ['(A B) ⊙ C', '(A ⊙ C) B', 'A, B, C: n×n', false],
  ['A (B ⊙ C)', '(A B) ⊙ (A C)', 'A, B, C: n×n', false],
  ['(A ⊙ B)⁻¹', 'A⁻¹ ⊙ B⁻¹', 'A, B: n×n', false],
  ['det(A ⊙ B)', 'det(A) det(B)', 'A, B: n×n', false],
  ['I ⊙ A', 'A', 'A: n×n', false],
  ['A ⊙ B', 'A B', 'A, B: n×n', false],
  ['(A ⊙ B)ᵀ', 'A ⊙ B', 'A, B: n×n', false],
  ['A ⊙ (B + C)', 'A ⊙ B + C', 'A, B, C: m×n', false],
];

interface Row {
  readonly task: string;
  readonly ms: number;
  readonly targetMs: number;
  readonly peer?: string;
  readonly peerMs?: number;
}

function report(rows: readonly Row[]): void {
  const pad = (s: string, n: number): string => s.padEnd(n);
  console.log(`${pad('task', 58)} ${pad('odot ms', 10)} ${pad('target', 8)} ${pad('÷target', 8)} peer`);
  for (const r of rows) {
    const peer = r.peer && r.peerMs !== undefined ? `${r.peer} ${r.peerMs.toFixed(3)} ms (odot ÷ peer ${(r.ms / r.peerMs).toFixed(3)})` : '';
    console.log(`${pad(r.task, 58)} ${pad(r.ms.toFixed(3), 10)} ${pad(`${r.targetMs}`, 8)} ${pad((r.ms / r.targetMs).toFixed(2), 8)} ${peer}`);
  }
}

/** Runs the rewrite benchmarks and prints median times with ratios to the targets and the peer. */
export async function run(): Promise<void> {
  const g = givens(NAMES.map((n) => `${n}: n×n`).join('; '));
  const warm = sumOfProducts('');
  const canonWarm = time(() => canonicalForm(warm.expr, g));
  // Cold: fresh symbol names every round, so no term is shared with earlier rounds.
  const fresh = Array.from({ length: 600 }, (_, i) => sumOfProducts(`${i}`));
  const freshGivens = fresh.map((_, i) => givens(NAMES.map((n) => `${n}${i}: n×n`).join('; ')));
  const canonCold = time((i) => {
    const k = i < 0 ? 599 + i : i % 598;
    return canonicalForm((fresh[k] as { expr: Expr }).expr, freshGivens[k]);
  });
  const naiveMs = time(() => naiveCanonical(warm.expr));
  const ten = warm.text.split(' + ').slice(0, 10).join(' + ');
  const mathNode = mathParse(ten);
  const peerMs = time(() => mathSimplify(mathNode), 2000, 3);
  const ours10 = time(() => canonicalForm(parseExpr(ten.replace(/\*/g, ' ⊙ ')), g));
  // Shapes of a 100-term sum where every third term has a bare J and every third a bare I and 0:
  // core's fast path on known shapes sizes them by their chain; the peer is unification alone.
  const bare = parseExpr(
    warm.text
      .split(' + ')
      .map((t, i) => (i % 3 === 0 ? `${t.replace(/\*/g, ' ⊙ ')} ⊙ J` : i % 3 === 1 ? `I ${t.split('*')[0] ?? 'A'} + 0` : t.replace(/\*/g, ' ⊙ ')))
      .join(' + '),
  );
  const shapesMs = time(() => inferShapes(bare, g));
  const unifiedMs = time(() => inferShapesByUnification(bare, g));

  const rows: Row[] = [
    { task: 'canonical form, 100-term sum of ⊙ products (warm)', ms: canonWarm, targetMs: 1, peer: 'naive sort-by-text', peerMs: naiveMs },
    { task: 'canonical form, 100-term sum of ⊙ products (cold)', ms: canonCold, targetMs: 1 },
    { task: 'canonical form, 10-term sum (parse included)', ms: ours10, targetMs: 1, peer: 'math.js simplify', peerMs },
    { task: 'shapes, 100-term sum with bare J, 0, I (fast path)', ms: shapesMs, targetMs: 1, peer: 'unification alone', peerMs: unifiedMs },
  ];

  const perPair: number[] = [];
  const wrong: string[] = [];
  for (const [lhs, rhs, given, expected] of CORPUS) {
    const a = parseExpr(lhs);
    const b = parseExpr(rhs);
    const gv = givens(given);
    let verdict = '';
    const ms = time(() => {
      const v = equivalent(a, b, gv);
      verdict = v.ok ? `${v.value.equivalent}/${v.value.method}` : `error: ${v.error.message}`;
    }, 300, 5);
    if (!verdict.startsWith(String(expected))) wrong.push(`${lhs} ≟ ${rhs}: ${verdict}`);
    perPair.push(ms);
    rows.push({ task: `  ${lhs} ≟ ${rhs} → ${verdict}`.slice(0, 58), ms, targetMs: 5 });
  }
  rows.push({ task: `equivalence corpus: median over ${CORPUS.length} pairs`, ms: median(perPair), targetMs: 5 });
  report(rows);
  if (wrong.length > 0) console.log(`WRONG VERDICTS:\n${wrong.join('\n')}`);
}
