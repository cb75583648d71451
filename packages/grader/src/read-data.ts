import { YAMLError, parse as parseYaml } from 'yaml';
import { MAX_DATA_DEPTH, scanYaml } from './yaml-depth.ts';

/**
 * A data file read as YAML or JSON: the value, or why it could not be read (one line). A file odot
 * refuses before parsing has a `code` — `too-deep` (nested past `MAX_DATA_DEPTH`) or
 * `too-many-aliases` (an alias bomb) — and where (1-based line and column).
 */
export type DataRead =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string; readonly code?: 'too-deep' | 'too-many-aliases'; readonly line?: number; readonly column?: number };

/** Aliases a YAML file may expand (a "billion laughs" file is refused, not expanded). */
export const MAX_ALIASES = 50;

/** Whether `error` is the yaml library's refusal of too many alias expansions. */
export function isAliasBomb(error: unknown): boolean {
  return error instanceof ReferenceError && /alias/i.test(error.message);
}

/** The one-line reason for an error a YAML or JSON parser throws on bad input; undefined for any other error (a bug). */
function inputErrorReason(error: unknown): string | undefined {
  const isInput = error instanceof YAMLError || error instanceof SyntaxError;
  if (!isInput) return undefined;
  return error.message.split('\n')[0] ?? 'syntax error';
}

/** The message of a file nested past `MAX_DATA_DEPTH`. */
export function tooDeepReason(limit: number = MAX_DATA_DEPTH): string {
  return `nested more than ${limit} levels deep ([ ], { } and indented blocks together); odot reads at most ${limit} levels`;
}

/** The message of an alias bomb. */
export function aliasBombReason(): string {
  return `it expands aliases (*name) more than ${MAX_ALIASES} times; a "billion laughs" file is refused, not expanded`;
}

/**
 * Reads the text of a submission or overrides file as JSON (`format: 'json'`) or YAML (unique keys,
 * at most 50 alias expansions). Nesting past `MAX_DATA_DEPTH` levels is refused before any parser
 * runs (`too-deep`, with the line and column), so no parser recursion can overflow the stack; an
 * alias bomb is `too-many-aliases` at its first alias. A syntax error is a value naming the
 * parser's first line; anything else the parsers throw is a bug and propagates to the caller's boundary.
 */
export function readData(text: string, format: 'yaml' | 'json'): DataRead {
  const scan = scanYaml(text);
  if (scan.tooDeep) return { ok: false, code: 'too-deep', reason: tooDeepReason(scan.tooDeep.limit), line: scan.tooDeep.line, column: scan.tooDeep.column };
  try {
    return { ok: true, value: format === 'json' ? (JSON.parse(text) as unknown) : parseYaml(text, { uniqueKeys: true, maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    if (isAliasBomb(error)) return { ok: false, code: 'too-many-aliases', reason: aliasBombReason(), ...(scan.firstAlias ?? {}) };
    const reason = inputErrorReason(error);
    if (reason === undefined) throw error;
    return { ok: false, reason };
  }
}

/** `file:line:col: ` (or `line L, column C: `) for a refused read with a place, else ''. */
export function readPlace(read: { readonly line?: number; readonly column?: number }, file: string): string {
  if (read.line === undefined) return file === '' ? '' : `${file}: `;
  return file === '' ? `line ${read.line}, column ${read.column ?? 1}: ` : `${file}:${read.line}:${read.column ?? 1}: `;
}
