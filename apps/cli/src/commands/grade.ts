import { lstat, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  DEFAULT_ANSWER_TIME_MS,
  GRADE_FORMATS,
  finishClass,
  gradesFile,
  parseOverrides,
  parseRoster,
  parseWorksheet,
  prepareWorksheet,
  reportJson,
  summaryTable,
  type GradeFormat,
  type Override,
  type Roster,
  type StudentGrade,
  type Worksheet,
} from '@odot/grader';
import { collectClass, gradeBatch, writeReports } from '@odot/grader/node';
import { EXIT, type Command, type CommandContext } from '../command.ts';
import { InputError, JSON_OPTION, reportError, withInputErrors } from '../input.ts';
import { timeLimitOf, timeLimitOption } from '../time-budget.ts';

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

async function readInput(path: string, what: string, context: CommandContext): Promise<string> {
  try {
    return await readFile(resolve(context.cwd, path), 'utf8');
  } catch (error) {
    throw new InputError({ code: `unreadable-${what}`, severity: 'error', message: `cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
  }
}

/** Reads `--roster FILE` (a CSV class list); a bad roster is an input error naming the line. */
export async function loadRoster(path: string | undefined, context: CommandContext): Promise<Roster | undefined> {
  if (path === undefined) return undefined;
  const parsed = parseRoster(await readInput(path, 'roster', context), path);
  if (!parsed.ok) throw new InputError(parsed.error);
  return parsed.value;
}

async function loadOverrides(path: string | undefined, worksheet: Worksheet, context: CommandContext): Promise<Override[] | undefined> {
  if (path === undefined) return undefined;
  const parsed = parseOverrides(await readInput(path, 'overrides', context), worksheet, path);
  if (!parsed.ok) throw new InputError(parsed.error);
  return parsed.value;
}

function formatOf(text: string | undefined): GradeFormat {
  if (text === undefined) return 'csv';
  if ((GRADE_FORMATS as readonly string[]).includes(text)) return text as GradeFormat;
  throw new InputError({ code: 'bad-option', severity: 'error', message: `--format must be one of ${GRADE_FORMATS.join(', ')}, got '${text}'` });
}

/** Every SUBMISSIONS path must exist (a typo is a usage error, not a class of zeros); `-` is standard input. */
async function checkPaths(paths: readonly string[], context: CommandContext): Promise<void> {
  for (const path of paths) {
    if (path === '-') continue;
    try {
      await lstat(resolve(context.cwd, path));
    } catch (error) {
      throw new InputError({ code: 'missing-submissions', severity: 'error', message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : ((error as NodeJS.ErrnoException).code ?? (error as Error).message)}` });
    }
  }
}

/** `odot grade WORKSHEET SUBMISSIONS...`: grades every submission, writes the reports, prints a summary. */
export const gradeCommand: Command = {
  name: 'grade',
  summary: 'grade submissions against a worksheet, with feedback and reports',
  usage: 'grade WORKSHEET SUBMISSIONS... [--roster FILE] [--out DIR] [--format csv|moodle|canvas] [--assignment NAME] [--overrides FILE] [--json] [--jobs N] [--time-limit MS]',
  details: [
    'SUBMISSIONS are files, folders (searched at any depth) of .yaml/.yml/.json files (student or id,',
    'worksheet, answers), .zip archives (Moodle or Canvas "download all submissions"), or - for stdin.',
    'With --roster FILE (CSV: id,name[,email,section]; Moodle and Canvas exports read too): students are',
    'matched by id, email or name; roster students with no submission get a row with 0.',
    'With --out DIR: writes DIR/grades.csv (in --format), DIR/report.json, DIR/report.html and',
    'DIR/feedback/<id>.md and .html. --overrides FILE (YAML list of {student, question, score, comment})',
    'is applied after grading. Warnings (wrong worksheet, duplicates, unknown students or keys) are printed.',
    'Every submission gets a row; an unreadable or malformed one scores 0 with the reason.',
    `--time-limit MS bounds grading each answer (default: the question's or worksheet's time_limit, else ${DEFAULT_ANSWER_TIME_MS}); an answer`,
    'stopped by it scores 0 with the limit named in its feedback and in report.json (limit: {kind, value}).',
    'Exit codes: 0 graded, 2 worksheet error or bad usage.',
    'Example: odot grade examples/WS_Math_Foundations_1.md examples/submissions --out out',
  ].join('\n'),
  arity: [2, Infinity],
  options: [
    { name: 'out', type: 'string', value: 'DIR', description: 'write grades.csv, report.json, report.html and feedback/* into DIR' },
    { name: 'roster', type: 'string', value: 'FILE', description: 'the class list (CSV with id and name; email and section optional)' },
    { name: 'format', type: 'string', value: 'F', description: 'grades.csv format: csv (default), moodle (grade import) or canvas (gradebook import)' },
    { name: 'assignment', type: 'string', value: 'NAME', description: 'the Canvas assignment column (default: the worksheet title)' },
    { name: 'overrides', type: 'string', value: 'FILE', description: "the teacher's score overrides (YAML list of {student, question, score, comment})" },
    JSON_OPTION,
    { name: 'jobs', type: 'string', value: 'N', description: 'worker threads (default: 1, or the CPU count for 200+ submissions)' },
    timeLimitOption('milliseconds grading one answer may take (over the worksheet\'s time_limit)'),
  ],
  run: (args, context) =>
    withInputErrors(context, async () => {
      const jobsText = args.strings.get('jobs');
      const jobs = jobsText === undefined ? undefined : Number(jobsText);
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)) {
        throw new InputError({ code: 'bad-option', severity: 'error', message: `--jobs must be a whole number from 1 to 64, got '${jobsText ?? ''}'` });
      }
      const timeLimitMs = timeLimitOf(args);
      const format = formatOf(args.strings.get('format'));
      const assignment = args.strings.get('assignment');
      if (assignment !== undefined && format !== 'canvas') throw new InputError({ code: 'bad-option', severity: 'error', message: '--assignment names the Canvas column; use it with --format canvas' });
      const [worksheetPath = '', ...paths] = args.positionals;
      const { worksheet, text } = await loadWorksheet(worksheetPath, context);
      prepareWorksheet(worksheet);
      const roster = await loadRoster(args.strings.get('roster'), context);
      const overrides = await loadOverrides(args.strings.get('overrides'), worksheet, context);
      await checkPaths(paths, context);
      const collected = await collectClass(
        paths.map((p) => (p === '-' ? p : resolve(context.cwd, p))),
        { stdin: async () => new TextEncoder().encode(await context.readStdin()) },
      );
      if (collected.inputs.length === 0) {
        reportError(context, { code: 'no-submissions', severity: 'warning', message: 'no .yaml, .yml or .json submissions found' });
      }
      const graded = await gradeBatch(worksheet, text, collected.inputs, {
        ...(jobs === undefined ? {} : { jobs }),
        ...(roster === undefined ? {} : { roster }),
        ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
        onProgress: progress(context),
      });
      const relative = graded.map((g) => (g.source === undefined ? g : { ...g, source: relativeTo(context.cwd, g.source) }));
      const { grades, warnings } = finishClass(worksheet, relative, { ...(roster === undefined ? {} : { roster }), ...(overrides === undefined ? {} : { overrides }) });
      const ignored = collected.ignored.map((s) => ({ ...s, path: relativeTo(context.cwd, s.path) }));
      const extras = { warnings, ignored, format, ...(assignment === undefined ? {} : { assignment }) };
      const out = args.strings.get('out');
      if (out !== undefined) {
        const written = await writeReports(resolve(context.cwd, out), worksheet, grades, extras);
        if (!args.flags.has('json')) {
          const files = [written.csv, written.json, written.html].map((f) => relativeTo(context.cwd, f)).join(', ');
          context.stdout(`${summaryTable(worksheet, grades, extras)}\n\nwrote ${files} and ${written.feedbackFiles.length} feedback note(s) (.md and .html) in ${relativeTo(context.cwd, written.feedbackDir)}\n`);
          return EXIT.ok;
        }
      }
      if (args.flags.has('json')) context.stdout(`${JSON.stringify(reportJson(worksheet, grades, extras), null, 2)}\n`);
      else if (format !== 'csv') context.stdout(gradesFile(format, worksheet, grades, assignment === undefined ? {} : { assignment }));
      else context.stdout(`${summaryTable(worksheet, grades, extras)}\n`);
      return EXIT.ok;
    }),
};

function relativeTo(cwd: string, path: string): string {
  const base = resolve(cwd);
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path;
}
