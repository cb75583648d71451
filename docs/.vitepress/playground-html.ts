// The playground page's HTML, reordered for its first answer (the other pages are left as
// VitePress writes them):
// - the seed example's value in the HTML, computed by the engine at build, in a first-answer line
//   in the playground's host (rendered empty by Vue, so hydration leaves what is inside alone):
//   on the page at its first paint, scripts or not, so the first paint is the first answer;
// - nothing else before that paint: the rules the first frame uses are inline, the site's
//   stylesheet loads without holding it back (`first-frame-css.ts`), and no module of the page is
//   fetched or run before it. An inline module script at the end of the body preloads and loads
//   the page's own module (it mounts the playground into its host, Playground.vue) and then
//   VitePress's app, in a task after the first frame once the stylesheet has arrived.
//   Evaluating Vue, the theme and the page's module, and mounting the playground, were a
//   70–250 ms task just before the first paint (a Chromium trace: `bench/docs-trace.ts`);
//   fetching and compiling them beside the first paint cost a cold load about 50 ms
//   (`bench/docs-fcp-parts.ts`);
// - a script first thing in the head that starts the engine worker (the build's worker entry)
//   right after the first frame, before the page's modules, so the engine compiles while they
//   load (`theme/early-worker.ts`). It writes the worker's pushed first answer over the build's
//   and the playground replaces the line as it mounts. Started while the page was parsed, the
//   worker's loading and compiling delayed a cold load's first paint by about 150 ms on this
//   2-core machine;
// - VitePress's classic inline scripts (the dark-mode and platform classes in the head, the site
//   data at the end of the body) moved up beside it, above the stylesheets: a classic script
//   waits for every stylesheet above it, and the parser with it. None of them reads a style;
// - the seed example's formulas rendered by KaTeX at build, in `<template>`s at the end of the
//   body: the playground shows them without loading KaTeX (`seed-math.ts`), so the page as it
//   opens loads neither KaTeX nor, until someone reaches for a field, the code editor;
// - the seed's answers that need the rewrite engine, computed at build, as JSON: the playground
//   takes them as pushed answers, so the worker's rewrite chunk too waits for the first edit.
import { precomputeSeedValue } from '../../apps/playground/src/engine-value.ts';
import { precomputeRewriteAnswers } from '../../apps/playground/src/seed-answers.ts';
import { renderStateFormulas } from '../../apps/playground/src/seed-math.ts';
import { WORKER_ENTRY } from '../../apps/playground/worker-build.ts';
import { SEED_STATE } from '../../apps/playground/src/state.ts';
import { escapeHtml } from '@odot/grader';
import { ANSWER_SOURCE, FIRST_ANSWER_TESTID, FORMULA_ATTRIBUTE, LINKED, SEED_ANSWERS_ID, earlyWorkerScript } from './theme/early-worker.ts';

/** A classic inline script (no `src`, no `type`): VitePress's, or the worker's. */
const INLINE_SCRIPT = /[ \t]*<script(?: id="[\w-]+")?>[\s\S]*?<\/script>\n?/g;

/** The page's own module as its HTML modulepreloads it (the lean variant VitePress hydrates with). */
const PAGE_MODULE = /\/playground\.md\.[\w-]+\.lean\.js$/;

/** A module VitePress's HTML modulepreloads (the app's chunks and the page's own module). */
const MODULE_PRELOAD = /[ \t]*<link rel="modulepreload" href="([^"]+)">\n?/g;

/** `html` with its classic inline scripts moved, in order, to just after `<meta charset>`, the worker's first. */
function hoistInlineScripts(html: string, workerScript: string): string {
  const charset = '<meta charset="utf-8">';
  if (!html.includes(charset)) throw new Error(`no ${charset} in the playground page's head`);
  const scripts = [...html.matchAll(INLINE_SCRIPT)].map((match) => match[0].trim());
  const rest = html.replace(INLINE_SCRIPT, '');
  return rest.replace(charset, [charset, `<style>${firstAnswerStyle()}</style>`, `<script>${workerScript}</script>`, ...scripts].join('\n    '));
}

/** VitePress's app (a deferred module script in the head) as the page's HTML loads it. */
const APP_SCRIPT = /[ \t]*<script type="module" src="([^"]*\/app\.[\w-]+\.js)"><\/script>\n?/;

/**
 * The inline module script that loads the page's modules once the page has painted: after the DOM
 * is parsed and the stylesheets have loaded (the whole site stylesheet, which the first frame
 * does not wait for: the playground's own rules are in it), in a task after the next animation
 * frame (at once in a hidden tab, which has no frames), it modulepreloads `preloads` (the chunks
 * VitePress's HTML modulepreloaded, fetched in parallel rather than one import after another),
 * then imports the page's own module (`pageModule`) and then VitePress's app (`app`).
 */
function afterFirstPaintScript(preloads: readonly string[], pageModule: string, app: string): string {
  const preload = `for(const h of ${JSON.stringify(preloads)}){const l=document.createElement("link");l.rel="modulepreload";l.href=h;document.head.appendChild(l)}`;
  const load = `()=>{${preload}import(${JSON.stringify(pageModule)});import(${JSON.stringify(app)})}`;
  const sheets = `()=>Promise.all([...document.querySelectorAll("link[rel~=stylesheet]")].filter((l)=>!l.sheet).map((l)=>new Promise((r)=>{l.addEventListener("load",r);l.addEventListener("error",r)})))`;
  return `const load=${load},sheets=${sheets},painted=()=>document.visibilityState==="hidden"?load():sheets().then(()=>requestAnimationFrame(()=>setTimeout(load)));document.readyState==="loading"?document.addEventListener("DOMContentLoaded",painted):painted();`;
}

/**
 * `html` with no module of the page fetched or run before its first paint: VitePress's app
 * script and modulepreloads are taken out of the head, and an async inline module script at the
 * end of the body preloads and loads them after the first frame (`afterFirstPaintScript`).
 */
function modulesAfterFirstPaint(html: string): string {
  const preloads = [...html.matchAll(MODULE_PRELOAD)].map((match) => match[1] ?? '');
  const page = preloads.find((href) => PAGE_MODULE.test(href));
  if (page === undefined) throw new Error("no modulepreloaded page module in the playground page's head");
  const [appScript, app] = APP_SCRIPT.exec(html) ?? [];
  if (appScript === undefined || app === undefined) throw new Error("no VitePress app script in the playground page's head");
  if (!html.includes('</body>')) throw new Error("no </body> in the playground page's HTML");
  return html
    .replace(appScript, '')
    .replace(MODULE_PRELOAD, '')
    .replace('</body>', `  <script type="module" async>${afterFirstPaintScript([app, ...preloads], page, app)}</script>\n  </body>`);
}

/** The playground's host as the page's HTML holds it: rendered empty by Vue. */
const HOST = '<div class="playground-host" data-testid="playground-host"></div>';

/** The test id of the seed's value the page's HTML holds; the worker's, written over it, is `eval-result`, as in the playground's value pane. */
const SEED_VALUE_TESTID = 'seed-value';

/**
 * The first-answer line of the playground page's HTML, server-rendered inside the playground's
 * host (which Vue renders empty, so hydration leaves what is inside alone). It holds the seed
 * example's value as the engine computed it when the site was built (`seedValue`, the value's
 * text; `ANSWER_SOURCE` `build`), so the answer is on the page at its first paint, scripts or
 * not; the head script writes the worker's own answer over it (`engine`), and the playground
 * replaces the line when it mounts. A link with a state of its own hides the line until the head
 * script has put "Starting the engine…" in its place (`firstAnswerStyle`).
 */
function firstAnswerLine(seedValue: string): string {
  const value = `<code data-testid="${SEED_VALUE_TESTID}" ${ANSWER_SOURCE}="build">${escapeHtml(seedValue)}</code>`;
  return `<p class="playground-first-answer" data-testid="${FIRST_ANSWER_TESTID}" aria-live="polite">${escapeHtml(`${SEED_STATE.expr} = `)}${value}</p>`;
}

/** The head's style for the first-answer line: hidden while a link with its own state has the seed's answer in it. */
function firstAnswerStyle(): string {
  return `html[${LINKED}] .playground-first-answer{visibility:hidden}`;
}

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

/**
 * `html` with the seed example's formulas, rendered by KaTeX at build, at the end of its body (out
 * of the app Vue hydrates): one inert `<template>` each, which the playground copies
 * (Playground.vue) instead of loading KaTeX for them.
 */
function seedFormulas(html: string): string {
  const templates = [...renderStateFormulas()].map(([key, rendered]) => `<template ${FORMULA_ATTRIBUTE}="${escapeHtml(key)}">${rendered}</template>`);
  return html.replace('</body>', `  ${templates.join('')}\n  </body>`);
}

/**
 * `html` with the seed's answers that need the rewrite engine (PSD, simplification, equivalence,
 * proof), computed at build, as JSON at the end of its body: the playground takes them as
 * answers pushed before it asked (Playground.vue), so the page as it opens does not load the
 * worker's rewrite chunk for the seed. `<` is escaped (no `</script>` inside).
 */
function seedAnswers(html: string): string {
  const json = JSON.stringify(precomputeRewriteAnswers()).replace(/</g, '\\u003c');
  return html.replace('</body>', `  <script type="application/json" id="${SEED_ANSWERS_ID}">${json}</script>\n  </body>`);
}

/** The worker's entry among a build's asset URLs. */
function workerEntry(assets: readonly string[]): string {
  const worker = assets.find((asset) => WORKER_ENTRY.test(asset));
  if (worker === undefined) throw new Error(`no engine worker (${String(WORKER_ENTRY)}) among the built assets`);
  return worker;
}

/** The playground page's source file. */
export const PLAYGROUND_PAGE = 'playground.md';

/**
 * The playground page's HTML (`assets`: the build's asset URLs) reordered for the first answer
 * (the page's first-frame CSS is inlined after, `first-frame-css.ts`).
 */
export function playgroundHtml(html: string, assets: readonly string[]): string {
  return seedAnswers(seedFormulas(firstAnswerHost(modulesAfterFirstPaint(hoistInlineScripts(html, earlyWorkerScript(workerEntry(assets)))))));
}
