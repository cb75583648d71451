import { DEFAULT_LIMIT_MS, EMPTY_STATE, SEED_STATE, type PlaygroundState } from './state.ts';

/** One example button: its label, the state it loads, and the equivalence verdict it shows (if it compares). */
export interface Example {
  readonly label: string;
  readonly state: PlaygroundState;
  readonly equivalent?: boolean;
}

/** Examples under a heading. */
export interface ExampleGroup {
  readonly title: string;
  readonly examples: readonly Example[];
}

const state = (fields: Partial<PlaygroundState>): PlaygroundState => ({ ...EMPTY_STATE, limitMs: DEFAULT_LIMIT_MS, ...fields });

/** The example buttons, grouped as the course note is: its properties, diagonal equivalence, Schur, masks, dialects. */
export const EXAMPLE_GROUPS: readonly ExampleGroup[] = [
  {
    title: 'Properties',
    examples: [
      { label: 'Seed example', state: SEED_STATE, equivalent: true },
      { label: 'Shape error', state: { ...SEED_STATE, expr: 'A B', other: '', proof: '' } },
      { label: 'Transpose', state: state({ expr: '(A ⊙ B)ᵀ', other: 'Aᵀ ⊙ Bᵀ', givens: 'A, B: m×n' }), equivalent: true },
      { label: 'Distributivity', state: state({ expr: 'A ⊙ (B + C)', other: 'A ⊙ B + A ⊙ C', givens: 'A, B, C: m×n' }), equivalent: true },
      { label: 'Identity J', state: state({ expr: 'A ⊙ J', other: 'A', givens: 'A: m×n' }), equivalent: true },
      { label: 'Simplify', state: state({ expr: '(A ⊙ J)ᵀ ⊙ (B + 0)ᵀ', givens: 'A, B: m×n', other: 'Aᵀ ⊙ Bᵀ' }), equivalent: true },
    ],
  },
  {
    title: 'Diagonal',
    examples: [
      { label: 'D₁ D₂ = D₁ ⊙ D₂', state: state({ expr: 'D₁ D₂', other: 'D₁ ⊙ D₂', givens: 'D₁, D₂: n×n diagonal' }), equivalent: true },
      { label: 'A B ≠ A ⊙ B', state: state({ expr: 'A B', other: 'A ⊙ B', givens: 'A, B: n×n' }), equivalent: false },
      { label: 'diag(u) ⊙ diag(v)', state: state({ expr: 'diag(u) ⊙ diag(v)', other: 'diag(u ⊙ v)', givens: 'u, v: n' }), equivalent: true },
    ],
  },
  {
    title: 'Schur',
    examples: [
      {
        label: 'Schur theorem',
        state: state({
          expr: 'P ⊙ Q',
          givens: 'P, Q: 2×2 psd',
          bindings: 'P = [[2,1],[1,2]]\nQ = [[1,-1],[-1,3]]',
          other: 'Q ⊙ P',
          proof: 'given P, Q: n×n psd\nprove P ⊙ Q ⪰ 0\nproof\n  P ⊙ Q ⪰ 0    by schur\nqed',
        }),
        equivalent: true,
      },
      { label: 'Not PSD', state: state({ expr: 'X', givens: 'X: 2×2 symmetric', bindings: 'X = [[1,2],[2,1]]' }) },
    ],
  },
  {
    title: 'Masks',
    examples: [
      { label: 'Lower triangle', state: state({ expr: 'A ⊙ L', givens: 'A, L: 3×3', bindings: 'A = [[1,2,3],[4,5,6],[7,8,9]]\nL = [[1,0,0],[1,1,0],[1,1,1]]' }) },
      { label: 'Band mask', state: state({ expr: 'M ⊙ A', givens: 'A, M: 3×3', bindings: 'A = [[1,2,3],[4,5,6],[7,8,9]]\nM = [[1,1,0],[1,1,1],[0,1,1]]' }) },
    ],
  },
  {
    title: 'Dialects',
    examples: [
      { label: 'NumPy', state: state({ expr: 'A * B.T', dialect: 'numpy', givens: 'A: 2×2\nB: 2×2', bindings: 'A = [[1,2],[3,4]]\nB = [[5,6],[7,8]]' }) },
      { label: 'LaTeX', state: state({ expr: '(A \\odot B)^\\top', dialect: 'latex', givens: 'A, B: 2×3', bindings: SEED_STATE.bindings }) },
      { label: 'MATLAB', state: state({ expr: "A .* B'", dialect: 'matlab', givens: 'A: 2×2\nB: 2×2', bindings: 'A = [[1,2],[3,4]]\nB = [[5,6],[7,8]]' }) },
    ],
  },
];
