import { formatLimit, inferShape, printPlain } from '@odot/core';
import { LAWS, SIMPLIFY_LIMITS, simplify } from '@odot/rewrite';
import { EXIT, type Command } from '../command.ts';
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
import { stepJson, stepLine } from '../rewrite-format.ts';
import { commandBudget, timeLimitOption, withinBudget } from '../time-budget.ts';

/** `odot simplify EXPR`: the normal form by named laws, optionally with every step. */
export const simplifyCommand: Command = {
  name: 'simplify',
  summary: 'simplify an expression by named laws, showing each step',
  usage: 'simplify EXPR [--given DECL]... [--steps] [--json] [--dialect D] [--max-steps N] [--law NAME]... [--time-limit MS]',
  details: [
    "EXPR may be '-' to read standard input. With --steps, one line per step: '= Aᵀ ⊙ Bᵀ   by transpose_hadamard'.",
    'JSON: {"result": …, "steps": [{"law", "direction", "before", "after", "path"}], "limit"?}.',
    `--time-limit MS (default ${SIMPLIFY_LIMITS.timeLimitMs}) bounds the whole command, parsing included: stopped, the last form reached is`,
    'printed with a note (limit {kind, value}); stopped while still reading the input, it is a limit error (exit 3).',
    "Example: odot simplify '(A ⊙ B)ᵀ' --given 'A, B: 2×3' --steps",
  ].join('\n'),
  arity: [1, 1],
  options: [
    GIVEN_OPTION,
    { name: 'steps', type: 'boolean', description: 'print every step with the law used' },
    JSON_OPTION,
    DIALECT_OPTION,
    { name: 'max-steps', type: 'string', value: 'N', description: 'stop after N rewrite steps (default 2000)' },
    timeLimitOption(`stop the whole command after MS milliseconds, parsing included (default ${SIMPLIFY_LIMITS.timeLimitMs})`),
    { name: 'law', type: 'string', multiple: true, value: 'NAME', choices: LAWS.map((law) => law.name), description: 'use only these laws (default every simplifying law)' },
  ],
  run: (args, context) =>
    withInputErrors(context, async () => {
      const givens = givensOf(args);
      const text = await readExpressionText(args.positionals[0] ?? '', context);
      // One clock from parsing the input to printing the result.
      const budget = commandBudget(args, SIMPLIFY_LIMITS.timeLimitMs);
      const expr = parseArgument(text, dialectOf(args), context, givens, budget);
      const shape = withinBudget(budget, 'reading the input', () => inferShape(expr, givens));
      if (!shape.ok) throw new InputError(shape.error, text);
      const maxText = args.strings.get('max-steps');
      const maxSteps = maxText === undefined ? undefined : Number(maxText);
      if (maxSteps !== undefined && !(Number.isInteger(maxSteps) && maxSteps >= 0)) {
        throw new InputError({ code: 'bad-option', severity: 'error', message: `--max-steps needs a whole number, got '${maxText}'` });
      }
      const laws = args.lists.get('law');
      const result = simplify(expr, givens, { ...(budget === undefined ? {} : { budget }), ...(maxSteps === undefined ? {} : { maxSteps }), ...(laws === undefined ? {} : { laws }) });
      if (!result.ok) throw new InputError(result.error, text);
      const { steps, limit } = result.value;
      if (args.flags.has('json')) {
        context.stdout(
          `${JSON.stringify({ result: printPlain(result.value.result), steps: steps.map(stepJson), ...(limit ? { limit } : {}) })}\n`,
        );
      } else if (args.flags.has('steps')) {
        context.stdout(`${[printPlain(expr), ...steps.map(stepLine)].join('\n')}\n`);
      } else {
        context.stdout(`${printPlain(result.value.result)}\n`);
      }
      if (limit) context.stderr(`note: stopped before a normal form (${formatLimit(limit)})\n`);
      return EXIT.ok;
    }),
};
