import { formatRational } from '@odot/numeric';
import { isRandomised, questionBindings, selfTest, variantKey } from '@odot/grader';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EXIT, type Command, type CommandContext, type ParsedArgs } from '../command.ts';
import { PAGE_MODES, type PageMode } from '../page/page-data.ts';
import { pageFiles, scormZip, writePageFiles } from '../page/write-page.ts';
import type { Worksheet } from '@odot/grader';
import { InputError, JSON_OPTION, withInputErrors } from '../input.ts';
import { loadRoster, loadWorksheet } from './grade.ts';
import { runHandout } from './handout.ts';

const ACTIONS = ['test', 'show', 'handout', 'page', 'scorm'] as const;

/** `page` and `scorm`: build the student page (a folder) or the SCORM 1.2 package (a zip). */
async function writeStudentPage(action: 'page' | 'scorm', worksheet: Worksheet, source: string, args: ParsedArgs, context: CommandContext): Promise<number> {
  const out = args.strings.get('out');
  if (out === undefined) throw new InputError({ code: 'bad-option', severity: 'error', message: `\`${action}\` needs --out ${action === 'page' ? 'DIR' : 'FILE.zip'}` });
  const modeText = args.strings.get('mode') ?? 'practice';
  if (!(PAGE_MODES as readonly string[]).includes(modeText)) {
    throw new InputError({ code: 'bad-option', severity: 'error', message: `--mode must be practice or exam, got '${modeText}'` });
  }
  const mode = modeText as PageMode;
  if (action === 'scorm' && mode === 'exam') {
    throw new InputError({ code: 'bad-option', severity: 'error', message: 'a SCORM package grades in the browser, so it is always a practice page', hints: ['for an exam, use `odot worksheet page FILE --mode exam --out DIR` and `odot grade`'] });
  }
  const roster = await loadRoster(args.strings.get('roster'), context);
  const built = await pageFiles(worksheet, source, mode, action === 'scorm', roster?.rows.map((row) => row.id));
  if (!built.ok) throw new InputError({ code: built.code, severity: 'error', message: built.message });
  const target = resolve(context.cwd, out);
  try {
    if (action === 'page') await writePageFiles(target, built.files);
    else {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, scormZip(worksheet, built.files));
    }
  } catch (error) {
    throw new InputError({ code: 'write-failed', severity: 'error', message: `cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
  }
  const what = action === 'page' ? `${mode} page ${out}/index.html` : `SCORM 1.2 package ${out}`;
  context.stdout(`wrote the ${what} for ${worksheet.id} (${worksheet.questions.length} questions)\n`);
  return EXIT.ok;
}

/** `odot worksheet test FILE`: self-tests a worksheet; `odot worksheet show FILE --student NAME`: that student's matrices. */
export const worksheetCommand: Command = {
  name: 'worksheet',
  summary: 'self-test a worksheet, or show one student’s version of it',
  usage: 'worksheet test|show|handout|page|scorm FILE [--variants N] [--student NAME] [--roster FILE] [--out DIR|FILE.zip] [--mode practice|exam] [--json]',
  details: [
    'test: every question parses, every model answer earns full marks on every variant, every',
    '      author-predicted wrong answer gets its feedback, and the author’s claims agree with the engine.',
    '      Exit 0 when every check passes, 1 when one fails, 2 when the worksheet does not load.',
    'show: the concrete (possibly randomised) matrices of each question for --student NAME.',
    'handout: one Markdown and HTML handout per --roster student in --out DIR, their own matrices, no answers.',
    'page: writes a static student page DIR/index.html (+ page.js, page.css, fonts/) that works',
    '      from file:// and offline. --mode practice (default) grades in the page; --mode exam',
    '      carries no answers and checks syntax and shape only; students download <id>.odot.yaml.',
    'scorm: writes a SCORM 1.2 package (a zip with imsmanifest.xml) of the practice page for any LMS.',
    '      It grades in the browser, so it carries the answers.',
    'Example: odot worksheet page examples/WS_Math_Foundations_1.md --out page --mode exam',
  ].join('\n'),
  arity: [2, 2],
  options: [
    { name: 'variants', type: 'string', value: 'N', description: 'variants to try for randomised questions (default 12)' },
    { name: 'student', type: 'string', value: 'NAME', description: 'the student whose matrices `show` prints' },
    { name: 'id', type: 'string', value: 'ID', description: 'show: the student id, which keys the variant when given' },
    { name: 'roster', type: 'string', value: 'FILE', description: 'handout: the class list (CSV with id and name); page: only its ids are accepted' },
        { name: 'out', type: 'string', value: 'PATH', description: '`handout` and `page`: the folder to write; `scorm`: the zip file to write' },
    { name: 'mode', type: 'string', value: 'MODE', description: '`page`: practice (default) or exam' },
    JSON_OPTION,
  ],
  run: (args, context) =>
    withInputErrors(context, async () => {
      const [action = '', file = ''] = args.positionals;
      if (!(ACTIONS as readonly string[]).includes(action)) {
        throw new InputError({ code: 'bad-action', severity: 'error', message: `unknown action '${action}'`, hints: ['use `odot worksheet test FILE`, `show FILE --student NAME`, `handout FILE --roster FILE --out DIR`, `page FILE --out DIR` or `scorm FILE --out FILE.zip`'] });
      }
      const { worksheet, text } = await loadWorksheet(file, context);
      if (action === 'page' || action === 'scorm') return writeStudentPage(action, worksheet, text, args, context);
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
