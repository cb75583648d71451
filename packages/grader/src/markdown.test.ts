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
});
