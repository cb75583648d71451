import { entry, formatDim, formatShape, inferShapes, isOpenDim, printExpr as print, type Dim, type Expr } from '@odot/core';
import { blockIndexExpr, readBlockIndex, type BlockIndex } from './block-index.ts';
import { dimQuotient, sizeDim } from './size-dim.ts';
import type { Chain } from './chain.ts';
import type { CheckContext } from './check-options.ts';
import { exprKey, freeNames } from './expr-tools.ts';
import type { EquationLine } from './proof-ast.ts';
import type { StepReport } from './report.ts';
import { report } from './step-report.ts';

const show = (expr: Expr): string => print(expr, 'plain');

/** One position of the entry a chain starts at: an index name `i`, or a block index `(i - 1) p + k`. */
type Position = { readonly kind: 'name'; readonly name: string } | { readonly kind: 'block'; readonly block: BlockIndex };

function readPosition(expr: Expr): Position | undefined {
  if (expr.type === 'Identifier') return { kind: 'name', name: expr.name };
  const block = readBlockIndex(expr);
  return block ? { kind: 'block', block } : undefined;
}

function positionNames(position: Position): string[] {
  return position.kind === 'name' ? [position.name] : [position.block.outer, position.block.inner];
}

/**
 * Whether a position covers every index of a dimension: a name does; a block index
 * `(i - 1) p + k` does when p divides the dimension (i ≤ dim / p, k ≤ p). Returns the problem, if any.
 */
function coverProblem(position: Position, dim: Dim, axis: string): string | undefined {
  if (position.kind === 'name') return undefined;
  const size = sizeDim(position.block.size);
  const quotient = size === undefined || isOpenDim(dim) ? undefined : dimQuotient(dim, size);
  if (quotient !== undefined) return undefined;
  return `the block index ${show(blockIndexExpr(position.block) ?? position.block.size)} covers the ${axis} only when ${show(position.block.size)} divides their number, here ${formatDim(dim)}`;
}

/** The entry's positions, when both are index names or block indices. */
function entryIndices(expr: Expr): { matrix: Expr; row: Position; col: Position } | undefined {
  if (expr.type !== 'Entry') return undefined;
  const row = readPosition(expr.row);
  const col = readPosition(expr.col);
  return row && col ? { matrix: expr.matrix, row, col } : undefined;
}

/** What is wrong with the index names of the chain's first entry: distinct, free, not in the equation. */
function namesProblems(names: readonly string[], left: Expr, right: Expr, context: CheckContext): string[] {
  const problems: string[] = [];
  const repeated = names.filter((name, k) => names.indexOf(name) !== k);
  if (repeated.length > 0) problems.push(`the row and column indices must be different names (${[...new Set(repeated)].join(', ')} is used twice)`);
  for (const name of new Set(names)) {
    if (context.givens.has(name)) problems.push(`${name} is a declared symbol, not a free index`);
    if (freeNames(left).has(name) || freeNames(right).has(name)) problems.push(`${name} occurs in the equation itself`);
  }
  return problems;
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
    return report(line, 'ext', line.laws, 'bad-ext', `\`by ext\` needs a chain that starts at an entry X[i,j] with index names (or block indices (i - 1) p + k); it starts at ${show(chain.start)}`);
  }
  const { row, col } = start;
  const names = [...positionNames(row), ...positionNames(col)];
  const problems = namesProblems(names, left, right, context);
  if (problems.length > 0) return report(line, 'ext', line.laws, 'bad-ext', `\`by ext\`: ${problems.join('; ')}`);
  if (chain.start.type !== 'Entry') return report(line, 'ext', line.laws, 'bad-ext', `the chain above starts at ${show(chain.start)}`);
  const wantStart = entry(left, chain.start.row, chain.start.col);
  const wantEnd = entry(right, chain.start.row, chain.start.col);
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
  const cover = [coverProblem(row, shape.rows, 'rows'), coverProblem(col, shape.cols, 'columns')].filter((p) => p !== undefined);
  if (cover.length > 0) return report(line, 'ext', line.laws, 'bad-ext', `\`by ext\`: ${cover.join('; ')}`);
  return report(line, 'ext', line.laws, 'ok', `by ext: equal at every entry (${show(chain.start.row)}, ${show(chain.start.col)})`);
}

