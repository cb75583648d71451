import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme, type MarkdownRenderer } from 'vitepress';
import katexModule from '@vscode/markdown-it-katex';
import { lawReferencePlugin } from './law-reference.ts';
import { openInPlaygroundPlugin } from './open-in-playground.ts';
import { headingAnchorLabelPlugin } from './heading-anchor-label.ts';
import { proofLanguage } from './proof-language.ts';
import { shellSessionTransformer } from './shell-session.ts';
import { KATEX_STYLESHEET_PATH, copyMathStylesheet, linkMathStylesheet, mathStylesheetDevServer } from './math-stylesheet.ts';
import { PLAYGROUND_PAGE, playgroundHtml } from './playground-html.ts';
import { inlineFirstFrameCssOf } from './first-frame-css.ts';
import { WORKER_BUILD } from '../../apps/playground/worker-build.ts';

// The plugin is CommonJS (`exports.default`): under Node's ESM interop the function is one level down.
// Its types name another copy of markdown-it's types than VitePress's, hence the cast.
type MarkdownPlugin = (md: MarkdownRenderer, options: Readonly<Record<string, unknown>>) => void;
const katexPlugin = ((katexModule as unknown as { default?: unknown }).default ?? katexModule) as MarkdownPlugin;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Writes the practice page of the example worksheet into the built site at /worksheet/ (with the built CLI). */
function buildWorksheetPage(outDir: string): void {
  const cli = join(repoRoot, 'apps/cli/dist/bin.js');
  const worksheet = join(repoRoot, 'examples/WS_Math_Foundations_1.md');
  execFileSync(process.execPath, [cli, 'worksheet', 'page', worksheet, '--out', join(outDir, 'worksheet')], { stdio: 'inherit' });
}

/**
 * The sidebar of the generated API reference (`pnpm --filter @odot/docs api`, run by the docs
 * build before VitePress): a group with one link per package. Empty before the first
 * generation.
 */
function referenceSidebar(): DefaultTheme.SidebarItem[] {
  const file = fileURLToPath(new URL('../api/reference/typedoc-sidebar.json', import.meta.url));
  if (!existsSync(file)) return [];
  // One link per package: the sidebar is rendered into every page's HTML, so members stay on their package's page (its outline lists them).
  const packages = (JSON.parse(readFileSync(file, 'utf8')) as DefaultTheme.SidebarItem[]).map(({ text = '', link = '' }) => ({ text, link }));
  // Not collapsible: a collapsible group's header is a button, and a link inside it would nest interactive elements (axe).
  return [{ text: 'API reference (generated)', items: [{ text: 'All packages', link: '/api/reference/' }, ...packages] }];
}

/** The odot docs site. Library packages are compiled from source (`@odot/source` condition). */
export default defineConfig({
  title: 'odot',
  description: 'A toolkit for the algebra of the Hadamard (element-wise, Schur) product',
  lang: 'en-US',
  srcExclude: ['README.md', 'test-results/**'],
  cleanUrls: false,
  lastUpdated: false,
  buildEnd: async (site) => {
    buildWorksheetPage(site.outDir);
    copyMathStylesheet(site.outDir);
    // After VitePress has written every stylesheet (vp-icons.css comes last).
    await inlineFirstFrameCssOf(join(site.outDir, PLAYGROUND_PAGE.replace(/\.md$/, '.html')), site.outDir, site.site.base);
  },
  transformHtml: (html, _id, { page, assets, siteData }) => {
    const linked = linkMathStylesheet(html, siteData.base);
    return page === PLAYGROUND_PAGE ? playgroundHtml(linked, assets) : linked;
  },
  head: [['link', { rel: 'icon', href: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Ctext y=%2213%22 font-size=%2214%22%3E%E2%8A%99%3C/text%3E%3C/svg%3E' }]],
  markdown: {
    // Math: KaTeX at build time with MathML beside the HTML (screen readers read the MathML).
    config: (md) => {
      md.use(katexPlugin, { throwOnError: false, trust: false, strict: 'ignore', output: 'htmlAndMathml' });
      md.use(lawReferencePlugin);
      md.use(openInPlaygroundPlugin);
      md.use(headingAnchorLabelPlugin);
    },
    languages: [proofLanguage],
    // A worksheet's ```question blocks (inside ```md examples) are YAML.
    languageAlias: { question: 'yaml' },
    // Shell sessions: prompt, command and output styled apart (not the output highlighted as shell).
    codeTransformers: [shellSessionTransformer()],
    // GitHub's high-contrast themes: the default themes' comments fail WCAG AA on VitePress's code background.
    theme: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
  },
  vite: {
    resolve: { conditions: ['@odot/source'] },
    ssr: { resolve: { conditions: ['@odot/source'] } },
    plugins: [mathStylesheetDevServer()],
    define: { __ODOT_KATEX_STYLESHEET__: JSON.stringify(KATEX_STYLESHEET_PATH) },
    worker: WORKER_BUILD,
    build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/hadamard-product' },
      { text: 'Laws', link: '/laws' },
      { text: 'API', items: [{ text: 'Library guide', link: '/api/core' }, { text: 'Reference (every export)', link: '/api/reference/' }] },
      { text: 'Playground', link: '/playground' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'The Hadamard product', link: '/guide/hadamard-product' },
          { text: 'Getting started', link: '/guide/getting-started' },
          { text: 'The expression language', link: '/guide/language' },
          { text: 'Declarations and shapes', link: '/guide/declarations' },
          { text: 'The odot command', link: '/guide/cli' },
          { text: 'Writing proofs', link: '/guide/proofs' },
          { text: 'Writing worksheets', link: '/guide/worksheets' },
          { text: 'Run a worksheet with your class', link: '/guide/run-a-worksheet' },
        ],
      },
      { text: 'Reference', items: [{ text: 'Law reference', link: '/laws' }] },
      {
        text: 'Library API',
        items: [
          { text: '@odot/core', link: '/api/core' },
          { text: '@odot/parser', link: '/api/parser' },
          { text: '@odot/numeric', link: '/api/numeric' },
          { text: '@odot/rewrite', link: '/api/rewrite' },
          { text: '@odot/proof', link: '/api/proof' },
          { text: '@odot/grader', link: '/api/grader' },
        ],
      },
      ...referenceSidebar(),
      { text: 'Try it', items: [{ text: 'Playground', link: '/playground' }] },
    ],
    search: { provider: 'local' },
  },
});
