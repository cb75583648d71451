import { YAMLError, parse as parseYaml } from 'yaml';

/** A data file read as YAML or JSON: the value, or why it could not be read (one line). */
export type DataRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/** Aliases a YAML file may expand (a "billion laughs" file is refused, not expanded). */
const MAX_ALIASES = 50;

/** The one-line reason for an error a YAML or JSON parser throws on bad input; undefined for any other error (a bug). */
function inputErrorReason(error: unknown): string | undefined {
  const isInput = error instanceof YAMLError || error instanceof SyntaxError || (error instanceof ReferenceError && /alias/i.test(error.message));
  if (!isInput) return undefined;
  if (/Maximum call stack/i.test(error.message)) return 'it is nested too deeply';
  return error.message.split('\n')[0] ?? 'syntax error';
}

/**
 * Reads the text of a submission or overrides file as JSON (`format: 'json'`) or YAML (unique keys,
 * at most 50 aliases). A syntax error is a value naming the parser's first line; anything else the
 * parsers throw is a bug and propagates to the caller's boundary.
 */
export function readData(text: string, format: 'yaml' | 'json'): DataRead {
  try {
    return { ok: true, value: format === 'json' ? (JSON.parse(text) as unknown) : parseYaml(text, { uniqueKeys: true, maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    const reason = inputErrorReason(error);
    if (reason === undefined) throw error;
    return { ok: false, reason };
  }
}
