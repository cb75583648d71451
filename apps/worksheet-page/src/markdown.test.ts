import { describe, expect, it } from 'vitest';
import { parseInlines, parseMarkdown } from './markdown.ts';

describe('parseMarkdown', () => {
  it('splits headings, paragraphs and lists', () => {
    const blocks = parseMarkdown('## 1. Seed\n\nLet $A$ be **bold** and `code`.\n\n- one\n- two');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list']);
    expect(blocks[0]).toMatchObject({ level: 2 });
  });
  it('reads inline math, emphasis and code, and leaves HTML as text', () => {
    expect(parseInlines('a $x_1$ *b* <script>$$y$$')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'math', text: 'x_1', display: false },
      { type: 'text', text: ' ' },
      { type: 'em', text: 'b' },
      { type: 'text', text: ' <script>' },
      { type: 'math', text: 'y', display: true },
    ]);
  });
});
