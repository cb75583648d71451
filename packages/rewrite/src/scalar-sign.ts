import { proveProperty, type TermProof } from './infer-property.ts';
import type { Term } from './term.ts';

/**
 * A scalar is psd iff it is ≥ 0 and pd iff it is > 0 (a scalar is a 1×1 matrix). This proves
 * `t ≥ 0` (psd) or `t > 0` (pd) for a scalar term by sign rules, each named in the proof:
 * `nonnegative_number`, `given` (a scalar declared nonnegative/psd/pd), `scalar_square` (every
 * factor of a product that occurs an odd number of times is ≥ 0, as in `c c`), `nonnegative_product`,
 * `nonnegative_sum`, `even_power`, `trace_psd` (tr P ≥ 0 for psd P, > 0 for pd P) and `det_psd`
 * (det P ≥ 0 for psd P, > 0 for pd P). Undefined means "not proved", never "negative".
 */
export function proveScalarSign(t: Term, property: 'psd' | 'pd'): TermProof | undefined {
  if (t.shape.kind !== 'scalar') return undefined;
  const strict = property === 'pd';
  const proof = (rule: string, premises: readonly TermProof[] = []): TermProof => ({ property, term: t, rule, premises });
  switch (t.op) {
    case 'num': {
      const q = t.value;
      if (!q) return undefined;
      return (strict ? q.num > 0n : q.num >= 0n) ? proof('nonnegative_number') : undefined;
    }
    case 'sym': {
      const ok = strict ? t.declared.includes('pd') : t.declared.some((p) => p === 'nonnegative' || p === 'psd' || p === 'pd' || p === 'binary');
      return ok ? proof('given') : undefined;
    }
    case 'mul':
      return productSign(t, property, proof);
    case 'smul': {
      const premises = t.args.map((a) => proveScalarSign(a, property));
      return premises.every((p) => p !== undefined) ? proof('nonnegative_product', premises) : undefined;
    }
    case 'add': {
      const premises = t.args.map((a) => proveScalarSign(a, 'psd'));
      if (!premises.every((p) => p !== undefined)) return undefined;
      if (strict && !t.args.some((a) => proveScalarSign(a, 'pd'))) return undefined;
      return proof('nonnegative_sum', premises);
    }
    case 'hpow':
    case 'mpow': {
      const [base, exponent] = t.args as [Term, Term];
      const even = exponent.op === 'num' && exponent.value !== undefined && exponent.value.den === 1n && exponent.value.num > 0n && exponent.value.num % 2n === 0n;
      if (even && !strict) return proof('even_power');
      const b = proveScalarSign(base, property);
      return b ? proof('nonnegative_product', [b]) : undefined;
    }
    case 'trace':
    case 'det': {
      const operand = t.args[0];
      const inner = proveProperty(operand, property);
      return inner ? proof(t.op === 'trace' ? 'trace_psd' : 'det_psd', [inner]) : undefined;
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
    const p = proveScalarSign(factor, property);
    if (!p) return undefined;
    premises.push(p);
  }
  return proof(squares ? 'scalar_square' : 'nonnegative_product', premises);
}
