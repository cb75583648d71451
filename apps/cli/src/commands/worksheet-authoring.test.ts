import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runOdot } from '../test-helpers.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'odot-authoring-'));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('odot worksheet test (authoring checks, built command)', () => {
  it('passes the authoring demo worksheet', () => {
    const r = runOdot(['worksheet', 'test', join(ROOT, 'examples/WS_authoring_demo.md')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 questions parse');
  });

  it('fails (exit 1) on an undeclared symbol in a model answer', () => {
    const file = write('undeclared.md', '---\nworksheet: U\n---\n```question\nid: q1\nkind: expression\ngiven:\n  "A, B": 2×3\nanswer: A ⊙ b\n```\n');
    const r = runOdot(['worksheet', 'test', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('`answer` uses b, which `given` does not declare (it declares A, B)');
  });

  it('exits 2 on a colon in unquoted feedback text, at its own line, with the fix', () => {
    const text = '---\nworksheet: C\n---\n```question\nid: q1\nkind: matrix\ngiven:\n  A: [[1, 2], [3, 4]]\nanswer: A\nfeedback:\n  - answer: B\n    text: You copied B: multiply it.\n```\n';
    const r = runOdot(['worksheet', 'test', write('colon.md', text)]);
    expect(r.code).toBe(2);
    const line = text.split('\n').findIndex((l) => l.includes('You copied B')) + 1;
    expect(r.stderr).toContain(`colon.md:${line}:`);
    expect(r.stderr).toContain('quote the text: a `: ` inside an unquoted value starts a new key');
  });
});
