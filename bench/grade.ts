// Grading benchmark: 10 000 generated submissions of the bundled worksheet WS_Math_Foundations_1,
// graded in one process. Reports the median time per answer (cold: memo off; warm: the default
// memo of identical answers), the whole batch, and the heap before/after (it must stay flat).
// Peer: a hand-written math.js check of the matrix answers (dotMultiply + deepEqual) for scale.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { add, hadamard, kronecker, matMul, transpose, type Expr } from '@odot/core';
import { gradeAnswer, gradeSubmission, modelSubmissionAnswer, parseWorksheet, prepareWorksheet, questionBindings, type Question, type Submission, type Worksheet } from '@odot/grader';
import { evaluate, isMatrix, matrixRows } from '@odot/numeric';
import { deepEqual, dotMultiply } from 'mathjs';
import { median } from './timing.ts';

const TOTAL = 10_000;
const COLD_SAMPLE = 200;

function load(): Worksheet {
  const parsed = parseWorksheet(readFileSync(new URL('../examples/WS_Math_Foundations_1.md', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  prepareWorksheet(parsed.value); // as odot grade does before a batch
  return parsed.value;
}

/** A tiny deterministic generator (xorshift32) for choosing mistakes. */
function chooser(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

function rowsOf(ws: Worksheet, q: Question, student: string, expr: Expr): unknown {
  const r = evaluate(expr, questionBindings(ws, q, student), { mode: 'exact' });
  return r.ok && isMatrix(r.value) ? matrixRows(r.value).map((row) => row.map(Number)) : 'no idea';
}

/** Wrong answers students give, per question kind (matrix answers are recomputed per student). */
function wrongAnswer(ws: Worksheet, q: Question, student: string, pick: (n: number) => number): unknown {
  switch (q.kind) {
    case 'matrix': {
      const a = q.answer;
      const [l, r] = a.type === 'Hadamard' || a.type === 'MatMul' ? [a.left, a.right] : [a, a];
      const options: Expr[] = [matMul(l, transpose(r)), add(l, r), transpose(a), kronecker(l, r), hadamard(l, r), matMul(r, l)];
      return rowsOf(ws, q, student, options[pick(options.length)] ?? a);
    }
    case 'expression':
      return ['A ⊙ B + C', 'A (B + C)', 'A * (B + C)', 'A ⊙ B ⊙ C', 'A (B + C)ᵀ', 'A ⊙ B + A ⊙ C'][pick(6)];
    case 'truefalse':
      return [!q.answer, q.answer, { answer: q.answer, reason: 'hadamard_comm' }][pick(3)];
    case 'psd':
      return ['no', 'yes', { answer: 'yes', certificate: [[1, 0], [0, 1]] }][pick(3)];
    case 'proof':
      return [q.answerText.replace(/by hadamard_\w+/, 'by hadamard_comm'), q.answerText.split('\n').slice(0, 2).join('\n'), 'trivial'][pick(3)];
    case 'shape':
      return ['2×3', '3×3', 'undefined'][pick(3)];
  }
}

function generate(ws: Worksheet, count: number): Submission[] {
  const pick = chooser(20250530);
  return Array.from({ length: count }, (_, k) => {
    const student = `student-${String(k).padStart(5, '0')}`;
    const answers: Record<string, unknown> = {};
    for (const q of ws.questions) {
      const roll = pick(10);
      answers[q.id] = roll < 6 ? modelSubmissionAnswer(ws, q, student) : roll < 9 ? wrongAnswer(ws, q, student, pick) : undefined;
    }
    return { student, worksheet: ws.id, answers };
  });
}

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after a full collection, in MB. */
function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

export async function run(): Promise<void> {
  const ws = load();
  const t0 = performance.now();
  const submissions = generate(ws, TOTAL);
  const generateMs = performance.now() - t0;

  // Cold: every answer graded from scratch (memo off), on a sample.
  const cold: number[] = [];
  const coldByKind = new Map<string, number[]>();
  for (const s of submissions.slice(0, COLD_SAMPLE)) {
    for (const q of ws.questions) {
      const a = performance.now();
      gradeAnswer(ws, q, s.student, s.answers[q.id], { memo: false });
      const ms = performance.now() - a;
      cold.push(ms);
      coldByKind.set(q.kind, [...(coldByKind.get(q.kind) ?? []), ms]);
    }
  }

  // The whole batch with the default memo, timing every submission; heap sampled along the way.
  const heap: [number, number][] = [[0, heapMb()]];
  const perAnswer: number[] = [];
  let total = 0;
  const batchStart = performance.now();
  submissions.forEach((s, k) => {
    const a = performance.now();
    total += gradeSubmission(ws, s).total;
    perAnswer.push((performance.now() - a) / ws.questions.length);
    if ((k + 1) % 2500 === 0) heap.push([k + 1, heapMb()]);
  });
  const batchMs = performance.now() - batchStart;

  // Peer for scale: math.js checks only the seed-example matrix answers (dotMultiply + deepEqual).
  const A = [[1, 2, 3], [4, 5, 6]];
  const B = [[7, 8, 9], [10, 11, 12]];
  const q1 = ws.questions[0] as Question;
  const peer: number[] = [];
  const ours: number[] = [];
  for (const s of submissions.slice(0, 2000)) {
    const answer = s.answers['q1'];
    if (!Array.isArray(answer)) continue;
    let a = performance.now();
    deepEqual(dotMultiply(A, B), answer as number[][]);
    peer.push(performance.now() - a);
    a = performance.now();
    gradeAnswer(ws, q1, s.student, answer, { memo: false });
    ours.push(performance.now() - a);
  }

  // The same batch as files, graded by the built CLI's code path on 2 worker threads.
  const threaded = await twoWorkers(submissions);
  // The same cold sample graded by the built packages in plain node (what users run: no tsx).
  const built = coldBuilt(submissions.slice(0, COLD_SAMPLE));

  const fmt = (x: number, d = 3): string => x.toFixed(d);
  console.log(`generated ${TOTAL} submissions × ${ws.questions.length} questions in ${fmt(generateMs / 1000, 2)} s (mean score ${fmt(total / TOTAL, 2)} / ${ws.maxScore})`);
  console.log(`median per answer, cold (memo off, ${COLD_SAMPLE} submissions): ${fmt(median(cold))} ms   (target ≤ 2 ms)`);
  for (const [kind, xs] of coldByKind) console.log(`  ${kind.padEnd(10)} median ${fmt(median(xs))} ms, max ${fmt(Math.max(...xs), 1)} ms`);
  if (built === undefined) console.log('  built package: skipped (build the grader first: pnpm build)');
  else for (const [kind, xs] of Object.entries(built)) console.log(`  ${kind.padEnd(10)} median ${fmt(median(xs))} ms, max ${fmt(Math.max(...xs), 1)} ms   (built package, plain node)`);
  const coldMean = cold.reduce((x, y) => x + y, 0) / cold.length;
  console.log(`mean per answer, cold: ${fmt(coldMean)} ms → a 10 000-submission batch of all-distinct answers ≈ ${fmt((coldMean * TOTAL * ws.questions.length) / 1000 / 2, 1)} s on 2 worker threads`);
  console.log(`median per answer, whole batch (default memo): ${fmt(median(perAnswer))} ms`);
  console.log(`whole batch: ${TOTAL} submissions in ${fmt(batchMs / 1000, 2)} s on one thread   (target ≤ 60 s on 2 cores)`);
  console.log(threaded === undefined ? 'whole batch on 2 worker threads: skipped (build the grader first: pnpm build)' : `whole batch on 2 worker threads (files → grades, built package): ${fmt(threaded / 1000, 2)} s   (target ≤ 60 s on 2 cores)`);
  console.log(`heap (MB) after n submissions: ${heap.map(([n, mb]) => `${n}: ${fmt(mb, 1)}`).join(', ')}   (flat = no growth with batch size)`);
  const [p, o] = [median(peer), median(ours)];
  console.log(`q1 matrix answer: odot grade (cells + misconceptions) ${fmt(o)} ms vs math.js equality check ${fmt(p)} ms: ratio ${fmt(o / p, 1)}×`);
}

/** The script `coldBuilt` runs in plain node: the cold loop over the built grader, times per kind as JSON on stdout. */
const COLD_SCRIPT = `
import { readFileSync } from 'node:fs';
const [grader, worksheet, answers] = process.argv.slice(2);
const { gradeAnswer, parseWorksheet, prepareWorksheet } = await import(grader);
const ws = parseWorksheet(readFileSync(worksheet, 'utf8'));
if (!ws.ok) throw new Error(ws.error.message);
prepareWorksheet(ws.value);
const times = {};
for (const s of JSON.parse(readFileSync(answers, 'utf8'))) {
  for (const q of ws.value.questions) {
    const a = performance.now();
    gradeAnswer(ws.value, q, s.student, s.answers[q.id], { memo: false });
    (times[q.kind] ??= []).push(performance.now() - a);
  }
}
process.stdout.write(JSON.stringify(times));
`;

/**
 * The cold sample graded by the built grader in a plain node process (no tsx, no source
 * conditions: what a user of the published package runs); times per kind, or undefined without a build.
 */
function coldBuilt(sample: readonly Submission[]): Record<string, number[]> | undefined {
  const grader = new URL('../packages/grader/dist/index.js', import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), 'odot-bench-'));
  try {
    const script = join(dir, 'cold.mjs');
    const answers = join(dir, 'answers.json');
    writeFileSync(script, COLD_SCRIPT);
    writeFileSync(answers, JSON.stringify(sample));
    const worksheet = new URL('../examples/WS_Math_Foundations_1.md', import.meta.url).pathname;
    const run = spawnSync(process.execPath, [script, grader.href, worksheet, answers], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    if (run.status !== 0) {
      if (run.stderr.includes('ERR_MODULE_NOT_FOUND')) return undefined; // not built
      throw new Error(`the built cold run failed: ${run.stderr}`);
    }
    return JSON.parse(run.stdout) as Record<string, number[]>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the submissions as YAML files and grades them with the built grader on 2 worker threads; ms, or undefined without a build. */
async function twoWorkers(submissions: readonly Submission[]): Promise<number | undefined> {
  type NodeEntry = typeof import('@odot/grader/node');
  type Core = typeof import('@odot/grader');
  let node: NodeEntry;
  let core: Core;
  try {
    node = (await import(new URL('../packages/grader/dist/node/index.js', import.meta.url).href)) as NodeEntry;
    core = (await import(new URL('../packages/grader/dist/index.js', import.meta.url).href)) as Core;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') return undefined; // not built
    throw error;
  }
  const dir = mkdtempSync(join(tmpdir(), 'odot-bench-'));
  try {
    submissions.forEach((s, k) => writeFileSync(join(dir, `${String(k).padStart(5, '0')}.json`), JSON.stringify(s)));
    const text = readFileSync(new URL('../examples/WS_Math_Foundations_1.md', import.meta.url), 'utf8');
    const ws = core.parseWorksheet(text);
    if (!ws.ok) return undefined;
    const start = performance.now();
    const inputs = await node.collectSubmissions([dir]);
    const grades = await node.gradeBatch(ws.value, text, inputs, { jobs: 2 });
    if (grades.length !== submissions.length) throw new Error('lost submissions');
    return performance.now() - start;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
