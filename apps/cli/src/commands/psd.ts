import type { Expr } from '@odot/core';
import type { ExactMatrix, PsdCertificate, PsdReport, Rational, Value } from '@odot/numeric';
import { evaluate, formatRational, formatValueInline, isMatrix, matrixRows, psdTest } from '@odot/numeric';
import { EXIT, type Command } from '../command.ts';
import { DIALECT_OPTION, GIVEN_OPTION, InputError, JSON_OPTION, withInputErrors } from '../input.ts';
import { decideSymbolicPsd } from '../symbolic-psd.ts';
import { commandBudget, timeLimitOption } from '../time-budget.ts';
import { LET_OPTION, readProblem } from './eval.ts';

type Property = 'psd' | 'pd';

/** A claim `X ⪰ 0` / `psd(X)` / `X ≻ 0` / `pd(X)` is unwrapped to X and its property. */
function unwrapClaim(expr: Expr, pd: boolean): { operand: Expr; property: Property } {
  if (expr.type === 'Claim' && (expr.property === 'psd' || expr.property === 'pd')) return { operand: expr.operand, property: expr.property };
  return { operand: expr, property: pd ? 'pd' : 'psd' };
}

function vectorText(xs: readonly Rational[]): string {
  return `[${xs.map(formatRational).join(', ')}]`;
}

function certificateText(c: PsdCertificate): string {
  switch (c.kind) {
    case 'factorization':
      return `PᵀAP = L·diag(D)·Lᵀ (checked exactly) with P = ${vectorText(c.permutation.map((i) => ({ num: BigInt(i + 1), den: 1n })))}, L = ${formatValueInline(c.L)}, D = ${vectorText(c.D)}`;
    case 'vector':
      return `x = ${vectorText(c.x)} has xᵀAx = ${formatRational(c.value)} (checked exactly)`;
    case 'asymmetry':
      return `entry (${c.row},${c.col}) differs from entry (${c.col},${c.row})`;
  }
}

function certificateJson(c: PsdCertificate): unknown {
  switch (c.kind) {
    case 'factorization':
      return { kind: c.kind, permutation: c.permutation.map((i) => i + 1), L: matrixRows(c.L), D: c.D.map(formatRational) };
    case 'vector':
      return { kind: c.kind, x: c.x.map(formatRational), value: formatRational(c.value) };
    case 'asymmetry':
      return c;
  }
}

function asMatrix(v: Value, text: string): ExactMatrix {
  if (v.kind === 'exact') return v;
  if (v.kind === 'scalar' && typeof v.value !== 'number') return { kind: 'exact', rows: 1, cols: 1, data: [v.value] };
  throw new InputError({ code: 'not-a-matrix', severity: 'error', message: `psd needs a square matrix, got a ${isMatrix(v) ? 'float matrix' : v.kind}` }, text);
}

/** The default time limit of `odot psd` (decidePsd's own default). */
const PSD_TIME_LIMIT_MS = 4000;

/** `odot psd EXPR`: decides whether a concrete matrix is psd (or pd), with eigenvalues and an exact certificate. */
export const psdCommand: Command = {
  name: 'psd',
  summary: 'decide whether a matrix is positive semidefinite, with an exact certificate',
  usage: 'psd EXPR [--let NAME=MATRIX]... [--given DECL]... [--pd] [--dialect D] [--json] [--time-limit MS]',
  details: [
    "EXPR may be a matrix expression, or a claim such as 'X ⪰ 0' or 'pd(X)'; '-' reads standard input.",
    'With every symbol bound (--let), the verdict comes from exact LDLᵀ with symmetric pivoting over the',
    'rationals, with its certificate (the factor for yes, a vector x with xᵀAx < 0 for no), and the float',
    'eigenvalues are shown. With unbound symbols the answer is "unknown" unless symbolic reasoning decides it.',
    "Example: odot psd 'B Bᵀ' --let 'B=[[1,2],[3,4]]'",
    `--time-limit MS (default ${PSD_TIME_LIMIT_MS}) bounds parsing and the symbolic decision together; stopped, the answer is unknown`,
    '(limit {kind, value}), or a limit error (exit 3) while still reading the input.',
    'Exit codes: 0 psd (pd), 1 not psd (not pd), 3 unknown, 2 input error.',
  ].join('\n'),
  arity: [1, 1],
  options: [
    LET_OPTION,
    GIVEN_OPTION,
    { name: 'pd', type: 'boolean', description: 'test positive definiteness instead' },
    DIALECT_OPTION,
    JSON_OPTION,
    timeLimitOption(`stop after MS milliseconds, parsing included (default ${PSD_TIME_LIMIT_MS})`),
  ],
  run: (args, context) =>
    withInputErrors(context, async () => {
      // One clock from parsing the input to the symbolic decision.
      const budget = commandBudget(args, PSD_TIME_LIMIT_MS);
      const { text, expr, bindings, givens } = await readProblem(args, context, budget);
      const { operand, property } = unwrapClaim(expr, args.flags.has('pd'));
      const json = args.flags.has('json');
      const result = evaluate(operand, bindings, { mode: 'exact', givens });
      if (!result.ok) {
        // Not computable as it stands (unbound symbols, symbolic sizes): the API's decision, one path.
        if (result.error.code !== 'unbound-symbol' && result.error.code !== 'unknown-size') throw new InputError(result.error, text);
        const decided = decideSymbolicPsd(operand, givens, property, budget);
        if (!decided.ok) throw new InputError(decided.error, text);
        const symbolic = decided.value;
        const verdict = symbolic.verdict === 'psd' ? property : symbolic.verdict === 'not psd' ? `not ${property}` : 'unknown';
        if (json) context.stdout(`${JSON.stringify({ verdict, property, symbolic: true, explanation: symbolic.explanation, ...(symbolic.details === undefined ? {} : { justification: symbolic.details }), ...(symbolic.limit === undefined ? {} : { limit: symbolic.limit }) })}\n`);
        else context.stdout(`${verdict}\n${symbolic.explanation}\n`);
        return symbolic.verdict === 'psd' ? EXIT.ok : symbolic.verdict === 'not psd' ? EXIT.no : EXIT.unknown;
      }
      const m = asMatrix(result.value, text);
      if (m.rows !== m.cols) {
        throw new InputError({ code: 'not-square', severity: 'error', message: `psd needs a square matrix, got ${m.rows}×${m.cols}`, ...(operand.span ? { span: operand.span } : {}) }, text);
      }
      const exact = psdTest(m, { method: 'certificate', property });
      if (!exact.ok) throw new InputError(exact.error, text);
      const float = psdTest(m, { method: 'float', property });
      const report: PsdReport = exact.value;
      const eigenvalues = float.ok && float.value.eigenvalues ? Array.from(float.value.eigenvalues) : undefined;
      const verdict = report.holds ? property : `not ${property}`;
      if (json) {
        context.stdout(
          `${JSON.stringify({
            verdict,
            property,
            shape: [m.rows, m.cols],
            method: 'exact LDLᵀ with symmetric pivoting',
            explanation: report.explanation,
            ...(eigenvalues ? { eigenvalues } : {}),
            ...(float.ok ? { floatVerdict: float.value.holds ? property : `not ${property}`, tolerance: float.value.tolerance } : {}),
            ...(report.certificate ? { certificate: certificateJson(report.certificate) } : {}),
          })}\n`,
        );
      } else {
        const lines = [verdict, `method: ${report.explanation}`];
        if (eigenvalues) lines.push(`eigenvalues (float): ${eigenvalues.map((x) => Number(x.toPrecision(12))).join(', ')}`);
        if (report.certificate) lines.push(`certificate: ${certificateText(report.certificate)}`);
        context.stdout(`${lines.join('\n')}\n`);
      }
      return report.holds ? EXIT.ok : EXIT.no;
    }),
};
