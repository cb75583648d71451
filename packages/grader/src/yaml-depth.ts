/**
 * The nesting of a YAML (or JSON) text, measured before the yaml library reads it: the library
 * recurses once per level, so 100 000 `[` would overflow the stack inside it. A linear scan counts
 * flow collections (`[`, `{`) and block levels (indentation steps and compact `- ` entries),
 * skipping quoted scalars, block scalars (`|`, `>`), plain text and comments, and finds the first
 * alias (`*name`) for messages about alias bombs. It over-counts at worst (a `[` at the start of a
 * plain continuation line), never under-counts a real level.
 */

/** The deepest nesting a worksheet, submission or overrides file may have: real files nest a few levels. */
export const MAX_DATA_DEPTH = 100;

/** Where a text first nests deeper than the limit (1-based line and column). */
export interface DepthExcess {
  readonly line: number;
  readonly column: number;
  readonly limit: number;
}

/** The scan's result: the first place nested too deep, and the first alias. */
export interface YamlScan {
  readonly tooDeep?: DepthExcess;
  readonly firstAlias?: { readonly line: number; readonly column: number };
}

interface ScanState {
  flow: number;
  /** Indentations of the open block levels. */
  readonly indents: number[];
  /** Open quote that continues on the next line. */
  quote: '"' | "'" | undefined;
  /** The indentation of the line that opened a block scalar; deeper lines are its text. */
  blockScalar: number | undefined;
  /** Block depth of the current line (indentation levels and `- ` entries). */
  block: number;
  tooDeep?: DepthExcess;
  firstAlias?: { line: number; column: number };
}

/** Skips a quoted scalar from `i` (just after the opening quote); returns the index after the closing quote, or -1 when it continues on the next line. */
function skipQuote(text: string, i: number, quote: '"' | "'"): number {
  for (let k = i; k < text.length; k++) {
    const c = text[k];
    if (quote === '"' && c === '\\') k++;
    else if (c === quote) {
      if (quote === "'" && text[k + 1] === "'") k++;
      else return k + 1;
    }
  }
  return -1;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Notes a level opened at `column` (0-based) on `line`; records the first excess. */
function opened(s: ScanState, line: number, column: number, limit: number): void {
  if (s.tooDeep === undefined && s.block + s.flow > limit) s.tooDeep = { line, column: column + 1, limit };
}

/** Scans flow context from `i`; returns where block context resumes (the flow closed), or the line's end. */
function scanFlow(s: ScanState, text: string, i: number, line: number, limit: number): number {
  let tokenStart = true;
  for (let k = i; k < text.length; k++) {
    const c = text[k] as string;
    if (isSpace(c)) continue;
    if (c === '#' && (k === 0 || isSpace(text[k - 1]))) return text.length;
    if (c === '[' || c === '{') {
      s.flow += 1;
      opened(s, line, k, limit);
      tokenStart = true;
    } else if (c === ']' || c === '}') {
      s.flow = Math.max(0, s.flow - 1);
      tokenStart = false;
      if (s.flow === 0) return k + 1;
    } else if (c === ',' || c === ':' || c === '?') {
      tokenStart = true;
    } else if ((c === '"' || c === "'") && tokenStart) {
      const end = skipQuote(text, k + 1, c);
      if (end < 0) {
        s.quote = c;
        return text.length;
      }
      k = end - 1;
      tokenStart = false;
    } else {
      if (c === '*' && tokenStart) s.firstAlias ??= { line, column: k + 1 };
      tokenStart = false;
    }
  }
  return text.length;
}

/** Scans the block context of a line from `i` (a value position): flow starts, quotes, block scalars, `key: value`. */
function scanBlock(s: ScanState, text: string, i: number, line: number, indent: number, limit: number): void {
  let k = i;
  while (k < text.length) {
    while (isSpace(text[k])) k++;
    const c = text[k];
    if (c === undefined || (c === '#' && (k === 0 || isSpace(text[k - 1])))) return;
    if (c === '[' || c === '{') {
      k = scanFlow(s, text, k, line, limit);
      if (s.flow > 0 || s.quote) return;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = skipQuote(text, k + 1, c);
      if (end < 0) {
        s.quote = c;
        return;
      }
      k = end;
    } else if (c === '|' || c === '>') {
      s.blockScalar = indent;
      return;
    } else if ((c === '&' || c === '!') && !isSpace(text[k + 1])) {
      // An anchor or a tag: the value follows it.
      while (k < text.length && !isSpace(text[k])) k++;
      continue;
    } else {
      if (c === '*') s.firstAlias ??= { line, column: k + 1 };
      // Plain text (or an anchor, tag or alias) up to the next `: ` or ` #`.
      while (k < text.length && !(text[k] === ':' && (k + 1 === text.length || isSpace(text[k + 1]))) && !(text[k] === '#' && isSpace(text[k - 1]))) k++;
      if (text[k] === '#') return;
    }
    // After a key or scalar: a `: ` starts the value.
    while (isSpace(text[k])) k++;
    if (text[k] !== ':') return;
    k += 1;
  }
}

/** Scans one line in block context: its indentation level, compact `- `/`? ` entries, then its values. */
function scanBlockLine(s: ScanState, text: string, line: number, limit: number): void {
  let indent = 0;
  while (text[indent] === ' ') indent++;
  if (indent === text.length || text[indent] === '#') return;
  if (s.blockScalar !== undefined) {
    if (indent > s.blockScalar) return;
    s.blockScalar = undefined;
  }
  if (indent === 0 && (text.startsWith('---') || text.startsWith('...'))) {
    s.indents.length = 0;
    return;
  }
  while (s.indents.length > 0 && (s.indents.at(-1) as number) > indent) s.indents.pop();
  if (s.indents.length === 0 || (s.indents.at(-1) as number) < indent) s.indents.push(indent);
  // The line's indentation level is the collection it belongs to: its first `- ` entry is that
  // collection (each further compact `- ` opens one more); a line that opens a flow `[`/`{` is
  // that flow collection, counted when it opens.
  s.block = text[indent] === '[' || text[indent] === '{' ? s.indents.length - 1 : s.indents.length;
  opened(s, line, indent, limit);
  let k = indent;
  for (let entries = 0; (text[k] === '-' || text[k] === '?') && (k + 1 === text.length || isSpace(text[k + 1])); entries++) {
    if (entries > 0) {
      s.block += 1;
      opened(s, line, k, limit);
    }
    k += 1;
    while (isSpace(text[k])) k++;
  }
  scanBlock(s, text, k, line, indent, limit);
}

/**
 * Scans a YAML or JSON text once: where it first nests deeper than `limit` levels (flow collections
 * plus block levels), and where its first alias is. Linear in the text, no recursion.
 */
export function scanYaml(text: string, limit: number = MAX_DATA_DEPTH): YamlScan {
  const s: ScanState = { flow: 0, indents: [], quote: undefined, blockScalar: undefined, block: 0 };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length && s.tooDeep === undefined; n++) {
    const raw = lines[n] as string;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const line = n + 1;
    let start = 0;
    if (s.quote) {
      const end = skipQuote(text, 0, s.quote);
      if (end < 0) continue;
      s.quote = undefined;
      start = end;
    }
    if (s.flow > 0) {
      start = scanFlow(s, text, start, line, limit);
      if (s.flow > 0 || s.quote || start >= text.length) continue;
      scanBlock(s, text, start, line, 0, limit);
      continue;
    }
    if (start > 0) scanBlock(s, text, start, line, 0, limit);
    else scanBlockLine(s, text, line, limit);
  }
  return { ...(s.tooDeep ? { tooDeep: s.tooDeep } : {}), ...(s.firstAlias ? { firstAlias: s.firstAlias } : {}) };
}
