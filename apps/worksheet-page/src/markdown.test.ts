import { describe, expect, it } from 'vitest';
import { parseInlines, parseMarkdown, splitIntro } from './markdown.ts';

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

describe('splitIntro', () => {
  it('takes the title and its paragraphs off the first question', () => {
    expect(splitIntro('# WS 1\n\nIntro **text**.\n\n## 1. Seed\n\nCompute.')).toEqual({ intro: 'Intro **text**.', question: '## 1. Seed\n\nCompute.' });
  });
  it('leaves a prompt without a title alone', () => {
    expect(splitIntro('## 2. Vectors\n\nText.')).toEqual({ intro: '', question: '## 2. Vectors\n\nText.' });
    expect(splitIntro('# Only a title\n\nText.')).toEqual({ intro: '', question: '# Only a title\n\nText.' });
  });
});
