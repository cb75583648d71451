import { formatRational } from '@odot/numeric';
import { isRandomised, questionBindings, selfTest, variantKey } from '@odot/grader';
import { EXIT, type Command } from '../command.ts';
import { InputError, JSON_OPTION, withInputErrors } from '../input.ts';
import { loadWorksheet } from './grade.ts';
import { runHandout } from './handout.ts';

const ACTIONS = ['test', 'show', 'handout'] as const;

/** `odot worksheet test FILE`: self-tests a worksheet; `odot worksheet show FILE --student NAME`: that student's matrices. */
export const worksheetCommand: Command = {
  name: 'worksheet',
  summary: 'self-test a worksheet, or show one student’s version of it',
  usage: 'worksheet test|show|handout FILE [--variants N] [--student NAME] [--roster FILE --out DIR] [--json]',
  details: [
    'test: every question parses, every model answer earns full marks on every variant, every',
    '      author-predicted wrong answer gets its feedback, and the author’s claims agree with the engine.',
    '      Exit 0 when every check passes, 1 when one fails, 2 when the worksheet does not load.',
    'show: the concrete (possibly randomised) matrices of each question for --student NAME.',
    'handout: one Markdown and HTML handout per --roster student in --out DIR, their own matrices, no answers.',
  ].join('\n'),
  arity: [2, 2],
  options: [
    { name: 'variants', type: 'string', value: 'N', description: 'variants to try for randomised questions (default 12)' },
    { name: 'student', type: 'string', value: 'NAME', description: 'the student whose matrices `show` prints' },
    { name: 'id', type: 'string', value: 'ID', description: 'show: the student id, which keys the variant when given' },
    { name: 'roster', type: 'string', value: 'FILE', description: 'handout: the class list (CSV with id and name)' },
    { name: 'out', type: 'string', value: 'DIR', description: 'handout: where to write the handouts' },
    JSON_OPTION,
  ],
  run: (args, context) =>
    withInputErrors(context, async () => {
      const [action = '', file = ''] = args.positionals;
      if (!(ACTIONS as readonly string[]).includes(action)) {
        throw new InputError({ code: 'bad-action', severity: 'error', message: `unknown action '${action}'`, hints: ['use `odot worksheet test FILE`, `odot worksheet show FILE --student NAME` or `odot worksheet handout FILE --roster FILE --out DIR`'] });
      }
      const { worksheet } = await loadWorksheet(file, context);
      if (action === 'handout') return runHandout(worksheet, args, context);
      if (action === 'show') {
        const student = args.strings.get('student');
        if (student === undefined) throw new InputError({ code: 'bad-option', severity: 'error', message: '`show` needs --student NAME' });
        const out: Record<string, Record<string, string[][]>> = {};
        for (const q of worksheet.questions) {
          const rows: Record<string, string[][]> = {};
          for (const [name, m] of questionBindings(worksheet, q, variantKey({ id: args.strings.get('id'), student }))) {
            rows[name] = Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => formatRational(m.data[i * m.cols + j] ?? { num: 0n, den: 1n })));
          }
          if (Object.keys(rows).length > 0) out[q.id] = rows;
        }
        if (args.flags.has('json')) {
          context.stdout(`${JSON.stringify({ worksheet: worksheet.id, student, matrices: out }, null, 2)}\n`);
        } else {
          const lines = [`${worksheet.title} — matrices for ${student}`];
          for (const q of worksheet.questions) {
            const rows = out[q.id];
            if (!rows) continue;
            lines.push(`${q.id}${isRandomised(q) ? ' (personal)' : ''}: ${Object.entries(rows).map(([n, r]) => `${n} = [${r.map((row) => `[${row.join(', ')}]`).join(', ')}]`).join('; ')}`);
          }
          context.stdout(`${lines.join('\n')}\n`);
        }
        return EXIT.ok;
      }
      const variantsText = args.strings.get('variants');
      const variants = variantsText === undefined ? 12 : Number(variantsText);
      if (!Number.isInteger(variants) || variants < 1 || variants > 1000) {
        throw new InputError({ code: 'bad-option', severity: 'error', message: `--variants must be a whole number from 1 to 1000, got '${variantsText ?? ''}'` });
      }
      const report = selfTest(worksheet, { variants });
      if (args.flags.has('json')) {
        context.stdout(`${JSON.stringify({ worksheet: worksheet.id, ok: report.ok, questions: worksheet.questions.length, checks: report.checks }, null, 2)}\n`);
      } else {
        const failed = report.checks.filter((c) => !c.ok);
        const lines = [`${worksheet.id}: ${worksheet.questions.length} questions parse; ${report.checks.length - failed.length}/${report.checks.length} checks pass`];
        for (const q of worksheet.questions) {
          const mine = report.checks.filter((c) => c.question === q.id);
          const bad = mine.filter((c) => !c.ok);
          lines.push(`  ${bad.length === 0 ? '✓' : '✗'} ${q.id} (${q.kind}, ${q.points} pt${q.points === 1 ? '' : 's'}): ${mine.length - bad.length}/${mine.length} checks`);
          for (const c of bad.slice(0, 5)) lines.push(`      ✗ ${c.what} [${c.variant}]: ${c.message}`);
        }
        context.stdout(`${lines.join('\n')}\n`);
      }
      return report.ok ? EXIT.ok : EXIT.no;
    }),
};
