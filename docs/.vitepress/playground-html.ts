// The playground page's HTML, reordered for its first answer (the other pages are left as
// VitePress writes them):
// - a script that starts the engine worker (the build's worker entry) first thing in the head,
//   so the engine compiles while the page loads (`theme/early-worker.ts`);
// - VitePress's classic inline scripts (the dark-mode and platform classes in the head, the site
//   data at the end of the body) moved up beside it, above the stylesheets: a classic script
//   waits for every stylesheet above it, and the parser with it, so the body was parsed only once
//   the 150 KB stylesheet had arrived. None of them reads a style;
// - the page's own module (the one VitePress imports to hydrate, already modulepreloaded) as an
//   async module script at the end of the body: it runs as soon as it and its imports have
//   arrived, waiting neither for the stylesheets nor for the end of parsing as VitePress's
//   deferred app does, and mounts the playground into its server-rendered host (Playground.vue);
//   VitePress's app then imports the same, already evaluated, module;
// - a first-answer line in the playground's host (rendered empty by Vue, so hydration leaves what
//   is inside alone) holding the seed example's value as the engine computes it at build time
//   (server-rendered: on the page at its first paint, scripts or not); the head script writes the
//   worker's pushed first answer over it as soon as it arrives, before any of the page's modules
//   has run, and the playground replaces the line as it mounts.
import { precomputeSeedValue } from '../../apps/playground/src/engine-value.ts';
import { WORKER_ENTRY } from '../../apps/playground/worker-build.ts';
import { earlyWorkerScript, firstAnswerLine, firstAnswerStyle } from './theme/early-worker.ts';

/** A classic inline script (no `src`, no `type`): VitePress's, or the worker's. */
const INLINE_SCRIPT = /[ \t]*<script(?: id="[\w-]+")?>[\s\S]*?<\/script>\n?/g;

/** The page's own module as its HTML modulepreloads it (the lean variant VitePress hydrates with). */
const PAGE_MODULE = /<link rel="modulepreload" href="([^"]*\/playground\.md\.[\w-]+\.lean\.js)">/;

/** `html` with its classic inline scripts moved, in order, to just after `<meta charset>`, the worker's first. */
function hoistInlineScripts(html: string, workerScript: string): string {
  const charset = '<meta charset="utf-8">';
  if (!html.includes(charset)) throw new Error(`no ${charset} in the playground page's head`);
  const scripts = [...html.matchAll(INLINE_SCRIPT)].map((match) => match[0].trim());
  const rest = html.replace(INLINE_SCRIPT, '');
  return rest.replace(charset, [charset, `<style>${firstAnswerStyle()}</style>`, `<script>${workerScript}</script>`, ...scripts].join('\n    '));
}

/** `html` with the page's own module also loaded as an async module script at the end of the body. */
function earlyPageModule(html: string): string {
  const page = PAGE_MODULE.exec(html)?.[1];
  if (page === undefined) throw new Error("no modulepreloaded page module in the playground page's head");
  if (!html.includes('</body>')) throw new Error("no </body> in the playground page's HTML");
  return html.replace('</body>', `  <script type="module" async src="${page}"></script>\n  </body>`);
}

/** The playground's host as the page's HTML holds it: rendered empty by Vue. */
const HOST = '<div class="playground-host" data-testid="playground-host"></div>';

/** The seed example's value as the engine computes it (the worker's first chunk, run at build time): its text. */
function seedValueText(): string {
  for (const result of precomputeSeedValue().values()) {
    if (result.kind === 'evaluate' && result.ok) return result.view.text;
  }
  throw new Error('the engine gave no value for the seed example');
}

/** `html` with the first-answer line, holding the seed's value, in the playground's host (the head script writes the worker's first answer over it). */
function firstAnswerHost(html: string): string {
  if (!html.includes(HOST)) throw new Error(`no ${HOST} in the playground page's HTML`);
  return html.replace(HOST, HOST.replace('></div>', `>${firstAnswerLine(seedValueText())}</div>`));
}

/** The worker's entry among a build's asset URLs. */
function workerEntry(assets: readonly string[]): string {
  const worker = assets.find((asset) => WORKER_ENTRY.test(asset));
  if (worker === undefined) throw new Error(`no engine worker (${String(WORKER_ENTRY)}) among the built assets`);
  return worker;
}

/**
 * The playground page's HTML (`page` is its source file, `assets` the build's asset URLs)
 * reordered for the first answer; other pages unchanged.
 */
export function playgroundHtml(html: string, page: string, assets: readonly string[]): string {
  if (page !== 'playground.md') return html;
  return firstAnswerHost(earlyPageModule(hoistInlineScripts(html, earlyWorkerScript(workerEntry(assets)))));
}
