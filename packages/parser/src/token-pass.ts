import { OdotException, closest, odotError } from '@odot/core';
import type { OdotError, Span } from '@odot/core';
import type { Dialect } from './dialect.ts';
import { FUNCTIONS, lookupFunction } from './functions.ts';
import { lexerFor } from './lexer.ts';
import { Tok } from './tokens.ts';
import { MAX_NESTING, MAX_TOKENS } from './limits.ts';
import { tokenSpan } from './span.ts';

/** The prepared tokens and the notes the token pass found (`A*B` in plain, `A o B`). */
export interface PreparedTokens {
  readonly tokens: readonly Tok[];
  readonly notes: readonly OdotError[];
}

// Lexer kinds that end an operand / can start one (for juxtaposition and coefficients).
const ENDS = new Set(['ident', 'num', 'constant', 'rp', 'rb', 'rbrace', 'renv', 'post', 'top']);
const STARTS = new Set(['ident', 'lp', 'lb', 'fn', 'constant', 'sum', 'lenv', 'lbrace']);
const OPENERS: Readonly<Record<string, string>> = { lp: ')', lb: ']', lbrace: '}', hpowl: '}', lenv: '\\end{…}' };
const CLOSERS: Readonly<Record<string, readonly string[]>> = {
  rp: ['lp'],
  rb: ['lb'],
  rbrace: ['lbrace', 'hpowl'],
  renv: ['lenv'],
};
/** What `_{i,j}` may follow: a name, a number, a constant (`I_{1,2}`: a comma makes it an entry, not a size), a bracket, a matrix literal. */
const SUBSCRIPTABLE = new Set(['ident', 'num', 'constant', 'rp', 'renv']);
const OPENER_KINDS: ReadonlySet<string> = new Set(Object.keys(OPENERS));
const CLOSER_KINDS: ReadonlySet<string> = new Set(Object.keys(CLOSERS));
const EXPONENT_OPENERS = new Set(['caret', 'hpow', 'hpowl']);
const POSTFIX = new Set(['post', 'caret', 'hpow', 'hpowl']);
/** Lexer kind → grammar type, for the kinds whose grammar type does not depend on context. */
const GRAMMAR_TYPE: Readonly<Record<string, string>> = {
  ident: 'leaf',
  num: 'leaf',
  constant: 'leaf',
  plus: 'binop',
  had: 'binop',
  mm: 'binop',
  kron: 'binop',
  eq: 'relop',
  neq: 'relop',
  succeq: 'relop',
  succ: 'relop',
  caret: 'pow',
  hpow: 'pow',
  lbrace: 'lp',
  rbrace: 'rp',
  lb: 'lp',
  rb: 'rp',
  lenv: 'lp',
  renv: 'rp',
  sum: 'lp',
  fn: 'lp',
  post: 'pow',
};

const GREEK: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ',
  Psi: 'Ψ', Omega: 'Ω',
};
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

function fail(code: string, message: string, span: Span, extra: Partial<Pick<OdotError, 'expected' | 'hints'>> = {}): never {
  throw new OdotException(odotError(code, message, { span, ...extra }));
}

function show(tok: Tok): string {
  return `\`${tok.text}\``;
}

/** The second token types of the plain lexer (see `lexer.ts`), folded into the first. */
const FOLD: Readonly<Record<string, string>> = { hadDot: 'had', postSup: 'post', neqAscii: 'neq', geAscii: 'ge' };

const STAR_NOTE = 'A*B in plain means the matrix product; use ⊙ or .* for Hadamard';

/** Lexes `text` with the dialect's moo lexer, drops whitespace and normalises kinds and values. */
function lex(text: string, dialect: Dialect, notes: OdotError[]): Tok[] {
  const lexer = lexerFor(dialect);
  lexer.reset(text);
  const out: Tok[] = [];
  let ws = false;
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) {
    let kind = t.type ?? 'error';
    if (kind === 'ws' || kind === 'wsRun') {
      ws = true;
      continue;
    }
    let value = t.value;
    kind = FOLD[kind] ?? kind;
    switch (kind) {
      case 'error':
        unexpectedCharacter(new Tok(kind, value, value, t.offset, t.line, t.col, ws), dialect);
        break;
      case 'ge': {
        const at = new Tok(kind, value, t.text, t.offset, t.line, t.col, ws);
        fail('ambiguous-relation', `\`${t.text}\` is ambiguous for matrices`, tokenSpan(at), {
          hints: ['write `X ⪰ 0` for positive semidefinite, or `nonnegative(X)` for entrywise nonnegative'],
        });
        break;
      }
      case 'star':
        kind = 'mm';
        if (notes.length === 0 || !notes.some((n) => n.code === 'star-is-matmul')) {
          notes.push(
            odotError('star-is-matmul', STAR_NOTE, {
              severity: 'note',
              span: tokenSpan(t),
              hints: ['write `A B`, `A·B` or `A @ B` for the matrix product, `A ⊙ B` or `A .* B` for the Hadamard product'],
            }),
          );
        }
        break;
      case 'minus':
        value = '-';
        break;
      case 'amp':
        kind = 'comma';
        break;
      case 'rowsep':
        kind = 'semi';
        break;
      case 'lp':
        value = value.endsWith('[') ? '[' : '(';
        break;
      case 'rp':
        value = value.endsWith(']') ? ']' : ')';
        break;
      case 'num':
        if (value.charCodeAt(0) === 92) value = normaliseNumber(value);
        break;
      case 'ident':
        if (dialect === 'latex' && value.length > 1) {
          const [k, v] = latexIdent(value);
          kind = k;
          value = v;
        } else if ((dialect === 'numpy' || dialect === 'matlab') && /_\d+$/.test(value)) {
          // x_1 is x₁, as the ASCII printer writes it.
          value = value.replace(/_(\d+)$/, (_, digits: string) => [...digits].map((d) => SUBSCRIPT[Number(d)]).join(''));
        }
        break;
      case 'fn':
        if (dialect === 'latex') value = latexFunctionName(value);
        break;
      case 'sum':
        value = value
          .slice(value.indexOf('_') + 1)
          .replace(/\\[A-Za-z]+\{([^{}]*)\}/g, '$1')
          .replace(/[{}\s]/g, '');
        break;
      default:
        break;
    }
    out.push(new Tok(kind, value, t.text, t.offset, t.line, t.col, ws));
    ws = false;
    if (out.length > MAX_TOKENS) {
      fail('too-long', `the input has more than ${MAX_TOKENS} tokens`, tokenSpan(t), {
        hints: [`the parser accepts at most ${MAX_TOKENS} tokens (names, numbers, operators, brackets); split the input`],
      });
    }
  }
  return out;
}

function unexpectedCharacter(tok: Tok, dialect: Dialect): never {
  const ch = String.fromCodePoint(tok.text.codePointAt(0) ?? 0);
  const at = new Tok('error', ch, ch, tok.offset, tok.line, tok.col, tok.ws);
  const hints: string[] = [];
  if (ch === '/') hints.push('there is no division; write a fraction with digits, like `1/2 A`, or use `inv(A)`');
  if (ch === '\\' && dialect !== 'latex') hints.push('LaTeX commands need the latex dialect');
  if (ch === '\\' && dialect === 'latex') hints.push(`unknown LaTeX command \`${/^\\[A-Za-z]*/.exec(tok.text)?.[0] ?? '\\'}\``);
  if (ch === '*' && dialect === 'latex') hints.push('write `\\cdot` for the matrix product or `\\odot` for the Hadamard product');
  fail('unexpected-character', `unexpected character \`${ch}\``, tokenSpan(at), hints.length > 0 ? { hints } : {});
}

function normaliseNumber(value: string): string {
  const frac = /^\\[dt]?frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}$/.exec(value);
  return frac ? `${frac[1]}/${frac[2]}` : value;
}

function latexIdent(v: string): [string, string] {
  const greek = /^\\([A-Za-z]+)$/.exec(v);
  if (greek?.[1] !== undefined) return ['ident', GREEK[greek[1]] ?? greek[1]];
  // `\mathrm{μI}` too: the LaTeX printer writes multi-letter names with Greek letters this way.
  const bold = /^\\[A-Za-z]+\{([A-Za-z\u0391-\u03a9\u03b1-\u03c9][A-Za-z0-9\u0391-\u03a9\u03b1-\u03c9]*)\}$/.exec(v);
  if (bold?.[1] !== undefined) return [bold[1] === 'J' || bold[1] === 'I' ? 'constant' : 'ident', bold[1]];
  return ['ident', v];
}

function latexFunctionName(value: string): string {
  const named = /\{([A-Za-z]+)\}$/.exec(value);
  if (named?.[1] !== undefined) return named[1];
  const command = /^\\([A-Za-z]+)$/.exec(value);
  if (command?.[1] !== undefined) return command[1] === 'Tr' ? 'tr' : command[1];
  return value;
}

/** NumPy functions that odot writes as operators, with the operator form (MATLAB's `times(A, B)` reads as indexing). */
const OPERATOR_FUNCTIONS: Readonly<Partial<Record<Dialect, Readonly<Record<string, string>>>>> = {
  numpy: { 'np.add': 'A + B', 'np.subtract': 'A - B' },
};

function unknownFunction(tok: Tok, name: string, dialect: Dialect): never {
  const suggestions = closest(name, Object.keys(FUNCTIONS[dialect]));
  const hints = suggestions.map((s) => `did you mean \`${s}\`?`);
  const operator = OPERATOR_FUNCTIONS[dialect]?.[name.replace(/^numpy\./, 'np.')];
  if (operator !== undefined) hints.unshift(`odot writes \`${name}\` as an operator: \`${operator}\``);
  if (dialect === 'plain') {
    hints.push('a word of two or more letters directly followed by `(` is a function call; write `name (…)` with a space for a product');
  }
  fail('unknown-function', `unknown function \`${name}\``, tokenSpan(tok), { hints, expected: suggestions });
}

/** Counts the top-level arguments of the call whose `(` is at `raw[open]`. */
function argumentCount(raw: readonly Tok[], open: number): number {
  let depth = 0;
  let args = 1;
  for (let i = open; i < raw.length; i++) {
    const t = raw[i] as Tok;
    if (t.kind === 'lp' || t.kind === 'lb') depth++;
    else if (t.kind === 'rp' || t.kind === 'rb') {
      depth--;
      if (depth === 0) return args;
    } else if (t.kind === 'comma' && depth === 1) args++;
  }
  return args;
}

function synthetic(type: string, value: string, at: Tok): Tok {
  const tok = new Tok(type, value, '', at.offset, at.line, at.col, false);
  tok.type = type === 'juxt' ? 'binop' : type;
  return tok;
}

function tooDeep(what: string, at: Tok): never {
  return fail('too-deep', `${what} nested more than ${MAX_NESTING} deep`, tokenSpan(at), {
    hints: [`the parser accepts at most ${MAX_NESTING} levels of nesting; split the expression`],
  });
}

/**
 * Turns text into the token sequence the grammar reads: lexes it, resolves function names
 * (with "did you mean" hints), checks brackets and nesting depth, assigns each token its grammar
 * type and makes implicit structure explicit: a `juxt` product between juxtaposed operands
 * (plain, latex), `prefix` for a prefix minus or a number used as a coefficient (`2A`;
 * numpy/matlab `2 * A`), `lidx` for an indexing bracket (`A[i,j]`, `A_{ij}`, MATLAB `A(i, j)`),
 * `lrows` for the outer bracket of `[[…],[…]]`, and commas between the whitespace-separated
 * entries of `[1 2; 3 4]`. Throws `OdotException` on bad input.
 */
export function prepareTokens(text: string, dialect: Dialect): PreparedTokens {
  const notes: OdotError[] = [];
  const raw = lex(text, dialect, notes);
  if (raw.length === 0) {
    const at = { line: 1, column: 1, offset: 0 };
    fail('empty-input', 'empty input: expected an expression', { start: at, end: at }, { expected: ['an expression'] });
  }
  const juxtaposes = dialect === 'plain' || dialect === 'latex';
  const separates = dialect === 'plain' || dialect === 'matlab';
  const coefficientOps = dialect === 'numpy' || dialect === 'matlab';
  const out: Tok[] = [];
  const stack: Tok[] = [];
  let unaryRun = 0;
  let postfixRun = 0;
  let callNext = false;
  let prev: Tok | undefined;

  for (let i = 0; i < raw.length; i++) {
    const tok = raw[i] as Tok;
    const next = raw[i + 1];
    const kind = tok.kind;
    tok.type = GRAMMAR_TYPE[kind] ?? kind;

    switch (kind) {
      case 'ident':
        if (next?.kind === 'lp') {
          const op = lookupFunction(dialect, tok.value);
          if (dialect === 'plain' || dialect === 'latex') {
            if (op !== undefined) [tok.kind, tok.type] = ['fn', 'lp'];
            else if (!next.ws && /^[A-Za-z]{2,}$/.test(tok.value)) unknownFunction(tok, tok.value, dialect);
          } else if (dialect === 'matlab') {
            if (op !== undefined) [tok.kind, tok.type] = ['fn', 'lp'];
            else {
              if (/^[A-Za-z]{2,}$/.test(tok.value) && closest(tok.value, Object.keys(FUNCTIONS.matlab)).length > 0 && argumentCount(raw, i + 1) === 1) {
                unknownFunction(tok, tok.value, dialect);
              }
              callNext = true;
            }
          } else if (lookupFunction('numpy', `np.${tok.value}`) !== undefined) {
            fail('unknown-function', `unknown function \`${tok.value}\``, tokenSpan(tok), { hints: [`did you mean \`np.${tok.value}\`?`] });
          }
        }
        break;
      case 'fn':
        if (lookupFunction(dialect, tok.value) === undefined) unknownFunction(tok, tok.value, dialect);
        if (next?.kind !== 'lp') fail('expected-token', `expected \`(\` after ${show(tok)}`, tokenSpan(next ?? tok), { expected: ['('] });
        break;
      case 'sum':
        if (next?.kind !== 'lp') fail('expected-token', `expected \`(\` after ${show(tok)}`, tokenSpan(next ?? tok), { expected: ['('] });
        break;
      case 'lp':
        if (callNext) {
          tok.type = 'lidx';
          tok.value = 'call';
          callNext = false;
        } else if (prev?.kind === 'fn' || prev?.kind === 'sum') {
          // `diag(`: the function token already opens the call; this bracket only needs matching.
          tok.value = 'callopen';
        } else if (prev?.kind === 'lp' && prev.value === 'callopen' && dialect === 'numpy') {
          // np.ones((m, n)): the shape tuple's brackets are dropped, its entries become the arguments.
          const fn = out[out.length - 1];
          if (fn !== undefined && (fn.value.endsWith('.ones') || fn.value.endsWith('.zeros'))) {
            fn.flag = 'tuple';
            tok.value = 'drop';
          }
        }
        break;
      case 'sub': {
        if (prev?.kind === 'ident' && !tok.ws) {
          // D_1, D_{12}: digits in a subscript are part of the name (D₁, D₁₂).
          const braced = next?.kind === 'lbrace' && raw[i + 2]?.kind === 'num' && raw[i + 3]?.kind === 'rbrace';
          const digits = braced ? raw[i + 2] : next?.kind === 'num' ? next : undefined;
          if (digits !== undefined && /^\d+$/.test(digits.value)) {
            const last = braced ? (raw[i + 3] as Tok) : digits;
            prev.value += [...digits.value].map((d) => SUBSCRIPT[Number(d)]).join('');
            prev.text = text.slice(prev.offset, last.offset + last.text.length);
            i += braced ? 3 : 1;
            continue;
          }
        }
        if (next?.kind === 'lbrace' && prev !== undefined && SUBSCRIPTABLE.has(prev.kind) && !tok.ws) {
          // A_{ij}, (A B)_{i,j}, \begin{pmatrix}…\end{pmatrix}_{1,2}: the subscript braces index like A[i,j].
          next.value = 'subscript';
          continue;
        }
        break;
      }
      case 'lbrace':
        if (tok.value === 'subscript') tok.type = 'lidx';
        break;
      case 'lb':
        if (prev !== undefined && ENDS.has(prev.kind) && (dialect === 'numpy' || (dialect === 'plain' && !tok.ws))) {
          tok.type = 'lidx';
          if (dialect === 'numpy') tok.value = '0-based';
        } else if (next?.kind === 'lb') tok.flag = 'rows';
        break;
      case 'num':
        if (prev !== undefined && (EXPONENT_OPENERS.has(prev.kind) || (prev.kind === 'minus' && EXPONENT_OPENERS.has(out[out.length - 2]?.kind ?? '')))) {
          tok.exponent = true;
        }
        break;
      case 'minus':
        tok.type = prev !== undefined && ENDS.has(prev.kind) ? 'binop' : 'prefix';
        break;
      default:
        break;
    }

    // numpy/matlab: `2 * A` and `2 .* A` are scalar multiples.
    if (coefficientOps && (kind === 'had' || kind === 'mm') && prev?.kind === 'num' && !prev.exponent) {
      prev.type = 'prefix';
      continue;
    }

    // Implicit structure between two operands.
    if (prev !== undefined && ENDS.has(prev.kind)) {
      const top = stack[stack.length - 1];
      const inMatrix = separates && top !== undefined && top.kind === 'lb' && top.type === 'lp';
      if ((STARTS.has(kind) && tok.type !== 'lidx') || (inMatrix && kind === 'num')) {
        if (juxtaposes && prev.kind === 'num' && !prev.exponent && kind !== 'num' && !(inMatrix && tok.ws)) {
          // `2A`: the number is a coefficient. After an operand (`A 2B`) it is juxtaposed itself.
          prev.type = 'prefix';
          const before = out[out.length - 2];
          if (before !== undefined && ENDS.has(before.kind)) out.splice(out.length - 1, 0, synthetic('juxt', 'juxt', prev));
        } else if (inMatrix && tok.ws) {
          out.push(synthetic('comma', ',', tok));
        } else if (juxtaposes && kind !== 'num') {
          out.push(synthetic('juxt', 'juxt', tok));
        }
      } else if (inMatrix && tok.ws && (kind === 'minus' || kind === 'plus') && next !== undefined && !next.ws && (STARTS.has(next.kind) || next.kind === 'num')) {
        out.push(synthetic('comma', ',', tok));
        tok.type = 'prefix';
      }
    }

    // Brackets and depth limits.
    if (OPENER_KINDS.has(kind)) {
      stack.push(tok);
      if (stack.length > MAX_NESTING) tooDeep('brackets', tok);
      if (kind === 'hpowl') {
        // A^{\circ 2}: a Hadamard power whose exponent is the braced group.
        tok.type = 'pow';
        out.push(tok);
        prev = tok;
        out.push(synthetic('lp', '{', tok));
        continue;
      }
      if (tok.value === 'drop' || tok.value === 'callopen') {
        prev = tok;
        continue;
      }
    } else if (CLOSER_KINDS.has(kind)) {
      const open = stack.pop();
      if (open === undefined) {
        fail('unbalanced', `unmatched ${show(tok)}: there is no open bracket to close`, tokenSpan(tok), {
          hints: ['remove it or add the opening bracket'],
        });
      }
      if (!(CLOSERS[kind] ?? []).includes(open.kind)) {
        fail('unbalanced', `${show(tok)} does not close ${show(open)} opened at ${open.line}:${open.col}`, tokenSpan(tok), {
          expected: [OPENERS[open.kind] ?? ''],
        });
      }
      // Every closer is `rp` to the grammar (the brackets were matched above) except after `lidx`.
      tok.type = open.type === 'lidx' ? 'rb' : 'rp';
      if (open.value === 'drop') {
        prev = tok;
        continue;
      }
    }
    unaryRun = tok.type === 'prefix' ? unaryRun + 1 : 0;
    if (unaryRun > MAX_NESTING) tooDeep('prefix signs', tok);
    if (POSTFIX.has(kind)) {
      if (++postfixRun > MAX_NESTING) tooDeep('postfix operators', tok);
    } else if (tok.type !== 'leaf' && tok.type !== 'prefix' && kind !== 'top') postfixRun = 0;
    // `A[i,j]`: an index is a postfix operator, so it reads as `pow` followed by the bracket
    // (one left-recursive Postfix rule in the grammar instead of two).
    if (tok.type === 'lidx') out.push(synthetic('pow', 'index', tok));
    out.push(tok);
    prev = tok;
    // `Aᵀ`, `A'`, `A⁻¹` are postfix operators without an exponent: the grammar reads them as
    // `pow` followed by this empty `top` token, so all postfix operators share one rule.
    if (kind === 'post') out.push(synthetic('top', '', tok));
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined) {
    const closer = OPENERS[unclosed.kind] ?? ')';
    fail('unbalanced', `unclosed ${show(unclosed)}: expected \`${closer}\` before the end of the input`, tokenSpan(unclosed), {
      expected: [closer],
    });
  }
  if (juxtaposes) {
    for (let i = 1; i + 1 < out.length; i++) {
      const t = out[i] as Tok;
      if (t.kind === 'ident' && t.value === 'o' && out[i - 1]?.kind === 'juxt' && out[i + 1]?.kind === 'juxt') {
        notes.push(
          odotError('o-for-odot', '`A o B` multiplies by a matrix named `o`', {
            severity: 'warning',
            span: tokenSpan(t),
            hints: ['did you mean `⊙` (the Hadamard product)? type `⊙`, `∘` or `.*`'],
          }),
        );
      }
    }
  }
  return { tokens: out, notes };
}
