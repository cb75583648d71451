import type { Term } from '../term.ts';

/**
 * A symbolic exponent: a polynomial in declared natural symbols with natural coefficients (so its
 * value is a natural number for every assignment), as monomial key → coefficient. A monomial key is
 * its symbols sorted and joined by `*` (`k*l`); the constant term has the key `''`. No zero
 * coefficients are stored.
 */
export type Exponent = ReadonlyMap<string, bigint>;

/** The exponent `k` of one natural symbol. */
export function exponentSymbol(name: string): Exponent {
  return new Map([[name, 1n]]);
}

/** The constant exponent `n` (the empty map for 0). */
export function exponentConstant(n: bigint): Exponent {
  return n === 0n ? new Map() : new Map([['', n]]);
}

/** a + b. */
export function addExponents(a: Exponent, b: Exponent): Exponent {
  const out = new Map(a);
  for (const [k, c] of b) out.set(k, (out.get(k) ?? 0n) + c);
  return out;
}

function mulKeys(a: string, b: string): string {
  return [...(a === '' ? [] : a.split('*')), ...(b === '' ? [] : b.split('*'))].sort().join('*');
}

/** a · b. */
export function mulExponents(a: Exponent, b: Exponent): Exponent {
  const out = new Map<string, bigint>();
  for (const [ka, ca] of a) {
    for (const [kb, cb] of b) {
      const k = mulKeys(ka, kb);
      out.set(k, (out.get(k) ?? 0n) + ca * cb);
    }
  }
  return out;
}

/** True when the exponent names a symbol (not a constant). */
export function isSymbolic(e: Exponent): boolean {
  for (const k of e.keys()) if (k !== '') return true;
  return false;
}

/** Higher degree first, then alphabetical; the constant last. */
function byDegree(a: string, b: string): number {
  const da = a === '' ? 0 : a.split('*').length;
  const db = b === '' ? 0 : b.split('*').length;
  return db - da || (a < b ? -1 : a > b ? 1 : 0);
}

/** The exponent in plain syntax: `k`, `k + l`, `2 k l + 1` (canonical: equal exponents print alike). */
export function exponentText(e: Exponent): string {
  const parts = [...e.keys()].sort(byDegree).map((k) => {
    const c = e.get(k) as bigint;
    if (k === '') return String(c);
    const symbols = k.split('*').join(' ');
    return c === 1n ? symbols : `${c} ${symbols}`;
  });
  return parts.length === 0 ? '0' : parts.join(' + ');
}

/** `^k` or `^(k + l)`: the exponent as a suffix, bracketed unless it is one symbol. */
export function exponentSuffix(e: Exponent): string {
  const text = exponentText(e);
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(text) ? `^${text}` : `^(${text})`;
}

/**
 * The exponent a scalar term denotes when it is built from declared natural symbols and natural
 * numbers with +, products and scalar multiples (`k`, `k + l`, `2 k`, `k l + 1`); undefined for
 * anything else (another symbol, a difference, a fraction).
 */
export function exponentOf(t: Term, naturals: ReadonlySet<string>): Exponent | undefined {
  switch (t.op) {
    case 'sym':
      return t.shape.kind === 'scalar' && naturals.has(t.data) ? exponentSymbol(t.data) : undefined;
    case 'num':
      return t.value && t.value.den === 1n && t.value.num >= 0n ? exponentConstant(t.value.num) : undefined;
    case 'add': {
      let out: Exponent = new Map();
      for (const a of t.args) {
        const x = exponentOf(a, naturals);
        if (!x) return undefined;
        out = addExponents(out, x);
      }
      return out;
    }
    case 'mul':
    case 'smul':
    case 'had': {
      if (t.shape.kind !== 'scalar') return undefined;
      let out: Exponent = exponentConstant(1n);
      for (const a of t.args) {
        const x = exponentOf(a, naturals);
        if (!x) return undefined;
        out = mulExponents(out, x);
      }
      return out;
    }
    default:
      return undefined;
  }
}
