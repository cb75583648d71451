import { readFileSync, readdirSync } from 'node:fs';
import { formatError, printSexpr } from '@odot/core';
import { describe, expect, test } from 'vitest';
import { isDialect } from '../src/dialect.ts';
import type { Dialect } from '../src/dialect.ts';
import { parse } from '../src/parse.ts';
import { parseOne } from './helpers.ts';

// The fixture corpus: test/fixtures/valid/<dialect>.txt holds inputs with their expected
// S-expression (and lint notes); test/fixtures/invalid/<dialect>.txt inputs with the expected
// error code and position. `⏎` in an input stands for a line break.

interface Case {
  readonly input: string;
  readonly expect: string;
  readonly line: number;
}

function cases(kind: 'valid' | 'invalid', dialect: Dialect): Case[] {
  const url = new URL(`./fixtures/${kind}/${dialect}.txt`, import.meta.url);
  const lines = readFileSync(url, 'utf8').split('\n');
  const out: Case[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('#') || line === '' || line.startsWith('=> ') || line.startsWith('!! ')) continue;
    const next = lines[i + 1] ?? '';
    if (!next.startsWith(kind === 'valid' ? '=> ' : '!! ')) throw new Error(`${dialect}.txt:${i + 1}: no expectation after ${line}`);
    out.push({ input: line.replace(/⏎/g, '\n'), expect: next.slice(3), line: i + 1 });
  }
  return out;
}

const dialects = readdirSync(new URL('./fixtures/valid/', import.meta.url))
  .map((f) => f.replace(/\.txt$/, ''))
  .filter(isDialect);

describe.each(dialects)('valid %s fixtures', (dialect) => {
  test.each(cases('valid', dialect))('$input', ({ input, expect: expected }) => {
    const [tree, notes] = expected.split(/\s+notes: /);
    const expr = parseOne(input, dialect);
    expect(printSexpr(expr)).toBe(tree);
    const result = parse(input, { dialect });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.notes.map((n) => n.code).join(',')).toBe(notes ?? '');
      for (const note of result.value.notes) expect(note.severity).not.toBe('error');
    }
  });
});

describe.each(dialects)('invalid %s fixtures', (dialect) => {
  test.each(cases('invalid', dialect))('$input', ({ input, expect: expected }) => {
    const [code, position] = expected.split(' ');
    const result = parse(input, { dialect });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { error } = result;
    expect(error.code).toBe(code);
    expect(error.severity).toBe('error');
    expect(`${error.span?.start.line}:${error.span?.start.column}`).toBe(position);
    expect(error.message.length).toBeGreaterThan(10);
    const rendered = formatError(error, input);
    expect(rendered).toContain(`--> ${position}`);
    expect(rendered).toMatch(/\^+/);
  });
});

test('the corpus covers every dialect', () => {
  expect(dialects.sort()).toEqual(['latex', 'matlab', 'numpy', 'plain']);
  for (const d of dialects) expect(cases('invalid', d).length).toBeGreaterThan(4);
});
