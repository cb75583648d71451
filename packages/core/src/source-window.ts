/**
 * The source line a diagnostic shows, clipped to a window around the caret: a 2 MB one-line input
 * shows about `SOURCE_WINDOW` terminal columns, with `…` where the line was cut, and the caret
 * under the same characters (wide characters — CJK, fullwidth forms, emoji — take two columns,
 * combining marks none), as rustc and clang clip long lines. The window steps by grapheme cluster
 * (`graphemes`, the segmentation `displayWidth` counts by), so a cut never splits an accented
 * letter, an emoji ZWJ sequence or a flag, and the caret column is the `displayWidth` of what
 * stands before it.
 */
import { clusterWidth, displayWidth, graphemes } from './display-width.ts';

/** How many terminal columns of a source line a diagnostic shows (the `…` marks included). */
export const SOURCE_WINDOW = 80;

/** Columns of context kept before the caret when a line is clipped. */
const LEFT_CONTEXT = 32;

const ELLIPSIS = '…';

/** A source line as shown: the (clipped) text, and the caret's offset and width in columns. */
export interface SourceWindow {
  readonly text: string;
  readonly caretColumn: number;
  readonly caretWidth: number;
}

/** One grapheme cluster of the line: code units `start` to `end` (exclusive), `width` columns. */
interface Cluster {
  readonly start: number;
  readonly end: number;
  readonly width: number;
}

/**
 * Whether code unit `i` of `line` is a grapheme boundary whatever stands around it, so that
 * segmenting from there gives the line's own clusters: the line's ends, or an ASCII character
 * after one below U+0600 (the only grapheme rules that join an ASCII character to what precedes
 * it are CR LF and a Prepend character, none below U+0600; none looks back across it).
 */
function safeBoundary(line: string, i: number): boolean {
  if (i <= 0 || i >= line.length) return true;
  const before = line.charCodeAt(i - 1);
  const after = line.charCodeAt(i);
  return after < 0x80 && before < 0x600 && !(before === 13 && after === 10);
}

/**
 * The first safe boundary from `i` on in direction `step` (−1 back, 1 forward) within `limit` code
 * units, else the code point boundary there. A line with no ASCII for that long (thousands of
 * accented CJK characters) is then segmented from a point that may not be a boundary, `reach` code
 * units from the caret; the window never shows the stretch's first or last cluster, and segmentation
 * agrees with the line's again after one cluster unless a single run of flags spans the stretch.
 */
function safeNear(line: string, i: number, step: -1 | 1, limit: number): number {
  for (let j = i; Math.abs(j - i) <= limit; j += step) if (safeBoundary(line, j)) return j;
  const at = i + step * limit;
  const low = line.charCodeAt(at);
  return low >= 0xdc00 && low <= 0xdfff ? at - 1 : at;
}

/** The grapheme clusters of `line` from `from` to `to`, both safe boundaries. */
function clustersBetween(line: string, from: number, to: number): Cluster[] {
  const out: Cluster[] = [];
  for (const { segment, index } of graphemes(line.slice(from, to))) {
    out.push({ start: from + index, end: from + index + segment.length, width: clusterWidth(segment) });
  }
  return out;
}

/**
 * The caret from code unit `from` to `to` (0-based, `to` exclusive) widened to whole clusters of
 * `clusters` (a caret inside a cluster marks all of it): its start, end, and the index of the
 * cluster it starts in (`clusters.length` at the end of the line).
 */
function caretClusters(clusters: readonly Cluster[], from: number, to: number): { start: number; end: number; at: number } {
  let at = clusters.findIndex((c) => c.end > from);
  if (at < 0) at = clusters.length;
  const start = Math.min(from, clusters[at]?.start ?? from);
  const inside = clusters.find((c) => c.start < to && to < c.end);
  return { start, end: Math.max(start, inside ? inside.end : to), at };
}

/**
 * The part of `line` a diagnostic shows for a caret from code unit `from` to `to` (0-based, `to`
 * exclusive): the whole line when it fits in `SOURCE_WINDOW` columns, else a window of at most that
 * many columns starting up to 32 columns before the caret, `…` at each cut end, cut between
 * grapheme clusters. The caret covers whole clusters and is clipped to the window (at least one
 * column).
 */
export function sourceWindow(line: string, from: number, to: number, window: number = SOURCE_WINDOW): SourceWindow {
  const caretFrom = Math.max(0, Math.min(from, line.length));
  const caretTo = Math.max(caretFrom, Math.min(to, line.length));
  if (line.length <= window && displayWidth(line) <= window) {
    const { start, end } = caretClusters(clustersBetween(line, 0, line.length), caretFrom, caretTo);
    return { text: line, caretColumn: displayWidth(line.slice(0, start)), caretWidth: Math.max(1, displayWidth(line.slice(start, end))) };
  }
  // Segment only a stretch around the caret (a 2 MB line is not segmented whole), wider until the
  // window fits inside it or it reaches the line's ends.
  for (let reach = 4 * window; ; reach *= 2) {
    const shown = clippedWindow(line, caretFrom, caretTo, window, reach);
    if (shown !== undefined) return shown;
  }
}

/**
 * The clipped window, from the clusters of the stretch of `line` within about `reach` code units
 * of the caret; undefined when the window would run past the stretch before the line's end.
 */
function clippedWindow(line: string, caretFrom: number, caretTo: number, window: number, reach: number): SourceWindow | undefined {
  const from = safeNear(line, Math.max(0, caretFrom - reach), -1, reach);
  const to = safeNear(line, Math.min(line.length, caretFrom + reach), 1, reach);
  const clusters = clustersBetween(line, from, to);
  const { start, end, at } = caretClusters(clusters, caretFrom, caretTo);
  // Left context: walk back from the caret until LEFT_CONTEXT columns (room kept for the `…`).
  let left = at;
  let leftWidth = 0;
  while (left > 0) {
    const w = (clusters[left - 1] as Cluster).width;
    if (leftWidth + w > LEFT_CONTEXT) break;
    leftWidth += w;
    left--;
  }
  if (left === 0 && from > 0) return undefined;
  const leftStart = clusters[left]?.start ?? start;
  const lead = leftStart > 0 ? ELLIPSIS : '';
  // The rest of the window from the caret on, keeping a column for a trailing `…`.
  const room = window - displayWidth(lead) - leftWidth - 1;
  let right = at;
  let rightWidth = 0;
  while (right < clusters.length) {
    const w = (clusters[right] as Cluster).width;
    if (rightWidth + w > room) break;
    rightWidth += w;
    right++;
  }
  if (right === clusters.length && to < line.length) return undefined;
  const rightEnd = clusters[right]?.start ?? line.length;
  const caretEnd = Math.min(end, rightEnd);
  return {
    text: `${lead}${line.slice(leftStart, rightEnd)}${rightEnd < line.length ? ELLIPSIS : ''}`,
    caretColumn: displayWidth(lead) + leftWidth,
    caretWidth: Math.max(1, displayWidth(line.slice(start, caretEnd))),
  };
}
