import { formatShape, inferShape, jsonText, printExpr, stripSpans } from '@odot/core';
import { EXIT, type Command } from '../command.ts';
import {
  DIALECT_OPTION,
  GIVEN_OPTION,
  InputError,
  dialectOf,
  givensOf,
  parseArgument,
  readExpressionText,
  withInputErrors,
} from '../input.ts';

const FORMATS = ['plain', 'ascii', 'latex', 'sexpr', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** `odot parse EXPR`: prints the tree in the chosen form and the inferred shape. */
export const parseCommand: Command = {
  name: 'parse',
  summary: 'parse an expression and print its tree and shape',
  usage: 'parse EXPR [--dialect plain|latex|numpy|matlab] [--given DECL]... [--print plain|ascii|latex|sexpr|json] [--json]',
  details: "EXPR may be '-' to read standard input. --json is --print json: {\"expr\": tree, \"shape\": \"2×3\"}. Example: odot parse 'A ⊙ B' --given 'A, B: 2×3'",
  arity: [1, 1],
  options: [
    DIALECT_OPTION,
    GIVEN_OPTION,
    { name: 'print', type: 'string', value: 'FORMAT', choices: FORMATS, description: `output form: ${FORMATS.join(', ')} (default plain)` },
  ],
  run: (args, context) =>
    withInputErrors(context, async () => {
      const format = args.flags.has('json') ? 'json' : (args.strings.get('print') ?? 'plain');
      if (!(FORMATS as readonly string[]).includes(format)) {
        throw new InputError({
          code: 'unknown-format',
          severity: 'error',
          message: `unknown print format '${format}'`,
          hints: [`the formats are ${FORMATS.join(', ')}`],
        });
      }
      const givens = givensOf(args);
      const text = await readExpressionText(args.positionals[0] ?? '', context);
      const expr = parseArgument(text, dialectOf(args), context, givens);
      const shape = inferShape(expr, givens);
      if (!shape.ok) throw new InputError(shape.error, text);
      if (format === 'json') {
        // jsonText, not JSON.stringify: a tree of any depth is written without recursion.
        context.stdout(`${jsonText({ expr: stripSpans(expr), shape: formatShape(shape.value) })}\n`);
      } else {
        context.stdout(`${printExpr(expr, format as Format)}\nshape: ${formatShape(shape.value)}\n`);
      }
      return EXIT.ok;
    }),
};
