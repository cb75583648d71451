export type { Dialect } from './dialect.ts';
export { DIALECTS, isDialect } from './dialect.ts';
export type { ParseOptions, Parsed } from './parse.ts';
export { parse, parseExpr } from './parse.ts';
export { parseDeclarations } from './declarations.ts';
export { MAX_NESTING, MAX_TOKENS } from './limits.ts';
export type { HighlightToken, TokenClass } from './highlight-tokens.ts';
export { highlightTokens } from './highlight-tokens.ts';
