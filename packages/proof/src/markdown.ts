import { scanFences } from '@odot/core';

/**
 * Keeps only the contents of `` ```proof `` (or `~~~proof`) fenced blocks of a Markdown text (CommonMark
 * fences, see `scanFences`). Every other character becomes a space (newlines stay), so lines,
 * columns and offsets still point into the original file. Returns the masked text and how many
 * blocks were found.
 */
export function extractProofBlocks(markdown: string): { readonly text: string; readonly blocks: number } {
  const lines = markdown.split('\n');
  const keep = new Set<number>();
  const proofs = scanFences(lines).filter((fence) => fence.lang === 'proof');
  for (const fence of proofs) for (let i = fence.open + 1; i < fence.close; i++) keep.add(i);
  const out = lines.map((line, i) => (keep.has(i) ? line : line.replace(/[^\r]/g, ' ')));
  return { text: out.join('\n'), blocks: proofs.length };
}

/** True when the text looks like Markdown holding proof blocks rather than a bare `.proof` file. */
export function looksLikeMarkdown(text: string): boolean {
  return scanFences(text.split('\n')).some((fence) => fence.lang === 'proof');
}
