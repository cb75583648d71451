import type { Property } from './property.ts';
import type { Shape } from './shape.ts';
import type { Span } from './span.ts';

/** The number set of a scalar declared `k: natural` (0, 1, 2, …) or `k: integer`. */
export type ScalarDomain = 'natural' | 'integer';

/** One declaration line such as `A, B: m×n`, `D: n×n diagonal`, `u: 3`, `c: scalar`, `k: natural`. */
export interface Declaration {
  readonly names: readonly string[];
  readonly shape: Shape;
  readonly properties: readonly Property[];
  /** Set for `k: natural` and `k: integer` (the shape is scalar). */
  readonly domain?: ScalarDomain;
  readonly span?: Span;
}

/** What is known about one declared symbol. */
export interface SymbolInfo {
  readonly shape: Shape;
  readonly properties: ReadonlySet<Property>;
  /** `natural` or `integer` for scalars so declared. */
  readonly domain?: ScalarDomain;
}

/** The symbols in scope with their shapes and properties. */
export type Givens = ReadonlyMap<string, SymbolInfo>;

/** Collects declarations into givens; a later declaration of the same name adds to the earlier one's properties. */
export function givensFrom(declarations: readonly Declaration[]): Givens {
  const out = new Map<string, SymbolInfo>();
  for (const decl of declarations) {
    for (const name of decl.names) {
      const before = out.get(name)?.properties ?? new Set<Property>();
      const domain = decl.domain ?? out.get(name)?.domain;
      out.set(name, { shape: decl.shape, properties: new Set([...before, ...decl.properties]), ...(domain ? { domain } : {}) });
    }
  }
  return out;
}
