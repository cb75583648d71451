import { describe, expect, it } from 'vitest';
import { extractProofBlocks, looksLikeMarkdown } from './markdown.ts';

describe('extractProofBlocks', () => {
  it('keeps proof block contents in place and blanks everything else', () => {
    const md = '# T\n```proof\ngiven A: 2×3\n```\ntext';
    const { text, blocks } = extractProofBlocks(md);
    expect(blocks).toBe(1);
    expect(text.split('\n')).toEqual(['   ', '        ', 'given A: 2×3', '   ', '    ']);
  });

  it('follows CommonMark: no proof inside another fence, none indented four spaces', () => {
    const md = ['````md', '```proof', 'hidden', '```', '````', '    ```proof', '    code', '    ```', '~~~proof', 'seen', '~~~'].join('\n');
    const { text, blocks } = extractProofBlocks(md);
    expect(blocks).toBe(1);
    expect(text.split('\n').filter((l) => l.trim() !== '')).toEqual(['seen']);
    expect(looksLikeMarkdown(md)).toBe(true);
    expect(looksLikeMarkdown(['````md', '```proof', 'hidden', '```', '````'].join('\n'))).toBe(false);
  });
});
