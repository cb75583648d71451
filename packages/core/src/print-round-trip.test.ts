import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  add,
  claim,
  det,
  diag,
  diagVec,
  entry,
  equal,
  identity,
  matrixPower,
  notEqual,
  ones,
  trace,
  zero,
  hadamard,
  hadamardPower,
  identifier,
  inverse,
  kronecker,
  matMul,
  neg,
  numberLiteral,
  scalarMul,
  sub,
  transpose,
} from './build.ts';
import type { Expr } from './expr.ts';
import { exprEquals } from './expr-equals.ts';
import { printSexpr } from './print-sexpr.ts';
import { printAscii, printPlain } from './print-text.ts';

// An independent check that the minimal-bracket printers never change meaning: a small reference
// parser for the operator subset (written from ARCHITECTURE.md's precedence ladder, not from the printer)
// reads the printed text back, and the tree must be the one printed. A fully bracketed reference
// printer checks the reference parser itself.

type Tok = { t: 'id' | 'num' | 'op'; v: string };

function lex(text: string): Tok[] {
  const out: Tok[] = [];
  const re =
    /\s*(?:([JO]_\{\w+(?:×| x )\w+\}|I_\w|[A-Z][₀-₉]*(?:_\d+)?|[ijk](?![a-z]))|(\d+)|(\.\*|\.\^|\^⊙|\^-1|kron|diagvec|diag|tr|det|psd|pd|!=|[⊙⊗@+\-()=≠⪰≻ᵀ'^,[\]]|⁻¹))/uy;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new Error(`cannot lex at ${at}: ${text.slice(at)}`);
    at = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'id', v: m[1] });
    else if (m[2] !== undefined) out.push({ t: 'num', v: m[2] });
    else out.push({ t: 'op', v: m[3] as string });
  }
  return out;
}

function referenceParse(text: string): Expr {
  const toks = lex(text);
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const isOp = (v: string): boolean => peek()?.t === 'op' && peek()?.v === v;
  const expect_ = (v: string): void => {
    if (!isOp(v)) throw new Error(`expected ${v} at token ${p} in ${text}`);
    p++;
  };
  const relation = (): Expr => {
    const left = additive();
    if (isOp('=')) {
      p++;
      return equal(left, additive());
    }
    if (isOp('≠') || isOp('!=')) {
      p++;
      return notEqual(left, additive());
    }
    if (isOp('⪰') || isOp('≻')) {
      const property = isOp('⪰') ? 'psd' : 'pd';
      p++;
      if (peek()?.v !== '0') throw new Error('expected 0 after ⪰');
      p++;
      return claim(property, left);
    }
    return left;
  };
  const additive = (): Expr => {
    let left = product();
    for (;;) {
      if (isOp('+')) {
        p++;
        left = add(left, product());
      } else if (isOp('-')) {
        p++;
        left = sub(left, product());
      } else return left;
    }
  };
  const CALLS = ['kron', 'diag', 'diagvec', 'tr', 'det', 'psd', 'pd'];
  const startsOperand = (): boolean => {
    const t = peek();
    return t !== undefined && (t.t === 'id' || (t.t === 'op' && (t.v === '(' || CALLS.includes(t.v))));
  };
  const product = (): Expr => {
    let left = prefix();
    for (;;) {
      if (isOp('⊙') || isOp('.*')) {
        p++;
        left = hadamard(left, prefix());
      } else if (isOp('⊗')) {
        p++;
        left = kronecker(left, prefix());
      } else if (isOp('@')) {
        p++;
        left = matMul(left, prefix());
      } else if (startsOperand()) left = matMul(left, prefix());
      else return left;
    }
  };
  const prefix = (): Expr => {
    if (isOp('-')) {
      p++;
      return neg(postfix());
    }
    const t = peek();
    if (t?.t === 'num') {
      p++;
      if (startsOperand()) return scalarMul(numberLiteral(t.v), postfix());
      p--;
    }
    return postfix();
  };
  const postfix = (): Expr => {
    let base = atom();
    for (;;) {
      if (isOp('ᵀ') || isOp("'")) {
        p++;
        base = transpose(base);
      } else if (isOp('⁻¹') || isOp('^-1')) {
        p++;
        base = inverse(base);
      } else if (isOp('^⊙') || isOp('.^') || isOp('^')) {
        const hadamardKind = !isOp('^');
        p++;
        const t = peek();
        if (t?.t !== 'num') throw new Error('expected an exponent');
        p++;
        base = hadamardKind ? hadamardPower(base, numberLiteral(t.v)) : matrixPower(base, numberLiteral(t.v));
      } else if (isOp('[')) {
        p++;
        const row = relation();
        expect_(',');
        const col = relation();
        expect_(']');
        base = entry(base, row, col);
      } else return base;
    }
  };
  const atom = (): Expr => {
    const t = peek();
    if (t?.t === 'num') {
      p++;
      return t.v === '0' ? zero() : numberLiteral(t.v);
    }
    if (t?.t === 'id') {
      p++;
      const sized = /^([JO])_\{(\w+)(?:×| x )(\w+)\}$/u.exec(t.v);
      if (sized) {
        const dim = (d: string): string | number => (/^\d+$/.test(d) ? Number(d) : d);
        const [, letter, r = '', c = ''] = sized;
        return letter === 'J' ? ones(dim(r), dim(c)) : zero(dim(r), dim(c));
      }
      if (t.v === 'J') return ones();
      if (t.v === 'I') return identity();
      if (t.v.startsWith('I_')) return identity(t.v.slice(2));
      return identifier(t.v);
    }
    const unary: Record<string, (e: Expr) => Expr> = {
      diag: (e) => diag(e),
      diagvec: (e) => diagVec(e),
      tr: (e) => trace(e),
      det: (e) => det(e),
      psd: (e) => claim('psd', e),
      pd: (e) => claim('pd', e),
    };
    const call = t?.t === 'op' ? unary[t.v] : undefined;
    if (call !== undefined) {
      p++;
      expect_('(');
      const arg = relation();
      expect_(')');
      return call(arg);
    }
    if (isOp('kron')) {
      p++;
      expect_('(');
      const l = relation();
      expect_(',');
      const r = relation();
      expect_(')');
      return kronecker(l, r);
    }
    expect_('(');
    const e = relation();
    expect_(')');
    return e;
  };
  const e = relation();
  if (p !== toks.length) throw new Error(`trailing tokens in ${text}`);
  return e;
}

/** Brackets around every operation: trivially unambiguous, used to check the reference parser. */
function fullyBracketed(e: Expr): string {
  switch (e.type) {
    case 'Identifier':
      return e.name;
    case 'Hadamard':
      return `(${fullyBracketed(e.left)} ⊙ ${fullyBracketed(e.right)})`;
    case 'MatMul':
      return `(${fullyBracketed(e.left)} ${fullyBracketed(e.right)})`;
    case 'Kronecker':
      return `(${fullyBracketed(e.left)} ⊗ ${fullyBracketed(e.right)})`;
    case 'Add':
      return `(${fullyBracketed(e.left)} + ${fullyBracketed(e.right)})`;
    case 'Sub':
      return `(${fullyBracketed(e.left)} - ${fullyBracketed(e.right)})`;
    case 'Equal':
      return `(${fullyBracketed(e.left)} = ${fullyBracketed(e.right)})`;
    case 'Neg':
      return `(-(${fullyBracketed(e.operand)}))`;
    case 'ScalarMul':
      return `(${printPlain(e.scalar)}(${fullyBracketed(e.operand)}))`;
    case 'Transpose':
      return `((${fullyBracketed(e.operand)})ᵀ)`;
    case 'Inverse':
      return `((${fullyBracketed(e.operand)})⁻¹)`;
    case 'HadamardPower':
      return `((${fullyBracketed(e.base)})^⊙${printPlain(e.exponent)})`;
    case 'MatrixPower':
      return `((${fullyBracketed(e.base)})^${printPlain(e.exponent)})`;
    case 'NotEqual':
      return `(${fullyBracketed(e.left)} ≠ ${fullyBracketed(e.right)})`;
    case 'Claim':
      return `(${e.property}(${fullyBracketed(e.operand)}))`;
    case 'Diag':
    case 'DiagVec':
    case 'Trace':
    case 'Det': {
      const name = { Diag: 'diag', DiagVec: 'diagvec', Trace: 'tr', Det: 'det' }[e.type];
      return `${name}(${fullyBracketed(e.operand)})`;
    }
    case 'Entry':
      return `((${fullyBracketed(e.matrix)})[${fullyBracketed(e.row)},${fullyBracketed(e.col)}])`;
    case 'NumberLiteral':
    case 'Zero':
    case 'Ones':
    case 'Identity':
      return `(${printPlain(e)})`;
    default:
      throw new Error(`not generated: ${e.type}`);
  }
}

const { expr: exprArb } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('A', 'B', 'C', 'D₁', 'X_1').map((n) => identifier(n)),
    fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => hadamard(l, r)),
    fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => matMul(l, r)),
    fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => kronecker(l, r)),
    fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => add(l, r)),
    fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => sub(l, r)),
    tie('expr').map((e) => neg(e)),
    tie('expr').map((e) => transpose(e)),
    tie('expr').map((e) => inverse(e)),
    fc.tuple(fc.integer({ min: 1, max: 9 }), tie('expr')).map(([k, e]) => scalarMul(numberLiteral(String(k)), e)),
    fc.tuple(tie('expr'), fc.integer({ min: 2, max: 5 })).map(([e, k]) => hadamardPower(e, numberLiteral(String(k)))),
    fc.tuple(tie('expr'), fc.integer({ min: 2, max: 5 })).map(([e, k]) => matrixPower(e, numberLiteral(String(k)))),
    fc.constantFrom<Expr>(ones(), ones('m', 'n'), ones(2, 3), zero(), zero('m', 'n'), identity(), identity('n')),
    fc.integer({ min: 1, max: 99 }).map((k) => numberLiteral(String(k))),
    fc.tuple(fc.constantFrom(diag, diagVec, trace, det), tie('expr')).map(([f, e]) => f(e)),
    fc.tuple(tie('expr'), fc.constantFrom('i', 'j', 'k'), fc.constantFrom('i', 'j', 'k')).map(([m, r, c]) =>
      entry(m, identifier(r), identifier(c)),
    ),
  ),
}));

const statementArb = fc.oneof(
  exprArb,
  fc.tuple(exprArb, exprArb).map(([l, r]) => equal(l, r)),
  fc.tuple(exprArb, exprArb).map(([l, r]) => notEqual(l, r)),
  fc.tuple(fc.constantFrom('psd' as const, 'pd' as const), exprArb).map(([p, e]) => claim(p, e)),
);

describe('printers keep the tree', () => {
  test.prop([statementArb], { numRuns: 400 })('the reference parser reads fully bracketed text', (e) => {
    expect(printSexpr(referenceParse(fullyBracketed(e)))).toBe(printSexpr(e));
  });

  test.prop([statementArb], { numRuns: 1000 })('printPlain text reads back to the same tree', (e) => {
    const text = printPlain(e);
    expect(printSexpr(referenceParse(text))).toBe(printSexpr(e));
    expect(exprEquals(referenceParse(text), e)).toBe(true);
  });

  test.prop([statementArb], { numRuns: 1000 })(
    'printAscii text reads back to the same tree',
    (e) => {
      expect(printSexpr(referenceParse(printAscii(e)))).toBe(printSexpr(e));
    },
  );

  test.prop([statementArb])('minimal brackets are never more than full brackets', (e) => {
    const count = (s: string): number => [...s].filter((ch) => ch === '(').length;
    expect(count(printPlain(e))).toBeLessThanOrEqual(count(fullyBracketed(e)));
  });
});

describe('the reference parser', () => {
  test.prop([fc.constant(0)])('distinguishes the re-associations that matter', () => {
    expect(printSexpr(referenceParse('A (B ⊙ C)'))).toBe('(matmul A (hadamard B C))');
    expect(printSexpr(referenceParse('A B ⊙ C'))).toBe('(hadamard (matmul A B) C)');
    expect(printSexpr(referenceParse('2A B'))).toBe('(matmul (smul 2 A) B)');
  });
});
