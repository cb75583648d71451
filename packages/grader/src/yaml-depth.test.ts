import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOverrides } from './overrides.ts';
import { parseSubmission } from './submission.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { BUNDLED_TEXT } from './test-fixtures.ts';
import { MAX_DATA_DEPTH, scanYaml } from './yaml-depth.ts';

const HEAD = 'student: Ada\nworksheet: WS_Math_Foundations_1\nanswers:\n';
const BILLION_LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((x, k) => `${x}: &${x} [${Array.from({ length: 9 }, () => `*${'abcdefghi'[k]}`).join(',')}]`)].join('\n');

describe('scanYaml', () => {
  it('counts flow and block levels together; the limit is inclusive', () => {
    // `x:` is one block level, so 99 brackets make 100 levels and 100 make 101.
    expect(scanYaml(`x: ${'['.repeat(99)}${']'.repeat(99)}`).tooDeep).toBeUndefined();
    expect(scanYaml(`x: ${'['.repeat(100)}${']'.repeat(100)}`).tooDeep).toEqual({ line: 1, column: 103, limit: MAX_DATA_DEPTH });
    expect(scanYaml(`x:\n${'- '.repeat(150)}1`).tooDeep?.line).toBe(2);
    const indented = Array.from({ length: 120 }, (_, k) => `${' '.repeat(k)}k${k}:`).join('\n');
    expect(scanYaml(indented).tooDeep).toEqual({ line: 101, column: 101, limit: MAX_DATA_DEPTH });
  });

  it('does not count brackets inside quotes, block scalars, plain text or comments', () => {
    const brackets = '['.repeat(300);
    const texts = [
      `q1: "${brackets}"`,
      `q1: '${brackets} it''s'`,
      `q1: |\n  ${brackets}\n  more ${brackets}\nq2: 1`,
      `q1: A${brackets}`,
      `q1: 1 # ${brackets}`,
      `q1: ["${brackets}", '${brackets}']`,
      `q1: "multi\n ${brackets}\n end"`,
      `q1: [A', B', "x"]`,
    ];
    for (const text of texts) expect(scanYaml(text).tooDeep, text.slice(0, 30)).toBeUndefined();
  });

  it('scans 100 000 brackets in one pass (no recursion) and finds the first alias', () => {
    expect(scanYaml('['.repeat(100_000)).tooDeep).toEqual({ line: 1, column: 101, limit: MAX_DATA_DEPTH });
    expect(scanYaml(BILLION_LAUGHS).firstAlias).toEqual({ line: 2, column: 8 });
  });

  it('finds nothing deep in the bundled worksheet, submissions and overrides', () => {
    const root = new URL('../../../examples/', import.meta.url);
    const subs = new URL('submissions/', root);
    const files = [...readdirSync(subs).map((f) => new URL(f, subs)), new URL('overrides.yaml', root)];
    for (const file of files) expect(scanYaml(readFileSync(file, 'utf8')).tooDeep, file.pathname).toBeUndefined();
    expect(scanYaml(BUNDLED_TEXT).tooDeep).toBeUndefined();
  });
});

describe('deep and aliased data files', () => {
  it('a submission nested 100 000 deep is too-deep with file:line:col, in YAML and JSON', () => {
    const yaml = parseSubmission(`${HEAD}  q1: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'subs/deep.yaml');
    expect(yaml.ok).toBe(false);
    if (!yaml.ok) {
      expect(yaml.error.code).toBe('too-deep');
      expect(yaml.error.message).toBe(`subs/deep.yaml:4:105: cannot read the file as YAML: nested more than ${MAX_DATA_DEPTH} levels deep ([ ], { } and indented blocks together); odot reads at most ${MAX_DATA_DEPTH} levels`);
    }
    // Two maps, then the 99th bracket is the 101st level.
    const prefix = '{"student": "Ada", "worksheet": "W", "answers": {"q1": ';
    const json = parseSubmission(`${prefix}${'['.repeat(100_000)}}}`, 'subs/deep.json');
    expect(json.ok ? undefined : [json.error.code, json.error.message.split(' ')[0]]).toEqual(['too-deep', `subs/deep.json:1:${prefix.length + 99}:`]);
  });

  it('an unclosed 100 000-deep flow and 20 000 compact entries are refused the same way', () => {
    for (const text of [`${HEAD}  q1: ${'['.repeat(100_000)}`, `${HEAD}  q1:\n${'- '.repeat(20_000)}x`]) {
      const r = parseSubmission(text, 'x.yaml');
      expect(r.ok ? 'ok' : r.error.code).toBe('too-deep');
    }
  });

  it('an alias bomb is too-many-aliases at its first alias (submissions, overrides, worksheets)', () => {
    const sub = parseSubmission(`${HEAD}  q1: 1\n${BILLION_LAUGHS}\n`, 'lol.yaml');
    expect(sub.ok ? undefined : [sub.error.code, sub.error.message]).toEqual(['too-many-aliases', 'lol.yaml:6:8: cannot read the file as YAML: it expands aliases (*name) more than 50 times; a "billion laughs" file is refused, not expanded']);
    const over = parseOverrides(`${BILLION_LAUGHS}\n`, { questions: [] }, 'over.yaml');
    expect(over.ok ? undefined : over.error.code).toBe('too-many-aliases');
    const ws = parseWorksheet(BUNDLED_TEXT.replace(/^---\n/, `---\n${BILLION_LAUGHS}\n`));
    expect(ws.ok ? undefined : [ws.error.code, ws.error.span?.start.line, ws.error.span?.start.column]).toEqual(['too-many-aliases', 3, 8]);
  });

  it('a worksheet question block nested 100 000 deep is too-deep at its line in the worksheet', () => {
    const text = BUNDLED_TEXT.replace('id: q7\n', `id: q7\ndeep: ${'{a: '.repeat(100_000)}\n`);
    const line = text.split('\n').findIndex((l) => l.startsWith('deep: ')) + 1;
    const ws = parseWorksheet(text);
    expect(ws.ok).toBe(false);
    if (!ws.ok) {
      expect(ws.error.code).toBe('too-deep');
      expect(ws.error.message).toMatch(/^question block: nested more than 100 levels deep/);
      expect(ws.error.span?.start).toMatchObject({ line, column: 7 + 4 * 99 });
    }
  });
});
