import type { PageData } from './page-types.ts';

/** The SCORM 1.2 runtime API an LMS puts on a window as `API`. */
export interface Scorm12Api {
  LMSInitialize(parameter: string): string;
  LMSFinish(parameter: string): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: string): string;
  LMSGetLastError(): string;
}

/** A window as SCORM discovery walks it. */
export interface ApiWindow {
  readonly API?: unknown;
  readonly parent: ApiWindow | null;
  readonly opener?: ApiWindow | null;
}

function isApi(value: unknown): value is Scorm12Api {
  return typeof value === 'object' && value !== null && typeof (value as Scorm12Api).LMSInitialize === 'function' && typeof (value as Scorm12Api).LMSSetValue === 'function';
}

function searchUp(start: ApiWindow): Scorm12Api | undefined {
  let win: ApiWindow | null = start;
  for (let tries = 0; win !== null && tries < 500; tries++) {
    try {
      if (isApi(win.API)) return win.API;
    } catch (error) {
      if (error instanceof DOMException) return undefined; // a cross-origin frame: stop here
      throw error;
    }
    if (win.parent === win || win.parent === null) return undefined;
    win = win.parent;
  }
  return undefined;
}

/**
 * Finds the LMS's SCORM 1.2 `API` the standard way: this window and its parents (up to 500
 * levels), then the opener and its parents. Undefined without an LMS.
 */
export function findScormApi(win: ApiWindow): Scorm12Api | undefined {
  const found = searchUp(win);
  if (found) return found;
  const opener = win.opener;
  return opener ? searchUp(opener) : undefined;
}

/** The grade of one question as the page knows it. */
export interface RecordedQuestion {
  readonly id: string;
  readonly kind: string;
  readonly score: number;
  readonly max: number;
  /** The answer as one line (see `responseText`). */
  readonly response: string;
}

/** The SCORM 1.2 interaction type of a question kind: `true-false` for true/false, `fill-in` otherwise. */
export function interactionType(kind: string): 'true-false' | 'fill-in' {
  return kind === 'truefalse' ? 'true-false' : 'fill-in';
}

/** The `result` of an interaction: `correct` at full marks, `wrong` at 0, else the points earned (partial credit). */
export function interactionResult(score: number, max: number): string {
  if (score >= max) return 'correct';
  if (score <= 0) return 'wrong';
  return String(score);
}

/**
 * The data model values to record for a graded attempt, in order: score (points; scaled to a
 * percent when the worksheet is worth more than 100), `lesson_status` (`completed`, or
 * `passed`/`failed` against `pass_mark`), one interaction per question, and the suspend data.
 */
export function scormValues(data: Pick<PageData, 'maxScore' | 'passMark'>, questions: readonly RecordedQuestion[], suspendData: string): [string, string][] {
  const total = questions.reduce((s, q) => s + q.score, 0);
  const scale = data.maxScore > 100 ? 100 / data.maxScore : 1;
  const round = (x: number): string => String(Math.round(x * 100) / 100);
  const out: [string, string][] = [
    ['cmi.core.score.min', '0'],
    ['cmi.core.score.max', round(data.maxScore * scale)],
    ['cmi.core.score.raw', round(total * scale)],
  ];
  const status = data.passMark === undefined ? 'completed' : (total / data.maxScore) * 100 >= data.passMark ? 'passed' : 'failed';
  out.push(['cmi.core.lesson_status', status]);
  questions.forEach((q, n) => {
    const at = `cmi.interactions.${n}`;
    out.push([`${at}.id`, q.id], [`${at}.type`, interactionType(q.kind)], [`${at}.weighting`, String(q.max)], [`${at}.student_response`, q.response], [`${at}.result`, interactionResult(q.score, q.max)]);
  });
  out.push(['cmi.suspend_data', suspendData], ['cmi.core.exit', 'suspend']);
  return out;
}
