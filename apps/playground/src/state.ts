/** The dialects the playground offers (the parser's `Dialect`, spelled out so this module stays pure). */
export const PLAYGROUND_DIALECTS = ['plain', 'latex', 'numpy', 'matlab'] as const;

/** One of the parser's dialects. */
export type PlaygroundDialect = (typeof PLAYGROUND_DIALECTS)[number];

/** Numeric mode for evaluation: exact rationals or Float64. */
export type EvalMode = 'exact' | 'float';

/**
 * Everything the playground shows is a function of this state; it lives in the URL hash,
 * so a link reproduces the view.
 */
export interface PlaygroundState {
  /** The main expression. */
  readonly expr: string;
  readonly dialect: PlaygroundDialect;
  /** Declarations, one per line (`A, B: 2×3`, `P: n×n psd`). */
  readonly givens: string;
  /** Concrete values, one per line: `A = [[1,2,3],[4,5,6]]`. */
  readonly bindings: string;
  readonly mode: EvalMode;
  /** The right-hand side for the equivalence check (empty: no check). */
  readonly other: string;
  /** A proof in the checker's format (empty: no proof pane result). */
  readonly proof: string;
  /** Time limit per engine task in milliseconds (`MIN_LIMIT_MS`…`MAX_LIMIT_MS`). */
  readonly limitMs: number;
}

/** Default time limit per engine task. */
export const DEFAULT_LIMIT_MS = 4000;
/** Smallest and largest time limit a user (or a link) may choose. */
export const MIN_LIMIT_MS = 100;
export const MAX_LIMIT_MS = 60_000;

/** Clamps a time limit into the allowed range (non-numbers give the default). */
export function clampLimit(ms: number): number {
  if (!Number.isFinite(ms)) return DEFAULT_LIMIT_MS;
  return Math.min(MAX_LIMIT_MS, Math.max(MIN_LIMIT_MS, Math.round(ms)));
}

/** The state of an empty playground. */
export const EMPTY_STATE: PlaygroundState = {
  expr: '',
  dialect: 'plain',
  givens: '',
  bindings: '',
  mode: 'exact',
  other: '',
  proof: '',
  limitMs: DEFAULT_LIMIT_MS,
};

/** The seed example: A ⊙ B with A = [[1,2,3],[4,5,6]], B = [[7,8,9],[10,11,12]]. */
export const SEED_STATE: PlaygroundState = {
  expr: 'A ⊙ B',
  dialect: 'plain',
  givens: 'A, B: 2×3',
  bindings: 'A = [[1,2,3],[4,5,6]]\nB = [[7,8,9],[10,11,12]]',
  mode: 'exact',
  other: 'B ⊙ A',
  proof: [
    'given A, B: m×n',
    'prove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ',
    'proof',
    '    (A ⊙ B)ᵀ',
    '  = Aᵀ ⊙ Bᵀ    by transpose_hadamard',
    '  = Bᵀ ⊙ Aᵀ    by hadamard_comm',
    'qed',
  ].join('\n'),
  limitMs: DEFAULT_LIMIT_MS,
};

/** Whether a string names a playground dialect. */
export function isDialect(value: string): value is PlaygroundDialect {
  return (PLAYGROUND_DIALECTS as readonly string[]).includes(value);
}
