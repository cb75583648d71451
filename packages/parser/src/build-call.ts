import { claim, det, diag, diagVec, hadamard, identity, isProperty, kronecker, matMul, ones, sum as sumNode, trace, zero } from '@odot/core';
import type { DimLiteral, Expr, Span } from '@odot/core';
import { asNumber, fail, spanOf, toArray } from './build.ts';
import type { List } from './build.ts';
import { isMinusOne } from './build-postfix.ts';
import type { Dialect } from './dialect.ts';
import { lookupFunction } from './functions.ts';
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

function buildCall(fn: Tok, args: readonly Expr[], span: Span, tuple: boolean): Expr {
  const dialect = dialectOf(fn);
  const op = lookupFunction(dialect, fn.value) ?? lookupFunction('matlab', fn.value);
  if (op === undefined) return fail('unknown-function', `unknown function \`${fn.text}\``, tokenSpan(fn));
  const [a, b] = [args[0], args[1]];
  if (tuple && op !== 'ones' && op !== 'zeros') {
    fail('wrong-arity', `\`${fn.text}\` does not take a shape tuple`, span);
  }
  switch (op) {
    case 'kron':
      arity(fn, args, [2], span);
      return kronecker(a as Expr, b as Expr, span);
    case 'multiply':
      arity(fn, args, [2], span);
      return hadamard(a as Expr, b as Expr, span);
    case 'matmul':
      arity(fn, args, [2], span);
      return matMul(a as Expr, b as Expr, span);
    case 'matrix_power': {
      arity(fn, args, [2], span);
      const k = asNumber(b as Expr);
      return isMinusOne(k) ? inverse(a as Expr, span) : matrixPower(a as Expr, k, span);
    }
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
    default:
      break;
  }
  arity(fn, args, [1], span);
  const x = a as Expr;
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
