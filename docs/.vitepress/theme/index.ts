import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import { defineComponent, h, onMounted } from 'vue';
import 'katex/dist/katex.min.css';
import './custom.css';

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

/** The default theme plus lazily rendered law examples (the playground page imports its component itself). */
export default {
  extends: DefaultTheme,
  Layout,
  enhanceApp() {
    if (typeof document !== 'undefined') document.addEventListener('toggle', (event) => void renderLawExample(event), true);
  },
} satisfies Theme;
