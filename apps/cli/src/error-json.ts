import type { OdotError } from '@odot/core';

/** The JSON form of an error diagnostic: `{"error": {code, message, file?, line, column, hints, limit?}}` (no position: null). */
export function errorJson(error: OdotError, file?: string): { error: Record<string, unknown> } {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(file === undefined || file === '-' ? {} : { file }),
      line: error.span?.start.line ?? null,
      column: error.span?.start.column ?? null,
      hints: error.hints ?? [],
      ...(error.limit === undefined ? {} : { limit: error.limit }),
    },
  };
}
