/**
 * Keeps only the contents of ```proof (or ~~~proof) fenced blocks of a Markdown text. Every other
 * character becomes a space (newlines stay), so lines, columns and offsets still point into the
 * original file. Returns the masked text and how many blocks were found.
 */
export function extractProofBlocks(markdown: string): { readonly text: string; readonly blocks: number } {
  const lines = markdown.split('\n');
  let fence: string | undefined;
  let blocks = 0;
  const out = lines.map((line) => {
    const blank = line.replace(/[^\r]/g, ' ');
    if (fence === undefined) {
      const open = /^\s*(`{3,}|~{3,})\s*proof\s*$/.exec(line.replace(/\r$/, ''));
      if (open) {
        fence = open[1] as string;
        blocks += 1;
      }
      return blank;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith(fence) && /^(`+|~+)$/.test(trimmed)) {
      fence = undefined;
      return blank;
    }
    return line;
  });
  return { text: out.join('\n'), blocks };
}

/** True when the text looks like Markdown holding proof blocks rather than a bare `.proof` file. */
export function looksLikeMarkdown(text: string): boolean {
  return /^\s*(`{3,}|~{3,})\s*proof\s*$/m.test(text);
}
