import nearley from 'nearley';
import type { Dialect } from './dialect.ts';
import { compileEarley } from './earley-grammar.ts';
import type { EarleyGrammar } from './earley-grammar.ts';
import matlab from './generated/matlab.ts';
import numpy from './generated/numpy.ts';
import plain from './generated/plain.ts';

// One compiled grammar per dialect grammar file: plain and LaTeX share `grammar/plain.ne` (their
// differences are lexical), numpy and MATLAB have their own, each including `grammar/expr.ne`.

/** The compiled rules of a dialect grammar, started from `Statement` (nearleyc would start from the dialect file's first rule). */
const compile = (rules: unknown): nearley.Grammar => nearley.Grammar.fromCompiled({ ...(rules as nearley.CompiledRules), ParserStart: 'Statement' });

/** The compiled grammar of each dialect grammar file, compiled at its first use (not at import: a caller of one dialect never pays for the others). */
const compiled = new Map<Dialect, nearley.Grammar>();
const SOURCES: Readonly<Record<Dialect, unknown>> = { plain, latex: plain, numpy, matlab };

/** The compiled grammar that reads a dialect. */
export function grammarOf(dialect: Dialect): nearley.Grammar {
  let grammar = compiled.get(dialect);
  if (grammar === undefined) {
    // plain and LaTeX share one grammar object.
    grammar = dialect === 'latex' ? grammarOf('plain') : compile(SOURCES[dialect]);
    compiled.set(dialect, grammar);
  }
  return grammar;
}

/**
 * Each nearley grammar compiled for the parser's Earley loop (`earley.ts`), at its first use. The
 * postprocessors of `grammar/*.ne` are nearley's `id` and one-line calls of the builders on
 * elements of their data (`(d) => b.paren(d[0], d[1], d[2])`), so none keeps its data array and
 * the loop may lend them one (`earley.test.ts` checks the generated grammars for it).
 */
const loops = new Map<Dialect, EarleyGrammar>();

/** The grammar of a dialect as the parser's Earley loop runs it. */
export function earleyGrammarOf(dialect: Dialect): EarleyGrammar {
  let grammar = loops.get(dialect);
  if (grammar === undefined) {
    grammar = dialect === 'latex' ? earleyGrammarOf('plain') : compileEarley(grammarOf(dialect), { postprocessorsKeepNoData: true });
    loops.set(dialect, grammar);
  }
  return grammar;
}
