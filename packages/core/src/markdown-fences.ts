/** A fenced code block found by `scanFences` (CommonMark §4.5, at the top level of a document). */
export interface Fence {
  /** The whole info string after the opening fence, trimmed (`proof`, `question`, `ts title=x`). */
  readonly info: string;
  /** The info string's first word: the language (`proof`, `question`). */
  readonly lang: string;
  /** 0-based index of the opening fence line. */
  readonly open: number;
  /** 0-based index of the closing fence line; `lines.length` when the block runs to the end of the document. */
  readonly close: number;
  /** Spaces before the opening fence (0–3); CommonMark removes up to this many from each content line. */
  readonly indent: number;
  /** The content lines, with up to `indent` leading spaces removed. */
  readonly body: readonly string[];
}

// An opening fence: at most three spaces, then three or more backticks or tildes, then the info
// string (which may not contain a backtick after a backtick fence).
const OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;

function closes(line: string, fence: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return m !== null && m[1]?.[0] === fence[0] && (m[1]?.length ?? 0) >= fence.length;
}

function stripIndent(line: string, indent: number): string {
  let k = 0;
  while (k < indent && line[k] === ' ') k++;
  return line.slice(k);
}

/**
 * The fenced code blocks of a Markdown document's lines, by CommonMark's rules: an opening fence is
 * indented at most three spaces (four make an indented code block), is three or more backticks or
 * tildes, and a backtick fence's info string has no backtick; the closing fence is the same
 * character, at least as long, indented at most three spaces, with nothing after it but spaces;
 * an unclosed block runs to the end. Fences inside lists and block quotes are not looked for.
 */
export function scanFences(lines: readonly string[]): Fence[] {
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = OPEN.exec((lines[i] ?? '').replace(/\r$/, ''));
    if (!m) continue;
    const [, spaces = '', fence = '```', rest = ''] = m;
    if (fence[0] === '`' && rest.includes('`')) continue;
    let close = i + 1;
    while (close < lines.length && !closes((lines[close] ?? '').replace(/\r$/, ''), fence)) close++;
    const info = rest.trim();
    const body = lines.slice(i + 1, close).map((line) => stripIndent(line.replace(/\r$/, ''), spaces.length));
    fences.push({ info, lang: info.split(/\s+/)[0] ?? '', open: i, close, indent: spaces.length, body });
    i = close;
  }
  return fences;
}
