import { test } from '@fast-check/vitest';
import { matrixShape, type Expr, type Givens } from '@odot/core';
import { parseExpr } from '@odot/parser';
import { describe, expect, it } from 'vitest';
import { COMPILED_LAWS } from './catalogue.ts';
import { exprToTerm } from './convert.ts';
import { candidateIndices, mayMatchIn, nodeTable, pathAt } from './law-index.ts';
import type { CompiledLaw } from './law.ts';
import { EMPTY_SUBST, matchAt } from './match.ts';
import { replaceAt, rewriteOnceTerm, rewritesAt, sides, type TermStep } from './rewrite.ts';
import { mkSym, mkUnary, type Term } from './term.ts';
import { RANDOM_SQUARE_GIVENS, givensOfText, randomSquareExpr } from './test-support.ts';

// The law index (law-index.ts) lets `rewriteOnceTerm` skip laws and positions where nothing can
// match. It must never drop an application: on random terms, every law's steps equal the steps of
// the plain algorithm below, which tries every law in both directions at every node.

const EQUATIONS = COMPILED_LAWS.filter((law) => law.law.kind === 'equation');

/** Every node of a term with its path, pre-order: a recursive walk independent of `nodeTable`. */
function everyNode(t: Term, path: readonly number[] = [], out: [readonly number[], Term][] = []): [readonly number[], Term][] {
  out.push([path, t]);
  t.args.forEach((a, i) => everyNode(a, [...path, i], out));
  return out;
}

/** The steps of one law without the index: every direction, every node (the algorithm before the index). */
function unindexed(root: Term, law: CompiledLaw): TermStep[] {
  const out: TermStep[] = [];
  const structural = law.law.structural;
  if (structural) {
    for (const [path, node] of everyNode(root)) {
      if (node.op === structural) out.push({ law: law.law.name, direction: 'forward', path, ext: { kind: 'whole' }, subst: EMPTY_SUBST, before: root, after: root, conditions: [] });
    }
    return out;
  }
  const seen = new Set<Term>();
  for (const direction of ['forward', 'backward'] as const) {
    for (const [path, node] of everyNode(root)) {
      for (const r of rewritesAt(law, direction, node)) {
        const after = replaceAt(root, path, r.replacement);
        if (after === root || seen.has(after)) continue;
        seen.add(after);
        out.push({ law: law.law.name, direction, path, ext: r.match.ext, subst: r.match.subst, before: root, after, conditions: r.conditions });
      }
    }
  }
  return out;
}

/** A step as comparable data: law, direction, position and result (terms are hash-consed, so ids compare them). */
const key = (s: TermStep): string => `${s.law} ${s.direction} [${s.path.join(',')}] → #${s.after.id}`;

function termOf(e: Expr, givens: Givens): Term | undefined {
  const t = exprToTerm(e, givens);
  return t.ok ? t.value : undefined;
}

/** Checks every catalogue equation on `t`: the indexed steps are the unindexed steps, in order; returns how many laws applied. */
function agreeOn(t: Term): number {
  let applied = 0;
  for (const law of EQUATIONS) {
    const want = unindexed(t, law).map(key);
    expect(rewriteOnceTerm(t, law).map(key), law.law.name).toEqual(want);
    if (want.length > 0) applied++;
    // Where the matcher finds a match, the index lets the law through at that node.
    for (const direction of ['forward', 'backward'] as const) {
      const [from] = sides(law, direction);
      const table = nodeTable(t);
      const allowed = new Set(candidateIndices(from, t).map((k) => table.nodes[k]));
      for (const [, node] of everyNode(t)) {
        if (matchAt(from, node).next().done !== true) {
          expect(mayMatchIn(from, t), `${law.law.name} ${direction}`).toBe(true);
          expect(allowed.has(node), `${law.law.name} ${direction} at a ${node.op}`).toBe(true);
        }
      }
    }
  }
  return applied;
}

const SQUARE = givensOfText(RANDOM_SQUARE_GIVENS);

describe('the law index never drops an application', () => {
  test.prop([randomSquareExpr({ traces: true })], { numRuns: 60 })('random square expressions: the same steps as trying every law at every node', (e) => {
    const t = termOf(e, SQUARE);
    if (t) agreeOn(t);
  });

  it('hand-picked expressions with the other operators (⊗, diag, powers, inverses, entries) agree, and many laws apply', () => {
    const givens = givensOfText('A, B, C: n×n; D, E: n×n diagonal; P, Q: n×n psd; u, v: n; c: scalar; i, j: scalar');
    const texts = [
      '(A ⊙ J) ⊙ (B + C)',
      '(A ⊗ B)ᵀ ⊙ (C ⊗ D)',
      'diag(u) A diag(v) + diag(u ⊙ v)',
      'tr(Aᵀ (B ⊙ C)) + uᵀ (A ⊙ B) v',
      '(A^⊙2)ᵀ + (A⁻¹)ᵀ + (D E)⁻¹',
      'c (A ⊙ B) - 0 ⊙ A + I ⊙ D',
      'D ⊙ E + E D + (P ⊙ Q)ᵀ',
    ];
    let applied = 0;
    for (const text of texts) {
      const t = termOf(parseExpr(text), givens);
      expect(t, text).toBeDefined();
      if (t) applied += agreeOn(t);
    }
    expect(applied).toBeGreaterThan(20);
  });

  it('the node table is the pre-order walk with paths, and a deep term needs no deep stack', () => {
    const t = termOf(parseExpr('(A ⊙ B)ᵀ + tr(A) C'), givensOfText('A, B, C: n×n'));
    const table = t && nodeTable(t);
    expect(table?.nodes.map((node, k) => [pathAt(table, k).join(','), node.id])).toEqual(t && everyNode(t).map(([path, node]) => [path.join(','), node.id]));
    // 20 000 nested transposes, built as a term (converting such an expression is refused as too deep).
    let deep = mkSym('A', matrixShape('n', 'n'));
    for (let k = 0; k < 20_000; k++) deep = mkUnary('transpose', deep);
    const nodes = nodeTable(deep);
    expect(nodes.nodes).toHaveLength(20_001);
    expect(pathAt(nodes, 20_000)).toHaveLength(20_000);
  });
});
