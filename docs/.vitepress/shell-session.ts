import type { MarkdownOptions } from 'vitepress';

/** A Shiki transformer, as VitePress's `markdown.codeTransformers` takes it. */
type Transformer = NonNullable<MarkdownOptions['codeTransformers']>[number];
/** A node of Shiki's HAST output (only what this transformer reads and writes). */
type Node = Parameters<NonNullable<Transformer['line']>>[0] | Parameters<NonNullable<Transformer['line']>>[0]['children'][number];

/** Languages of shell sessions. */
const SHELL = new Set(['sh', 'shell', 'bash', 'console', 'shellsession']);
const PROMPT = '$ ';

/** The text of a HAST node. */
function textOf(node: Node): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}

/** Drops the first `n` characters of a line's text, keeping the highlighting of the rest. */
function dropPrefix(nodes: Node[], n: number): Node[] {
  let left = n;
  const out: Node[] = [];
  for (const node of nodes) {
    const text = textOf(node);
    if (left >= text.length) {
      left -= text.length;
      continue;
    }
    if (left > 0 && node.type === 'text') out.push({ ...node, value: node.value.slice(left) });
    else if (left > 0 && node.type === 'element') out.push({ ...node, children: dropPrefix(node.children, left) });
    else out.push(node);
    left = 0;
  }
  return out;
}

/**
 * Shell sessions (` ```sh ` blocks with `$ ` prompts, as the guide shows `odot` runs) are
 * coloured as a terminal shows them: the prompt apart (`.shell-prompt`, not selectable), each
 * command highlighted as shell (`.shell-command`), and its output as plain text (`.shell-output`),
 * never as shell code. Blocks without a prompt (scripts) are left to the shell grammar.
 */
export function shellSessionTransformer(): Transformer {
  return {
    name: 'odot:shell-session',
    pre(node) {
      if (SHELL.has(this.options.lang) && this.source.split('\n').some((line) => line.startsWith(PROMPT))) this.addClassToHast(node, 'shell-session');
    },
    line(node) {
      if (!SHELL.has(this.options.lang) || !this.source.split('\n').some((line) => line.startsWith(PROMPT))) return;
      const text = textOf(node);
      if (text.startsWith(PROMPT)) {
        this.addClassToHast(node, 'shell-command');
        const prompt = { type: 'element', tagName: 'span', properties: { class: 'shell-prompt' }, children: [{ type: 'text', value: PROMPT }] } as const;
        node.children = [prompt as unknown as (typeof node.children)[number], ...(dropPrefix(node.children, PROMPT.length) as typeof node.children)];
      } else {
        this.addClassToHast(node, 'shell-output');
        node.children = [{ type: 'text', value: text }];
      }
    },
  };
}
