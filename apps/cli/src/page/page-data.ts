import { formatShape, inferShape } from '@odot/core';
import { modelSubmissionAnswer, rosterIdHash, type MatrixGiven, type Question, type Worksheet } from '@odot/grader';
import { LAWS } from '@odot/rewrite';
import type { Dialect } from '@odot/parser';

/** How the student page runs: `practice` grades in the page, `exam` checks syntax and shape only and carries no answers. */
export type PageMode = 'practice' | 'exam';

/** The page modes, for option checking. */
export const PAGE_MODES: readonly PageMode[] = ['practice', 'exam'];

/** One question as the page sees it: everything needed to ask and check it, and nothing of its answer. */
export interface PageQuestion {
  readonly id: string;
  readonly kind: Question['kind'];
  readonly points: number;
  readonly title: string;
  /** The Markdown prose before the question block. */
  readonly prompt: string;
  /** Declaration lines for parsing and shape checks (`A, B: m×n`, plus `A: 2×3` for each concrete matrix). */
  readonly declarations: readonly string[];
  /** The concrete matrices: literal rows or the random spec (drawn per student in the page). */
  readonly matrices: readonly MatrixGiven[];
  readonly dialects: readonly Dialect[];
  readonly byAlgebra: boolean;
  /** The shape of a correct answer (`2×3`, `m×n`) for matrix and expression questions. */
  readonly expectedShape?: string;
  /** Whether a reason (true/false) or certificate (psd) earns points. */
  readonly wantsReason: boolean;
}

/** The data embedded in a student page (`<script type="application/json" id="odot-data">`). */
export interface PageData {
  /** The version of the page format/CLI that wrote it (recorded in downloaded submissions). */
  readonly version: string;
  readonly mode: PageMode;
  /** Whether the page should look for a SCORM 1.2 LMS API. */
  readonly scorm: boolean;
  readonly worksheet: string;
  readonly title: string;
  readonly seed: string;
  /** Percent of the maximum score needed to pass (frontmatter `pass_mark`), for SCORM `passed`/`failed`. */
  readonly passMark?: number;
  /** Whether practice mode may reveal a worked answer after a first check (frontmatter `show_answer`, default true). */
  readonly showAnswers: boolean;
  readonly maxScore: number;
  readonly questions: readonly PageQuestion[];
  /** The law names of the catalogue (completions for reasons and proof steps). */
  readonly laws: readonly string[];
  /** The catalogue's aliases, each to the law name it stands for (a typed alias is read as its law, as the grader does). */
  readonly lawAliases?: Readonly<Record<string, string>>;
  /** The whole worksheet source, practice mode only: the page parses and grades it exactly as `odot grade` does. */
  readonly source?: string;
  /**
   * With `--roster`: the class's ids, each as `rosterIdHash` (from @odot/grader) of its variant key (the class list is
   * not written into the page in plain text). Without it, any non-empty id is accepted.
   */
  readonly roster?: readonly string[];
}

/** What the frontmatter says about the page, or why it cannot be read. */
export type PageSettings = { readonly ok: true; readonly passMark?: number; readonly showAnswers: boolean } | { readonly ok: false; readonly message: string };

/** Reads `pass_mark` (a percent, 0–100, `60` or `"60%"`) and `show_answer` (boolean) from the frontmatter. */
export function pageSettings(frontmatter: Readonly<Record<string, unknown>>): PageSettings {
  const show = frontmatter['show_answer'];
  if (show !== undefined && typeof show !== 'boolean') return { ok: false, message: `show_answer must be true or false, got ${JSON.stringify(show)}` };
  const raw = frontmatter['pass_mark'];
  if (raw === undefined) return { ok: true, showAnswers: show ?? true };
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim().replace(/%$/, '') : '';
  const mark = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(mark) || mark < 0 || mark > 100) return { ok: false, message: `pass_mark must be a percent from 0 to 100, got ${JSON.stringify(raw)}` };
  return { ok: true, passMark: mark, showAnswers: show ?? true };
}

function declarationsOf(question: Question): string[] {
  const lines = [...question.given.declarations];
  for (const m of question.given.matrices) lines.push(m.type === 'literal' ? `${m.name}: ${m.rows.length}×${m.rows[0]?.length ?? 0}` : `${m.name}: ${m.rows}×${m.cols}`);
  return lines;
}

/** The shape a correct answer has, for the page's shape check; undefined where the question has none. */
export function expectedShape(worksheet: Worksheet, question: Question): string | undefined {
  switch (question.kind) {
    case 'matrix': {
      const rows = modelSubmissionAnswer(worksheet, question, '');
      return Array.isArray(rows) && Array.isArray(rows[0]) ? `${rows.length}×${(rows[0] as unknown[]).length}` : undefined;
    }
    case 'expression': {
      const shape = inferShape(question.answer, question.given.givens);
      return shape.ok ? formatShape(shape.value) : undefined;
    }
    default:
      return undefined;
  }
}

function pageQuestion(worksheet: Worksheet, question: Question): PageQuestion {
  const shape = expectedShape(worksheet, question);
  return {
    id: question.id,
    kind: question.kind,
    points: question.points,
    title: question.title,
    prompt: question.prompt,
    declarations: declarationsOf(question),
    matrices: question.given.matrices,
    dialects: question.accept.dialects,
    byAlgebra: question.accept.byAlgebra,
    ...(shape === undefined ? {} : { expectedShape: shape }),
    wantsReason: question.kind === 'truefalse' ? question.reasonPoints > 0 : question.kind === 'psd' ? question.certificatePoints > 0 : false,
  };
}

/**
 * The page data for a worksheet. In exam mode it holds no model answer, no accepted reason and no
 * author feedback: only prompts, givens and expected shapes (the `source` is left out).
 */
export function buildPageData(worksheet: Worksheet, source: string, options: { mode: PageMode; scorm: boolean; version: string; passMark?: number; showAnswers: boolean; rosterIds?: readonly string[] }): PageData {
  return {
    version: options.version,
    mode: options.mode,
    scorm: options.scorm,
    worksheet: worksheet.id,
    title: worksheet.title,
    seed: worksheet.seed,
    ...(options.passMark === undefined ? {} : { passMark: options.passMark }),
    showAnswers: options.mode === 'practice' && options.showAnswers,
    maxScore: worksheet.maxScore,
    questions: worksheet.questions.map((q) => pageQuestion(worksheet, q)),
    laws: LAWS.map((law) => law.name),
    lawAliases: Object.fromEntries(LAWS.flatMap((law) => law.aliases.map((alias) => [alias, law.name]))),
    ...(options.mode === 'practice' ? { source } : {}),
    ...(options.rosterIds === undefined ? {} : { roster: [...new Set(options.rosterIds.map(rosterIdHash))].sort() }),
  };
}

/** JSON safe inside an HTML `<script>` element: `<`, `>`, `&` and line separators escaped. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page's `index.html`: the data, the stylesheet and the classic script (module scripts do not load from file://). */
export function pageHtml(data: PageData): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="odot ${escapeHtml(data.version)}">
<title>${escapeHtml(data.title)}</title>
<link rel="stylesheet" href="page.css">
</head>
<body>
<noscript>This worksheet needs JavaScript.</noscript>
<main id="app" aria-live="polite"></main>
<script type="application/json" id="odot-data">${scriptJson(data)}</script>
<script src="page.js"></script>
</body>
</html>
`;
}
