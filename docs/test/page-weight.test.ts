import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_STATE } from '../../apps/playground/src/state.ts';
import { encodeState } from '../../apps/playground/src/url-state.ts';
import { SITE_DIST as dist, useSite } from './site.ts';

// What the playground page loads as it opens, untouched, and what waits for someone to reach for
// it (its size and timing are `pnpm bench docs`): the seed's formulas come rendered in the page's
// HTML, so neither KaTeX nor the code editor loads before an interaction; KaTeX's stylesheet is a
// file of its own, linked by the pages with math and never holding back the playground's first
// paint.

const { origin, browser, page, textOf } = useSite({ pageTimeoutMs: 20_000 });
const ENGINE_WAIT = { timeout: 20_000 };

const KATEX_JS = /\/assets\/chunks\/katex\.[\w-]+\.js$/;
const EDITOR_JS = /\/assets\/chunks\/editor\.[\w-]+\.js$/;
const KATEX_CSS = /\/assets\/katex-[\d.]+\/katex\.min\.css$/;
const REWRITE_JS = /\/assets\/worker-engine-rewrite\.[\w-]+\.js$/;

/** The stylesheet links of a built page's HTML (each holds back its first paint). */
const stylesheets = (file: string): string[] => [...readFileSync(join(dist, file), 'utf8').matchAll(/<link rel="(?:preload )?stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);

/** Whether the first `.katex` on the page is styled by KaTeX's stylesheet (which hides its MathML copy visually: `position: absolute`). */
const mathStyled = (): Promise<boolean> => page().evaluate(() => {
  const mathml = document.querySelector('.katex .katex-mathml');
  return mathml !== null && getComputedStyle(mathml).position === 'absolute';
});

describe('the playground page’s weight', () => {
  // First in the file: its browser has loaded nothing yet (no chunk in its cache).
  it('opens without KaTeX, the code editor or the rewrite engine: the seed’s formulas come rendered, with MathML, from the page’s HTML', async () => {
    const requested: string[] = [];
    browser().on('request', (request) => void requested.push(request.url()));
    await page().goto(`${origin()}/playground.html`);
    await expect.poll(() => textOf('simplify-result'), ENGINE_WAIT).toBe('A ⊙ B');
    // Each formula as its answer arrives (the worker's value may come after the answers the page's HTML holds).
    for (const testid of ['rendered', 'eval-latex', 'simplified']) {
      const formula = page().getByTestId(testid);
      await expect.poll(() => formula.locator('.katex math').count(), ENGINE_WAIT).toBe(1);
      expect(await formula.getAttribute('class')).not.toContain('odot-math-pending');
    }
    await expect.poll(() => page().locator('.odot-math-pending').count()).toBe(0);
    await expect.poll(mathStyled).toBe(true);
    // Settled, untouched: KaTeX's stylesheet was fetched (by the playground); neither KaTeX, the editor nor the worker's rewrite chunk (the seed's answers that need it are in the page's HTML).
    await page().waitForTimeout(1000);
    expect(requested.filter((url) => KATEX_CSS.test(url))).toHaveLength(1);
    expect(requested.filter((url) => KATEX_JS.test(url) || EDITOR_JS.test(url) || REWRITE_JS.test(url))).toEqual([]);
    // Reaching for the form loads both; an edit's new formula is rendered by KaTeX.
    await page().getByTestId('expr').hover();
    await page().locator('[data-testid=playground][data-editor=ready]').waitFor();
    await expect.poll(() => requested.filter((url) => KATEX_JS.test(url)).length).toBe(1);
    await page().locator('.cm-editor:has([data-testid=expr]) .cm-content').click();
    await page().keyboard.press('End');
    await page().keyboard.type(' + A');
    await expect.poll(() => page().getByTestId('rendered').locator('.katex-mathml').textContent(), ENGINE_WAIT).toContain('+');
    expect(await page().getByTestId('rendered').locator('.katex math').count()).toBe(1);
  });

  it('loads KaTeX for a linked state’s formulas (not rendered at build), and shows them', async () => {
    await page().goto(`${origin()}/playground.html${encodeState({ ...EMPTY_STATE, expr: 'A + B', givens: 'A, B: 2×2' })}`);
    await expect.poll(() => page().getByTestId('rendered').locator('.katex-mathml').textContent().catch(() => ''), ENGINE_WAIT).toContain('+');
    expect(await page().locator('.odot-math-pending').count()).toBe(0);
    expect(await mathStyled()).toBe(true);
  });

  it('loads the code editor untouched when a linked state has an error to mark, and marks it', async () => {
    await page().goto(`${origin()}/playground.html${encodeState({ ...EMPTY_STATE, expr: 'A ⊙ (B', givens: 'A, B: 2×2' })}`);
    await page().locator('[data-testid=playground][data-editor=ready]').waitFor();
    await expect.poll(() => page().locator('.cm-editor:has([data-testid=expr]) .cm-lintRange-error').count(), ENGINE_WAIT).toBeGreaterThan(0);
  });

  it('links KaTeX’s stylesheet from the pages with math only, never from the playground’s HTML or the site’s CSS', () => {
    const site = readdirSync(join(dist, 'assets')).find((file) => /^style\.[\w-]+\.css$/.test(file));
    expect(site).toBeDefined();
    expect(readFileSync(join(dist, 'assets', site!), 'utf8')).not.toMatch(/\.katex[\s{,.]/);
    for (const file of ['guide/hadamard-product.html', 'laws.html']) expect(stylesheets(file).filter((href) => KATEX_CSS.test(href))).toHaveLength(1);
    // The playground's formulas are inert templates until it mounts, which loads the stylesheet then.
    expect(stylesheets('playground.html').filter((href) => KATEX_CSS.test(href))).toEqual([]);
    for (const file of ['guide/cli.html', 'index.html']) {
      expect(readFileSync(join(dist, file), 'utf8')).not.toMatch(/class="katex/);
      expect(stylesheets(file).filter((href) => KATEX_CSS.test(href))).toEqual([]);
    }
  });

  it('styles the math of a guide page reached from the playground by a client-side navigation as it appears', async () => {
    await page().goto(`${origin()}/playground.html`);
    await expect.poll(() => textOf('eval-result'), ENGINE_WAIT).toBe('[[7,16,27],[40,55,72]]');
    await expect.poll(() => page().evaluate(() => '__vue_app__' in (document.getElementById('app') ?? {})), ENGINE_WAIT).toBe(true);
    // Styled in the first frame the guide's math is in (KaTeX's stylesheet is loaded before the route changes).
    await page().evaluate(() => {
      const seen = { styled: undefined as boolean | undefined };
      (window as unknown as { firstMath: typeof seen }).firstMath = seen;
      const look = (): void => {
        const mathml = document.querySelector('.vp-doc .katex .katex-mathml');
        if (mathml) seen.styled = getComputedStyle(mathml).position === 'absolute';
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page().locator('.VPNavBar a[href="/guide/hadamard-product.html"]').first().click();
    await expect.poll(() => page().evaluate(() => (window as unknown as { firstMath: { styled?: boolean } }).firstMath.styled), ENGINE_WAIT).toBe(true);
  });
});
