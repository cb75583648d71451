import { describe, expect, it } from 'vitest';
import { runOdot } from '../test-helpers.ts';

describe('odot psd, symbolic path (built command)', () => {
  it('P ⊙ Q with P, Q psd: psd by schur, exit 0', () => {
    const run = runOdot(['psd', 'P ⊙ Q', '--given', 'P, Q: n×n psd']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('psd\nP ⊙ Q is psd: by schur\n  P is psd: given\n  Q is psd: given\n');
  });

  it('JSON carries the justification tree', () => {
    const run = runOdot(['psd', 'P ⊙ Q + Bᵀ B', '--given', 'P, Q: n×n psd; B: m×n', '--json']);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as { verdict: string; justification: { rule: string; premises: { rule: string }[] } };
    expect(data.verdict).toBe('psd');
    expect(data.justification.rule).toBe('add_keeps_psd');
    expect(data.justification.premises.map((p) => p.rule).sort()).toEqual(['gram_psd', 'schur']);
  });

  it('pd ⊙ pd is pd by schur_pd', () => {
    const run = runOdot(['psd', 'pd(P ⊙ Q)', '--given', 'P, Q: n×n pd']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('by schur_pd');
  });

  it('psd ⊙ symmetric is refuted by an instance honouring the givens, exit 1', () => {
    const run = runOdot(['psd', 'P ⊙ S', '--given', 'P: n×n psd; S: n×n symmetric']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('not psd');
    expect(run.stdout).toContain('S = ');
  });

  it('unknown where neither a law nor the numbers decide, exit 3', () => {
    // λmax(P) ≤ tr(P) for psd P, so tr(P) I − P is psd, but no law says so and no instance refutes it.
    const run = runOdot(['psd', 'tr(P) I_n - P', '--given', 'P: n×n psd']);
    expect(run.code).toBe(3);
    expect(runOdot(['psd', 'diag(diagvec(P))', '--given', 'P: n×n psd']).code).toBe(0);
    // det(P) ≥ 0 for psd P (det_psd), so det(P) Q is psd by smul_keeps_psd.
    const scaled = runOdot(['psd', 'det(P) Q', '--given', 'P, Q: n×n psd']);
    expect([scaled.code, scaled.stdout.split('\n').slice(0, 3)]).toEqual([0, ['psd', 'det(P) Q is psd: by smul_keeps_psd', '  det(P) is psd: by det_psd']]);
    expect(run.stdout.split('\n')[0]).toBe('unknown');
  });
});
