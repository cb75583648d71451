// The playground page's first frame without waiting for the site's stylesheet: the rules its
// server-rendered HTML uses are inlined in its head (Beasties, the critical-CSS inliner Nuxt and
// Angular build with), and the whole stylesheet loads without holding back the first paint
// (`media="print"`, switched to all once it has loaded; a `<noscript>` link without scripts).
// VitePress links its stylesheets render-blocking, and on a cold load of this 2-core machine
// waiting for and applying the 120 KB sheet was about 150 ms of the first paint
// (`bench/docs-fcp-parts.ts`). The playground mounts only once the whole sheet has loaded (its
// own components' rules are not in the first frame's; `playground-html.ts`).
//
// Two things wait for the first frame to have been painted, as a Chromium trace of cold loads
// showed them before it (`bench/docs-trace.ts`: style and layout before the first paint went
// from 119–156 ms to 70–74 ms, and the paint came earlier in each of 4 paired runs):
// - the whole stylesheet: it used to apply as soon as it had loaded, which on this machine was
//   before the first frame, so that frame was styled and laid out twice;
// - the icons VitePress draws as SVG images through a CSS mask (search, chevron, sun and moon):
//   each SVG image is a document of its own, and creating them was about 30 ms of the first
//   frame's style. In the first frame they are empty boxes of their size.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Beasties from 'beasties';
import postcss from 'postcss';
import { afterFirstFrame } from './after-first-frame.ts';

/** VitePress's stylesheet links: preloaded and applied at once (`rel="preload stylesheet"`). */
const STYLESHEET_LINK = /<link rel="preload stylesheet" href="([^"]+)" as="style">\n?/g;

/**
 * Rules always kept in the first frame's CSS: the dark theme's. Its class is set on `<html>` by
 * VitePress's head script, after the build has matched the rules against the HTML. (Beasties is
 * patched, `patches/beasties@0.5.5.patch`: 0.5.5 read a selector testing the `class` attribute
 * by prefix or substring, `[class^=vpi-]` of VitePress's icons, as a class of that name, and
 * dropped it.)
 */
const ALWAYS_KEPT = [/\.dark\b/];

/** An `@font-face` rule of a (minified) stylesheet, and the URL of its source. */
const FONT_FACE = /@font-face\{[^}]*?src:\s*url\(["']?([^"')]+)["']?\)[^}]*\}/g;

/** A font the page preloads. */
const FONT_PRELOAD = /<link rel="preload" href="([^"]+)" as="font"/g;

/**
 * The `@font-face` rules of the stylesheets `sheets` (their CSS) whose font the page `html`
 * preloads (VitePress preloads Inter's Latin face), but not yet in `html`. Beasties inlines the
 * faces of the families the first frame's rules name, but VitePress names them through a custom
 * property, which it does not follow: without the face the first frame would show the fallback
 * font, and the text would reflow when the stylesheet arrives.
 */
function preloadedFontFaces(html: string, sheets: readonly string[]): string {
  const preloaded = new Set([...html.matchAll(FONT_PRELOAD)].map((match) => match[1]));
  const faces = sheets.flatMap((css) => [...css.matchAll(FONT_FACE)].filter((match) => preloaded.has(match[1])).map((match) => match[0]));
  return faces.filter((face) => !html.includes(face)).join('');
}

/** An SVG image in a custom property: VitePress's icons (`--icon`, `--vp-icon-copy`, …). */
const isSvgImageProperty = (prop: string, value: string): boolean => prop.startsWith('--') && /url\(\s*["']?data:image\/svg/.test(value);

/**
 * `css` without its icon images: the custom properties holding SVG images, and the rules that draw
 * an icon from one (a mask of `var(--icon)`, which without its image would paint a square). They
 * come with the whole stylesheet.
 */
function withoutIconImages(css: string): string {
  const root = postcss.parse(css);
  root.walkDecls((decl) => {
    if (isSvgImageProperty(decl.prop, decl.value)) decl.remove();
  });
  root.walkRules((rule) => {
    if (rule.nodes.length === 0 || rule.some((node) => node.type === 'decl' && node.value.includes('var(--icon)'))) rule.remove();
  });
  return root.toString();
}

/** Beasties's switch of a stylesheet link loaded with `media="print"`. */
const MEDIA_SWITCH = `onload="this.media='all'"`;

/**
 * The link's switch to all media in a task after the next animation frame, so after the first
 * frame has painted if it has not yet (at once in a hidden tab, which has no frames).
 */
const MEDIA_SWITCH_AFTER_FRAME = `onload="var l=this;${afterFirstFrame("function(){l.media='all'}")}"`;

/** The path of a site URL (`href`, under `base`) in the built site at `outDir`. */
function builtFile(outDir: string, base: string, href: string): string {
  return join(outDir, href.startsWith(base) ? href.slice(base.length) : href);
}

/** The CSS of each stylesheet VitePress links in `html`, by its href, read once from the built site. */
function linkedSheets(html: string, outDir: string, base: string): ReadonlyMap<string, string> {
  return new Map([...html.matchAll(STYLESHEET_LINK)].map((match) => [match[1] ?? '', readFileSync(builtFile(outDir, base, match[1] ?? ''), 'utf8')]));
}

/**
 * `html` with VitePress's stylesheet links as plain `rel="stylesheet"` links (what Beasties reads),
 * and with none for a stylesheet that is empty (`sheets`, by href; VitePress's `vp-icons.css`
 * when no icons are used): a request that held back the first paint for nothing.
 */
function plainStylesheetLinks(html: string, sheets: ReadonlyMap<string, string>): string {
  return html.replace(STYLESHEET_LINK, (link: string, href: string) => ((sheets.get(href) ?? '').trim() === '' ? '' : `<link rel="stylesheet" href="${href}">\n`));
}

/**
 * `html` (a built page of the site at `outDir`, served under `base`) with the CSS rules its HTML
 * uses inlined in its head, the dark theme's too (but not its icon images), and its stylesheets
 * loaded without holding back its first paint and applied after it. The page's own inline styles
 * are kept as they are. Beasties's warnings (a selector it cannot evaluate: its rule is left to the
 * whole stylesheet) fail the build.
 */
export async function inlineFirstFrameCss(html: string, outDir: string, base: string): Promise<string> {
  const warnings: string[] = [];
  const beasties = new Beasties({
    path: outDir,
    publicPath: base,
    preload: 'media',
    noscriptFallback: true,
    reduceInlineStyles: false,
    pruneSource: false,
    inlineFonts: true,
    preloadFonts: false,
    allowRules: ALWAYS_KEPT,
    logger: { warn: (message: string) => void warnings.push(message), error: (message: string) => void warnings.push(message), info: () => undefined, debug: () => undefined, trace: () => undefined },
  });
  const sheets = linkedSheets(html, outDir, base);
  const inlined = await beasties.process(plainStylesheetLinks(html, sheets));
  if (warnings.length > 0) throw new Error(`inlining the playground page's first-frame CSS:\n${warnings.join('\n')}`);
  const faces = preloadedFontFaces(inlined, [...sheets.values()]);
  // Beasties's mark of the element it matched the rules in (the whole document): not for the page.
  const page = inlined.replace(/(<html[^>]*?) data-beasties-container(?:="")?/, '$1');
  const link = page.indexOf('<link rel="stylesheet"');
  const style = page.lastIndexOf('</style>', link);
  const open = page.lastIndexOf('<style>', style);
  if (style < 0 || open < 0) throw new Error("no first-frame CSS inlined in the playground page's head");
  if (!page.includes(MEDIA_SWITCH)) throw new Error(`no ${MEDIA_SWITCH} on the playground page's stylesheet link`);
  const css = withoutIconImages(page.slice(open + '<style>'.length, style));
  return `${page.slice(0, open)}<style>${css}${faces}${page.slice(style).replaceAll(MEDIA_SWITCH, MEDIA_SWITCH_AFTER_FRAME)}`;
}

/** Inlines the first-frame CSS of the built page at `file` (`inlineFirstFrameCss`), in place. */
export async function inlineFirstFrameCssOf(file: string, outDir: string, base: string): Promise<void> {
  writeFileSync(file, await inlineFirstFrameCss(readFileSync(file, 'utf8'), outDir, base));
}
