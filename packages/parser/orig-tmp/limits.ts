/**
 * The deepest nesting the parser accepts: open brackets, a run of prefix signs (`- - A`) or a
 * run of postfix operators (`A''''`). Deeper input is rejected with code `too-deep` before
 * parsing, so the tree (and every recursive walk over it) stays shallow enough for the stack.
 * Long operator chains (`A + B + …`) are not nesting: they are parsed left to right in a loop.
 */
export const MAX_NESTING = 1000;

/**
 * The most tokens (names, numbers, operators, brackets; not whitespace) one input may have.
 * Parsing takes about 2–4 µs per token, so this keeps every answer near a second; longer input
 * is rejected with code `too-long` as soon as the lexer counts past the limit. One megabyte of
 * typical text (`A12 ⊙ B12 + …`, about 4.5 bytes per token) is well inside it.
 */
export const MAX_TOKENS = 300_000;
