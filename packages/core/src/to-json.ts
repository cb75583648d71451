import type { Expr } from './expr.ts';
import { jsonText } from './json-text.ts';
import { stripSpans } from './strip-spans.ts';

/** Options for `toJson`. */
export interface ToJsonOptions {
  /** Keep the source spans (default `false`: plain data without positions). */
  readonly spans?: boolean;
  /** Indentation passed to `JSON.stringify` (default 2; 0 for one line). */
  readonly indent?: number;
}

/** The tree as JSON text: the node objects themselves, without spans unless `spans: true`. Any depth (no recursion). */
export function toJson(expr: Expr, options: ToJsonOptions = {}): string {
  const data = options.spans === true ? expr : stripSpans(expr);
  const indent = options.indent ?? 2;
  return jsonText(data, indent);
}
