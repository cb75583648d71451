import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core, injected from the npm package into a page of the built site by the browser tests.

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA tags axe checks by default here. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** One axe-core violation: its rule, its impact and the selectors of the elements it found. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly targets: readonly string[];
}

/** What `axeViolations` checks: the element matching `within` (default the whole document), against `rules` (default WCAG 2.1 A/AA). */
export interface AxeScope {
  readonly within?: string;
  readonly rules?: readonly string[];
}

/** The axe-core violations of the open page (injecting axe once per document). Throws when `within` matches nothing. */
export async function axeViolations(page: Page, scope: AxeScope = {}): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const runOnly = scope.rules ? { type: 'rule', values: scope.rules } : { type: 'tag', values: WCAG_21_AA };
  const found = await page.evaluate(
    async ({ within, only }) => {
      const axe = (window as unknown as { axe: { run: (context: Element | Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const context = within === undefined ? document : document.querySelector(within);
      if (!context) return undefined;
      const result = await axe.run(context, { runOnly: only, resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
    },
    { within: scope.within, only: runOnly },
  );
  if (found === undefined) throw new Error(`axe: nothing matches ${scope.within ?? 'the document'}`);
  return found;
}
