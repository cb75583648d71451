import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import 'katex/dist/katex.min.css';
import './custom.css';
import Playground from './Playground.vue';
import LawReference from './LawReference.vue';

/** The default theme plus the playground and the generated law reference. */
export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('OdotPlayground', Playground);
    app.component('LawReference', LawReference);
  },
} satisfies Theme;
