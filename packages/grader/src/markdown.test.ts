import { describe, expect, it } from 'vitest';
import { splitMarkdown } from './markdown.ts';

describe('splitMarkdown', () => {
  it('separates frontmatter, prose and question blocks with their lines', () => {
    const note = splitMarkdown(['---', 'worksheet: W', '---', '# Q1', 'Compute.', '', '```question', 'id: q1', '```', 'Tail', '````question', 'id: q2', '````'].join('\n'));
    expect(note.frontmatter).toBe('worksheet: W');
    expect(note.frontmatterLine).toBe(2);
    expect(note.blocks.map((b) => [b.body, b.bodyLine, b.proseBefore])).toEqual([
      ['id: q1', 8, '# Q1\nCompute.'],
      ['id: q2', 12, 'Tail'],
    ]);
  });

  it('keeps other fenced blocks as prose', () => {
    const note = splitMarkdown('---\na: 1\n---\n```proof\nx\n```\n```question\nid: q\n```');
    expect(note.blocks).toHaveLength(1);
    expect(note.blocks[0]?.proseBefore).toContain('```proof');
  });

  it('handles a note without frontmatter', () => {
    expect(splitMarkdown('# hi').frontmatter).toBe('');
  });

  it('follows CommonMark indentation: four spaces are code, up to three are stripped from the body', () => {
    const indented = splitMarkdown('# Q\n    ```question\n    id: q0\n    ```\n  ```question\n  id: q1\n  kind: expression\n  ```');
    expect(indented.blocks.map((b) => [b.body, b.bodyLine])).toEqual([['id: q1\nkind: expression', 6]]);
    expect(indented.blocks[0]?.proseBefore).toContain('    ```question');
  });

  it('does not see a question fence inside another fence', () => {
    const note = splitMarkdown('````md\n```question\nid: shown\n```\n````\n```question\nid: real\n```');
    expect(note.blocks.map((b) => b.body)).toEqual(['id: real']);
  });
});

