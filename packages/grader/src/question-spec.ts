import { OdotException, didYouMean, odotError, type Expr } from '@odot/core';
import { DIALECTS, parse, type Dialect } from '@odot/parser';
import { defaultBackend, type ExercisePolicy } from '@odot/proof';
import { resolveLawName } from '@odot/rewrite';
import { readGiven } from './givens.ts';
import { readShapeAnswer } from './shape-answer.ts';
import { readTimeLimit } from './time-limit.ts';
import { QUESTION_KINDS, type AcceptOptions, type ExpressionQuestion, type MatrixQuestion, type PredictedMistake, type Question, type QuestionKind } from './worksheet.ts';

function bad(message: string, hints: readonly string[] = []): never {
  throw new OdotException(odotError('bad-question', message, hints.length > 0 ? { hints } : {}));
}

/** Parses trusted worksheet text in the plain dialect; a parse error is a worksheet error naming the field. */
export function parseField(text: string, field: string): Expr {
  const result = parse(text, { dialect: 'plain' });
  if (!result.ok) bad(`${field}: cannot parse '${text}': ${result.error.message}`);
  return result.value.expr;
}

function text(value: unknown, field: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return bad(`\`${field}\` must be a non-empty string`);
}

function bool(value: unknown, field: string): boolean {
  const b = readBoolean(value);
  if (b === undefined) bad(`\`${field}\` must be true/false (or yes/no)`);
  return b;
}

/** Reads true/false, yes/no, t/f, 1/0 (any case); undefined for anything else. */
export function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return undefined;
  const t = value.trim().toLowerCase().replace(/[.!]$/, '');
  if (['true', 't', 'yes', 'y', '1', 'psd', 'it is psd', 'correct'].includes(t)) return true;
  if (['false', 'f', 'no', 'n', '0', 'not psd', 'it is not psd', 'incorrect'].includes(t)) return false;
  return undefined;
}

function nonNegative(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) bad(`\`${field}\` must be a non-negative number`);
  return value;
}

function readAccept(value: unknown): AcceptOptions {
  if (value === undefined || value === null) return { dialects: ['plain'], byAlgebra: false, tolerance: 0 };
  if (typeof value !== 'object' || Array.isArray(value)) bad('`accept` must be a map (dialects, by_algebra, tolerance)');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!['dialects', 'by_algebra', 'by algebra', 'byAlgebra', 'tolerance'].includes(key)) {
      bad(`unknown accept option '${key}'`, ['the options are dialects, by_algebra, tolerance']);
    }
  }
  const raw = record['dialects'];
  const list = raw === undefined ? ['plain'] : Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : bad('`accept.dialects` must be a list');
  const dialects = list.map((d) => {
    if (!(DIALECTS as readonly unknown[]).includes(d)) bad(`unknown dialect '${String(d)}'`, [`the dialects are ${DIALECTS.join(', ')}`]);
    return d as Dialect;
  });
  const algebra = record['by_algebra'] ?? record['by algebra'] ?? record['byAlgebra'];
  return {
    dialects: dialects.length === 0 ? ['plain'] : dialects,
    byAlgebra: algebra === undefined ? false : bool(algebra, 'accept.by_algebra'),
    tolerance: nonNegative(record['tolerance'], 'accept.tolerance', 0),
  };
}

const FEEDBACK_FIELDS = ['answer', 'text', 'feedback', 'says', 'code', 'score'];

function readFeedback(value: unknown, points: number): PredictedMistake[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) bad('`feedback` must be a list of {answer, text} items');
  return value.map((item, k) => {
    if (typeof item !== 'object' || item === null || !('answer' in item)) bad(`feedback item ${k + 1} needs \`answer\` and \`text\``);
    const record = item as Record<string, unknown>;
    const unknown = Object.keys(record).find((key) => !FEEDBACK_FIELDS.includes(key));
    if (unknown !== undefined) bad(`feedback item ${k + 1}: unknown field '${unknown}'`, ['the fields are answer, text (or feedback), code, score']);
    const said = record['text'] ?? record['feedback'] ?? record['says'];
    const code = record['code'];
    const score = record['score'];
    if (score !== undefined && (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > points)) {
      bad(`feedback item ${k + 1}: \`score\` must be a number from 0 to the question's points (${points})`);
    }
    return {
      answer: record['answer'],
      code: typeof code === 'string' && code.trim() !== '' ? code.trim() : 'predicted-mistake',
      text: text(said, `feedback item ${k + 1}: text`),
      ...(score === undefined ? {} : { score }),
    };
  });
}

function lawList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((s) => s !== '');
  if (Array.isArray(value) && value.every((s) => typeof s === 'string')) return value.map((s) => s.trim());
  return bad('`reason` must be a law name or a list of law names');
}

/** A list of law names in a proof question's `allow` / `forbid`: each must be a law of the catalogue. */
function knownLaws(value: unknown, field: string): string[] {
  const names = value === undefined || value === null ? [] : typeof value === 'string' ? value.split(/[\s,]+/).filter((s) => s !== '') : Array.isArray(value) ? value : bad(`\`${field}\` must be a list of law names`);
  return names.map((name, k) => {
    if (typeof name !== 'string') bad(`\`${field}\` item ${k + 1} must be a law name`);
    const resolved = resolveLawName(name);
    if (resolved.kind === 'exact' || resolved.kind === 'alias') return resolved.name;
    if (defaultBackend().engine.knows(name.trim())) return name.trim();
    const hint = didYouMean(resolved);
    return bad(`\`${field}\`: unknown law '${name}'`, hint === undefined ? [] : [hint]);
  });
}

/** The policy of a proof question: `strict`, `allow`, `forbid`. */
function readProofPolicy(record: Record<string, unknown>): ExercisePolicy {
  const strict = record['strict'] === undefined ? false : bool(record['strict'], 'strict');
  const allow = record['allow'] === undefined ? undefined : knownLaws(record['allow'], 'allow');
  return { strict, ...(allow === undefined ? {} : { allow }), forbid: knownLaws(record['forbid'], 'forbid') };
}

/** The form requirements of an expression question: `forbid`, `form`, `form_score`. */
function readForm(record: Record<string, unknown>, points: number): Pick<ExpressionQuestion, 'forbid' | 'form' | 'formScore'> {
  const raw = record['forbid'];
  const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  const forbid = list.map((item, k) => {
    const t = text(item, `forbid item ${k + 1}`);
    return { text: t, expr: parseField(t, `forbid item ${k + 1}`) };
  });
  const form = record['form'];
  if (form !== undefined && form !== 'simplified') bad(`\`form\` must be 'simplified' (got '${typeof form === 'string' ? form : JSON.stringify(form)}')`);
  const formScore = nonNegative(record['form_score'], 'form_score', 0);
  if (formScore > points) bad('`form_score` cannot exceed `points`');
  return { forbid, ...(form === 'simplified' ? { form } : {}), formScore };
}

/** `{ timeLimitMs }` when a time limit is set, else nothing (optional fields stay absent). */
function timeLimitField(ms: number | undefined): { timeLimitMs?: number } {
  return ms === undefined ? {} : { timeLimitMs: ms };
}

const COMMON = ['id', 'kind', 'points', 'title', 'given', 'answer', 'accept', 'feedback', 'time_limit'];
const EXTRA: Readonly<Record<QuestionKind, readonly string[]>> = {
  matrix: [],
  expression: ['forbid', 'form', 'form_score'],
  truefalse: ['statement', 'reason', 'reasons', 'reason_points'],
  psd: ['matrix', 'certificate_points'],
  proof: ['prove', 'strict', 'allow', 'forbid'],
  shape: ['expr'],
};

/**
 * Turns one question block (already read as YAML) into a `Question`. Throws an `OdotException`
 * (`bad-question` or `bad-given`) saying which field is wrong.
 */
export function readQuestion(value: unknown, prompt: string, line: number): Question {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad('a question block must be a YAML map');
  const record = value as Record<string, unknown>;
  const { id, kind } = readIdentity(record);
  const base = questionBase(record, id, prompt, line);
  const answer = record['answer'];
  if (answer === undefined || answer === null) bad('`answer` (the model answer) is required');
  return KIND_READERS[kind](record, base, answer);
}

/** The question's id and kind, and no field its kind does not know. */
function readIdentity(record: Record<string, unknown>): { readonly id: string; readonly kind: QuestionKind } {
  const id = text(record['id'], 'id');
  if (!/^[A-Za-z][\w.-]*$/.test(id)) bad(`question id '${id}' must start with a letter and use letters, digits, _ . -`);
  const kindText = text(record['kind'], 'kind');
  if (!(QUESTION_KINDS as readonly string[]).includes(kindText)) bad(`unknown kind '${kindText}'`, [`the kinds are ${QUESTION_KINDS.join(', ')}`]);
  const kind = kindText as QuestionKind;
  for (const key of Object.keys(record)) {
    if (!COMMON.includes(key) && !EXTRA[kind].includes(key)) bad(`unknown field '${key}' for a ${kind} question`);
  }
  return { id, kind };
}

/** The fields every kind of question has. */
type QuestionFields = Omit<MatrixQuestion, 'kind' | 'answer' | 'answerText'>;

/** Reads the fields every question has: points, title (else the last heading of the prompt, else the id), givens, accept, feedback, time limit. */
function questionBase(record: Record<string, unknown>, id: string, prompt: string, line: number): QuestionFields {
  const points = record['points'] === undefined ? 1 : nonNegative(record['points'], 'points', 1);
  if (points === 0) bad('`points` must be positive');
  const headings = [...prompt.matchAll(/^#+\s*(.+)$/gm)];
  const title = typeof record['title'] === 'string' ? record['title'] : (headings.at(-1)?.[1]?.trim() ?? id);
  return {
    id,
    points,
    prompt,
    title,
    given: readGiven(record['given']),
    accept: readAccept(record['accept']),
    feedback: readFeedback(record['feedback'], points),
    line,
    ...timeLimitField(readTimeLimit(record['time_limit'], 'time_limit')),
  };
}

/** A model answer written as text, or as a YAML list of rows (read back as JSON). */
function answerTextOf(answer: unknown): string {
  return Array.isArray(answer) ? JSON.stringify(answer) : text(answer, 'answer');
}

/** Reads the fields of one kind of question (the `satisfies` check makes a new kind need one). */
type KindReader = (record: Record<string, unknown>, base: QuestionFields, answer: unknown) => Question;

const KIND_READERS = {
  matrix: (_record, base, answer) => {
    const answerText = answerTextOf(answer);
    return { ...base, kind: 'matrix', answer: parseField(answerText, 'answer'), answerText };
  },
  expression: (record, base, answer) => {
    const answerText = answerTextOf(answer);
    return { ...base, kind: 'expression', answer: parseField(answerText, 'answer'), answerText, ...readForm(record, base.points) };
  },
  truefalse: (record, base, answer) => {
    const statementText = record['statement'] === undefined ? undefined : text(record['statement'], 'statement');
    const reasons = [...lawList(record['reason']), ...lawList(record['reasons'])];
    const reasonPoints = nonNegative(record['reason_points'], 'reason_points', 0);
    if (reasonPoints > base.points) bad('`reason_points` cannot exceed `points`');
    if (reasonPoints > 0 && reasons.length === 0) bad('`reason_points` needs a `reason` (a law name)');
    return {
      ...base,
      kind: 'truefalse',
      answer: bool(answer, 'answer'),
      reasons,
      reasonPoints,
      ...(statementText === undefined ? {} : { statementText, statement: parseField(statementText, 'statement') }),
    };
  },
  psd: (record, base, answer) => {
    const matrixText = text(record['matrix'], 'matrix');
    const certificatePoints = nonNegative(record['certificate_points'], 'certificate_points', 0);
    if (certificatePoints > base.points) bad('`certificate_points` cannot exceed `points`');
    return { ...base, kind: 'psd', matrix: parseField(matrixText, 'matrix'), matrixText, answer: bool(answer, 'answer'), certificatePoints };
  },
  proof: (record, base, answer) => {
    const goalText = text(record['prove'], 'prove');
    return { ...base, kind: 'proof', goal: parseField(goalText, 'prove'), goalText, answerText: text(answer, 'answer'), ...readProofPolicy(record) };
  },
  shape: (record, base, answer) => {
    const exprText = text(record['expr'], 'expr');
    const shape = readShapeAnswer(answer);
    if (!shape) bad(`cannot read the shape '${typeof answer === 'string' ? answer : JSON.stringify(answer)}'`, ['write e.g. 2×3, m×n, scalar or undefined']);
    return { ...base, kind: 'shape', expr: parseField(exprText, 'expr'), exprText, answer: shape };
  },
} satisfies Record<QuestionKind, KindReader>;
