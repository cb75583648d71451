import { describe, expect, it } from 'vitest';
import { parseSubmission, studentFromFileName } from './submission.ts';

describe('parseSubmission', () => {
  it('reads YAML', () => {
    const r = parseSubmission('student: Ada\nworksheet: W\nanswers:\n  q1: [[1, 2], [3, 4]]\n  q2: A ⊙ B\n');
    expect(r).toEqual({ ok: true, value: { student: 'Ada', worksheet: 'W', answers: { q1: [[1, 2], [3, 4]], q2: 'A ⊙ B' } } });
  });

  it('reads JSON by extension', () => {
    const r = parseSubmission('{"student": "Bo", "worksheet": "W", "answers": {"q1": true}}', 'bo.json');
    expect(r.ok && r.value.answers).toEqual({ q1: true });
  });

  it.each([
    ['broken YAML', 'student: [unclosed\nworksheet: W', /cannot read the file as YAML/],
    ['broken JSON', '{"student": ', /cannot read the file as JSON/],
    ['not a map', '- 1\n- 2', /must be a map/],
    ['no student', 'worksheet: W\nanswers: {}', /no `student`/],
    ['no worksheet', 'student: A\nanswers: {}', /no `worksheet`/],
    ['answers not a map', 'student: A\nworksheet: W\nanswers: [1, 2]', /`answers` must be a map/],
    ['empty file', '', /must be a map/],
    ['duplicate keys', 'student: A\nstudent: B\nworksheet: W\nanswers: {}', /cannot read the file as YAML: .*unique/i],
  ])('rejects %s with a reason', (_name, text, reason) => {
    const r = parseSubmission(text, _name === 'broken JSON' ? 'x.json' : 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('malformed-submission');
      expect(r.error.message).toMatch(reason);
    }
  });

  it.each([
    ['an alias bomb', `a: &a [x, x]\n${Array.from({ length: 60 }, (_, k) => `b${k}: [*a, *a]`).join('\n')}`, 'too-many-aliases', /^x\.yaml:2:6: cannot read the file as YAML: .*alias/i],
    ['YAML nested 10 000 deep', '['.repeat(10_000), 'too-deep', /^x\.yaml:1:101: cannot read the file as YAML: nested more than 100 levels deep/],
  ])('refuses %s before parsing, with its own code and file:line:col', (_name, text, code, reason) => {
    const r = parseSubmission(text, 'x.yaml');
    expect(r.ok ? undefined : r.error.code).toBe(code);
    if (!r.ok) expect(r.error.message).toMatch(reason);
  });

  it('names unreadable files after the file', () => {
    expect(studentFromFileName('/x/y/bob.yaml')).toBe('bob');
    expect(studentFromFileName('c.JSON')).toBe('c');
  });
});
