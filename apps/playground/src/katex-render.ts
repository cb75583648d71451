import type { KatexOptions } from 'katex';

/** KaTeX's `render`, once its chunk has loaded. */
type Render = (latex: string, element: HTMLElement, options: KatexOptions) => void;

let render: Render | undefined;
let loading: Promise<void> | undefined;
/** Elements waiting for KaTeX (rendered when it arrives, if still on the page). */
const waiting: { readonly element: HTMLElement; readonly latex: string; readonly displayMode: boolean }[] = [];

/**
 * KaTeX in its safe mode: `trust: false` (no \href, \url, \includegraphics, \htmlClass…),
 * `throwOnError: false` (a bad formula shows in red, never throws), `maxExpand` bounded against
 * macro bombs.
 */
function draw(draw: Render, element: HTMLElement, latex: string, displayMode: boolean): void {
  element.classList.remove('odot-math-pending');
  draw(latex, element, { trust: false, throwOnError: false, strict: 'ignore', displayMode, maxExpand: 200, maxSize: 20 });
}

/**
 * Loads KaTeX (its own chunk, not needed for the first answer) and renders every formula that
 * waited for it. Safe to call many times.
 */
export function loadMath(): Promise<void> {
  loading ??= import('katex').then(
    ({ default: katex }) => {
      render = (latex, element, options) => katex.render(latex, element, options);
      for (const job of waiting.splice(0)) if (job.element.isConnected) draw(render, job.element, job.latex, job.displayMode);
    },
    (error: unknown) => console.warn('odot playground: KaTeX did not load; formulas stay as LaTeX text', error),
  );
  return loading;
}

/**
 * Renders LaTeX into `element` with KaTeX in its safe mode. Until KaTeX has loaded (`loadMath`),
 * the element shows the LaTeX source and is rendered when it arrives.
 */
export function renderMath(element: HTMLElement, latex: string, displayMode = true): void {
  if (render) return draw(render, element, latex, displayMode);
  element.textContent = latex;
  element.classList.add('odot-math-pending');
  waiting.push({ element, latex, displayMode });
  if (waiting.length > 2000) waiting.shift(); // bounded, should KaTeX never load
}
