// The seed example's formulas rendered by KaTeX ahead of time (the docs build puts them in the
// playground page's HTML), so the page as it opens shows them without loading KaTeX. Build time
// only: it runs the engine's tasks for the seed in Node, with the worker's own functions.
import katex from 'katex';
import { runTask } from './engine.ts';
import { KATEX_OPTIONS, formulaKey, resultFormulas } from './math-formulas.ts';
import { tasksFor } from './protocol.ts';
import { SEED_STATE, type PlaygroundState } from './state.ts';

/**
 * Every formula the panes show for `state` (the seed by default), rendered by KaTeX in its safe
 * mode, by `formulaKey` (the HTML of each; `renderMath` uses it instead of loading KaTeX).
 */
export function renderStateFormulas(state: PlaygroundState = SEED_STATE): ReadonlyMap<string, string> {
  const formulas = tasksFor(state).flatMap((task) => resultFormulas(runTask(task)));
  return new Map(formulas.map((formula) => [formulaKey(formula), katex.renderToString(formula.latex, { ...KATEX_OPTIONS, displayMode: formula.displayMode })]));
}
