import { assertNever, printExpr } from '@odot/core';
import { formatRational, psdTest, quadraticForm, rsign, type ExactMatrix, type Rational } from '@odot/numeric';
import { isBlank, type StudentAnswer } from './answer-input.ts';
import { evaluateMatrix } from './exact.ts';
import { canonicalLawName } from '@odot/rewrite';
import { checkEigenvalues, checkGram, checkLdl, checkVector, impliedVerdict, readCertificate, type PsdCertificateInput } from './psd-certificate.ts';
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
  // The optional `)` closes `yes (by schur)`; a certificate `(1, -1)` keeps its own.
  const certificate = m?.[2] && m[2].startsWith('(') && !m[2].endsWith(')') ? `${m[2]})` : m?.[2];
  if (m) return certificate ? { verdict: readBoolean(m[1]), certificate } : { verdict: readBoolean(m[1]) };
  return { verdict: readBoolean(value) };
}

function vectorText(x: readonly Rational[]): string {
  return `[${x.map(formatRational).join(', ')}]`;
}

/** The Schur product theorem as a certificate: M is P ⊙ Q with both factors psd in this variant. */
function checkSchur(question: PsdQuestion, bindings: Bindings): string | undefined {
  const e = question.matrix;
  if (e.type !== 'Hadamard') return `${question.matrixText} is not a Hadamard product, so the Schur product theorem does not apply`;
  const left = evaluateMatrix(e.left, bindings);
  const right = evaluateMatrix(e.right, bindings);
  if (left && right && exactPsd(left).holds && exactPsd(right).holds) return undefined;
  return `the Schur product theorem needs both factors psd, and ${printExpr(e.left, 'plain')} or ${printExpr(e.right, 'plain')} is not`;
}

/** Why a certificate of this kind cannot support this verdict, or undefined when it can. */
function kindMismatch(kind: PsdCertificateInput['kind'], verdict: boolean): string | undefined {
  if (verdict && kind === 'vector') return 'a vector x shows a matrix is not psd; for "psd" give L and D, a Gram factor, L with L Lᵀ = M, the eigenvalues or the law';
  if (!verdict && kind !== 'vector' && kind !== 'eigenvalues') return 'for "not psd" give a vector x with xᵀMx < 0, or the eigenvalues (one of them negative)';
  return undefined;
}

/** Checks one certificate read from the answer: undefined when valid, else why not. */
function checkReadCertificate(question: PsdQuestion, bindings: Bindings, m: ExactMatrix, verdict: boolean, cert: PsdCertificateInput): string | undefined {
  const wrongKind = kindMismatch(cert.kind, verdict);
  if (wrongKind) return wrongKind;
  switch (cert.kind) {
    case 'vector':
      return checkVector(m, cert.x);
    case 'factor':
      return checkGram(m, cert.L, 'L Lᵀ');
    case 'gram':
      return checkGram(m, cert.B, 'B Bᵀ');
    case 'ldl':
      return checkLdl(m, cert.L, cert.D);
    case 'eigenvalues': {
      const problem = checkEigenvalues(m, cert.values, verdict ? 'complete' : 'partial');
      if (problem) return problem;
      const negative = cert.values.some((v) => rsign(v) < 0);
      if (verdict && negative) return 'a negative eigenvalue means M is not psd';
      return !verdict && !negative ? 'every eigenvalue you list is ≥ 0: that shows M is psd' : undefined;
    }
    case 'law': {
      const law = canonicalLawName(cert.name);
      if (law === 'schur' || law === 'schur_pd') return checkSchur(question, bindings);
      return `'${cert.name}' is not a certificate: name the law (schur) or give L and D with L D Lᵀ = M, a Gram factor B with B Bᵀ = M, or the eigenvalues`;
    }
    default:
      return assertNever(cert);
  }
}

/** Checks a certificate (see `readCertificate` for the forms): 'valid', or a `bad-certificate` diagnosis. */
function checkCertificate(question: PsdQuestion, bindings: Bindings, m: ExactMatrix, verdict: boolean, certificate: unknown): Diagnosis | 'valid' {
  const read = readCertificate(certificate, verdict);
  if (!read.ok) return { code: 'bad-certificate', message: `Your certificate cannot be read: ${read.message}.` };
  const problem = checkReadCertificate(question, bindings, m, verdict, read.value);
  return problem === undefined ? 'valid' : { code: 'bad-certificate', message: `Your certificate does not check out: ${problem}.` };
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
  const split = isBlank(answer.value) ? { verdict: impliedVerdict(answer.certificate) } : splitVerdict(answer.value);
  const certificate = answer.certificate ?? split.certificate;
  if (split.verdict === undefined) {
    const got = isBlank(answer.value) ? 'a certificate that cannot be read' : `'${String(answer.value)}'`;
    return { id: question.id, score: 0, max, diagnoses: [{ code: 'unreadable-answer', message: `Answer yes or no (got ${got}).` }] };
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
        message: truth.holds
          ? 'Right; now say why: the Schur product theorem, L and D with L D Lᵀ = M, a Gram factor B with B Bᵀ = M, or the eigenvalues.'
          : 'Right; now give a vector x with xᵀMx < 0 (or a negative eigenvalue).',
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
