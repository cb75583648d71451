import katex from 'katex';

/**
 * Renders LaTeX into `element` with KaTeX in its safe mode: `trust: false` (no \href, \url,
 * \includegraphics, \htmlClass…), `throwOnError: false` (a bad formula shows in red, never throws),
 * `maxExpand` bounded against macro bombs.
 */
export function renderMath(element: HTMLElement, latex: string, displayMode = true): void {
  katex.render(latex, element, {
    trust: false,
    throwOnError: false,
    strict: 'ignore',
    displayMode,
    maxExpand: 200,
    maxSize: 20,
  });
}
