import type { Expr, ExprType } from './expr.ts';

/** For each node type, the keys that hold child expressions, in source order (cf. typescript-eslint visitor-keys). */
export const VISITOR_KEYS = {
  Identifier: [],
  NumberLiteral: [],
  MatrixLiteral: ['rows'],
  Hadamard: ['left', 'right'],
  MatMul: ['left', 'right'],
  Kronecker: ['left', 'right'],
  Add: ['left', 'right'],
  Sub: ['left', 'right'],
  Neg: ['operand'],
  ScalarMul: ['scalar', 'operand'],
  Transpose: ['operand'],
  HadamardPower: ['base', 'exponent'],
  MatrixPower: ['base', 'exponent'],
  Inverse: ['operand'],
  Ones: [],
  Zero: [],
  Identity: [],
  Diag: ['operand'],
  DiagVec: ['operand'],
  Trace: ['operand'],
  Det: ['operand'],
  Entry: ['matrix', 'row', 'col'],
  Sum: ['body'],
  Equal: ['left', 'right'],
  NotEqual: ['left', 'right'],
  Claim: ['operand'],
} as const satisfies { readonly [T in ExprType]: readonly (keyof Extract<Expr, { type: T }>)[] };

/** The direct children of a node, in source order (matrix-literal entries row by row). */
export function childrenOf(node: Expr): Expr[] {
  const out: Expr[] = [];
  const record = node as unknown as Record<string, unknown>;
  for (const key of VISITOR_KEYS[node.type]) {
    const value = record[key];
    if (key === 'rows') {
      for (const row of value as readonly (readonly Expr[])[]) out.push(...row);
    } else {
      out.push(value as Expr);
    }
  }
  return out;
}
