import { describe, expect, it } from 'vitest';
import { extractBlocks, shellSession, splitArgs } from './extract.ts';

describe('extractBlocks', () => {
  it('finds fenced blocks with language, tags and line', () => {
    const md = ['# t', '', '```ts runnable', 'const x = 1;', '```', 'text', '~~~sh', '$ odot parse A', '~~~'].join('\n');
    const blocks = extractBlocks(md, 'p.md');
    expect(blocks).toEqual([
      { file: 'p.md', line: 3, lang: 'ts', tags: ['runnable'], code: 'const x = 1;' },
      { file: 'p.md', line: 7, lang: 'sh', tags: [], code: '$ odot parse A' },
    ]);
  });

  it('keeps inner shorter fences inside a longer fence and strips list indentation', () => {
    const md = ['````md', '```question', 'id: q1', '```', '````', '  ```ts', '  let a = 1;', '  ```'].join('\n');
    const blocks = extractBlocks(md, 'p.md');
    expect(blocks.map((b) => [b.lang, b.code])).toEqual([
      ['md', '```question\nid: q1\n```'],
      ['ts', 'let a = 1;'],
    ]);
  });

  it('drops VitePress line-highlight suffixes from the language', () => {
    expect(extractBlocks('```ts{2}\na\n```', 'x.md')[0]?.lang).toBe('ts');
    expect(extractBlocks('```ts:line-numbers\na\n```', 'x.md')[0]?.lang).toBe('ts');
  });
});

describe('shellSession', () => {
  it('pairs commands with their output and exit codes', () => {
    const session = shellSession(["$ odot parse 'A ⊙ B'", 'A ⊙ B', '$ odot parse "A B" --given "A, B: 2×3"   # exit 2', 'error: x'].join('\n'));
    expect(session).toEqual([
      { command: "odot parse 'A ⊙ B'", argv: ['odot', 'parse', 'A ⊙ B'], exit: 0, output: 'A ⊙ B' },
      { command: 'odot parse "A B" --given "A, B: 2×3"', argv: ['odot', 'parse', 'A B', '--given', 'A, B: 2×3'], exit: 2, output: 'error: x' },
    ]);
  });

  it('rejects output before a command', () => {
    expect(() => shellSession('oops\n$ odot')).toThrow(/before any command/);
  });
});

describe('splitArgs', () => {
  it('handles quotes and escapes like a shell', () => {
    expect(splitArgs(`a 'b c' "d \\"e\\"" f\\ g ''`)).toEqual(['a', 'b c', 'd "e"', 'f g', '']);
  });
  it('rejects unterminated quotes', () => {
    expect(() => splitArgs("a 'b")).toThrow(/unterminated/);
  });
});
