import { OdotException, odotError } from '@odot/core';
import type { OdotError, Span } from '@odot/core';
import { MAX_NESTING } from './limits.ts';
import { tokenSpan } from './span.ts';
import type { Tok } from './tokens.ts';

// Bracket matching and the nesting limits, checked on the tokens before parsing: a mismatched
// bracket is reported at the culprit with the bracket it should close (the grammar alone would
// only say "unexpected"), and no input deeper than MAX_NESTING reaches the parser.

const OPENERS: Readonly<Record<string, string>> = { lp: ')', lb: ']', lbrace: '}', hpowl: '}', sub: '}', lenv: '\\end{…}' };
const CLOSERS: Readonly<Record<string, readonly string[]>> = {
  rp: ['lp'],
  rb: ['lb'],
  rbrace: ['lbrace', 'hpowl', 'sub'],
  renv: ['lenv'],
};
const POSTFIX_KINDS: ReadonlySet<string> = new Set(['post', 'caret', 'hpow', 'hpowl']);

function fail(code: string, message: string, span: Span, extra: Partial<Pick<OdotError, 'expected' | 'hints'>> = {}): never {
  throw new OdotException(odotError(code, message, { span, ...extra }));
}

function tooDeep(what: string, at: Tok): never {
  return fail('too-deep', `${what} nested more than ${MAX_NESTING} deep`, tokenSpan(at), {
    hints: [`the parser accepts at most ${MAX_NESTING} levels of nesting; split the expression`],
  });
}

/** The running bracket check of one input. */
export interface BracketCheck {
  /** Whether the innermost open bracket is a matrix literal's `[` (where whitespace separates entries). */
  inMatrix(): boolean;
  /** The innermost open bracket. */
  innermost(): Tok | undefined;
  /** Checks one token (in order): matching, bracket depth, runs of prefix signs and postfix operators. */
  visit(tok: Tok): void;
  /** Checks that every bracket was closed. */
  end(): void;
}

/** A bracket check for one input (see `BracketCheck`). */
export function checkBrackets(): BracketCheck {
  const stack: Tok[] = [];
  let prefixRun = 0;
  let postfixRun = 0;
  return {
    // Never `stack[-1]`: reading index -1 of an empty array is a named-property lookup through
    // the prototype chain (V8's slow path), and these run once per token, mostly with no bracket open.
    inMatrix: () => {
      if (stack.length === 0) return false;
      const top = stack[stack.length - 1] as Tok;
      return top.kind === 'lb' && top.type !== 'lidx';
    },
    innermost: () => (stack.length === 0 ? undefined : stack[stack.length - 1]),
    visit(tok) {
      if (Object.hasOwn(OPENERS, tok.kind)) {
        stack.push(tok);
        if (stack.length > MAX_NESTING) tooDeep('brackets', tok);
      } else if (Object.hasOwn(CLOSERS, tok.kind)) close(stack, tok);
      prefixRun = tok.type === 'neg' || tok.type === 'coef' ? prefixRun + 1 : 0;
      if (prefixRun > MAX_NESTING) tooDeep('prefix signs', tok);
      if (POSTFIX_KINDS.has(tok.kind)) {
        if (++postfixRun > MAX_NESTING) tooDeep('postfix operators', tok);
      } else if (tok.type !== 'leaf' && tok.type !== 'neg' && tok.type !== 'top') postfixRun = 0;
    },
    end() {
      const unclosed = stack.pop();
      if (unclosed === undefined) return;
      const closer = OPENERS[unclosed.kind] ?? ')';
      fail('unbalanced', `unclosed \`${unclosed.text}\`: expected \`${closer}\` before the end of the input`, tokenSpan(unclosed), {
        expected: [closer],
      });
    },
  };
}

function close(stack: Tok[], tok: Tok): void {
  const open = stack.pop();
  if (open === undefined) {
    fail('unbalanced', `unmatched \`${tok.text}\`: there is no open bracket to close`, tokenSpan(tok), {
      hints: ['remove it or add the opening bracket'],
    });
  }
  if (!(CLOSERS[tok.kind] ?? []).includes(open.kind)) {
    fail('unbalanced', `\`${tok.text}\` does not close \`${open.text}\` opened at ${open.line}:${open.col}`, tokenSpan(tok), {
      expected: [OPENERS[open.kind] ?? ''],
    });
  }
}
