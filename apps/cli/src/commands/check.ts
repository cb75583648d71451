import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { odotError } from '@odot/core';
import { checkProof, formatReport, parseProof, reportToJson } from '@odot/proof';
import { EXIT, type Command } from '../command.ts';
import { DIALECT_OPTION, InputError, JSON_OPTION, dialectOf, reportError, withInputErrors } from '../input.ts';

/** `odot check FILE`: checks every theorem of a `.proof` file (or the ```proof blocks of a Markdown file). */
export const checkCommand: Command = {
  name: 'check',
  summary: 'check the proofs in a .proof or Markdown file, step by step',
  usage: 'check FILE [--json] [--no-algebra] [--dialect D]',
  details: [
    "FILE may be '-' to read standard input. A proof reads:",
    '  given A, B: m×n',
    '  prove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ',
    '  proof',
    '      (A ⊙ B)ᵀ',
    '    = Aᵀ ⊙ Bᵀ    by transpose_hadamard',
    '    = Bᵀ ⊙ Aᵀ    by hadamard_comm',
    '  qed',
    'Exit codes: 0 every theorem proved, 1 some step fails, 2 input error.',
  ].join('\n'),
  arity: [1, 1],
  options: [
    JSON_OPTION,
    { name: 'no-algebra', type: 'boolean', description: 'reject `by algebra` steps (cite laws instead)' },
    DIALECT_OPTION,
  ],
  run: (args, context) =>
    withInputErrors(context, async () => {
      const file = args.positionals[0] ?? '-';
      let source: string;
      try {
        source = file === '-' ? await context.readStdin() : readFileSync(resolve(context.cwd, file), 'utf8');
      } catch (error) {
        throw new InputError(odotError('unreadable-file', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`), undefined, file);
      }
      const format = /\.(md|markdown)$/i.test(file) ? 'markdown' : 'auto';
      const options = { format, dialect: dialectOf(args), allowAlgebra: !args.flags.has('no-algebra') } as const;
      const document = parseProof(source, options);
      if (document.errors.length > 0) {
        // With --json one document per run: the first error (text mode lists them all).
        for (const error of context.json ? document.errors.slice(0, 1) : document.errors) reportError(context, error, source, file);
        return EXIT.inputError;
      }
      const report = checkProof(document, options);
      if (args.flags.has('json')) context.stdout(`${JSON.stringify(reportToJson(report))}\n`);
      else context.stdout(`${formatReport(report, source)}\n`);
      return report.valid ? EXIT.ok : EXIT.no;
    }),
};
