import { loadMathStyle, mathStyleLoaded } from './katex-style.ts';
import { KATEX_OPTIONS, formulaKey, type Formula } from './math-formulas.ts';

/** Draws a formula with KaTeX, once its chunk has loaded. */
type Render = (element: HTMLElement, formula: Formula) => void;

let render: Render | undefined;
let loading: Promise<void> | undefined;
/** Formulas KaTeX rendered ahead of time (the docs build, for the seed example), by `formulaKey`. */
const ahead = new Map<string, Node>();
/** Elements waiting for KaTeX or its stylesheet (drawn when they arrive, if still on the page). */
const waiting: { readonly element: HTMLElement; readonly formula: Formula }[] = [];

/** Draws `formula` into `element`: a copy of its ahead-of-time rendering, else KaTeX in its safe mode (`KATEX_OPTIONS`). */
function draw(element: HTMLElement, formula: Formula): boolean {
  const done = ahead.get(formulaKey(formula));
  if (done) element.replaceChildren(done.cloneNode(true));
  else if (render) render(element, formula);
  else return false;
  element.classList.remove('odot-math-pending');
  return true;
}

/** Draws every waiting formula that can be drawn now (still on the page); keeps the rest waiting. */
function drawWaiting(): void {
  const jobs = waiting.splice(0);
  for (const job of jobs) if (job.element.isConnected && !draw(job.element, job.formula)) waiting.push(job);
}

/**
 * Loads KaTeX (its own chunk, loaded only when a formula was not rendered ahead of time, or when
 * someone starts to edit) and its stylesheet, and draws every formula that waited for them.
 * Safe to call many times.
 */
export function loadMath(): Promise<void> {
  loading ??= Promise.all([import('katex'), loadMathStyle()]).then(
    ([{ default: katex }]) => {
      render = (element, formula) => katex.render(formula.latex, element, { ...KATEX_OPTIONS, displayMode: formula.displayMode });
      drawWaiting();
    },
    (error: unknown) => console.warn('odot playground: KaTeX did not load; formulas stay as LaTeX text', error),
  );
  return loading;
}

/**
 * Adds formulas KaTeX rendered ahead of time (`formulaKey` → its rendering, a node that is
 * copied, never parsed from a string): `renderMath` shows them without loading KaTeX.
 */
export function addRenderedFormulas(formulas: ReadonlyMap<string, Node>): void {
  for (const [key, node] of formulas) ahead.set(key, node);
}

/**
 * Renders `formula` into `element` (KaTeX in its safe mode, or its ahead-of-time rendering). Until
 * what it needs has loaded (KaTeX's stylesheet; KaTeX itself when the formula was not rendered
 * ahead), the element shows the LaTeX source and is drawn when it arrives.
 */
export function renderMath(element: HTMLElement, formula: Formula): void {
  const style = loadMathStyle();
  const isAhead = ahead.has(formulaKey(formula));
  if (isAhead ? mathStyleLoaded() : render !== undefined) {
    draw(element, formula);
    return;
  }
  element.textContent = formula.latex;
  element.classList.add('odot-math-pending');
  waiting.push({ element, formula });
  if (waiting.length > 2000) waiting.shift(); // bounded, should KaTeX never load
  if (isAhead) void style.then(drawWaiting);
  else void loadMath();
}
