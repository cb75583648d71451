import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { modelSubmissionAnswer, parseWorksheet, rosterIdHash } from '@odot/grader';
import { runOdot } from '../test-helpers.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const WORKSHEET = join(ROOT, 'examples/WS_Math_Foundations_1.md');
const SOURCE = readFileSync(WORKSHEET, 'utf8');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Every `answer:` of the worksheet (model answers, computed model matrices, predicted wrong answers) and every feedback text. */
function secrets(): string[] {
  const parsed = parseWorksheet(SOURCE);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const out = new Set<string>();
  for (const q of parsed.value.questions) {
    if ('answerText' in q) for (const line of q.answerText.split('\n')) out.add(line.trim());
    const model = modelSubmissionAnswer(parsed.value, q, '');
    if (Array.isArray(model)) {
      const rows = model as string[][];
      out.add(rows.map((r) => r.join(', ')).join('], ['));
      out.add(rows.map((r) => r.join(',')).join('],['));
    }
    for (const f of q.feedback) {
      out.add(f.text);
      if (typeof f.answer === 'string') out.add(f.answer);
    }
  }
  // true/false/yes/no/undefined are words of any page; one-letter answers are names of givens; a
  // shape such as 2×3 (q3's predicted wrong answer) is the declared shape of the question's givens.
  return [...out].filter((s) => s.length > 2 && !['true', 'false', 'yes', 'no', 'undefined'].includes(s) && !/^\w+×\w+$/.test(s));
}

describe('odot worksheet page / scorm (built command)', () => {
  const out = mkdtempSync(join(tmpdir(), 'odot-page-'));

  it('writes an exam page whose files contain no answer and no author feedback', () => {
    const run = runOdot(['worksheet', 'page', WORKSHEET, '--out', join(out, 'exam'), '--mode', 'exam']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const written = files(join(out, 'exam')).map((f) => relative(join(out, 'exam'), f));
    expect(written).toEqual(expect.arrayContaining(['index.html', 'page.js', 'page.css']));
    const hidden = secrets();
    expect(hidden).toEqual(expect.arrayContaining(['A ⊙ (B + C)', '= A ⊙ B + C ⊙ A    by hadamard_comm', '7, 16, 27], [40, 55, 72', 'You copied B. Multiply each entry of B by the entry of A in the same position.']));
    const html = readFileSync(join(out, 'exam', 'index.html'), 'utf8');
    for (const secret of hidden) expect(html, secret).not.toContain(secret);
    // The script is the worksheet-independent exam bundle, byte for byte: it cannot carry this worksheet's answers.
    const bundle = readFileSync(join(ROOT, 'apps/cli/dist/worksheet-page/exam.js'));
    expect(readFileSync(join(out, 'exam', 'page.js')).equals(bundle)).toBe(true);
    for (const file of ['page.js', 'page.css']) {
      const text = readFileSync(join(out, 'exam', file), 'utf8');
      for (const secret of hidden.filter((s) => s.length > 5)) expect(text, `${file}: ${secret}`).not.toContain(secret);
    }
  });

  it('writes a practice page by default, which carries the worksheet', () => {
    const run = runOdot(['worksheet', 'page', WORKSHEET, '--out', join(out, 'practice')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('practice page');
    expect(readFileSync(join(out, 'practice', 'index.html'), 'utf8')).toContain('"mode":"practice"');
  });

  it('with --roster, the page carries the class ids hashed (rosterIdHash), never in plain text', () => {
    const rosterFile = join(ROOT, 'examples/roster.csv');
    const run = runOdot(['worksheet', 'page', WORKSHEET, '--out', join(out, 'rostered'), '--roster', rosterFile]);
    expect(run.code).toBe(0);
    const html = readFileSync(join(out, 'rostered', 'index.html'), 'utf8');
    const ids = readFileSync(rosterFile, 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0] as string);
    expect(ids.length).toBeGreaterThan(10);
    const data = JSON.parse(/<script[^>]*application\/json[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}') as { roster?: string[] };
    expect(data.roster?.length).toBe(new Set(ids).size);
    for (const id of ids) {
      expect(data.roster).toContain(rosterIdHash(id));
      expect(html).not.toContain(id);
    }
    const missing = runOdot(['worksheet', 'page', WORKSHEET, '--out', join(out, 'bad'), '--roster', join(out, 'no-such.csv')]);
    expect(missing.code).toBe(2);
  });

  it('writes a SCORM 1.2 zip with imsmanifest.xml at its root', () => {
    const zip = join(out, 'ws.zip');
    const run = runOdot(['worksheet', 'scorm', WORKSHEET, '--out', zip]);
    expect(run.code).toBe(0);
    const entries = unzipSync(readFileSync(zip));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['imsmanifest.xml', 'index.html', 'page.js', 'page.css']));
    const manifest = strFromU8(entries['imsmanifest.xml'] as Uint8Array);
    expect(manifest).toContain('<schema>ADL SCORM</schema>');
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
    expect(manifest).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    for (const name of Object.keys(entries).filter((n) => n !== 'imsmanifest.xml')) expect(manifest).toContain(`<file href="${name}"/>`);
    expect(strFromU8(entries['index.html'] as Uint8Array)).toContain('"scorm":true');
  });

  it('refuses a bad mode, a missing --out, and a SCORM exam, with exit 2', () => {
    const bad = runOdot(['worksheet', 'page', WORKSHEET, '--out', join(out, 'x'), '--mode', 'quiz']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("--mode must be practice or exam, got 'quiz'")]);
    const missing = runOdot(['worksheet', 'page', WORKSHEET]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('`page` needs --out DIR')]);
    const exam = runOdot(['worksheet', 'scorm', WORKSHEET, '--out', join(out, 'y.zip'), '--mode', 'exam']);
    expect(exam.code).toBe(2);
    expect(exam.stderr).toContain('always a practice page');
  });
});
