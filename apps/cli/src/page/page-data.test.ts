import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorksheet, type Worksheet } from '@odot/grader';
import { buildPageData, pageHtml, pageSettings, scriptJson } from './page-data.ts';

const SOURCE = readFileSync(new URL('../../../../examples/WS_Math_Foundations_1.md', import.meta.url), 'utf8');

function worksheet(text = SOURCE): Worksheet {
  const parsed = parseWorksheet(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const options = { scorm: false, version: '9.9.9', showAnswers: true } as const;

describe('buildPageData', () => {
  it('exam data holds no model answer, accepted reason or author feedback', () => {
    const ws = worksheet();
    const json = JSON.stringify(buildPageData(ws, SOURCE, { ...options, mode: 'exam' }));
    expect(json).not.toContain('answer');
    expect(json).not.toContain('source');
    for (const q of ws.questions) {
      for (const f of q.feedback) expect(json).not.toContain(f.text);
      if ('answerText' in q) expect(json).not.toContain(JSON.stringify(q.answerText).slice(1, -1));
    }
    expect(json).not.toContain('[["7","16","27"]');
    expect(json).not.toContain('You copied B');
  });

  it('gives the expected shapes of matrix and expression answers, computed from the answers', () => {
    const data = buildPageData(worksheet(), SOURCE, { ...options, mode: 'exam' });
    const shape = (id: string): string | undefined => data.questions.find((q) => q.id === id)?.expectedShape;
    expect([shape('q1'), shape('q2'), shape('q9'), shape('q11'), shape('q12'), shape('q3')]).toEqual(['2×3', '3×1', 'm×n', '2×2', '3×3', undefined]);
    expect(data.questions[0]?.declarations).toEqual(['A: 2×3', 'B: 2×3']);
  });

  it('practice data carries the worksheet source for grading in the page', () => {
    const data = buildPageData(worksheet(), SOURCE, { ...options, mode: 'practice' });
    expect(data.source).toBe(SOURCE);
    expect(data.showAnswers).toBe(true);
    expect(data.laws).toContain('hadamard_comm');
  });
});

describe('pageSettings', () => {
  it('reads pass_mark as a percent and show_answer as a boolean', () => {
    expect(pageSettings({})).toEqual({ ok: true, showAnswers: true });
    expect(pageSettings({ pass_mark: 60, show_answer: false })).toEqual({ ok: true, passMark: 60, showAnswers: false });
    expect(pageSettings({ pass_mark: '75%' })).toEqual({ ok: true, passMark: 75, showAnswers: true });
    expect(pageSettings({ pass_mark: 120 })).toMatchObject({ ok: false, message: 'pass_mark must be a percent from 0 to 100, got 120' });
    expect(pageSettings({ show_answer: 'yes' })).toMatchObject({ ok: false });
  });
});

describe('pageHtml', () => {
  it('embeds the data so that no text can close the script element', () => {
    const html = pageHtml({ ...buildPageData(worksheet(), SOURCE, { ...options, mode: 'exam' }), title: '</script><b>x</b>' });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('<title>&#60;/script&#62;&#60;b&#62;x&#60;/b&#62;</title>');
    expect(JSON.parse(scriptJson('a</script>\u2028'))).toBe('a</script>\u2028');
  });
});
