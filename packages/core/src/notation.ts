import type { Claim, DimLiteral, Identifier, NumberLiteral } from './expr.ts';

/**
 * The tokens one text printer uses. The bracket logic is shared (see `print-text.ts`); a notation
 * only decides how each operator, constant and name is spelled.
 */
export interface Notation {
  readonly name: 'plain' | 'ascii' | 'latex';
  readonly hadamard: string;
  /** `undefined`: the matrix product is juxtaposition (`A B`). */
  readonly matMul: string | undefined;
  /** `undefined`: the Kronecker product is written as the call `kron(A, B)`. */
  readonly kronecker: string | undefined;
  readonly notEqual: string;
  /** Whether `psd`/`pd` claims are written as relations (`X ⪰ 0`) rather than calls (`psd(X)`). */
  readonly claimRelations: boolean;
  /** Whether postfix operators may be stacked without brackets (`Aᵀ⁻¹`). */
  readonly stackPostfix: boolean;
  identifier(node: Identifier): string;
  number(node: NumberLiteral): string;
  transpose(base: string): string;
  inverse(base: string): string;
  hadamardPower(base: string, exponent: string, simpleExponent: boolean): string;
  matrixPower(base: string, exponent: string, simpleExponent: boolean): string;
  ones(rows: DimLiteral | undefined, cols: DimLiteral | undefined): string;
  zero(rows: DimLiteral | undefined, cols: DimLiteral | undefined): string;
  identity(size: DimLiteral | undefined): string;
  call(name: 'diag' | 'diagvec' | 'tr' | 'det' | 'kron' | Claim['property'], args: readonly string[]): string;
  entry(matrix: string, row: string, col: string): string;
  sum(index: string, body: string): string;
  matrix(rows: readonly (readonly string[])[]): string;
  claimRelation(operand: string, property: 'psd' | 'pd'): string;
  paren(text: string): string;
}

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** `D₁` → `D_1`, `x₁₂` → `x_12` (names without subscript digits are unchanged). */
export function asciiName(name: string): string {
  return name.replace(/[₀-₉]+/g, (digits) => `_${[...digits].map((d) => SUBSCRIPT_DIGITS.indexOf(d)).join('')}`);
}

/** A name the plain dialect reads as one name: a letter, letters and digits, subscript digits. */
const PLAIN_WORD = /^[A-Za-z\u03b1-\u03c9\u0391-\u03a9][A-Za-z0-9]*[₀-₉]*(?:_[0-9]+)?$/;
/** Names the plain dialect reads as something else: the constants `J`, `I`, sized `J_…`, `I_…`, `O_…`, and `sum_k`. */
const PLAIN_RESERVED = /^(?:[JI]$|[JIO]_|sum_)/;

/**
 * A name as the plain dialect writes it: as is (`A`, `D₁`, `λ`), or in double quotes when the
 * plain lexer would read it otherwise, as SQL quotes identifiers: `"J"`, `"I"` (names from NumPy
 * or MATLAB, where `J` and `I` are not constants), `"x_max"`.
 */
export function plainName(name: string): string {
  return PLAIN_WORD.test(name) && !PLAIN_RESERVED.test(name) ? name : `"${name}"`;
}

function sized(letter: string, rows: DimLiteral | undefined, cols: DimLiteral | undefined, times: string): string {
  if (rows === undefined && cols === undefined) return letter;
  if (cols === undefined) return `${letter}_${subscript(String(rows))}`;
  return `${letter}_{${String(rows ?? '?')}${times}${String(cols)}}`;
}

function subscript(text: string): string {
  return text.length === 1 ? text : `{${text}}`;
}

function power(base: string, marker: string, exponent: string, simple: boolean): string {
  return `${base}^${marker}${simple ? exponent : `(${exponent})`}`;
}

/** The canonical Unicode notation (`⊙`, `⊗`, juxtaposition, `ᵀ`, `A^⊙2`, `A⁻¹`, `X ⪰ 0`). */
export const PLAIN: Notation = {
  name: 'plain',
  hadamard: '⊙',
  matMul: undefined,
  kronecker: '⊗',
  notEqual: '≠',
  claimRelations: true,
  stackPostfix: true,
  identifier: (node) => plainName(node.name),
  number: (node) => node.value,
  transpose: (base) => `${base}ᵀ`,
  inverse: (base) => `${base}⁻¹`,
  hadamardPower: (base, exponent, simple) => power(base, '⊙', exponent, simple),
  matrixPower: (base, exponent, simple) => power(base, '', exponent, simple),
  ones: (rows, cols) => sized('J', rows, cols, '×'),
  zero: (rows, cols) => (rows === undefined && cols === undefined ? '0' : sized('O', rows, cols, '×')),
  identity: (size) => (size === undefined ? 'I' : `I_${subscript(String(size))}`),
  call: (name, args) => `${name}(${args.join(', ')})`,
  entry: (matrix, row, col) => `${matrix}[${row},${col}]`,
  sum: (index, body) => `Σ_${subscript(index)}(${body})`,
  matrix: (rows) => `[${rows.map((row) => `[${row.join(',')}]`).join(',')}]`,
  claimRelation: (operand, property) => `${operand} ${property === 'psd' ? '⪰' : '≻'} 0`,
  paren: (text) => `(${text})`,
};

/** ASCII text the plain dialect reads back (`.*`, `@`, `kron(A, B)`, `'`, `.^`, `^-1`, `!=`, `psd(X)`). */
export const ASCII: Notation = {
  ...PLAIN,
  name: 'ascii',
  hadamard: '.*',
  matMul: '@',
  kronecker: undefined,
  notEqual: '!=',
  claimRelations: false,
  stackPostfix: false,
  transpose: (base) => `${base}'`,
  inverse: (base) => `${base}^-1`,
  hadamardPower: (base, exponent, simple) => `${base}.^${simple ? exponent : `(${exponent})`}`,
  ones: (rows, cols) => sized('J', rows, cols, ' x '),
  zero: (rows, cols) => (rows === undefined && cols === undefined ? '0' : sized('O', rows, cols, ' x ')),
  sum: (index, body) => `sum_${subscript(index)}(${body})`,
};

const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma',
  τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', Γ: 'Gamma', Δ: 'Delta',
  Θ: 'Theta', Λ: 'Lambda', Ξ: 'Xi', Π: 'Pi', Σ: 'Sigma', Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega',
};

/**
 * `D₁`/`D_1` → `D_{1}`, `λ` → `\lambda`, `AB` → `\mathrm{AB}`, `x_max` → `\mathrm{x\_max}`, and a
 * name `J`, `I` or `O` (from NumPy or MATLAB; in LaTeX `J`, `I` and `O_n` are constants) → `\mathit{J}`.
 */
export function latexName(name: string): string {
  const digits = /[₀-₉]+$/u.exec(name)?.[0] ?? '';
  const base = name.slice(0, name.length - digits.length);
  const sub = digits === '' ? '' : asciiName(digits).slice(1);
  const greek = GREEK[base];
  const styled = base.includes('_') || [...base].length > 1 ? `\\mathrm{${base.replace(/_/g, '\\_')}}` : base === 'J' || base === 'I' || base === 'O' ? `\\mathit{${base}}` : base;
  const head = greek !== undefined ? `\\${greek}` : styled;
  return sub === '' ? head : `${head}_{${sub}}`;
}

function latexDim(d: DimLiteral): string {
  return typeof d === 'number' ? String(d) : latexName(d);
}

function latexSized(letter: string, rows: DimLiteral | undefined, cols: DimLiteral | undefined): string {
  if (rows === undefined && cols === undefined) return letter;
  if (cols === undefined) return `${letter}_{${latexDim(rows as DimLiteral)}}`;
  return `${letter}_{${rows === undefined ? '?' : latexDim(rows)} \\times ${latexDim(cols)}}`;
}

/** LaTeX that the latex dialect reads back (`\odot`, `\otimes`, `^\top`, `^{\circ 2}`, `\operatorname{diag}`). */
export const LATEX: Notation = {
  name: 'latex',
  hadamard: '\\odot',
  matMul: undefined,
  kronecker: '\\otimes',
  notEqual: '\\neq',
  claimRelations: true,
  stackPostfix: false,
  identifier: (node) => latexName(node.name),
  number: (node) => {
    if (node.kind !== 'fraction') return node.value;
    const [num, den] = node.value.split('/');
    return `\\frac{${(num ?? '').trim()}}{${(den ?? '').trim()}}`;
  },
  transpose: (base) => `${base}^\\top`,
  inverse: (base) => `${base}^{-1}`,
  hadamardPower: (base, exponent) => `${base}^{\\circ ${exponent}}`,
  matrixPower: (base, exponent) => `${base}^{${exponent}}`,
  ones: (rows, cols) => latexSized('\\mathbf{J}', rows, cols),
  zero: (rows, cols) => latexSized('\\mathbf{0}', rows, cols),
  identity: (size) => (size === undefined ? 'I' : `I_{${latexDim(size)}}`),
  call: (name, args) =>
    name === 'det' ? `\\det(${args.join(', ')})` : `\\operatorname{${name}}(${args.join(', ')})`,
  entry: (matrix, row, col) => `${matrix}_{${row},${col}}`,
  sum: (index, body) => `\\sum_{${latexName(index)}} (${body})`,
  matrix: (rows) => `\\begin{pmatrix}${rows.map((row) => row.join(' & ')).join(' \\\\ ')}\\end{pmatrix}`,
  claimRelation: (operand, property) => `${operand} ${property === 'psd' ? '\\succeq' : '\\succ'} 0`,
  paren: (text) => `(${text})`,
};
