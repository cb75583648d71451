import type { Dim } from './dim.ts';
import { dimProduct } from './dim.ts';

/**
 * Dimension terms used during shape inference: a number, a symbol (`m`), an inference variable,
 * or a product of terms (from the Kronecker product: (m×n) ⊗ (p×q) is (m·p)×(n·q)).
 */
export type DimTerm =
  | { readonly k: 'num'; readonly n: number }
  | { readonly k: 'sym'; readonly s: string }
  | { readonly k: 'var'; readonly id: number }
  | { readonly k: 'prod'; readonly coef: number; readonly factors: readonly DimTerm[] };

/** A normalised term: numbers folded into `coef`, factors are symbols and variables in a stable order. */
export function dimKey(t: DimTerm): string {
  switch (t.k) {
    case 'num':
      return String(t.n);
    case 'sym':
      return t.s;
    case 'var':
      return `?${t.id}`;
    case 'prod':
      return [...(t.coef === 1 ? [] : [String(t.coef)]), ...t.factors.map(dimKey)].join('·');
  }
}

/** The term of a declared dimension: a number, a symbol, or a product (`m·p`, `2·m`). */
export function dimFromLiteral(d: Dim): DimTerm {
  if (typeof d === 'number') return { k: 'num', n: d };
  if (typeof d === 'string') return { k: 'sym', s: d };
  return product([{ k: 'num', n: d.coef }, ...d.factors.map((s): DimTerm => ({ k: 'sym', s }))]);
}

/** The product of terms, flattened and normalised (numbers multiplied, factors sorted: symbols before variables). */
export function product(terms: readonly DimTerm[]): DimTerm {
  let coef = 1;
  const factors: DimTerm[] = [];
  const pending = [...terms];
  while (pending.length > 0) {
    const t = pending.pop() as DimTerm;
    if (t.k === 'num') coef *= t.n;
    else if (t.k === 'prod') {
      coef *= t.coef;
      pending.push(...t.factors);
    } else factors.push(t);
  }
  if (coef === 0 || factors.length === 0) return { k: 'num', n: coef };
  const rank = (t: DimTerm): string => (t.k === 'var' ? `1${String(t.id).padStart(12, '0')}` : `0${dimKey(t)}`);
  factors.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  if (coef === 1 && factors.length === 1) return factors[0] as DimTerm;
  return { k: 'prod', coef, factors };
}

/** True when the term mentions an inference variable. */
export function hasVar(t: DimTerm): boolean {
  return t.k === 'var' || (t.k === 'prod' && t.factors.some(hasVar));
}

/** The public `Dim` of a resolved term: a number, a symbol, a product, `?3` for an open variable. */
export function dimToPublic(t: DimTerm): Dim {
  switch (t.k) {
    case 'num':
      return t.n;
    case 'sym':
      return t.s;
    case 'var':
      return `?${t.id}`;
    case 'prod':
      return dimProduct([t.coef, ...t.factors.map(dimToPublic)]);
  }
}
