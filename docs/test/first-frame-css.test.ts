import { describe, expect, it } from 'vitest';
import { holdBack, useSite } from './site.ts';

// The playground page's first frame is styled by the rules inlined in its head
// (`.vitepress/first-frame-css.ts`), before the site's stylesheet has arrived: each element of the
// page as the server rendered it must look then as it does once the whole stylesheet has applied,
// on a phone and a desktop, light and dark.

const { origin, browser, page } = useSite({ pageTimeoutMs: 20_000 });

/** The computed properties compared, element by element. */
const PROPERTIES = [
  'display', 'position', 'top', 'left', 'right', 'z-index', 'float', 'box-sizing', 'width', 'max-width', 'height',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-bottom-width', 'border-top-color', 'color', 'background-color', 'font-family', 'font-size',
  'font-weight', 'line-height', 'text-align', 'visibility', 'opacity', 'overflow-x', 'flex-direction', 'justify-content', 'align-items', 'grid-template-columns',
] as const;

/**
 * Each element of the server-rendered page (not inside `<noscript>`, a template or the
 * first-answer line, which the worker's answer rewrites meanwhile) with its computed
 * `PROPERTIES`, in document order, read in the browser.
 */
function styles(): Promise<{ readonly element: string; readonly icon: boolean; readonly mask: string; readonly style: Record<string, string> }[]> {
  return page().evaluate((properties) => {
    const skip = 'noscript, noscript *, template, script, style, link, meta, [data-testid=first-answer] *';
    return [...document.body.querySelectorAll('*')]
      .filter((element) => !element.matches(skip))
      .map((element, index) => {
        const computed = getComputedStyle(element);
        const name = `${index} ${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
        return {
          element: name,
          icon: element.matches('[class^=vpi-], [class*=" vpi-"], .vp-icon'),
          mask: computed.getPropertyValue('mask-image'),
          style: Object.fromEntries(properties.map((property) => [property, computed.getPropertyValue(property)])),
        };
      });
  }, PROPERTIES);
}

/** What an icon drawn through a mask of an SVG image (VitePress's) paints, besides the mask: the mask rule's colour. */
const ICON_PAINT = new Set(['background-color']);

/**
 * Resolves once the fonts the laid-out page uses have loaded: the first frame's text may still be
 * in the fallback font while the preloaded face arrives (a matter of time, not of the rules).
 */
function fontsLoaded(): Promise<void> {
  return page().evaluate(async () => {
    document.body.getBoundingClientRect();
    await document.fonts.ready;
  });
}

/** The page's styles with the site's stylesheet held back (the first frame's rules alone), and once it has loaded; no module of the page runs in either. */
async function firstFrameAndStyled(): Promise<{ readonly first: Awaited<ReturnType<typeof styles>>; readonly styled: Awaited<ReturnType<typeof styles>> }> {
  // Vue's chunk held back: the page stays as the server rendered it (the playground does not mount).
  const framework = await holdBack(browser(), /\/assets\/chunks\/framework\.[\w-]+\.js$/);
  const stylesheet = await holdBack(browser(), /\/assets\/style\.[\w-]+\.css$/);
  await page().goto(`${origin()}/playground.html`, { waitUntil: 'domcontentloaded' });
  await expect.poll(() => stylesheet.held()).toBe(1);
  await fontsLoaded();
  const first = await styles();
  stylesheet.release();
  await page().waitForFunction(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel~=stylesheet]')].every((link) => link.sheet !== null && link.media === 'all'));
  await fontsLoaded();
  const styled = await styles();
  expect(await page().getByTestId('playground').count()).toBe(0);
  framework.release();
  return { first, styled };
}

describe('the playground page’s first frame', () => {
  for (const [label, width, height] of [['a desktop', 1280, 800], ['a phone', 390, 844]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`looks as the whole stylesheet styles it before that has arrived, on ${label}, ${scheme}`, async () => {
        await page().setViewportSize({ width, height });
        await page().emulateMedia({ colorScheme: scheme });
        const { first, styled } = await firstFrameAndStyled();
        expect(await page().evaluate(() => document.documentElement.classList.contains('dark'))).toBe(scheme === 'dark');
        expect(first.length).toBeGreaterThan(100);
        expect(first.map((entry) => entry.element)).toEqual(styled.map((entry) => entry.element));
        // Icons drawn from SVG images wait for the whole stylesheet (each image is a document of its
        // own: first-frame-css.ts): in the first frame they are empty boxes of their size.
        const icons = first.filter((entry) => entry.icon);
        expect(icons.length).toBeGreaterThanOrEqual(3);
        for (const icon of icons) expect(icon.mask, icon.element).toBe('none');
        expect(styled.filter((entry) => entry.icon && entry.mask.startsWith('url(')).length).toBe(icons.length);
        const differences = first.flatMap((entry, index) =>
          Object.entries(entry.style)
            .filter(([property]) => !(entry.icon && ICON_PAINT.has(property)))
            .filter(([property, value]) => styled[index]?.style[property] !== value)
            .map(([property, value]) => `${entry.element} ${property}: ${value} (styled: ${styled[index]?.style[property] ?? '?'})`),
        );
        expect(differences).toEqual([]);
      });
    }
  }
});
