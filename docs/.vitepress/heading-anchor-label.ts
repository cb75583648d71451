import type { MarkdownRenderer } from 'vitepress';

/** The markdown-it state a core rule receives. */
type CoreState = Parameters<Parameters<MarkdownRenderer['core']['ruler']['push']>[1]>[0];

/**
 * Labels each heading's permalink with the heading's own text: `Permalink to “hadamard_comm”`.
 * VitePress's label is the heading's source, so a screen reader heard the backticks and a custom
 * anchor (`` Permalink to "`hadamard_comm` {#hadamard_comm}" ``), and the law reference carried
 * 173 of them. Runs after VitePress's anchor rule, which adds the links.
 */
export function headingAnchorLabelPlugin(md: MarkdownRenderer): void {
  md.core.ruler.push('odot_heading_anchor_label', (state: CoreState) => {
    state.tokens.forEach((token, i) => {
      if (token.type !== 'heading_open') return;
      const children = state.tokens[i + 1]?.children ?? [];
      const title = children
        .filter((child) => child.type === 'text' || child.type === 'code_inline')
        .map((child) => child.content)
        .join('')
        .trim();
      for (const child of children) if (child.type === 'link_open' && child.attrGet('class') === 'header-anchor') child.attrSet('aria-label', `Permalink to “${title}”`);
    });
    return false;
  });
}
