import type { Dialect } from './dialect.ts';
import { lookupFunction } from './functions.ts';
import { lexerFor } from './lexer.ts';
import { MAX_TOKENS } from './limits.ts';

/** What a highlighter colours a token as. */
export type TokenClass = 'name' | 'function' | 'number' | 'constant' | 'operator' | 'relation' | 'bracket' | 'punctuation' | 'invalid';

/** A highlighted range of the input (0-based UTF-16 offsets, `to` exclusive). Whitespace gets none. */
export interface HighlightToken {
  readonly from: number;
  readonly to: number;
  readonly class: TokenClass;
}

/** The class of each token type of the dialect lexers (`lexer.ts`); whitespace is left out. */
const CLASS_OF: Readonly<Record<string, TokenClass | undefined>> = {
  ident: 'name',
  fn: 'function',
  sum: 'function',
  num: 'number',
  constant: 'constant',
  plus: 'operator',
  minus: 'operator',
  had: 'operator',
  hadDot: 'operator',
  mm: 'operator',
  star: 'operator',
  kron: 'operator',
  post: 'operator',
  postSup: 'operator',
  top: 'operator',
  caret: 'operator',
  hpow: 'operator',
  hpowl: 'operator',
  eq: 'relation',
  neq: 'relation',
  neqAscii: 'relation',
  succeq: 'relation',
  succ: 'relation',
  ge: 'relation',
  geAscii: 'relation',
  lp: 'bracket',
  rp: 'bracket',
  lb: 'bracket',
  rb: 'bracket',
  lbrace: 'bracket',
  rbrace: 'bracket',
  lenv: 'bracket',
  renv: 'bracket',
  comma: 'punctuation',
  semi: 'punctuation',
  sub: 'punctuation',
  amp: 'punctuation',
  rowsep: 'punctuation',
  error: 'invalid',
};

/**
 * Splits `text` into highlight tokens with the dialect's own moo lexer — the one `parse` reads
 * with — so an editor colours exactly what the parser sees. A name directly followed by `(` that
 * the dialect knows as a function (`diag(`, `np.kron(`) is a `function`. Never throws; stops after
 * `MAX_TOKENS` tokens.
 */
export function highlightTokens(text: string, dialect: Dialect): HighlightToken[] {
  const lexer = lexerFor(dialect);
  lexer.reset(text);
  const tokens: HighlightToken[] = [];
  let count = 0;
  for (let token = lexer.next(); token !== undefined && count < MAX_TOKENS; token = lexer.next(), count++) {
    let cls = CLASS_OF[token.type ?? ''];
    if (cls === undefined) continue;
    const to = token.offset + token.text.length;
    if (cls === 'name' && text[to] === '(' && lookupFunction(dialect, token.value) !== undefined) cls = 'function';
    tokens.push({ from: token.offset, to, class: cls });
  }
  return tokens;
}
