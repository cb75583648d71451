import { claim, det, diag, diagVec, hadamard, identity, isProperty, kronecker, matMul, ones, sum as sumNode, trace, zero } from '@odot/core';
import type { DimLiteral, Expr, Span } from '@odot/core';
import { asNumber, fail, spanOf, toArray } from './build.ts';
import type { List } from './build.ts';
import { isMinusOne } from './build-postfix.ts';
import type { Dialect } from './dialect.ts';
import { lookupFunction, type FunctionOp } from './functions.ts';
import { inverse, matrixPower, transpose } from './nodes.ts';
import { tokenSpan, tokensSpan } from './span.ts';
import type { Tok } from './tokens.ts';

// The builders of calls: `diag(v)`, `tr(A)`, `kron(A, B)`, `Σ_k(…)`, numpy's `np.…` and MATLAB's
// constructors (`ones(m, n)`, `np.ones((m, n))`, `eye(n)`, `np.array([[…]])`).

/** `Σ_k(body)`, `sum_k(body)`, `\sum_{k}\left(body\right)`. */
function sumOver(t: Tok, body: Expr, close: Tok): Expr {
  return sumNode(t.value, body, tokensSpan(t, close));
}

/**
 * A call: `diag(v)`, `tr(A)`, `kron(A, B)`, `np.linalg.inv(A)`, `ones(m, n)`, `psd(X)`.
 * `givens` (when parsing with declarations) decides numpy's `np.diag` by its argument's shape.
 */
export function call(fn: Tok, args: List<Expr>, close: Tok): Expr {
  if (fn.kind === 'sum') {
    if (args.tail !== undefined) return fail('wrong-arity', `\`${fn.text}(…)\` takes one expression`, tokensSpan(fn, close));
    return sumOver(fn, args.head, close);
  }
  return buildCall(fn, toArray(args), tokensSpan(fn, close), false);
}

/** numpy's `np.ones((m, n))`, `np.zeros((m, n))`: the sizes as a tuple. */
export function tupleCall(fn: Tok, args: List<Expr>, close: Tok): Expr {
  return buildCall(fn, toArray(args), tokensSpan(fn, close), true);
}
function arity(fn: Tok, args: readonly Expr[], counts: readonly number[], span: Span): void {
  if (!counts.includes(args.length)) {
    const want = counts.map((c) => `${c} argument${c === 1 ? '' : 's'}`).join(' or ');
    fail('wrong-arity', `\`${fn.text}\` takes ${want}, got ${args.length}`, span, { expected: [want] });
  }
}

function dimArg(e: Expr, fn: Tok): DimLiteral {
  if (e.type === 'Identifier') return e.name;
  if (e.type === 'NumberLiteral' && e.kind === 'integer' && !/^0+$/.test(e.value)) return Number(e.value);
  return fail('bad-size', `\`${fn.text}\` needs sizes that are positive integers or names`, spanOf(e), {
    expected: ['a number or a name'],
  });
}

function dialectOf(fn: Tok): Dialect {
  return fn.value.startsWith('np.') || fn.value.startsWith('numpy.') ? 'numpy' : lookupFunction('plain', fn.value) ? 'plain' : 'matlab';
}

/** A call of a named function: its operator looked up in the call's dialect, then built by family. */
function buildCall(fn: Tok, args: readonly Expr[], span: Span, tuple: boolean): Expr {
  const dialect = dialectOf(fn);
  const op = lookupFunction(dialect, fn.value) ?? lookupFunction('matlab', fn.value);
  if (op === undefined) return fail('unknown-function', `unknown function \`${fn.text}\``, tokenSpan(fn));
  if (tuple && op !== 'ones' && op !== 'zeros') {
    fail('wrong-arity', `\`${fn.text}\` does not take a shape tuple`, span);
  }
  switch (op) {
    case 'kron':
    case 'multiply':
    case 'matmul':
    case 'matrix_power':
      return binaryCall(op, fn, args, span);
    case 'ones':
    case 'zeros':
    case 'eye':
    case 'array':
      return constructorCall(op, fn, args, span, dialect, tuple);
    default:
      arity(fn, args, [1], span);
      return unaryCall(op, args[0] as Expr, span);
  }
}

/** `kron(A, B)`, `np.multiply(A, B)`, `np.matmul(A, B)`, `np.linalg.matrix_power(A, k)` (k = −1: the inverse). */
function binaryCall(op: 'kron' | 'multiply' | 'matmul' | 'matrix_power', fn: Tok, args: readonly Expr[], span: Span): Expr {
  arity(fn, args, [2], span);
  const [a, b] = [args[0] as Expr, args[1] as Expr];
  switch (op) {
    case 'kron':
      return kronecker(a, b, span);
    case 'multiply':
      return hadamard(a, b, span);
    case 'matmul':
      return matMul(a, b, span);
    case 'matrix_power': {
      const k = asNumber(b);
      return isMinusOne(k) ? inverse(a, span) : matrixPower(a, k, span);
    }
  }
}

/** `ones(m, n)`, `np.zeros((m, n))`, `eye(n)`, `np.array([[…]])`: constants and literals. */
function constructorCall(op: 'ones' | 'zeros' | 'eye' | 'array', fn: Tok, args: readonly Expr[], span: Span, dialect: Dialect, tuple: boolean): Expr {
  const [a, b] = [args[0], args[1]];
  switch (op) {
    case 'ones':
    case 'zeros': {
      arity(fn, args, dialect === 'numpy' && !tuple ? [1] : [1, 2], span);
      const rows = dimArg(a as Expr, fn);
      const cols = b === undefined ? (dialect === 'numpy' ? 1 : rows) : dimArg(b, fn);
      return op === 'ones' ? ones(rows, cols, span) : zero(rows, cols, span);
    }
    case 'eye':
      arity(fn, args, [1], span);
      return identity(dimArg(a as Expr, fn), span);
    case 'array':
      arity(fn, args, [1], span);
      if (a?.type !== 'MatrixLiteral') {
        return fail('expected-matrix', '`np.array` takes a nested list like `[[1, 2], [3, 4]]`', spanOf(a as Expr), {
          expected: ['[[…], […]]'],
        });
      }
      return { ...a, span };
  }
}

/** `diag(v)`, `diagvec(A)`, `tr(A)`, `det(A)`, `inv(A)`, `transpose(A)`, and a property call `psd(X)`. */
function unaryCall(op: Exclude<FunctionOp, 'kron' | 'multiply' | 'matmul' | 'matrix_power' | 'ones' | 'zeros' | 'eye' | 'array'>, x: Expr, span: Span): Expr {
  switch (op) {
    case 'diag':
      return diag(x, span);
    case 'diagvec':
      return diagVec(x, span);
    case 'tr':
      return trace(x, span);
    case 'det':
      return det(x, span);
    case 'inv':
      return inverse(x, span);
    case 'transpose':
      return transpose(x, span);
    default:
      return claim(isProperty(op) ? op : 'psd', x, span);
  }
}
