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

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;

/** Splits a Markdown note into frontmatter and fenced blocks (CommonMark fences of ``` or ~~~, any length ≥ 3). */
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
  let prose: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const open = FENCE.exec(line);
    if (!open) {
      prose.push(line);
      continue;
    }
    const fence = open[2] ?? '```';
    const info = open[3] ?? '';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const closing = lines[j] ?? '';
      const trimmed = closing.trim();
      if (trimmed.startsWith(fence[0] ?? '`') && trimmed.length >= fence.length && /^(`+|~+)$/.test(trimmed)) break;
      body.push(closing);
    }
    if (info === 'question') {
      blocks.push({ info, body: body.join('\n'), bodyLine: i + 2, proseBefore: prose.join('\n').trim() });
      prose = [];
    } else {
      prose.push(line, ...body, lines[j] ?? '');
    }
    i = j;
  }
  return { frontmatter, frontmatterLine, blocks };
}
