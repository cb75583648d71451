import { scanFences } from '@odot/core';

/** A fenced block of a Markdown file. */
export interface FencedBlock {
  /** The info string after the fence (`question`, `proof`, …). */
  readonly info: string;
  readonly body: string;
  /** 1-based line of the first body line. */
  readonly bodyLine: number;
  /** The Markdown prose between the previous question block (or the frontmatter) and this block. */
  readonly proseBefore: string;
}

/** A Markdown note split into its YAML frontmatter and its fenced blocks. */
export interface MarkdownNote {
  /** The frontmatter text without the `---` lines (empty when there is none). */
  readonly frontmatter: string;
  /** 1-based line of the first frontmatter line. */
  readonly frontmatterLine: number;
  readonly blocks: readonly FencedBlock[];
}

/**
 * Splits a Markdown note into frontmatter and its `` ```question `` blocks; fences follow CommonMark
 * (`scanFences` from @odot/core: `` ``` `` or `~~~` of any length ≥ 3, indented at most three spaces).
 */
export function splitMarkdown(text: string): MarkdownNote {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let start = 0;
  let frontmatter = '';
  let frontmatterLine = 1;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
    if (end > 0) {
      frontmatter = lines.slice(1, end).join('\n');
      frontmatterLine = 2;
      start = end + 1;
    }
  }
  const blocks: FencedBlock[] = [];
  let proseFrom = start;
  for (const fence of scanFences(lines.slice(start))) {
    if (fence.lang !== 'question') continue;
    const open = start + fence.open;
    const proseBefore = lines.slice(proseFrom, open).join('\n').trim();
    blocks.push({ info: fence.lang, body: fence.body.join('\n'), bodyLine: open + 2, proseBefore });
    proseFrom = start + fence.close + 1;
  }
  return { frontmatter, frontmatterLine, blocks };
}
