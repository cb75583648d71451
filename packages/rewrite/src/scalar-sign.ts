import { proveProperty, type TermProof } from './infer-property.ts';
import type { Term } from './term.ts';

/**
 * A scalar is psd iff it is ≥ 0 and pd iff it is > 0 (a scalar is a 1×1 matrix). This proves
 * `t ≥ 0` (psd) or `t > 0` (pd) for a scalar term by sign rules, each named in the proof:
 * a number's own sign (`numeric`), `given` (a scalar declared nonnegative/psd/pd), and the catalogue's
 * scalar laws: `scalar_square` (every factor of a product that occurs an odd number of times is
 * ≥ 0, as in `c c`), `nonnegative_product`/`positive_product`, `nonnegative_sum`/`positive_sum`,
 * `even_power`, `trace_psd`/`trace_pd` and `det_psd`/`det_pd`. Undefined means "not proved", never "negative".
 */
export function proveScalarSign(t: Term, property: 'psd' | 'pd'): TermProof | undefined {
  if (t.shape.kind !== 'scalar') return undefined;
  const strict = property === 'pd';
  const proof = (rule: string, premises: readonly TermProof[] = []): TermProof => ({ property, term: t, rule, premises });
  switch (t.op) {
    case 'num': {
      const q = t.value;
      if (!q) return undefined;
      const holds = strict ? q.num > 0n : q.num >= 0n;
      return holds ? { property, term: t, rule: 'numeric', premises: [], evidence: `the number is ${strict ? '> 0' : '≥ 0'}` } : undefined;
    }
    case 'sym': {
      const ok = strict ? t.declared.includes('pd') : t.declared.some((p) => p === 'nonnegative' || p === 'psd' || p === 'pd' || p === 'binary');
      return ok ? proof('given') : undefined;
    }
    case 'mul':
      return productSign(t, property, proof);
    case 'smul': {
      const premises = t.args.map((a) => proveProperty(a, property));
      return premises.every((p) => p !== undefined) ? proof(strict ? 'positive_product' : 'nonnegative_product', premises) : undefined;
    }
    case 'add': {
      const premises = t.args.map((a) => proveProperty(a, 'psd'));
      if (!premises.every((p) => p !== undefined)) return undefined;
      if (!strict) return proof('nonnegative_sum', premises);
      // pd: one summand > 0 (its pd proof is the premise), the others ≥ 0.
      const positive = t.args.map((a) => proveProperty(a, 'pd'));
      const at = positive.findIndex((p) => p !== undefined);
      if (at < 0) return undefined;
      return proof('positive_sum', premises.map((p, i) => (i === at ? (positive[i] as TermProof) : p)));
    }
    case 'hpow':
    case 'mpow': {
      const [base, exponent] = t.args as [Term, Term];
      const even = exponent.op === 'num' && exponent.value !== undefined && exponent.value.den === 1n && exponent.value.num > 0n && exponent.value.num % 2n === 0n;
      if (even && !strict) return proof('even_power');
      const b = proveProperty(base, property);
      return b ? proof(strict ? 'positive_product' : 'nonnegative_product', [b]) : undefined;
    }
    case 'trace':
    case 'det': {
      const operand = t.args[0];
      const inner = proveProperty(operand, property);
      const rule = { trace: { psd: 'trace_psd', pd: 'trace_pd' }, det: { psd: 'det_psd', pd: 'det_pd' } }[t.op][property];
      return inner ? proof(rule, [inner]) : undefined;
    }
    default:
      return undefined;
  }
}

/** A product of scalars: factors of even multiplicity are squares; the others must be ≥ 0 (> 0 for pd). */
function productSign(t: Term, property: 'psd' | 'pd', proof: (rule: string, premises?: readonly TermProof[]) => TermProof): TermProof | undefined {
  const counts = new Map<Term, number>();
  for (const a of t.args) counts.set(a, (counts.get(a) ?? 0) + 1);
  const premises: TermProof[] = [];
  let squares = false;
  for (const [factor, n] of counts) {
    if (n % 2 === 0 && property === 'psd') {
      squares = true;
      continue;
    }
    const p = proveProperty(factor, property);
    if (!p) return undefined;
    premises.push(p);
  }
  return proof(squares ? 'scalar_square' : property === 'pd' ? 'positive_product' : 'nonnegative_product', premises);
}
