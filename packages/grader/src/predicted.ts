import { parse } from '@odot/parser';
import { exactMatrix, type ExactMatrix } from '@odot/numeric';
import { evaluateMatrix } from './exact.ts';
import { rowsFromText, rowsFromYaml } from './givens.ts';
import type { Bindings } from './variant.ts';

/**
 * The matrix an author-predicted mistake stands for in one variant: a literal (`[[8,10,12],…]`)
 * or an expression over the question's matrices (`A + B`), evaluated exactly.
 */
export function readPredictedMatrix(answer: unknown, bindings: Bindings): ExactMatrix | undefined {
  if (typeof answer !== 'string') {
    const rows = rowsFromYaml(answer);
    return rows ? exactMatrix(rows) : undefined;
  }
  const rows = rowsFromText(answer);
  if (rows) return exactMatrix(rows);
  const parsed = parse(answer, { dialect: 'plain' });
  return parsed.ok ? evaluateMatrix(parsed.value.expr, bindings) : undefined;
}
