/** A run of inline Markdown: text, `**strong**`, `*em*`, `` `code` ``, `$math$` or `$$display math$$`. */
export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'strong'; readonly text: string }
  | { readonly type: 'em'; readonly text: string }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'math'; readonly text: string; readonly display: boolean };

/** A block of Markdown: a heading, a paragraph or a bulleted list. */
export type Block =
  | { readonly type: 'heading'; readonly level: number; readonly inlines: readonly Inline[] }
  | { readonly type: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly type: 'list'; readonly items: readonly (readonly Inline[])[] };

const INLINE = /(\$\$[\s\S]+?\$\$)|(\$[^$\n]+?\$)|(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)/g;

/** Splits a paragraph's text into inline runs. Unclosed markers stay as text; no HTML is interpreted. */
export function parseInlines(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ type: 'text', text: text.slice(last, at) });
    const token = m[0];
    if (m[1]) out.push({ type: 'math', text: token.slice(2, -2).trim(), display: true });
    else if (m[2]) out.push({ type: 'math', text: token.slice(1, -1), display: false });
    else if (m[3]) out.push({ type: 'code', text: token.slice(1, -1) });
    else if (m[4]) out.push({ type: 'strong', text: token.slice(2, -2) });
    else out.push({ type: 'em', text: token.slice(1, -1) });
    last = at + token.length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

/**
 * Parses the Markdown a worksheet's prose uses: ATX headings, paragraphs (lines joined), `-`/`*`
 * lists, and inline emphasis, code and `$…$` math. Other syntax is shown as written text.
 */
export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  const chunks = markdown.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const chunk of chunks) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0] ?? '');
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]?.length ?? 1, inlines: parseInlines((heading[2] ?? '').trim()) });
      if (lines.length > 1) blocks.push({ type: 'paragraph', inlines: parseInlines(lines.slice(1).join(' ')) });
      continue;
    }
    if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
      blocks.push({ type: 'list', items: lines.map((l) => parseInlines(l.replace(/^\s*[-*]\s+/, ''))) });
      continue;
    }
    blocks.push({ type: 'paragraph', inlines: parseInlines(lines.join('\n')) });
  }
  return blocks;
}

/**
 * Splits the worksheet's introduction off the first question's prose: a prompt that opens with a
 * `# Title` heading keeps from its first `##` heading on; the rest (the title's paragraphs) is the
 * introduction. A prompt without a `# ` title is all question.
 */
export function splitIntro(prompt: string): { intro: string; question: string } {
  const text = prompt.replace(/\r\n?/g, '\n');
  if (!/^#\s/.test(text)) return { intro: '', question: prompt };
  const at = text.search(/\n##\s/);
  if (at < 0) return { intro: '', question: prompt };
  const intro = text.slice(0, at).replace(/^#\s[^\n]*\n?/, '').trim();
  return { intro, question: text.slice(at + 1) };
}
