import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { odotError } from '@odot/core';
import { checkProof, formatReport, parseProof, reportToJson, type CheckOptions } from '@odot/proof';
import { EXIT, type Command, type ParsedArgs } from '../command.ts';
import { DIALECT_OPTION, InputError, JSON_OPTION, dialectOf, reportError, withInputErrors } from '../input.ts';

/** The checker's policy from the flags: `--strict`, `--max-applications N`, `--forbid LAW`, `--allow LAW`. */
function policyOf(args: ParsedArgs): Pick<CheckOptions, 'strict' | 'limits' | 'forbid' | 'allow'> {
  const max = args.strings.get('max-applications');
  if (max !== undefined && !/^[1-9]\d*$/.test(max)) {
    throw new InputError(odotError('bad-option', `--max-applications must be a positive whole number (got '${max}')`));
  }
  const allow = args.lists.get('allow');
  return {
    strict: args.flags.has('strict'),
    ...(max === undefined ? {} : { limits: { maxApplications: Number(max) } }),
    forbid: args.lists.get('forbid') ?? [],
    ...(allow === undefined ? {} : { allow }),
  };
}

/** `odot check FILE`: checks every theorem of a `.proof` file (or the ```proof blocks of a Markdown file). */
export const checkCommand: Command = {
  name: 'check',
  summary: 'check the proofs in a .proof or Markdown file, step by step',
  usage: 'check FILE [--json] [--strict] [--max-applications N] [--forbid LAW] [--allow LAW] [--no-algebra] [--dialect D]',
  details: [
    "FILE may be '-' to read standard input. A proof reads:",
    '  given A, B: m×n',
    '  prove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ',
    '  proof',
    '      (A ⊙ B)ᵀ',
    '    = Aᵀ ⊙ Bᵀ    by transpose_hadamard',
    '    = Bᵀ ⊙ Aᵀ    by hadamard_comm',
    '  qed',
    'Each step gets a status (✓ ok, ✗ failed, ○ unchecked: follows a failed line, · no credit) and a',
    'code: ok, wrong-law, false, side-condition, too-big, no-change, circular, buggy-rule, unchecked, …',
    'By default a law may match up to the order and grouping of ⊙ and + (the step says so);',
    '--strict requires every law as stated and one law application per step.',
    'Exit codes: 0 every theorem proved, 1 some step fails, 2 input error.',
  ].join('\n'),
  arity: [1, 1],
  options: [
    JSON_OPTION,
    { name: 'no-algebra', type: 'boolean', description: 'reject `by algebra` steps (cite laws instead)' },
    { name: 'strict', type: 'boolean', description: 'laws as stated (no matching up to the order of ⊙ and +), one law application per step' },
    { name: 'max-applications', type: 'string', value: 'N', description: 'most law applications in one step (default 4; 1 with --strict); more is too-big' },
    { name: 'forbid', type: 'string', multiple: true, value: 'LAW', description: 'a law the proofs may not cite (circular); repeatable' },
    { name: 'allow', type: 'string', multiple: true, value: 'LAW', description: 'the only laws the proofs may cite; repeatable' },
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
      const options: CheckOptions = { format, dialect: dialectOf(args), allowAlgebra: !args.flags.has('no-algebra'), ...policyOf(args) };
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
