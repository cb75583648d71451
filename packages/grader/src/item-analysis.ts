import type { StudentGrade } from './result.ts';
import type { Worksheet } from './worksheet.ts';

/** Statistics of one question over the graded students. */
export interface QuestionStats {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  /** The question's points. */
  readonly max: number;
  /** Mean score (0 when nobody was graded). */
  readonly mean: number;
  /** mean / max; null when there is nobody or max is 0. */
  readonly facility: number | null;
  /** Point-biserial (Pearson) correlation of the question's score with the rest of the total; null when undefined. */
  readonly discrimination: number | null;
  /** Students who answered (anything non-blank). */
  readonly answered: number;
  /** Students who left it blank. */
  readonly blank: number;
  /** How many students got each diagnosis code (once per student). */
  readonly diagnoses: Readonly<Record<string, number>>;
}

/** One bar of the histogram of totals: `from ≤ total < to` (the last bar includes `to`). */
export interface DistributionBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** The distribution of totals. */
export interface Distribution {
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  /** Population standard deviation. */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly bins: readonly DistributionBin[];
}

/** The item analysis of a class. */
export interface ItemAnalysis {
  readonly questions: readonly QuestionStats[];
  readonly distribution: Distribution;
  /** Cronbach's alpha of the sheet; null when undefined (fewer than 2 questions or students, or no spread). */
  readonly alpha: number | null;
}

/** Diagnosis codes that are not misconceptions. */
const NOT_MISCONCEPTIONS = new Set(['correct', 'missing-answer', 'teacher-override', 'internal-error']);

/** The arithmetic mean (0 for no values). */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** The population variance (divides by n; 0 for fewer than one value). */
export function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.length === 0 ? 0 : xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
}

/** Pearson's correlation of two equally long lists; null when either has no spread or there are fewer than 2 values. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length || xs.length < 2) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, k) => {
    const y = ys[k] ?? 0;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  const tiny = 1e-12;
  return sxx < tiny || syy < tiny ? null : sxy / Math.sqrt(sxx * syy);
}

/** Cronbach's alpha from item score columns: k/(k−1) · (1 − Σ var(item) / var(total)); null when undefined. */
export function cronbachAlpha(items: readonly (readonly number[])[]): number | null {
  const k = items.length;
  const n = items[0]?.length ?? 0;
  if (k < 2 || n < 2) return null;
  const totals = Array.from({ length: n }, (_, i) => items.reduce((s, col) => s + (col[i] ?? 0), 0));
  const vt = variance(totals);
  if (vt < 1e-12) return null;
  return (k / (k - 1)) * (1 - items.reduce((s, col) => s + variance(col), 0) / vt);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

/** The histogram of totals over [0, maxScore]: bars of width 1 up to 10 points, else 10 equal bars. */
export function distributionOf(totals: readonly number[], maxScore: number): Distribution {
  const count = maxScore <= 10 ? Math.max(1, Math.ceil(maxScore)) : 10;
  const width = maxScore <= 10 ? 1 : maxScore / count;
  const bins = Array.from({ length: count }, (_, k) => ({ from: round(k * width), to: round((k + 1) * width), count: 0 }));
  for (const t of totals) {
    const k = Math.min(count - 1, Math.max(0, Math.floor(t / width + 1e-9)));
    const bin = bins[k];
    if (bin) bin.count += 1;
  }
  return {
    n: totals.length,
    mean: mean(totals),
    median: median(totals),
    sd: Math.sqrt(variance(totals)),
    min: totals.length === 0 ? 0 : Math.min(...totals),
    max: totals.length === 0 ? 0 : Math.max(...totals),
    bins,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The item analysis of the graded students (rows with an error — unreadable, wrong worksheet, no
 * submission — are left out): per question the mean, facility, discrimination against the rest of
 * the total, answered/blank counts and diagnosis counts; the distribution of totals; Cronbach's alpha.
 */
export function itemAnalysis(worksheet: Worksheet, grades: readonly StudentGrade[]): ItemAnalysis {
  const graded = grades.filter((g) => g.error === undefined);
  const columns = worksheet.questions.map((q) => graded.map((g) => g.questions.find((x) => x.id === q.id)?.score ?? 0));
  const totals = graded.map((g) => g.total);
  const questions = worksheet.questions.map((q, k): QuestionStats => {
    const scores = columns[k] ?? [];
    const grades = graded.map((g) => g.questions.find((x) => x.id === q.id));
    const diagnoses: Record<string, number> = {};
    for (const grade of grades) for (const code of new Set(grade?.diagnoses.map((d) => d.code) ?? [])) diagnoses[code] = (diagnoses[code] ?? 0) + 1;
    const blank = diagnoses['missing-answer'] ?? 0;
    const m = mean(scores);
    return {
      id: q.id,
      kind: q.kind,
      title: q.title,
      max: q.points,
      mean: m,
      facility: graded.length === 0 || q.points === 0 ? null : m / q.points,
      discrimination: pearson(scores, totals.map((t, i) => t - (scores[i] ?? 0))),
      answered: graded.length - blank,
      blank,
      diagnoses,
    };
  });
  return { questions, distribution: distributionOf(totals, worksheet.maxScore), alpha: cronbachAlpha(columns) };
}

/** The most common misconception of a question (not `correct` or a blank), with how many had it. */
export function topMisconception(stats: QuestionStats): { code: string; count: number } | undefined {
  let best: { code: string; count: number } | undefined;
  for (const [code, count] of Object.entries(stats.diagnoses)) {
    if (NOT_MISCONCEPTIONS.has(code)) continue;
    if (!best || count > best.count || (count === best.count && code < best.code)) best = { code, count };
  }
  return best;
}
