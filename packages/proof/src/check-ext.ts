import { entry, formatShape, inferShapes, printExpr as print, type Expr } from '@odot/core';
import type { Chain } from './chain.ts';
import type { CheckContext } from './check-options.ts';
import { exprKey, freeNames } from './expr-tools.ts';
import type { EquationLine } from './proof-ast.ts';
import type { StepReport } from './report.ts';
import { report } from './step-report.ts';

const show = (expr: Expr): string => print(expr, 'plain');

/** The index pair `i, j` of an entry, when both are plain names. */
function entryIndices(expr: Expr): { matrix: Expr; row: string; col: string } | undefined {
  if (expr.type !== 'Entry' || expr.row.type !== 'Identifier' || expr.col.type !== 'Identifier') return undefined;
  return { matrix: expr.matrix, row: expr.row.name, col: expr.col.name };
}

/** Checks `X = Y by ext` against the entrywise chain before it. */
export function checkExt(line: EquationLine, chain: Chain | undefined, context: CheckContext): StepReport {
  const { left, right } = line.statement;
  const extLaw = line.laws.filter((law) => law.name === 'ext');
  if (line.laws.length > extLaw.length) {
    return report(line, 'ext', line.laws, 'bad-ext', '`by ext` stands alone: the entrywise chain above carries the other laws');
  }
  if (!chain || chain.steps === 0) {
    return report(line, 'ext', line.laws, 'bad-ext', '`by ext` needs an entrywise chain above it, from X[i,j] to Y[i,j]');
  }
  const start = entryIndices(chain.start);
  if (!start) {
    return report(line, 'ext', line.laws, 'bad-ext', `\`by ext\` needs a chain that starts at an entry X[i,j] with index names; it starts at ${show(chain.start)}`);
  }
  const { row, col } = start;
  const problems: string[] = [];
  if (row === col) problems.push(`the row and column indices must be different names (both are ${row})`);
  for (const name of [row, col]) {
    if (context.givens.has(name)) problems.push(`${name} is a declared symbol, not a free index`);
    if (freeNames(left).has(name) || freeNames(right).has(name)) problems.push(`${name} occurs in the equation itself`);
  }
  if (problems.length > 0) return report(line, 'ext', line.laws, 'bad-ext', `\`by ext\`: ${problems.join('; ')}`);
  const wantStart = entry(left, { type: 'Identifier', name: row }, { type: 'Identifier', name: col });
  const wantEnd = entry(right, { type: 'Identifier', name: row }, { type: 'Identifier', name: col });
  if (exprKey(chain.start) !== exprKey(wantStart)) {
    return report(line, 'ext', line.laws, 'bad-ext', `the chain above starts at ${show(chain.start)}, not at ${show(wantStart)}`);
  }
  if (!chain.current || exprKey(chain.current) !== exprKey(wantEnd)) {
    return report(
      line,
      'ext',
      line.laws,
      'bad-ext',
      `the chain above ends at ${chain.current ? show(chain.current) : 'an unreadable line'}, not at ${show(wantEnd)}`,
    );
  }
  const table = inferShapes(line.statement, context.givens);
  if (!table.ok) return report(line, 'ext', line.laws, 'shape-error', table.error.message, table.error.span ? { span: table.error.span } : {});
  const shape = table.value.shapeOf(left);
  if (shape.kind !== 'matrix') {
    return report(line, 'ext', line.laws, 'bad-ext', `\`by ext\` equates matrices; here both sides are ${formatShape(shape)}`);
  }
  return report(line, 'ext', line.laws, 'ok', `by ext: equal at every entry (${row}, ${col})`);
}

