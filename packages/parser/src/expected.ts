import type nearley from 'nearley';
import { OdotException } from '@odot/core';
import { TOKEN_TYPES, Tok } from './tokens.ts';
import type { TokenStream, TokenType } from './tokens.ts';

/**
 * The token types the parser could take next, found with nearley's public API only: `save()`
 * returns the parser's last good column (after a failed `feed` nearley stays on it, and after a
 * complete feed it is the end of the input); for each token type, `restore` that column and
 * `feed` one token of the type: the types it accepts are the expected ones. This is the one
 * place the parser asks nearley what it expected (about 25 one-token feeds, on errors only).
 */
export function expectedTypes(parser: nearley.Parser, stream: TokenStream): Set<TokenType> {
  const column = parser.save();
  const out = new Set<TokenType>();
  for (const type of TOKEN_TYPES) {
    parser.restore(column);
    stream.load([new Tok(type, type === 'leaf' ? 'num' : type, type === 'leaf' ? '0' : type, '', 0, 1, 1, false)]);
    try {
      parser.feed('');
      out.add(type);
    } catch (error) {
      // A builder's error means the grammar took the token (and the probe's made-up value was
      // rejected); nearley's own error means the token type is not expected here.
      if (error instanceof OdotException) out.add(type);
    }
  }
  return out;
}
