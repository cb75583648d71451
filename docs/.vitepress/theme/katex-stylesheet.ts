/** Set by the docs' Vite config (`define`): where the built site keeps KaTeX's stylesheet (`math-stylesheet.ts`). */
declare const __ODOT_KATEX_STYLESHEET__: string;

/**
 * Where the built site keeps KaTeX's stylesheet (its `fonts/` beside it), by KaTeX's version: a
 * file of its own, copied at build, not part of the site's render-blocking CSS. Client side.
 */
export const KATEX_STYLESHEET_PATH: string = __ODOT_KATEX_STYLESHEET__;
