import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseWorksheet, reportJson, summaryTable, type StudentGrade, type Worksheet } from '@odot/grader';
import { collectSubmissions, gradeBatch, writeReports } from '@odot/grader/node';
import { EXIT, type Command, type CommandContext } from '../command.ts';
import { InputError, JSON_OPTION, reportError, withInputErrors } from '../input.ts';

/** Reads and parses a worksheet file (`-`: standard input); a missing file or a bad worksheet is an input error (exit 2). */
export async function loadWorksheet(path: string, context: CommandContext): Promise<{ worksheet: Worksheet; text: string }> {
  let text: string;
  try {
    text = path === '-' ? await context.readStdin() : await readFile(resolve(context.cwd, path), 'utf8');
  } catch (error) {
    throw new InputError({ code: 'unreadable-worksheet', severity: 'error', message: `cannot read the worksheet ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }, undefined, path);
  }
  const parsed = parseWorksheet(text);
  if (!parsed.ok) throw new InputError(parsed.error, text, path);
  return { worksheet: parsed.value, text };
}

function progress(context: CommandContext): (done: number, total: number, grade: StudentGrade) => void {
  if (context.isTTY) {
    return (done, total) => {
      const width = 30;
      const filled = Math.round((width * done) / total);
      context.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
    };
  }
  return (done, total, grade) => {
    const status = grade.error ? `0/${grade.max} (${grade.error.code})` : `${grade.total}/${grade.max}`;
    context.stderr(`graded ${done}/${total}: ${grade.student} ${status}\n`);
  };
}

/** `odot grade WORKSHEET SUBMISSIONS...`: grades every submission, writes the reports, prints a summary. */
export const gradeCommand: Command = {
  name: 'grade',
  summary: 'grade submissions against a worksheet, with feedback and reports',
  usage: 'grade WORKSHEET SUBMISSIONS... [--out DIR] [--json] [--jobs N]',
  details: [
    'SUBMISSIONS are files or directories of .yaml/.yml/.json files (student, worksheet, answers).',
    'With --out DIR: writes DIR/grades.csv, DIR/report.json and DIR/feedback/<student>.md.',
    'Every submission gets a row; an unreadable or malformed one scores 0 with the reason.',
    'Exit codes: 0 graded, 2 worksheet error or bad usage.',
    'Example: odot grade examples/WS_Math_Foundations_1.md examples/submissions --out out',
  ].join('\n'),
  arity: [2, Infinity],
  options: [
    { name: 'out', type: 'string', value: 'DIR', description: 'write grades.csv, report.json and feedback/*.md into DIR' },
    JSON_OPTION,
    { name: 'jobs', type: 'string', value: 'N', description: 'worker threads (default: 1, or the CPU count for 200+ submissions)' },
  ],
  run: (args, context) =>
    withInputErrors(context, async () => {
      const jobsText = args.strings.get('jobs');
      const jobs = jobsText === undefined ? undefined : Number(jobsText);
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)) {
        throw new InputError({ code: 'bad-option', severity: 'error', message: `--jobs must be a whole number from 1 to 64, got '${jobsText ?? ''}'` });
      }
      const [worksheetPath = '', ...paths] = args.positionals;
      const { worksheet, text } = await loadWorksheet(worksheetPath, context);
      const inputs = await collectSubmissions(paths.map((p) => resolve(context.cwd, p)));
      if (inputs.length === 0) {
        reportError(context, { code: 'no-submissions', severity: 'warning', message: 'no .yaml, .yml or .json submissions found' });
      }
      const grades = await gradeBatch(worksheet, text, inputs, { ...(jobs === undefined ? {} : { jobs }), onProgress: progress(context) });
      const shown = grades.map((g) => (g.source === undefined ? g : { ...g, source: relativeTo(context.cwd, g.source) }));
      const out = args.strings.get('out');
      if (out !== undefined) {
        const written = await writeReports(resolve(context.cwd, out), worksheet, shown);
        if (!args.flags.has('json')) {
          context.stdout(`${summaryTable(worksheet, shown)}\n\nwrote ${relativeTo(context.cwd, written.csv)}, ${relativeTo(context.cwd, written.json)} and ${written.feedbackFiles.length} feedback file(s) in ${relativeTo(context.cwd, written.feedbackDir)}\n`);
          return EXIT.ok;
        }
      }
      if (args.flags.has('json')) context.stdout(`${JSON.stringify(reportJson(worksheet, shown), null, 2)}\n`);
      else context.stdout(`${summaryTable(worksheet, shown)}\n`);
      return EXIT.ok;
    }),
};

function relativeTo(cwd: string, path: string): string {
  const base = resolve(cwd);
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path;
}
