import { describe, expect, it } from 'vitest';
import { isPrecomputedMessage, taskKey, tasksFor } from './protocol.ts';
import { precomputeRewriteAnswers } from './seed-answers.ts';
import { SEED_STATE } from './state.ts';

describe('the seed’s rewrite-engine answers computed at build', () => {
  it('answers exactly the seed’s PSD, simplification, equivalence and proof tasks, and survives the page’s JSON', () => {
    const message = JSON.parse(JSON.stringify(precomputeRewriteAnswers())) as unknown;
    expect(isPrecomputedMessage(message)).toBe(true);
    if (!isPrecomputedMessage(message)) return;
    const byKind = new Map(tasksFor(SEED_STATE).map((task) => [taskKey(task), task.kind]));
    expect(message.results.map(([key]) => byKind.get(key)).sort()).toEqual(['equiv', 'proof', 'psd', 'simplify']);
    const result = (kind: string) => message.results.find(([key]) => byKind.get(key) === kind)?.[1];
    // A ⊙ B is already in normal form; B ⊙ A equals it (commutativity); the seed's proof checks.
    const simplify = result('simplify');
    expect(simplify?.kind === 'simplify' && simplify.ok && simplify.view.result).toBe('A ⊙ B');
    const equiv = result('equiv');
    expect(equiv?.kind === 'equiv' && equiv.ok && equiv.view.equivalent).toBe(true);
    const proof = result('proof');
    expect(proof?.kind === 'proof' && proof.ok && proof.view.theorems.every((t) => t.steps.every((s) => s.ok))).toBe(true);
  });
});
