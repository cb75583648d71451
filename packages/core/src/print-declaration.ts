import type { Declaration } from './declaration.ts';
import { formatShape } from './shape.ts';

/** Prints a declaration the way the parser reads it: `A, B: 2×3`, `D: n×n diagonal`, `c: scalar`, `k: natural`. */
export function printDeclaration(decl: Declaration): string {
  return [`${decl.names.join(', ')}: ${decl.domain ?? formatShape(decl.shape)}`, ...decl.properties].join(' ');
}
