import type { LawRule } from './backend.ts';
import { findEntrywiseLaw } from './entrywise-laws.ts';

/** The rules of an entrywise law as plain rewrite rules, for the replay checker. */
export function entrywiseRules(name: string): readonly LawRule[] {
  return (findEntrywiseLaw(name)?.rules ?? []).map((rule) => ({ lhs: rule.lhs, rhs: rule.rhs, variables: rule.variables }));
}
