import nearley from 'nearley';
import grammar from './generated/grammar.ts';
import type { Tok } from './tokens.ts';

// Earley pays for every rule that could still apply: `Postfix ● %pow Exponent` after every
// operand, `Sum ● %binop %prefix Unary` after every term, `Args ● %comma Sum` inside every
// bracket, `Relation → Sum ● %relop Sum` at every top-level operand. A rule that mentions a token
// type the input does not contain can never take part in a parse of that input, so it can be left
// out: the remaining grammar has exactly the same parses of that input (the same trees, the same
// count, and the same postprocessor calls, since the left-out rules never complete), with
// fewer Earley items per token. `A1 .* B1 + …` (no `^`, no prefix minus, no brackets, no `=`)
// then takes 3 items per token instead of 6.
//
// Only the error reports differ: the expected-token lists are read from the parser state, and
// left-out rules would have contributed to them. `parseAll` therefore parses a failing input
// again with the full grammar, so every diagnostic is the full grammar's.

const COMPILED = grammar as unknown as nearley.CompiledRules;

/** The full grammar, from its own start symbol `Relation`. */
export const FULL_GRAMMAR = nearley.Grammar.fromCompiled(COMPILED);

/** The token types (`%type` symbols) a compiled rule mentions. */
function tokenTypes(rule: nearley.CompiledRules['ParserRules'][number]): string[] {
  const types: string[] = [];
  for (const s of rule.symbols as unknown[]) {
    if (typeof s === 'object' && s !== null && 'type' in s && typeof s.type === 'string') types.push(s.type);
  }
  return types;
}

/** Every token type the grammar mentions, in a fixed order (the key of `reduced`). */
const GRAMMAR_TYPES: readonly string[] = [...new Set(COMPILED.ParserRules.flatMap(tokenTypes))];

const reduced = new Map<string, nearley.Grammar>([[GRAMMAR_TYPES.join(' '), FULL_GRAMMAR]]);

/**
 * The grammar reduced to the rules whose token types all occur in `present`. Without `relop` it
 * starts from `Sum` (`Relation -> Sum` is then a unit rule that only costs items). Cached by the
 * set of types.
 */
function reducedGrammar(present: ReadonlySet<string>): nearley.Grammar {
  const key = GRAMMAR_TYPES.filter((t) => present.has(t)).join(' ');
  let g = reduced.get(key);
  if (g === undefined) {
    const rules = COMPILED.ParserRules.filter((r) => tokenTypes(r).every((t) => present.has(t)));
    g = nearley.Grammar.fromCompiled({ ParserRules: rules, ParserStart: present.has('relop') ? 'Relation' : 'Sum' });
    reduced.set(key, g);
  }
  return g;
}

/** The smallest grammar with the same parses of these tokens as the full grammar (see above). */
export function grammarFor(tokens: readonly Tok[]): nearley.Grammar {
  const present = new Set<string>();
  let last = '';
  for (const t of tokens) {
    if (t.type !== last) {
      last = t.type;
      present.add(last);
    }
  }
  return reducedGrammar(present);
}
