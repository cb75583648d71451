import { identifier, matMul, printExpr, transpose } from '@odot/core';
import { exactMatrix, formatRational, psdTest, quadraticForm, rsign, type ExactMatrix, type Rational } from '@odot/numeric';
import type { StudentAnswer } from './answer-input.ts';
import { evaluateMatrix, sameMatrix } from './exact.ts';
import { rowsFromText, rowsFromYaml } from './givens.ts';
import { canonicalLaw } from './laws.ts';
import { readBoolean } from './question-spec.ts';
import { roundScore, type Diagnosis, type QuestionGrade } from './result.ts';
import type { Bindings } from './variant.ts';
import type { PsdQuestion } from './worksheet.ts';

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The same direction with coprime integer entries (a positive multiple keeps the sign of xᵀMx). */
function integerDirection(x: readonly Rational[]): Rational[] {
  const lcm = x.reduce((l, r) => (l * r.den) / gcd(l, r.den), 1n);
  const ints = x.map((r) => (r.num * lcm) / r.den);
  const g = ints.reduce((acc, v) => gcd(acc, v), 0n) || 1n;
  return ints.map((v) => ({ num: v / g, den: 1n }));
}

/** Whether `m` is positive semidefinite, decided exactly (LDLᵀ over the rationals), with an integer vector x, xᵀMx < 0, when not. */
export function exactPsd(m: ExactMatrix): { holds: boolean; vector?: readonly Rational[] } {
  const report = psdTest(m, { method: 'certificate' });
  if (!report.ok) return { holds: false };
  const cert = report.value.certificate;
  return cert?.kind === 'vector' ? { holds: report.value.holds, vector: integerDirection(cert.x) } : { holds: report.value.holds };
}

function splitVerdict(value: unknown): { verdict: boolean | undefined; certificate?: string } {
  if (typeof value !== 'string') return { verdict: readBoolean(value) };
  const m = /^\s*(yes|no|true|false|psd|not psd)\b\s*[,;:(]?\s*(?:(?:by|because(?: of)?|using|x\s*=|certificate:?|with)\s*)?(.*?)\)?\s*$/i.exec(value);
  if (m) return m[2] ? { verdict: readBoolean(m[1]), certificate: m[2] } : { verdict: readBoolean(m[1]) };
  return { verdict: readBoolean(value) };
}

function readRows(value: unknown): string[][] | undefined {
  return typeof value === 'string' ? rowsFromText(value) : rowsFromYaml(value);
}

function vectorText(x: readonly Rational[]): string {
  return `[${x.map(formatRational).join(', ')}]`;
}

/** Checks a certificate: for "no" a vector x with xᵀMx < 0; for "yes" `schur` (when M is P ⊙ Q with P, Q psd) or a factor L with L Lᵀ = M. */
function checkCertificate(question: PsdQuestion, bindings: Bindings, m: ExactMatrix, verdict: boolean, certificate: unknown): Diagnosis | 'valid' {
  if (!verdict) {
    const rows = readRows(certificate);
    const flat = rows && (rows.length === 1 || rows.every((r) => r.length === 1)) ? rows.flat() : undefined;
    if (!flat || flat.length !== m.rows) {
      return { code: 'bad-certificate', message: `A certificate for "not psd" is a vector x with ${m.rows} entries such that xᵀMx < 0.` };
    }
    const x = exactMatrix(flat.map((e) => [e])).data;
    const q = quadraticForm(m, x);
    return rsign(q) < 0 ? 'valid' : { code: 'bad-certificate', message: `Your vector x = ${vectorText(x)} gives xᵀMx = ${formatRational(q)}, which is not negative.` };
  }
  if (typeof certificate === 'string' && !certificate.trim().startsWith('[')) {
    const law = canonicalLaw(certificate);
    if (law === 'schur' || law === 'schur_pd') {
      const e = question.matrix;
      if (e.type === 'Hadamard') {
        const left = evaluateMatrix(e.left, bindings);
        const right = evaluateMatrix(e.right, bindings);
        if (left && right && exactPsd(left).holds && exactPsd(right).holds) return 'valid';
        return { code: 'bad-certificate', message: `The Schur product theorem needs both factors psd, and ${printExpr(e.left, 'plain')} or ${printExpr(e.right, 'plain')} is not.` };
      }
      return { code: 'bad-certificate', message: `${question.matrixText} is not a Hadamard product, so the Schur product theorem does not apply.` };
    }
    return { code: 'bad-certificate', message: `'${certificate}' is not a certificate: name the law (schur) or give a factor L with L Lᵀ = M.` };
  }
  const rows = readRows(certificate);
  if (rows) {
    const l = exactMatrix(rows);
    const product = evaluateMatrix(matMul(identifier('L'), transpose(identifier('L'))), new Map([['L', l]]));
    if (product && sameMatrix(product, m, 0)) return 'valid';
    return { code: 'bad-certificate', message: 'Your factor L does not satisfy L Lᵀ = M.' };
  }
  return { code: 'bad-certificate', message: 'A certificate for "psd" is the law (schur) or a factor L with L Lᵀ = M.' };
}

/**
 * Grades a psd question: yes/no (decided exactly for this variant), plus an optional certificate
 * (`{answer: no, certificate: [1, -1]}`, `"no, x = [1, -1]"`, `"yes by schur"`, or a factor L).
 */
export function gradePsd(question: PsdQuestion, bindings: Bindings, answer: StudentAnswer): QuestionGrade {
  const max = question.points;
  const m = evaluateMatrix(question.matrix, bindings);
  if (!m || m.rows !== m.cols) {
    return { id: question.id, score: 0, max, diagnoses: [{ code: 'internal-error', message: `${question.matrixText} is not a square matrix for these values.` }] };
  }
  const truth = exactPsd(m);
  const split = splitVerdict(answer.value);
  const certificate = answer.certificate ?? split.certificate;
  if (split.verdict === undefined) {
    return { id: question.id, score: 0, max, diagnoses: [{ code: 'unreadable-answer', message: `Answer yes or no (got '${String(answer.value)}').` }] };
  }
  const diagnoses: Diagnosis[] = [];
  for (const predicted of question.feedback) {
    if (readBoolean(predicted.answer) === split.verdict) diagnoses.push({ code: predicted.code, message: predicted.text });
  }
  if (split.verdict !== truth.holds) {
    const why = truth.holds
      ? question.matrix.type === 'Hadamard'
        ? ` Both factors are psd, so their Hadamard product is psd by the Schur product theorem.`
        : ''
      : truth.vector
        ? ` For x = ${vectorText(truth.vector)}, xᵀMx = ${formatRational(quadraticForm(m, truth.vector))} < 0.`
        : ' It is not even symmetric.';
    diagnoses.push({ code: 'wrong-psd-verdict', message: `${question.matrixText} is ${truth.holds ? '' : 'not '}positive semidefinite.${why}` });
    return { id: question.id, score: 0, max, diagnoses };
  }
  let score = max - question.certificatePoints;
  if (certificate === undefined || certificate === null || certificate === '') {
    if (question.certificatePoints > 0) {
      diagnoses.push({
        code: 'missing-certificate',
        message: truth.holds ? 'Right; now say why (the Schur product theorem, or a factor L with L Lᵀ = M).' : 'Right; now give a vector x with xᵀMx < 0.',
      });
    } else {
      score = max;
    }
  } else {
    const checked = checkCertificate(question, bindings, m, split.verdict, certificate);
    if (checked === 'valid') score = max;
    else diagnoses.push(checked);
  }
  if (!diagnoses.some((d) => d.code === 'bad-certificate' || d.code === 'missing-certificate')) diagnoses.unshift({ code: 'correct', message: 'Correct.' });
  return { id: question.id, score: roundScore(score), max, diagnoses };
}
