import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const here = new URL('./', import.meta.url);

describe('the grader core runs in the browser', () => {
  it('imports no Node module outside src/node', () => {
    const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-fixtures.ts');
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(new URL(file, here), 'utf8');
      expect(text, file).not.toMatch(/from ['"](node:|fs|path|os|worker_threads|child_process)/);
      expect(text, file).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
      expect(text, file).not.toMatch(/from '\.\/node\//);
    }
  });
});
