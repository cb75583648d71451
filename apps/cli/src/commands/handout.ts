import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { feedbackFileName, handoutHtml, handoutMarkdown, isRandomised, type HandoutStudent, type Worksheet } from '@odot/grader';
import { EXIT, type CommandContext, type ParsedArgs } from '../command.ts';
import { InputError } from '../input.ts';
import { loadRoster } from './grade.ts';

/**
 * `odot worksheet handout WORKSHEET [--roster FILE] --out DIR`: one Markdown and one HTML handout
 * per roster student (`DIR/<id>.md`, `.html`) with their own matrices and no answers; without a
 * roster, one class handout (`DIR/handout.md`, `.html`).
 */
export async function runHandout(worksheet: Worksheet, args: ParsedArgs, context: CommandContext): Promise<number> {
  const outText = args.strings.get('out');
  if (outText === undefined) throw new InputError({ code: 'bad-option', severity: 'error', message: '`handout` needs --out DIR' });
  const roster = await loadRoster(args.strings.get('roster'), context);
  const out = resolve(context.cwd, outText);
  await mkdir(out, { recursive: true });
  const students: { file: string; who: HandoutStudent }[] = [];
  const taken = new Set<string>();
  if (roster) for (const row of roster.rows) students.push({ file: feedbackFileName(row.id, taken).replace(/\.md$/, ''), who: { id: row.id, name: row.name } });
  else students.push({ file: 'handout', who: {} });
  for (const { file, who } of students) {
    await writeFile(join(out, `${file}.md`), handoutMarkdown(worksheet, who));
    await writeFile(join(out, `${file}.html`), handoutHtml(worksheet, who));
  }
  if (!roster && worksheet.questions.some(isRandomised)) {
    context.stderr('warning: without --roster the handout shows the class version of the randomised matrices, which no student is graded on\n');
  }
  context.stdout(`wrote ${students.length} handout(s) (.md and .html) in ${outText}\n`);
  return EXIT.ok;
}
