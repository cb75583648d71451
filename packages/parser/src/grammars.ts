import nearley from 'nearley';
import type { Dialect } from './dialect.ts';
import matlab from './generated/matlab.ts';
import numpy from './generated/numpy.ts';
import plain from './generated/plain.ts';

// One compiled grammar per dialect grammar file: plain and LaTeX share `grammar/plain.ne` (their
// differences are lexical), numpy and MATLAB have their own, each including `grammar/expr.ne`.

/** The compiled rules of a dialect grammar, started from `Statement` (nearleyc would start from the dialect file's first rule). */
const compile = (rules: unknown): nearley.Grammar => nearley.Grammar.fromCompiled({ ...(rules as nearley.CompiledRules), ParserStart: 'Statement' });

const GRAMMARS: Readonly<Record<Dialect, nearley.Grammar>> = (() => {
  const p = compile(plain);
  return { plain: p, latex: p, numpy: compile(numpy), matlab: compile(matlab) };
})();

/** The compiled grammar that reads a dialect. */
export function grammarOf(dialect: Dialect): nearley.Grammar {
  return GRAMMARS[dialect];
}
