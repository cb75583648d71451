/**
 * The source line a diagnostic shows, clipped to a window around the caret: a 2 MB one-line input
 * shows about `SOURCE_WINDOW` terminal columns, with `…` where the line was cut, and the caret
 * under the same characters (wide characters — CJK, fullwidth forms, emoji — take two columns,
 * combining marks none), as rustc and clang clip long lines.
 */

/** How many terminal columns of a source line a diagnostic shows (the `…` marks included). */
export const SOURCE_WINDOW = 80;

/** Columns of context kept before the caret when a line is clipped. */
const LEFT_CONTEXT = 32;

const ELLIPSIS = '…';

/** Zero-width code points: combining marks, format characters (ZWJ, variation selectors). */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** Ranges of East Asian wide and fullwidth code points (and emoji), two terminal columns each. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** The terminal columns one code point takes: 0, 1 or 2. */
export function codePointWidth(cp: number): number {
  if (cp < 0x300) return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1;
  if (ZERO_WIDTH.test(String.fromCodePoint(cp))) return 0;
  for (const [lo, hi] of WIDE) if (cp >= lo && cp <= hi) return 2;
  return 1;
}

/** Emoji shown as pictures (two columns): emoji presentation, or a pictograph with VS16. */
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;

/** The grapheme segmenter, made at the first width asked for (about 16 ms in Node: not at import). */
let graphemes: Intl.Segmenter | undefined | null = null;

/** Grapheme clusters (Intl.Segmenter: Node 16+, every current browser), or undefined where missing. */
function segmenter(): Intl.Segmenter | undefined {
  if (graphemes === null) graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : undefined;
  return graphemes;
}

/**
 * The terminal columns `text` takes (one line), as string-width counts them: per grapheme cluster,
 * an emoji takes two columns (also a ZWJ sequence or a flag), else its first code point decides:
 * wide and fullwidth characters two, combining marks and format characters none.
 */
export function displayWidth(text: string): number {
  let width = 0;
  const clusters = segmenter();
  if (clusters === undefined) {
    for (const ch of text) width += codePointWidth(ch.codePointAt(0) as number);
    return width;
  }
  for (const { segment } of clusters.segment(text)) {
    width += EMOJI.test(segment) ? 2 : codePointWidth(segment.codePointAt(0) as number);
  }
  return width;
}

/** A source line as shown: the (clipped) text, and the caret's offset and width in columns. */
export interface SourceWindow {
  readonly text: string;
  readonly caretColumn: number;
  readonly caretWidth: number;
}

/** The code-unit length of the code point at `i` (2 for a surrogate pair). */
function unitsAt(text: string, i: number): number {
  return (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
}

/** Moves `i` back off the second half of a surrogate pair. */
function pointStart(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/**
 * The part of `line` a diagnostic shows for a caret from code unit `from` to `to` (0-based, `to`
 * exclusive): the whole line when it fits in `SOURCE_WINDOW` columns, else a window of at most that
 * many columns starting up to 32 columns before the caret, `…` at each cut end. The caret is clipped
 * to the window (at least one column).
 */
export function sourceWindow(line: string, from: number, to: number, window: number = SOURCE_WINDOW): SourceWindow {
  const start = pointStart(line, Math.max(0, Math.min(from, line.length)));
  const end = Math.max(start, Math.min(to, line.length));
  const fits = line.length <= window && displayWidth(line) <= window;
  if (fits) {
    return { text: line, caretColumn: displayWidth(line.slice(0, start)), caretWidth: Math.max(1, displayWidth(line.slice(start, end))) };
  }
  // Left context: walk back from the caret until LEFT_CONTEXT columns (room kept for the `…`).
  let left = start;
  let leftWidth = 0;
  while (left > 0) {
    const prev = pointStart(line, left - 1);
    const w = codePointWidth(line.codePointAt(prev) as number);
    if (leftWidth + w > LEFT_CONTEXT) break;
    leftWidth += w;
    left = prev;
  }
  const lead = left > 0 ? ELLIPSIS : '';
  // The rest of the window from the caret on, keeping a column for a trailing `…`.
  const room = window - displayWidth(lead) - leftWidth - 1;
  let right = start;
  let rightWidth = 0;
  while (right < line.length) {
    const w = codePointWidth(line.codePointAt(right) as number);
    if (rightWidth + w > room) break;
    rightWidth += w;
    right += unitsAt(line, right);
  }
  const trail = right < line.length ? ELLIPSIS : '';
  const caretEnd = Math.min(end, right);
  return {
    text: `${lead}${line.slice(left, right)}${trail}`,
    caretColumn: displayWidth(lead) + leftWidth,
    caretWidth: Math.max(1, displayWidth(line.slice(start, caretEnd))),
  };
}
