import type { Dialect } from './dialect.ts';

/**
 * The operation a function name stands for, independent of dialect: `diag` (vector → diagonal
 * matrix), `diagvec`, `tr`, `det`, `inv`, `kron`, the claims, and the constructors of numpy/matlab.
 */
export type FunctionOp =
  | 'diag'
  | 'diagvec'
  | 'tr'
  | 'det'
  | 'inv'
  | 'kron'
  | 'psd'
  | 'pd'
  | 'diagonal'
  | 'symmetric'
  | 'nonnegative'
  | 'binary'
  | 'ones'
  | 'zeros'
  | 'eye'
  | 'array'
  | 'matrix_power'
  | 'multiply'
  | 'matmul'
  | 'transpose';

const PLAIN: Readonly<Record<string, FunctionOp>> = {
  diag: 'diag',
  diagvec: 'diagvec',
  tr: 'tr',
  trace: 'tr',
  det: 'det',
  inv: 'inv',
  kron: 'kron',
  psd: 'psd',
  pd: 'pd',
  diagonal: 'diagonal',
  symmetric: 'symmetric',
  nonnegative: 'nonnegative',
  binary: 'binary',
};

const NUMPY: Readonly<Record<string, FunctionOp>> = {
  'np.diag': 'diag',
  'np.diagonal': 'diagvec',
  'np.trace': 'tr',
  'np.linalg.det': 'det',
  'np.linalg.inv': 'inv',
  'np.kron': 'kron',
  'np.linalg.matrix_power': 'matrix_power',
  'np.ones': 'ones',
  'np.zeros': 'zeros',
  'np.eye': 'eye',
  'np.identity': 'eye',
  'np.array': 'array',
  'np.multiply': 'multiply',
  'np.matmul': 'matmul',
  'np.dot': 'matmul',
  'np.transpose': 'transpose',
};

const MATLAB: Readonly<Record<string, FunctionOp>> = {
  diag: 'diag',
  trace: 'tr',
  det: 'det',
  inv: 'inv',
  kron: 'kron',
  ones: 'ones',
  zeros: 'zeros',
  eye: 'eye',
};

/** The function names each dialect knows, mapped to their operation. */
export const FUNCTIONS: Readonly<Record<Dialect, Readonly<Record<string, FunctionOp>>>> = {
  plain: PLAIN,
  latex: PLAIN,
  numpy: NUMPY,
  matlab: MATLAB,
};

/** The operation of a function name in a dialect (`numpy.` is read as `np.`), or undefined. */
export function lookupFunction(dialect: Dialect, name: string): FunctionOp | undefined {
  const key = dialect === 'numpy' ? name.replace(/^numpy\./, 'np.') : name;
  return Object.hasOwn(FUNCTIONS[dialect], key) ? FUNCTIONS[dialect][key] : undefined;
}
