// KaTeX's stylesheet (with its fonts) is a file of its own, not part of the site's render-blocking
// CSS: a page whose HTML has math (KaTeX rendered at build, or the law cards' examples rendered
// when opened) links it in its head; the playground loads it from its script when it first shows
// a formula, and the theme before a client-side navigation (`theme/index.ts`). Build (and dev
// server) only.
import { cpSync, createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import type { UserConfig } from 'vitepress';

/** A Vite plugin as VitePress's Vite takes it (VitePress bundles its own Vite). */
type Plugin = Extract<NonNullable<NonNullable<UserConfig['vite']>['plugins']>[number], { name: string }>;

const katexPackage = createRequire(import.meta.url).resolve('katex/package.json');

/** KaTeX's `dist` folder (its stylesheet and `fonts/`). */
const katexDist = join(dirname(katexPackage), 'dist');

/**
 * Where the built site keeps KaTeX's stylesheet, by KaTeX's version (a file outside Vite's bundle:
 * VitePress links the bundle's first CSS asset as the site's stylesheet). The client learns it
 * through Vite's `define` (`theme/katex-stylesheet.ts`).
 */
export const KATEX_STYLESHEET_PATH = `/assets/katex-${(JSON.parse(readFileSync(katexPackage, 'utf8')) as { version: string }).version}/katex.min.css`;

/** The site's folder KaTeX's stylesheet is served from. */
const KATEX_DIR = dirname(KATEX_STYLESHEET_PATH);

/** What in a page's HTML needs KaTeX's stylesheet: KaTeX's output, or a law card's example rendered when opened. */
const HAS_MATH = /class="(?:katex|law-tex)\b/;

/** VitePress's own stylesheet link in a page's head (KaTeX's goes right after it). */
const SITE_STYLESHEET = /<link rel="preload stylesheet" href="[^"]*\/assets\/style\.[\w-]+\.css" as="style">/;

/** `html` (a built page) with KaTeX's stylesheet linked in its head when it has math (`base`: the site's base, `/`). */
export function linkMathStylesheet(html: string, base = '/'): string {
  if (!HAS_MATH.test(html)) return html;
  const site = SITE_STYLESHEET.exec(html)?.[0];
  if (site === undefined) throw new Error('no site stylesheet link in a page with math');
  return html.replace(site, `${site}\n    <link rel="stylesheet" href="${base.replace(/\/$/, '')}${KATEX_STYLESHEET_PATH}">`);
}

/** Copies KaTeX's stylesheet and fonts into the built site (`outDir`) at `KATEX_STYLESHEET_PATH`. */
export function copyMathStylesheet(outDir: string): void {
  const target = join(outDir, KATEX_DIR);
  cpSync(join(katexDist, 'katex.min.css'), join(outDir, KATEX_STYLESHEET_PATH));
  cpSync(join(katexDist, 'fonts'), join(target, 'fonts'), { recursive: true });
}

/** The dev server's side of it: serves KaTeX's stylesheet and fonts at `KATEX_STYLESHEET_PATH`. */
export function mathStylesheetDevServer(): Plugin {
  return {
    name: 'odot-katex-stylesheet',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(KATEX_DIR, (request, response, next) => {
        const file = normalize(join(katexDist, (request.url ?? '/').split('?')[0] ?? '/'));
        if (!file.startsWith(katexDist + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        response.setHeader('content-type', file.endsWith('.css') ? 'text/css' : file.endsWith('.woff2') ? 'font/woff2' : 'application/octet-stream');
        createReadStream(file).pipe(response);
      });
    },
  };
}
