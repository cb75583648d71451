import katex from 'katex';
import type { MarkdownRenderer as MarkdownIt } from 'vitepress';

type StateInline = Parameters<Parameters<MarkdownIt['inline']['ruler']['push']>[1]>[0];
type StateBlock = Parameters<Parameters<MarkdownIt['block']['ruler']['push']>[1]>[0];

/** Renders trusted, author-written LaTeX at build time (KaTeX, `trust: false`, errors shown in red). */
export function renderTex(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, trust: false, strict: 'ignore', output: 'html' });
}

function inlineMath(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src[start] !== '$' || state.src[start + 1] === '$') return false;
  const next = state.src[start + 1];
  if (next === undefined || /\s/.test(next)) return false;
  let end = start + 1;
  while (end < state.posMax) {
    if (state.src[end] === '\\') end += 2;
    else if (state.src[end] === '$') break;
    else end += 1;
  }
  if (end >= state.posMax || /\s/.test(state.src[end - 1] ?? ' ')) return false;
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.content = state.src.slice(start + 1, end);
  }
  state.pos = end + 1;
  return true;
}

function blockMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const first = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (state.src.slice(first, first + 2) !== '$$') return false;
  if (silent) return true;
  const lines: string[] = [];
  let line = startLine;
  let text = state.src.slice(first + 2, state.eMarks[startLine]);
  for (;;) {
    const close = text.indexOf('$$');
    if (close >= 0) {
      lines.push(text.slice(0, close));
      break;
    }
    lines.push(text);
    line += 1;
    if (line >= endLine) return false;
    text = state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
  }
  const token = state.push('math_block', 'math', 0);
  token.content = lines.join('\n');
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

/** markdown-it plugin: `$…$` inline and `$$…$$` display math, rendered with KaTeX at build time. */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', inlineMath);
  md.block.ruler.before('fence', 'math_block', blockMath, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules['math_inline'] = (tokens, idx) => renderTex(tokens[idx]!.content, false);
  md.renderer.rules['math_block'] = (tokens, idx) => `<div class="math-display">${renderTex(tokens[idx]!.content, true)}</div>\n`;
}
