import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import { defineComponent, h, onMounted } from 'vue';
import './custom.css';
import { withBase } from 'vitepress';
import { loadMathStyle, useMathStylesheet } from '../../../apps/playground/src/katex-style.ts';
import { KATEX_STYLESHEET_PATH } from './katex-stylesheet.ts';

/** How long a client-side navigation waits at most for KaTeX's stylesheet (then the page shows, its math styled when the sheet arrives). */
const MATH_STYLE_WAIT_MS = 3000;

/** Whether `href` (a client-side navigation's target) is the playground page, which loads KaTeX's stylesheet itself when it shows a formula. */
const isPlayground = (href: string): boolean => /\/playground(\.html)?$/.test(new URL(href, location.href).pathname);

/**
 * Before a client-side navigation to a page other than the playground: KaTeX's stylesheet, which
 * is not in the site's CSS (its pages with math link it in their HTML, `math-stylesheet.ts`), so
 * the next page's math is styled as it appears. Once per visit (the link stays; a page that
 * linked it in its HTML has it already).
 */
async function beforeRouteChange(href: string): Promise<void> {
  if (isPlayground(href)) return;
  await Promise.race([loadMathStyle(), new Promise((done) => setTimeout(done, MATH_STYLE_WAIT_MS))]);
}

/**
 * Renders a law card's worked example (LaTeX in `data-tex`) when its `<details>` is opened: the
 * law reference stays small (116 cards), and KaTeX loads only when someone asks for an example.
 */
async function renderLawExample(event: Event): Promise<void> {
  const details = event.target;
  if (!(details instanceof HTMLDetailsElement) || !details.classList.contains('law-example') || !details.open) return;
  if (details.dataset['rendered'] === 'true') return;
  details.dataset['rendered'] = 'true';
  const { default: katex } = await import('katex');
  for (const element of details.querySelectorAll<HTMLElement>('.law-tex')) {
    katex.render(element.dataset['tex'] ?? '', element, { displayMode: true, throwOnError: false, trust: false, strict: 'ignore', output: 'htmlAndMathml' });
  }
}

/**
 * The default layout, with the search button's key hint (`Ctrl K`) hidden from assistive
 * technology and the button named by its visible text "Search" (its `aria-label` did not
 * contain the visible key hint: axe `label-content-name-mismatch`).
 */
const Layout = defineComponent({
  setup() {
    onMounted(() => {
      for (const keys of document.querySelectorAll('.DocSearch-Button-Keys')) keys.setAttribute('aria-hidden', 'true');
      for (const button of document.querySelectorAll('.DocSearch-Button')) button.removeAttribute('aria-label');
    });
    return () => h(DefaultTheme.Layout);
  },
});

/** The default theme plus lazily rendered law examples and KaTeX's stylesheet before client-side navigations (the playground page imports its component itself). */
export default {
  extends: DefaultTheme,
  Layout,
  enhanceApp({ router }) {
    if (typeof document === 'undefined') return;
    document.addEventListener('toggle', (event) => void renderLawExample(event), true);
    useMathStylesheet(withBase(KATEX_STYLESHEET_PATH));
    router.onBeforeRouteChange = beforeRouteChange;
  },
} satisfies Theme;
