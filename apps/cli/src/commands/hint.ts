import { formatHint, hintProof, parseProof } from '@odot/proof';
import { EXIT, type Command } from '../command.ts';
import { DIALECT_OPTION, JSON_OPTION, dialectOf, reportError, withInputErrors } from '../input.ts';
import { readProofSource } from '../proof-input.ts';

/** `odot hint FILE`: the next step of the first unfinished or failing proof of a file. */
export const hintCommand: Command = {
  name: 'hint',
  summary: 'suggest the next step of an unfinished or failing proof: a law, where it applies, the line',
  usage: 'hint FILE [--json] [--no-algebra] [--dialect D]',
  details: [
    "FILE may be '-' to read standard input; a .proof file or the ```proof blocks of a Markdown file.",
    'For the first theorem that is not proved, from the last line that holds: one law that moves toward',
    'the goal, the sub-expression it rewrites and the line to write next (checked by the checker), not the',
    'rest of the proof.',
    'JSON: {"status": "hint", "theorem", "goal", "afterLine", "from", "law", "statement"?, "direction",',
    '"subterm", "path", "result", "line", "reason"} | {"status": "proved"} | {"status": "none", "theorem", "goal", "reason"}.',
    'Exit codes: 0 every theorem is proved (nothing to hint), 1 a hint (the proof is not finished),',
    '3 no hint found, 2 input error.',
    'Example: odot hint examples/proofs/wrong/unfinished.proof',
  ].join('\n'),
  arity: [1, 1],
  options: [JSON_OPTION, { name: 'no-algebra', type: 'boolean', description: 'do not count `by algebra` steps as holding' }, DIALECT_OPTION],
  run: (args, context) =>
    withInputErrors(context, async () => {
      const file = args.positionals[0] ?? '-';
      const { source, format } = await readProofSource(file, context);
      const options = { format, dialect: dialectOf(args), allowAlgebra: !args.flags.has('no-algebra') } as const;
      const document = parseProof(source, options);
      if (document.errors.length > 0) {
        for (const error of context.json ? document.errors.slice(0, 1) : document.errors) reportError(context, error, source, file);
        return EXIT.inputError;
      }
      const result = hintProof(document, options);
      if (args.flags.has('json')) {
        const { kind, ...rest } = result;
        const body = result.kind === 'hint' ? result.hint : rest;
        context.stdout(`${JSON.stringify({ status: kind, ...body })}\n`);
      } else {
        context.stdout(`${formatHint(result)}\n`);
      }
      return result.kind === 'proved' ? EXIT.ok : result.kind === 'hint' ? EXIT.no : EXIT.unknown;
    }),
};
