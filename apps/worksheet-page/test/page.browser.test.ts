import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeAnswer, modelSubmissionAnswer, parseWorksheet, variantKey, type Worksheet } from '@odot/grader';
import { launchChromium } from '../../../docs/test/chromium.ts';
import { serveStatic, type StaticServer } from '../../../docs/test/static-server.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORKSHEET_PATH = join(ROOT, 'examples/WS_Math_Foundations_1.md');
const ROSTER_PATH = join(ROOT, 'examples/roster.csv');
const BIN = join(ROOT, 'apps/cli/dist/bin.js');

function odot(args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

function worksheet(): Worksheet {
  const parsed = parseWorksheet(readFileSync(WORKSHEET_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const WS = worksheet();
const question = (id: string) => WS.questions.find((q) => q.id === id) ?? (() => { throw new Error(id); })();
const PROOF = '(A ⊙ J) ⊙ (B + C)\n= A ⊙ (B + C)      by hadamard_ones\n= A ⊙ B + A ⊙ C    by hadamard_add\n= A ⊙ B + C ⊙ A    by hadamard_comm';

/** What `gradeAnswer` in Node says about an answer: the score and the feedback sentences. */
function nodeGrade(id: string, key: string, value: unknown): { score: number; messages: string[] } {
  const grade = gradeAnswer(WS, question(id), key, value);
  return { score: grade.score, messages: grade.diagnoses.map((d) => d.message) };
}

async function pageGrade(page: Page | Frame, id: string): Promise<{ score: string; feedback: string[] }> {
  await page.getByTestId(`check-${id}`).click();
  return { score: (await page.getByTestId(`score-${id}`).textContent()) ?? '', feedback: await page.getByTestId(`feedback-${id}`).locator('.diagnosis > p').allTextContents() };
}

let dir: string;
let context: BrowserContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'odot-page-browser-'));
  for (const [mode, out] of [['practice', 'practice'], ['exam', 'exam']] as const) {
    // The exam page carries the bundled class list: only its ids are accepted.
    const roster = mode === 'exam' ? ['--roster', ROSTER_PATH] : [];
    const run = odot(['worksheet', 'page', WORKSHEET_PATH, '--out', join(dir, out), '--mode', mode, ...roster]);
    if (run.code !== 0) throw new Error(run.stderr);
  }
  context = await launchChromium({ width: 390, height: 844 });
});

afterAll(async () => {
  await context?.close();
});

describe('the practice page from file://', () => {
  it('grades the seed grid, a proof, a true/false with reason and a personal vector as odot grade does; the download grades the same; a reload keeps the answers', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(dir, 'practice', 'index.html')).href);
    await page.getByTestId('start').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Type your student id');
    const id = 'S-042';
    const key = variantKey({ id });
    await page.getByTestId('student-id').fill(id);
    await page.getByTestId('start').click();

    // q1 by keyboard: type a cell, Tab to the next; one wrong cell.
    await page.getByTestId('cell-q1-1-1').click();
    for (const value of ['7', '16', '27', '40', '55']) {
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('71');
    await expect.poll(() => page.getByTestId('preview-q1').locator('math').count()).toBe(1);
    const q1 = await pageGrade(page, 'q1');
    const q1Node = nodeGrade('q1', key, [['7', '16', '27'], ['40', '55', '71']]);
    expect(q1.score).toBe(`${q1Node.score} / 3`);
    expect(q1.feedback).toEqual(q1Node.messages);
    expect(await page.getByTestId('cell-q1-2-3').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('cell-q1-2-3').fill('72');
    expect((await pageGrade(page, 'q1')).score).toBe('3 / 3');

    // q11 by pasting a NumPy array into the first cell; q2 with the student's own vectors.
    await page.getByTestId('cell-q11-1-1').evaluate((cell) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'np.array([[2, 1],\n          [4, 3]])');
      cell.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(await page.getByTestId('cell-q11-2-1').inputValue()).toBe('4');
    expect((await pageGrade(page, 'q11')).score).toBe('2 / 2');
    const q2 = modelSubmissionAnswer(WS, question('q2'), key) as string[][];
    for (const [r, row] of q2.entries()) await page.getByTestId(`cell-q2-${r + 1}-1`).fill(row[0] ?? '');
    expect((await pageGrade(page, 'q2')).score).toBe('2 / 2');

    // q7: a step without `by` is flagged live, before any check; then the fixed proof.
    await page.getByTestId('answer-q7').fill(PROOF.replace('    by hadamard_add', ''));
    await expect.poll(() => page.getByTestId('question-q7').locator('.live').textContent()).toContain('line 3: missing `by LAW`');
    await page.getByTestId('answer-q7').fill(PROOF);
    const q7 = await pageGrade(page, 'q7');
    expect(q7.score).toBe(`${nodeGrade('q7', key, PROOF).score} / 3`);
    expect(q7.score).toBe('3 / 3');

    // q4: `ture` is caught live; then true, with a reason.
    await page.getByTestId('answer-q4').fill('ture');
    await expect.poll(() => page.getByTestId('question-q4').locator('.live').textContent()).toContain('is not true or false');
    await page.getByTestId('answer-q4').fill('true');
    await page.getByTestId('reason-q4').fill('hadamard_comm');
    const q4 = await pageGrade(page, 'q4');
    const q4Node = nodeGrade('q4', key, { answer: true, reason: 'hadamard_comm' });
    expect(q4.score).toBe(`${q4Node.score} / 2`);
    expect(q4.feedback).toEqual(q4Node.messages);

    // q9: backslash names become symbols as the student types.
    await page.getByTestId('answer-q9').click();
    await page.keyboard.type('A \\odot (B + C)');
    expect(await page.getByTestId('answer-q9').inputValue()).toBe('A ⊙ (B + C)');

    // Download, then grade the file with the CLI: the same scores.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    expect(download.suggestedFilename()).toBe('S-042.odot.yaml');
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const graded = odot(['grade', WORKSHEET_PATH, file, '--json']);
    expect(graded.code).toBe(0);
    const report = JSON.parse(graded.stdout) as { students: { total: number; questions: Record<string, { score: number }> }[] };
    const student = report.students[0];
    for (const [qid, text] of [['q1', '3 / 3'], ['q2', '2 / 2'], ['q4', q4.score], ['q7', '3 / 3'], ['q11', '2 / 2']] as const) {
      expect(`${student?.questions[qid]?.score} / ${question(qid).points}`).toBe(text);
    }
    await expect.poll(() => page.getByTestId('total').textContent()).toBe(`Total: ${student?.total} / 24`);

    // A reload keeps every answer, for the same id.
    await page.reload();
    expect(await page.getByTestId('cell-q1-2-3').inputValue()).toBe('72');
    expect(await page.getByTestId('answer-q7').inputValue()).toBe(PROOF);
    expect(await page.getByTestId('reason-q4').inputValue()).toBe('hadamard_comm');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The worked answer, after a check; then "clear" asks first, and only a yes clears.
    await page.getByTestId('check-q11').click();
    await page.getByTestId('show-answer-q11').click();
    expect(await page.getByTestId('question-q11').locator('.worked math').count()).toBe(1);
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByTestId('clear').click();
    expect(await page.getByTestId('cell-q1-2-3').inputValue()).toBe('72');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('clear').click();
    await expect.poll(() => page.getByTestId('cell-q1-2-3').inputValue()).toBe('');
    await page.reload();
    expect(await page.getByTestId('answer-q7').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the exam page', () => {
  it('checks syntax and shape only, shows no score, and downloads a submission odot grade reads', async () => {
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(dir, 'exam', 'index.html')).href);
    await page.getByTestId('student-id').fill('ex-1');
    await page.getByTestId('start').click();
    await expect.poll(() => page.locator('.id-bar [role=alert]').textContent()).toContain("'ex-1' is not on this class's list");
    expect(await page.getByTestId('cell-q1-1-1').count()).toBe(0);
    await page.getByTestId('student-id').fill(' s1001 ');
    await page.getByTestId('start').click();
    await page.getByTestId('cell-q1-1-1').fill('7');
    await page.getByRole('button', { name: /add a row \(Answer to q1\)/ }).click();
    await expect.poll(() => page.getByTestId('question-q1').locator('.live').textContent()).toContain('wrong shape: expected 2×3, got 3×3');
    await page.getByTestId('check-q1').click();
    expect(await page.getByTestId('feedback-q1').textContent()).toContain('cannot be read yet');
    expect(await page.getByTestId('score-q1').textContent()).toBe('3 pts');
    await page.getByTestId('answer-q3').fill('undefined');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const file = join(dir, 'exam-ex-1.odot.yaml');
    await download.saveAs(file);
    const graded = odot(['grade', WORKSHEET_PATH, file, '--json']);
    const report = JSON.parse(graded.stdout) as { students: { student: string; questions: Record<string, { score: number }> }[] };
    expect(report.students[0]?.student).toBe('s1001');
    expect(report.students[0]?.questions['q3']?.score).toBe(1);
    expect(await page.getByTestId('total').textContent()).toBe('Answered 2 of 12');
    await page.close();
  });
});

describe('the SCORM package under a SCORM 1.2 runtime (scorm-again)', () => {
  let server: StaticServer;
  beforeAll(async () => {
    const root = join(dir, 'lms');
    const zip = join(dir, 'ws.zip');
    const run = odot(['worksheet', 'scorm', WORKSHEET_PATH, '--out', zip]);
    if (run.code !== 0) throw new Error(run.stderr);
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
      mkdirSync(dirname(join(root, 'pkg', name)), { recursive: true });
      writeFileSync(join(root, 'pkg', name), bytes);
    }
    copyFileSync(fileURLToPath(new URL('../node_modules/scorm-again/dist/scorm12.js', import.meta.url)), join(root, 'scorm12.js'));
    writeFileSync(
      join(root, 'index.html'),
      `<!doctype html><meta charset="utf-8"><script src="scorm12.js"></script>
<script>
window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
window.API.loadFromJSON({ core: { student_id: 'lms-007', student_name: 'Doe, Jo' } }, '');
</script>
<iframe id="sco" src="pkg/index.html" style="width:390px;height:800px"></iframe>`,
    );
    server = await serveStatic(root);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('uses the LMS learner id and records score, status, interactions and suspend data', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/index.html`);
    const frame = page.frameLocator('#sco');
    await expect.poll(() => frame.getByTestId('student-id').inputValue()).toBe('lms-007');
    const key = variantKey({ id: 'lms-007' });
    const q12 = modelSubmissionAnswer(WS, question('q12'), key) as string[][];
    for (const [r, row] of q12.entries()) for (const [c, v] of row.entries()) await frame.getByTestId(`cell-q12-${r + 1}-${c + 1}`).fill(v);
    await frame.getByTestId('check-q12').click();
    await frame.getByTestId('answer-q6').fill('true');
    await frame.getByTestId('check-q6').click();
    const cmi = (await page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { API: { cmi: unknown } }).API.cmi)))) as {
      core: { student_id: string; lesson_status: string; score: { raw: string; min: string; max: string } };
      suspend_data: string;
      interactions: { childArray?: { id: string; type: string; student_response: string; result: string }[] } & Record<string, unknown>;
    };
    expect(cmi.core.score).toEqual({ raw: '2', min: '0', max: '24' });
    expect(cmi.core.lesson_status).toBe('completed');
    const interactions = (cmi.interactions.childArray ?? Object.values(cmi.interactions)) as { id: string; type: string; student_response: string; result: string }[];
    const byId = new Map(interactions.map((i) => [i.id, i]));
    expect(byId.size).toBe(12);
    expect(byId.get('q12')).toMatchObject({ type: 'fill-in', result: 'correct', student_response: `[${q12.map((r) => `[${r.join(',')}]`).join(',')}]` });
    expect(byId.get('q6')).toMatchObject({ type: 'true-false', result: 'wrong', student_response: 't' });
    expect(nodeGrade('q6', key, true).score).toBe(0);
    const saved = JSON.parse(cmi.suspend_data) as Record<string, unknown>;
    expect(Object.keys(saved).sort()).toEqual(['q12', 'q6']);

    // Resume: a new attempt whose LMS hands back the suspend data opens with the answers.
    await page.evaluate((suspend) => {
      const w = window as unknown as { API: unknown; Scorm12API: new (s: object) => { loadFromJSON: (j: object, p: string) => void } };
      const api = new w.Scorm12API({ autocommit: false, logLevel: 5 });
      api.loadFromJSON({ core: { student_id: 'lms-007', lesson_status: 'incomplete', entry: 'resume' }, suspend_data: suspend }, '');
      w.API = api;
      localStorage.clear(); // the answers must come back from the LMS, not from this browser
      (document.getElementById('sco') as HTMLIFrameElement).src = 'pkg/index.html?resume';
    }, cmi.suspend_data);
    await expect.poll(() => frame.getByTestId('cell-q12-1-1').inputValue()).toBe(q12[0]?.[0]);
    expect(await frame.getByTestId('answer-q6').inputValue()).toBe('true');
    await page.close();
  });
});
