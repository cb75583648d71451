/**
 * Writes the bundled sample submissions (examples/submissions/*.yaml) for WS_Math_Foundations_1.
 * Each student has a planned mistake per question; answers to randomised questions are computed
 * from that student's own matrices, so every planned diagnosis really occurs.
 * Run: pnpm --filter @odot/grader exec tsx --conditions=@odot/source scripts/make-samples.ts
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { add, hadamard, identifier, kronecker, matMul, sub, transpose, type Expr } from '@odot/core';
import { parseWorksheet } from '../src/parse-worksheet.ts';
import { questionBindings } from '../src/variant.ts';
import { variantKey } from '../src/identity.ts';
import type { Question, Worksheet } from '../src/worksheet.ts';
import { evaluateMatrix } from '../src/exact.ts';
import { matrixRows } from '@odot/numeric';

const root = new URL('../../../examples/', import.meta.url);
const worksheetText = readFileSync(new URL('WS_Math_Foundations_1.md', root), 'utf8');
const parsed = parseWorksheet(worksheetText);
if (!parsed.ok) throw new Error(parsed.error.message);
const ws: Worksheet = parsed.value;
const q = (id: string): Question => ws.questions.find((x) => x.id === id) ?? (() => { throw new Error(id); })();
const id = identifier;

/** Each sample student's id (as on examples/roster.csv); it keys their variant. */
const idOf = (student: string): string => `S${1001 + Object.keys(STUDENTS).indexOf(student)}`;

function value(student: string, qid: string, expr: Expr): number[][] {
  const m = evaluateMatrix(expr, questionBindings(ws, q(qid), variantKey({ id: idOf(student), student })));
  if (!m) throw new Error(`${qid}: not defined`);
  return matrixRows(m).map((row) => row.map(Number));
}

type Plan = Record<string, string>;
const MODEL7 = `(A ⊙ J) ⊙ (B + C)\n= A ⊙ (B + C)      by hadamard_ones\n= A ⊙ B + A ⊙ C    by hadamard_add\n= A ⊙ B + C ⊙ A    by hadamard_comm\n`;
const MODEL8 = `D ⊙ E\n= E ⊙ D    by hadamard_comm\n= E D      by diagonal_mul_diagonal\n`;

function answerFor(student: string, qid: string, flavour: string): unknown {
  const [A, B, C, D, M, X, u, v] = ['A', 'B', 'C', 'D', 'M', 'X', 'u', 'v'].map((n) => id(n)) as [Expr, Expr, Expr, Expr, Expr, Expr, Expr, Expr];
  switch (`${qid}:${flavour}`) {
    case 'q1:ok': return value(student, 'q1', hadamard(A, B));
    case 'q1:text': return '[7 16 27; 40 55 72]';
    case 'q1:matmul': return value(student, 'q1', matMul(A, transpose(B)));
    case 'q1:matmulT': return value(student, 'q1', matMul(transpose(A), B));
    case 'q1:transposed': return value(student, 'q1', transpose(hadamard(A, B)));
    case 'q1:kron': return value(student, 'q1', kronecker(A, B));
    case 'q1:sum': return value(student, 'q1', add(A, B));
    case 'q1:shape': return [[7, 16], [40, 55]];
    case 'q1:entry': return [[7, 16, 27], [40, 56, 72]];
    case 'q1:copied': return value(student, 'q1', B);
    case 'q2:ok': return value(student, 'q2', hadamard(u, v)).map((r) => r[0]);
    case 'q2:row': return [value(student, 'q2', hadamard(u, v)).map((r) => r[0])];
    case 'q2:dot': return value(student, 'q2', matMul(transpose(u), v))[0]?.[0];
    case 'q2:outer': return value(student, 'q2', matMul(u, transpose(v)));
    case 'q2:sum': return value(student, 'q2', add(u, v)).map((r) => r[0]);
    case 'q2:kron': return value(student, 'q2', kronecker(u, v)).map((r) => r[0]);
    case 'q2:entry': return value(student, 'q2', hadamard(u, v)).map((r, k) => (k === 1 ? (r[0] ?? 0) + 1 : r[0]));
    case 'q3:ok': return 'undefined';
    case 'q3:words': return 'not defined';
    case 'q3:hadamard': return '2×3';
    case 'q3:wrong': return '3×3';
    case 'q4:ok': return 'true by hadamard_assoc';
    case 'q4:noreason': return true;
    case 'q4:wrongreason': return { answer: true, reason: 'hadamard_comm' };
    case 'q4:unknownlaw': return { answer: true, reason: 'hadamrd_asoc' };
    case 'q4:false': return false;
    case 'q5:ok': return { answer: true, reason: 'hadamard_zero' };
    case 'q5:noreason': return 'yes';
    case 'q5:false': return 'false';
    case 'q6:ok': return false;
    case 'q6:true': return true;
    case 'q6:garbage': return 'maybe';
    case 'q7:ok': return MODEL7;
    case 'q7:wronglaw': return MODEL7.replace('by hadamard_add', 'by hadamard_comm');
    case 'q7:falsestep': return MODEL7.replace('= A ⊙ B + A ⊙ C    by hadamard_add', '= A ⊙ B + C        by hadamard_add');
    case 'q7:short': return `(A ⊙ J) ⊙ (B + C)\n= A ⊙ (B + C)      by hadamard_ones\n= A ⊙ B + A ⊙ C    by hadamard_add\n`;
    case 'q7:garbage': return 'it is obvious';
    case 'q8:ok': return MODEL8;
    case 'q8:false': return `D ⊙ E\n= D E      by diagonal_mul_diagonal\n= E D      by hadamard_comm\n`;
    case 'q8:unknown': return `D ⊙ E\n= E ⊙ D    by comm\n= E D      by diagonal_mul_diagonal\n`;
    case 'q9:ok': return 'A ⊙ (B + C)';
    case 'q9:expanded': return 'A ⊙ B + A ⊙ C';
    case 'q9:commuted': return '(C + B) ∘ A';
    case 'q9:numpy': return 'A * (B + C)';
    case 'q9:numpyExplicit': return { answer: 'A * B + A * C', dialect: 'numpy' };
    case 'q9:matlab': return { answer: 'A .* (B + C)', dialect: 'matlab' };
    case 'q9:shapeerror': return 'A (B + C)';
    case 'q9:matmul': return 'A (B + C)ᵀ';
    case 'q9:brackets': return 'A ⊙ B + C';
    case 'q9:wrong': return 'A ⊙ B ⊙ C';
    case 'q9:parse': return 'A ⊙ (B + ';
    case 'q10:ok': return 'yes, by schur';
    case 'q10:factor': return { answer: 'yes', certificate: [[1, 1, 0], [-1, 0, 1]] };
    case 'q10:nocert': return 'yes';
    case 'q10:badcert': return { answer: 'yes', certificate: [[1, 0], [0, 1]] };
    case 'q10:no': return 'no';
    case 'q11:ok': return value(student, 'q11', matMul(C, D));
    case 'q11:hadamard': return value(student, 'q11', hadamard(C, D));
    case 'q11:swapped': return value(student, 'q11', matMul(D, C));
    case 'q11:transposed': return value(student, 'q11', transpose(matMul(C, D)));
    case 'q11:entry': return [[2, 1], [4, 4]];
    case 'q12:ok': return value(student, 'q12', hadamard(M, X));
    case 'q12:matmul': return value(student, 'q12', matMul(M, X));
    case 'q12:sum': return value(student, 'q12', add(M, X));
    case 'q12:inverted': return value(student, 'q12', sub(X, hadamard(M, X)));
    case 'q12:kron': return value(student, 'q12', kronecker(M, X));
    case 'q12:transposed': return value(student, 'q12', transpose(hadamard(M, X)));
    case 'q12:entry': return value(student, 'q12', hadamard(M, X)).map((r, i) => r.map((x, j) => (i === 1 && j === 1 ? x + 1 : x)));
    default: throw new Error(`no flavour ${qid}:${flavour}`);
  }
}

const ALL_OK: Plan = { q1: 'ok', q2: 'ok', q3: 'ok', q4: 'ok', q5: 'ok', q6: 'ok', q7: 'ok', q8: 'ok', q9: 'ok', q10: 'ok', q11: 'ok', q12: 'ok' };
const STUDENTS: Record<string, Plan> = {
  'Ada Lovelace': { ...ALL_OK },
  'Alan Turing': { ...ALL_OK, q1: 'text', q2: 'row', q3: 'words', q9: 'commuted', q10: 'factor' },
  'Emmy Noether': { ...ALL_OK, q9: 'expanded', q5: 'noreason' },
  'Carl Gauss': { ...ALL_OK, q1: 'matmul', q2: 'dot', q12: 'matmul' },
  'Sofia Kovalevskaya': { ...ALL_OK, q1: 'transposed', q11: 'transposed', q12: 'transposed' },
  'Leonhard Euler': { ...ALL_OK, q1: 'kron', q2: 'kron', q12: 'kron' },
  'Srinivasa Ramanujan': { ...ALL_OK, q1: 'sum', q2: 'sum', q12: 'sum' },
  'Katherine Johnson': { ...ALL_OK, q11: 'swapped', q9: 'numpy' },
  'Grace Hopper': { ...ALL_OK, q11: 'hadamard', q3: 'hadamard', q9: 'numpyExplicit' },
  'Issai Schur': { ...ALL_OK, q1: 'shape', q2: 'outer', q9: 'matlab' },
  'Jacques Hadamard': { ...ALL_OK, q1: 'entry', q2: 'entry', q11: 'entry', q12: 'entry' },
  'Mary Somerville': { ...ALL_OK, q1: 'copied', q12: 'inverted', q6: 'true' },
  'Hypatia': { ...ALL_OK, q4: 'noreason', q5: 'false', q6: 'garbage' },
  'Paul Erdos': { ...ALL_OK, q4: 'wrongreason', q7: 'wronglaw' },
  'Maryam Mirzakhani': { ...ALL_OK, q4: 'unknownlaw', q7: 'falsestep', q8: 'false' },
  'Kurt Godel': { ...ALL_OK, q4: 'false', q7: 'short', q8: 'unknown' },
  'Niels Abel': { ...ALL_OK, q7: 'garbage', q9: 'parse', q3: 'wrong' },
  'Evariste Galois': { ...ALL_OK, q9: 'shapeerror', q10: 'no' },
  'Henri Poincare': { ...ALL_OK, q9: 'matmul', q10: 'badcert' },
  'Sophie Germain': { ...ALL_OK, q9: 'brackets', q10: 'nocert' },
  'John von Neumann': { ...ALL_OK, q9: 'wrong', q1: 'matmulT' },
};

function yamlValue(x: unknown, indent: string): string {
  if (typeof x === 'string' && x.includes('\n')) return `|\n${x.trimEnd().split('\n').map((l) => `${indent}  ${l}`).join('\n')}`;
  if (typeof x === 'string') return JSON.stringify(x);
  return JSON.stringify(x).replace(/,(?=[[{"\d-])/g, ', ').replace(/":/g, '": ');
}

const out = new URL('submissions/', root);
mkdirSync(out, { recursive: true });
for (const [student, plan] of Object.entries(STUDENTS)) {
  const lines = [`student: ${student}`, `id: ${idOf(student)}`, `worksheet: ${ws.id}`, 'answers:'];
  for (const question of ws.questions) {
    const flavour = plan[question.id];
    if (flavour === undefined) continue;
    lines.push(`  ${question.id}: ${yamlValue(answerFor(student, question.id, flavour), '  ')}`);
  }
  const file = `${student.toLowerCase().replace(/[^a-z]+/g, '-')}.yaml`;
  writeFileSync(new URL(file, out), `${lines.join('\n')}\n`);
}
// The class list: every sample student, the hand-written ones, and one who handed nothing in.
const extra = [['S2001', 'Ada Byron King', 'B'], ['S2002', 'Georg Cantor', 'B'], ['S2003', 'Emilie du Chatelet', 'B'], ['S2004', 'Bernhard Riemann', 'A']];
const rosterRows = [
  ...Object.keys(STUDENTS).map((student) => [idOf(student), student, student.endsWith('Hopper') || student.endsWith('Turing') ? 'B' : 'A']),
  ...extra,
].map(([id, name, section]) => `${id},${name},${(name ?? '').toLowerCase().replace(/[^a-z]+/g, '.')}@school.example,${section}`);
writeFileSync(new URL('roster.csv', root), `id,name,email,section\n${rosterRows.join('\n')}\n`);
console.log(`wrote ${Object.keys(STUDENTS).length} submissions and roster.csv`);
