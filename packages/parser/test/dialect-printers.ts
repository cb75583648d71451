import { assertNever } from '@odot/core';
import type { Expr } from '@odot/core';

// Small fully bracketed printers for the numpy and matlab dialects, written for the round-trip
// property (core has no numpy/matlab printer). They cover the node types those dialects can
// express; `unsupported` throws for the rest (the property excludes them).

/** Thrown for a node the dialect cannot spell; the round-trip property skips those trees. */
export class Unspellable extends Error {}

function unsupported(node: Expr, dialect: string): never {
  throw new Unspellable(`${node.type} has no ${dialect} spelling`);
}

function dim(d: string | number): string {
  // A size is a name or a positive integer.
  return String(d);
}

function numpyIndex(e: Expr): string {
  // numpy indices are 0-based: odot's 1-based literal n prints as n-1.
  return e.type === 'NumberLiteral' ? String(Number(e.value) - 1) : printNumpy(e);
}

/** A numpy expression for `node` with a bracket around every compound operand. */
export function printNumpy(node: Expr): string {
  const p = (e: Expr): string => `(${printNumpy(e)})`;
  switch (node.type) {
    case 'Identifier':
      return node.name.replace(/[₀-₉]+$/, (s) => `_${[...s].map((c) => '₀₁₂₃₄₅₆₇₈₉'.indexOf(c)).join('')}`);
    case 'NumberLiteral':
      return node.kind === 'fraction' ? unsupported(node, 'numpy') : node.value;
    case 'MatrixLiteral':
      return `np.array([${node.rows.map((r) => `[${r.map(printNumpy).join(', ')}]`).join(', ')}])`;
    case 'Hadamard':
      return `${p(node.left)} * ${p(node.right)}`;
    case 'MatMul':
      return `${p(node.left)} @ ${p(node.right)}`;
    case 'Kronecker':
      return `np.kron(${printNumpy(node.left)}, ${printNumpy(node.right)})`;
    case 'Add':
      return `${p(node.left)} + ${p(node.right)}`;
    case 'Sub':
      return `${p(node.left)} - ${p(node.right)}`;
    case 'Neg':
      return `-${p(node.operand)}`;
    case 'ScalarMul':
      return `${printNumpy(node.scalar)} * ${p(node.operand)}`;
    case 'Transpose':
      return `${p(node.operand)}.T`;
    case 'HadamardPower':
      return `${p(node.base)} ** ${p(node.exponent)}`;
    case 'MatrixPower':
      return `np.linalg.matrix_power(${printNumpy(node.base)}, ${printNumpy(node.exponent)})`;
    case 'Inverse':
      return `np.linalg.inv(${printNumpy(node.operand)})`;
    case 'Ones':
      return node.rows === undefined || node.cols === undefined ? unsupported(node, 'numpy') : `np.ones((${dim(node.rows)}, ${dim(node.cols)}))`;
    case 'Zero':
      return node.rows === undefined || node.cols === undefined ? '0' : `np.zeros((${dim(node.rows)}, ${dim(node.cols)}))`;
    case 'Identity':
      return node.size === undefined ? unsupported(node, 'numpy') : `np.eye(${dim(node.size)})`;
    case 'Diag':
      return `np.diag(${printNumpy(node.operand)})`;
    case 'DiagVec':
      return `np.diagonal(${printNumpy(node.operand)})`;
    case 'Trace':
      return `np.trace(${printNumpy(node.operand)})`;
    case 'Det':
      return `np.linalg.det(${printNumpy(node.operand)})`;
    case 'Entry':
      return `${p(node.matrix)}[${numpyIndex(node.row)}, ${numpyIndex(node.col)}]`;
    case 'Equal':
      return `${printNumpy(node.left)} == ${printNumpy(node.right)}`;
    case 'NotEqual':
      return `${printNumpy(node.left)} != ${printNumpy(node.right)}`;
    case 'Sum':
    case 'Claim':
      return unsupported(node, 'numpy');
    default:
      return assertNever(node);
  }
}

/** A MATLAB expression for `node` with a bracket around every compound operand. */
export function printMatlab(node: Expr): string {
  const p = (e: Expr): string => `(${printMatlab(e)})`;
  switch (node.type) {
    case 'Identifier':
      return node.name.replace(/[₀-₉]+$/, (s) => `_${[...s].map((c) => '₀₁₂₃₄₅₆₇₈₉'.indexOf(c)).join('')}`);
    case 'NumberLiteral':
      return node.kind === 'fraction' ? unsupported(node, 'matlab') : node.value;
    case 'MatrixLiteral':
      return `[${node.rows.map((r) => r.map(printMatlab).join(' ')).join('; ')}]`;
    case 'Hadamard':
      return `${p(node.left)} .* ${p(node.right)}`;
    case 'MatMul':
      return `${p(node.left)} * ${p(node.right)}`;
    case 'Kronecker':
      return `kron(${printMatlab(node.left)}, ${printMatlab(node.right)})`;
    case 'Add':
      return `${p(node.left)} + ${p(node.right)}`;
    case 'Sub':
      return `${p(node.left)} - ${p(node.right)}`;
    case 'Neg':
      return `-${p(node.operand)}`;
    case 'ScalarMul':
      return `${printMatlab(node.scalar)} * ${p(node.operand)}`;
    case 'Transpose':
      return `${p(node.operand)}'`;
    case 'HadamardPower':
      return `${p(node.base)} .^ ${p(node.exponent)}`;
    case 'MatrixPower':
      return `${p(node.base)} ^ ${p(node.exponent)}`;
    case 'Inverse':
      return `inv(${printMatlab(node.operand)})`;
    case 'Ones':
      return node.rows === undefined || node.cols === undefined ? unsupported(node, 'matlab') : `ones(${dim(node.rows)}, ${dim(node.cols)})`;
    case 'Zero':
      return node.rows === undefined || node.cols === undefined ? '0' : `zeros(${dim(node.rows)}, ${dim(node.cols)})`;
    case 'Identity':
      return node.size === undefined ? unsupported(node, 'matlab') : `eye(${dim(node.size)})`;
    case 'Diag':
      return `diag(${printMatlab(node.operand)})`;
    case 'Trace':
      return `trace(${printMatlab(node.operand)})`;
    case 'Det':
      return `det(${printMatlab(node.operand)})`;
    case 'Entry':
      if (node.matrix.type !== 'Identifier') return unsupported(node, 'matlab');
      return `${printMatlab(node.matrix)}(${printMatlab(node.row)}, ${printMatlab(node.col)})`;
    case 'Equal':
      return `${printMatlab(node.left)} == ${printMatlab(node.right)}`;
    case 'NotEqual':
      return `${printMatlab(node.left)} ~= ${printMatlab(node.right)}`;
    case 'DiagVec':
    case 'Sum':
    case 'Claim':
      return unsupported(node, 'matlab');
    default:
      return assertNever(node);
  }
}
