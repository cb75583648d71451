import { LAWS } from '@odot/rewrite';
import type { LawEntry, TaskResult } from './protocol.ts';

/**
 * The law catalogue as the proof editor's completions need it (name, aliases, statement), read
 * from @odot/rewrite's `LAWS` in the worker: the page itself never loads the catalogue.
 */
export function lawsView(): TaskResult {
  const laws: LawEntry[] = LAWS.map((law) => ({ name: law.name, aliases: [...law.aliases], statement: law.statement }));
  return { kind: 'laws', ok: true, view: { laws } };
}
