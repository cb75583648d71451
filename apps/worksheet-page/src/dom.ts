import katex from 'katex';
import type { Block, Inline } from './markdown.ts';
import { parseMarkdown } from './markdown.ts';

/** Creates an element with attributes and children (strings become text nodes, never HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) el.append(child);
  return el;
}

/**
 * Renders LaTeX with KaTeX in safe mode (`trust: false`, `throwOnError: false`, bounded macro
 * expansion) as HTML plus MathML, so screen readers read the maths.
 */
export function renderMath(element: HTMLElement, latex: string, displayMode = false): void {
  katex.render(latex, element, { output: 'htmlAndMathml', trust: false, throwOnError: false, strict: 'ignore', displayMode, maxExpand: 200, maxSize: 20 });
}

function inlineNode(inline: Inline): Node {
  switch (inline.type) {
    case 'text':
      return document.createTextNode(inline.text);
    case 'strong':
      return h('strong', {}, inline.text);
    case 'em':
      return h('em', {}, inline.text);
    case 'code':
      return h('code', {}, inline.text);
    case 'math': {
      const span = h(inline.display ? 'div' : 'span', { class: 'math' });
      renderMath(span, inline.text, inline.display);
      return span;
    }
  }
}

function blockNode(block: Block, headingOffset: number): Node {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, block.level + headingOffset) as 1 | 2 | 3 | 4 | 5 | 6;
      return h(`h${level}`, {}, ...block.inlines.map(inlineNode));
    }
    case 'paragraph':
      return h('p', {}, ...block.inlines.map(inlineNode));
    case 'list':
      return h('ul', {}, ...block.items.map((item) => h('li', {}, ...item.map(inlineNode))));
  }
}

/** Renders worksheet Markdown into DOM nodes (text only, never raw HTML), headings shifted down by `headingOffset`. */
export function renderMarkdown(markdown: string, headingOffset = 1): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of parseMarkdown(markdown)) fragment.append(blockNode(block, headingOffset));
  return fragment;
}
