import type { Budget, Expr, Givens } from '@odot/core';
import { parse } from '@odot/parser';
import type { Value } from '@odot/numeric';
import { decimalOf, evaluate, formatValue, isMatrix, valueFromLiteral, valueToJson } from '@odot/numeric';
import { EXIT, type Command, type OptionSpec, type ParsedArgs } from '../command.ts';
import {
  DIALECT_OPTION,
  GIVEN_OPTION,
  InputError,
  JSON_OPTION,
  dialectOf,
  givensOf,
  parseArgument,
  readExpressionText,
  withInputErrors,
} from '../input.ts';

/** The `--let NAME=MATRIX` option shared by `eval` and `psd`. */
export const LET_OPTION: OptionSpec = {
  name: 'let',
  type: 'string',
  multiple: true,
  value: 'NAME=MATRIX',
  description: "bind a symbol to a literal, e.g. --let 'A=[[1,2],[3,4]]' or --let 'c=-1/2'",
};

/** Parses every `--let NAME=VALUE` (plain syntax, exact); a bad one is an input error pointing into its text. */
export function bindingsOf(args: ParsedArgs): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const text of args.lists.get('let') ?? []) {
    const eq = text.indexOf('=');
    const name = eq < 0 ? '' : text.slice(0, eq).trim();
    if (eq < 0 || !/^[\p{L}][\p{L}\p{N}_₀-₉']*$/u.test(name)) {
      throw new InputError({
        code: 'bad-let',
        severity: 'error',
        message: `--let needs NAME=MATRIX, got '${text}'`,
        hints: ["for example --let 'A=[[1,2],[3,4]]' or --let 'A=[1 2; 3 4]'"],
      });
    }
    const literal = text.slice(eq + 1);
    const parsed = parse(literal);
    if (!parsed.ok) throw new InputError({ ...parsed.error, message: `--let ${name}: ${parsed.error.message}` }, literal);
    const value = valueFromLiteral(parsed.value.expr);
    if (!value.ok) throw new InputError({ ...value.error, message: `--let ${name}: ${value.error.message}` }, literal);
    out.set(name, value.value);
  }
  return out;
}

/** The expression argument, the bindings and the givens of `eval`/`psd` (parsed within `budget` when given). */
export async function readProblem(
  args: ParsedArgs,
  context: Parameters<Command['run']>[1],
  budget?: Budget,
): Promise<{ text: string; expr: Expr; bindings: Map<string, Value>; givens: Givens }> {
  const givens = givensOf(args);
  const bindings = bindingsOf(args);
  const text = await readExpressionText(args.positionals[0] ?? '', context);
  const expr = parseArgument(text, dialectOf(args), context, givens, budget);
  return { text, expr, bindings, givens };
}

function shapeText(v: Value): string {
  return isMatrix(v) ? `${v.rows}×${v.cols}` : v.kind;
}

/**
 * The decimal display: each exact entry as its nearest double, except entries a double cannot
 * hold (overflow to Infinity, underflow to 0), which show their exact value in scientific notation.
 */
function display(v: Value, exact: boolean): string {
  if (exact) return formatValue(v);
  if (isMatrix(v)) {
    const rows = (valueToJson(v, false).value as (number | string)[][]).map((row) => row.map(String));
    const widths: number[] = [];
    for (const row of rows) row.forEach((s, j) => (widths[j] = Math.max(widths[j] ?? 0, s.length)));
    return rows.map((row) => `[ ${row.map((s, j) => s.padStart(widths[j] ?? 0)).join('  ')} ]`).join('\n');
  }
  if (v.kind === 'scalar') return String(typeof v.value === 'number' ? v.value : decimalOf(v.value));
  return formatValue(v);
}

/** `odot eval EXPR`: evaluates with `--let` bindings, exactly over the rationals. */
export const evalCommand: Command = {
  name: 'eval',
  summary: 'evaluate an expression on concrete matrices (exact rationals)',
  usage: "eval EXPR [--let NAME=MATRIX]... [--given DECL]... [--exact] [--dialect D] [--json]",
  details: [
    "EXPR may be '-' to read standard input. Evaluation is exact (bigint rationals) and prints the",
    'value and its shape. Entries print as decimals unless --exact, which prints fractions such as -1/2;',
    'with --json: {"shape":[m,n],"value":[[…]]} (a scalar has "shape":[]), entries are numbers, or',
    'strings such as "7" and "-1/2" with --exact. Relations (A = B) and claims (X ⪰ 0) print true or false.',
    "Example: odot eval 'A ⊙ B' --let 'A=[[1,2,3],[4,5,6]]' --let 'B=[7 8 9; 10 11 12]'",
    'Exit codes: 0 evaluated, 2 input error (syntax, shape, unbound symbol, singular matrix).',
  ].join('\n'),
  arity: [1, 1],
  options: [
    LET_OPTION,
    GIVEN_OPTION,
    { name: 'exact', type: 'boolean', description: 'print exact fractions (JSON: entries as strings)' },
    DIALECT_OPTION,
    JSON_OPTION,
  ],
  run: (args, context) =>
    withInputErrors(context, async () => {
      const { text, expr, bindings, givens } = await readProblem(args, context);
      const result = evaluate(expr, bindings, { mode: 'exact', givens });
      if (!result.ok) throw new InputError(result.error, text);
      const exact = args.flags.has('exact');
      const value = result.value;
      if (args.flags.has('json')) {
        context.stdout(`${JSON.stringify(valueToJson(value, exact))}\n`);
      } else {
        context.stdout(`${display(value, exact)}\nshape: ${shapeText(value)}\n`);
      }
      return EXIT.ok;
    }),
};
