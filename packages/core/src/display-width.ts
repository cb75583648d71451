/**
 * Terminal columns of text, as string-width counts them: per grapheme cluster (Intl.Segmenter), an
 * emoji takes two columns (also a ZWJ sequence or a flag), else its first code point decides: wide
 * and fullwidth characters (CJK, fullwidth forms) two, combining marks and format characters none.
 * `graphemes` is the one segmentation every width and every clipped source window steps by.
 */

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

/** The terminal columns one grapheme cluster takes: 2 for an emoji, else its first code point's width. */
export function clusterWidth(cluster: string): number {
  return EMOJI.test(cluster) ? 2 : codePointWidth(cluster.codePointAt(0) as number);
}

/** The grapheme segmenter, made at the first width asked for (about 16 ms in Node: not at import). */
let segmenter: Intl.Segmenter | undefined | null = null;

/** One grapheme cluster of a text: its characters and the code unit it starts at. */
export interface Grapheme {
  readonly segment: string;
  readonly index: number;
}

/**
 * The grapheme clusters of `text` in order (Intl.Segmenter: Node 16+, every current browser), or
 * its code points where the segmenter is missing.
 */
export function graphemes(text: string): Iterable<Grapheme> {
  if (segmenter === null) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : undefined;
  if (segmenter !== undefined) return segmenter.segment(text);
  return codePoints(text);
}

function* codePoints(text: string): Generator<Grapheme> {
  let index = 0;
  for (const segment of text) {
    yield { segment, index };
    index += segment.length;
  }
}

/**
 * The terminal columns `text` takes (one line), as string-width counts them: per grapheme cluster,
 * an emoji takes two columns (also a ZWJ sequence or a flag), else its first code point decides:
 * wide and fullwidth characters two, combining marks and format characters none.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes(text)) width += clusterWidth(segment);
  return width;
}
