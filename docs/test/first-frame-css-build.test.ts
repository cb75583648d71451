import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineFirstFrameCss } from '../.vitepress/first-frame-css.ts';

// The build step that inlines the playground page's first-frame CSS, on a small built site of its
// own: which rules it keeps, how it links the stylesheet, and its fonts.

const outDir = mkdtempSync(join(tmpdir(), 'odot-first-frame-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));
mkdirSync(join(outDir, 'assets'));
const SHEET = [
  '@font-face{font-family:Inter;font-display:swap;src:url(/assets/inter-latin.woff2) format("woff2")}',
  '@font-face{font-family:Inter;font-display:swap;src:url(/assets/inter-greek.woff2) format("woff2")}',
  `:root{--font:Inter;--vp-icon-copy:url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E")}`,
  'body{font-family:var(--font)}',
  '.used{color:red}',
  '.unused{color:blue}',
  '.dark .used{color:pink}',
  '[class^=vpi-],[class*=" vpi-"]{width:1em}',
  '[class^=nowhere-]{width:2em}',
  '[class^=vpi-]:not(.bg){-webkit-mask:var(--icon) no-repeat;mask:var(--icon) no-repeat;background-color:currentColor}',
  `.vpi-chevron-down{--icon:url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E")}`,
  '.vpi-chevron-down{--gap:2px}',
  '@media (min-width:960px){.used{margin:0}.unused{margin:1px}}',
].join('');
writeFileSync(join(outDir, 'assets', 'style.css'), SHEET);
writeFileSync(join(outDir, 'vp-icons.css'), '');

const PAGE = `<!DOCTYPE html>
<html lang="en-US">
  <head>
    <meta charset="utf-8">
    <style>html[data-odot-linked] .used{visibility:hidden}</style>
    <link rel="preload stylesheet" href="/assets/style.css" as="style">
    <link rel="preload stylesheet" href="/vp-icons.css" as="style">
    <link rel="preload" href="/assets/inter-latin.woff2" as="font" type="font/woff2" crossorigin>
  </head>
  <body><div class="used"><span class="vpi-chevron-down text-icon">x</span></div></body>
</html>`;

/** The CSS inlined in the first `<style>` that is not the page's own. */
const inlined = (html: string): string => [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '').find((css) => !css.startsWith('html[data-odot-linked]')) ?? '';

describe('inlining the playground page’s first-frame CSS', () => {
  it('keeps the rules the page’s HTML uses, the dark theme’s and those testing the class attribute by prefix, and drops the rest', async () => {
    const css = inlined(await inlineFirstFrameCss(PAGE, outDir, '/'));
    expect(css).toContain('.used{color:red}');
    expect(css).toContain('.dark .used{color:pink}');
    expect(css).toMatch(/\[class\^=vpi-\]/);
    expect(css).toMatch(/@media \(min-width:960px\)\{\.used\{margin:0\}\}/);
    expect(css).not.toContain('.unused');
    expect(css).not.toContain('nowhere-');
  });

  it('keeps the page’s own inline style as it is', async () => {
    expect(await inlineFirstFrameCss(PAGE, outDir, '/')).toContain('<style>html[data-odot-linked] .used{visibility:hidden}</style>');
  });

  it('links the stylesheet without holding back the first paint, with a <noscript> link, and drops an empty stylesheet', async () => {
    const html = await inlineFirstFrameCss(PAGE, outDir, '/');
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/style\.css" media="print" onload="[^"]*">/);
    expect(html).toContain('<noscript><link rel="stylesheet" href="/assets/style.css"></noscript>');
    expect(html).not.toContain('rel="preload stylesheet"');
    expect(html).not.toContain('vp-icons.css');
    expect(html).not.toContain('data-beasties-container');
  });

  it('leaves the icons drawn from SVG images to the whole stylesheet, and keeps the rest of their rules', async () => {
    const css = inlined(await inlineFirstFrameCss(PAGE, outDir, '/'));
    expect(css).not.toContain('--icon');
    expect(css).not.toContain('data:image/svg');
    expect(css).toContain('.vpi-chevron-down{--gap:2px}');
    expect(css).toMatch(/:root\{--font:Inter;?\}/);
    expect(css).toContain('[class^=vpi-]{width:1em}');
  });

  it('applies the whole stylesheet in a task after the next animation frame once it has loaded (at once in a hidden tab)', async () => {
    const html = await inlineFirstFrameCss(PAGE, outDir, '/');
    const onload = /<link rel="stylesheet" href="\/assets\/style\.css" media="print" onload="([^"]*)">/.exec(html)?.[1] ?? '';
    // Run the handler against a stand-in link and document: what it switches, and when.
    const link = { media: 'print' };
    const frames: (() => void)[] = [];
    const tasks: (() => void)[] = [];
    const run = (visibilityState: string): void =>
      void runInNewContext(`(function () { ${onload} }).call(link)`, {
        link,
        document: { visibilityState },
        requestAnimationFrame: (f: () => void) => frames.push(f),
        setTimeout: (f: () => void) => tasks.push(f),
      });
    run('visible');
    expect(link.media).toBe('print');
    frames.splice(0).forEach((f) => f());
    expect(link.media).toBe('print');
    tasks.splice(0).forEach((f) => f());
    expect(link.media).toBe('all');
    link.media = 'print';
    run('hidden');
    expect(link.media).toBe('all');
  });

  it('inlines the @font-face of the font the page preloads, and no other', async () => {
    const css = inlined(await inlineFirstFrameCss(PAGE, outDir, '/'));
    expect(css).toContain('src:url(/assets/inter-latin.woff2)');
    expect(css).not.toContain('inter-greek');
  });

  it('reads the stylesheet of a site served under a base path', async () => {
    const html = await inlineFirstFrameCss(PAGE.replaceAll('href="/', 'href="/odot/'), outDir, '/odot/');
    expect(inlined(html)).toContain('.used{color:red}');
    expect(html).toContain('<link rel="stylesheet" href="/odot/assets/style.css" media="print"');
  });
});
