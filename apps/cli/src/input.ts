import { formatError, givensFrom, type Budget, type Declaration, type Expr, type Givens, type OdotError } from '@odot/core';
import { DIALECTS, parse, parseDeclarations, type Dialect } from '@odot/parser';
import type { CommandContext, OptionSpec, ParsedArgs } from './command.ts';
import { errorJson } from './error-json.ts';

/** The `--dialect` option shared by the commands that read expressions. */
export const DIALECT_OPTION: OptionSpec = {
  name: 'dialect',
  type: 'string',
  value: 'D',
  choices: DIALECTS,
  description: `input dialect: ${DIALECTS.join(', ')} (default plain)`,
};

/** The `--given` option shared by the commands that take declarations. */
export const GIVEN_OPTION: OptionSpec = {
  name: 'given',
  type: 'string',
  multiple: true,
  value: 'DECL',
  description: "declarations, e.g. 'A, B: 2×3' or 'P: n×n psd'",
};

/** The `--json` flag. */
export const JSON_OPTION: OptionSpec = { name: 'json', type: 'boolean', description: 'print JSON' };

/** A failure to report: the diagnostic, the text it points into and the file that text came from. */
export class InputError extends Error {
  readonly error: OdotError;
  readonly source: string | undefined;
  readonly file: string | undefined;

  constructor(error: OdotError, source?: string, file?: string) {
    super(error.message);
    this.error = error;
    this.source = source;
    this.file = file;
  }
}

/**
 * Prints a diagnostic in the compiler style on stderr (`error: …`, `  --> file:5:10`, caret); with
 * `--json` an error prints as one JSON line on stdout instead (warnings and notes stay on stderr).
 */
export function reportError(context: CommandContext, error: OdotError, source?: string, file?: string): void {
  if (context.json && error.severity === 'error') context.stdout(`${JSON.stringify(errorJson(error, file))}\n`);
  else context.stderr(`${formatError(error, source, file === '-' ? undefined : file)}\n`);
}

/** The text of a positional expression argument; `-` reads standard input. */
export async function readExpressionText(argument: string, context: CommandContext): Promise<string> {
  return argument === '-' ? (await context.readStdin()).trim() : argument;
}

/** The dialect chosen with `--dialect`; an unknown name is an input error. */
export function dialectOf(args: ParsedArgs): Dialect {
  const name = args.strings.get('dialect') ?? 'plain';
  if (!(DIALECTS as readonly string[]).includes(name)) {
    throw new InputError({
      code: 'unknown-dialect',
      severity: 'error',
      message: `unknown dialect '${name}'`,
      hints: [`the dialects are ${DIALECTS.join(', ')}`],
    });
  }
  return name as Dialect;
}

/** All `--given` declarations, parsed; the first bad one is an input error pointing into its text. */
export function declarationsOf(args: ParsedArgs): Declaration[] {
  const out: Declaration[] = [];
  for (const text of args.lists.get('given') ?? []) {
    const result = parseDeclarations(text);
    if (!result.ok) throw new InputError(result.error, text);
    out.push(...result.value);
  }
  return out;
}

/** The givens from all `--given` options. */
export function givensOf(args: ParsedArgs): Givens {
  return givensFrom(declarationsOf(args));
}

/**
 * Parses an expression argument in the chosen dialect, with the `--given` declarations when there
 * are any (they decide LaTeX `X_{11}`, numpy `np.diag` of a matrix, and reject a size name used as
 * a value); lint notes are printed on stderr. With `budget`, parsing counts against the command's
 * time limit (past it, the `limit` error).
 */
export function parseArgument(text: string, dialect: Dialect, context: CommandContext, givens?: Givens, budget?: Budget): Expr {
  const result = parse(text, { dialect, ...(givens === undefined || givens.size === 0 ? {} : { givens }), ...(budget === undefined ? {} : { budget }) });
  if (!result.ok) throw new InputError(result.error, text);
  for (const note of result.value.notes) reportError(context, note, text);
  return result.value.expr;
}

/**
 * Runs a command body, turning an `InputError` into its diagnostic on stderr and exit code 2; a
 * `limit` error (stopped by a time or size limit before an answer) exits 3, "no answer", as an
 * undecided verdict does.
 */
export async function withInputErrors(context: CommandContext, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof InputError) {
      reportError(context, error.error, error.source, error.file);
      return error.error.code === 'limit' ? 3 : 2;
    }
    throw error;
  }
}
