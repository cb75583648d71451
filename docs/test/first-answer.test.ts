import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeState } from '../../apps/playground/src/url-state.ts';
import { EMPTY_STATE } from '../../apps/playground/src/state.ts';
import { SITE_DIST, holdBack as holdBackRequests, useSite, type HeldRequests } from './site.ts';

// What the playground's first answer waits for (and what it does not): the order of loading, not
// its speed (that is `pnpm bench docs`). Chunks are held back with route interception.

const dist = SITE_DIST;
const SEED_ANSWER = '[[7,16,27],[40,55,72]]';

const { origin, browser, page, textOf } = useSite({ pageTimeoutMs: 20_000 });

/** Holds back every request matching `pattern` (page or worker) until the returned function is called. */
const holdBack = (pattern: RegExp): Promise<HeldRequests> => holdBackRequests(browser(), pattern);

/** The file name of the playground's chunk: the one chunk that names the engine worker's entry. */
function playgroundChunk(): string {
  const chunks = join(dist, 'assets', 'chunks');
  const worker = readdirSync(join(dist, 'assets')).find((file) => /^worker\.[\w-]+\.js$/.test(file));
  if (worker === undefined) throw new Error('no engine worker among the built assets');
  const playground = readdirSync(chunks).filter((file) => file.endsWith('.js') && readFileSync(join(chunks, file), 'utf8').includes(worker));
  expect(playground).toHaveLength(1);
  return playground[0]!;
}

/**
 * How long a poll waits for the engine's answer: on a loaded machine a cold worker (the first load
 * of a test file) may answer well after the page's load event, which does not wait for workers.
 */
const ENGINE_WAIT = { timeout: 20_000 };

/** How many messages the head-started worker has pushed (kept by the head script until the playground takes them); -1 once taken. */
const pushedMessages = (): Promise<number> =>
  page().evaluate(() => (window as unknown as Record<string, { __odotMessages?: unknown[] } | undefined>)['__odotEngineWorker']?.__odotMessages?.length ?? -1);

/** A pointer over the expression field (the code editor loads when someone reaches for the form), then the editor ready. */
async function reachForForm(): Promise<void> {
  await page().getByTestId('expr').hover();
  await page().locator('[data-testid=playground][data-editor=ready]').waitFor();
}

/** The modules the playground page's inline module script preloads after the first frame (its list of URLs), or none. */
function deferredPreloads(html: string): string[] {
  const list = /for\(const h of (\[[^\]]*\])\)/.exec(html)?.[1];
  return list === undefined ? [] : (JSON.parse(list) as string[]);
}

/** The worker's analysis chunk (loaded by the worker once it has pushed the value). */
const ANALYSIS_CHUNK = /\/assets\/worker-engine-analyze\.[\w-]+\.js$/;

describe('the playground’s first answer', () => {
  it('runs on the engine worker the page’s head started right after the page’s first frame, before any module of the page', async () => {
    await page().addInitScript(() => {
      const seen = { frames: 0, started: [] as { url: string; framesBefore: number; modulesRequested: number; hydrated: boolean }[] };
      (window as unknown as { workerStart: typeof seen }).workerStart = seen;
      // Registered before the page's own scripts: this frame callback runs first in each frame.
      const frame = (): void => {
        seen.frames++;
        if (seen.frames < 3) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          const modules = performance.getEntriesByType('resource').filter((entry) => /\/assets\/.*\.js$/.test(entry.name));
          seen.started.push({ url: String(url), framesBefore: seen.frames, modulesRequested: modules.length, hydrated: '__vue_app__' in (document.getElementById('app') ?? {}) });
          super(url, options);
        }
      };
    });
    await page().goto(`${origin()}/playground.html`);
    await expect.poll(() => textOf('eval-result'), ENGINE_WAIT).toBe(SEED_ANSWER);
    const seen = await page().evaluate(() => (window as unknown as { workerStart: { started: { url: string; framesBefore: number; modulesRequested: number; hydrated: boolean }[] } }).workerStart);
    // One worker (the playground took the head's), started after the first frame, before any module was fetched.
    expect(seen.started).toHaveLength(1);
    expect(seen.started[0]?.url).toMatch(/\/assets\/worker\.[\w-]+\.js$/);
    expect(seen.started[0]?.framesBefore).toBeGreaterThanOrEqual(1);
    expect(seen.started[0]?.modulesRequested).toBe(0);
    expect(seen.started[0]?.hydrated).toBe(false);
    // Other pages start no engine.
    expect(readFileSync(join(dist, 'laws.html'), 'utf8')).not.toContain('new Worker');
  });

  it('shows the seed’s answers from those the worker pushed as it started and those the page’s HTML holds, asking the worker for none', async () => {
    await page().addInitScript(() => {
      const posted: string[] = [];
      (window as unknown as { postedTasks: string[] }).postedTasks = posted;
      const Native = window.Worker;
      window.Worker = class extends Native {
        override postMessage(message: unknown, ...rest: unknown[]): void {
          const task = (message as { task?: { kind?: unknown } } | null)?.task;
          if (task !== undefined) posted.push(String(task.kind));
          super.postMessage(message, ...(rest as [StructuredSerializeOptions?]));
        }
      };
    });
    // The playground's chunk waits until the head-started worker has pushed its answers.
    const playground = await holdBack(new RegExp(`/assets/chunks/${playgroundChunk().replace(/\./g, '\\.')}$`));
    const rewrite = await holdBack(/\/assets\/worker-engine-rewrite\.[\w-]+\.js$/);
    await page().goto(`${origin()}/playground.html`);
    // Two pushes: the value (first chunk), then the analysis (its own chunk, loaded after).
    await expect.poll(pushedMessages).toBe(2);
    expect(playground.held()).toBe(1);
    playground.release();
    await expect.poll(() => textOf('eval-result'), ENGINE_WAIT).toBe(SEED_ANSWER);
    // Read with a short timeout: poll, as hydration may hold the page's thread just then.
    await expect.poll(() => textOf('shape')).toBe('2×3');
    // The other panes' answers are in the page's HTML (computed at build): the page asks the worker nothing.
    await expect.poll(() => textOf('simplify-result'), ENGINE_WAIT).toBe('A ⊙ B');
    await page().waitForTimeout(300);
    expect(await page().evaluate(() => (window as unknown as { postedTasks: string[] }).postedTasks)).toEqual([]);
    expect(rewrite.held()).toBe(0);
  });

  it('paints the answers the worker pushed before the page hydrates', async () => {
    await page().addInitScript((seed) => {
      const seen = { hydratedAtFrame: undefined as boolean | undefined };
      (window as unknown as { answerFrame: typeof seen }).answerFrame = seen;
      const watch = (): void => {
        if (document.querySelector('[data-testid=eval-result]')?.textContent !== seed) return void requestAnimationFrame(watch);
        // The first animation frame (then painted) with the answer on the page: hydrated yet?
        seen.hydratedAtFrame = '__vue_app__' in (document.getElementById('app') ?? {});
      };
      requestAnimationFrame(watch);
    }, SEED_ANSWER);
    // The playground's chunk waits until the worker has pushed its answers: the page has them when it mounts.
    const playground = await holdBack(new RegExp(`/assets/chunks/${playgroundChunk().replace(/\./g, '\\.')}$`));
    await page().goto(`${origin()}/playground.html`);
    await expect.poll(pushedMessages).toBe(2);
    playground.release();
    await expect.poll(() => page().evaluate(() => (window as unknown as { answerFrame: { hydratedAtFrame?: boolean } }).answerFrame.hydratedAtFrame)).toBe(false);
    // Then the page hydrates, and the playground stays.
    await expect.poll(() => page().evaluate(() => '__vue_app__' in (document.getElementById('app') ?? {}))).toBe(true);
    await expect.poll(() => textOf('eval-result'), ENGINE_WAIT).toBe(SEED_ANSWER);
    expect(await page().getByTestId('playground').count()).toBe(1);
  });

  it('paints its first frame and answers before the site’s stylesheet has arrived, and mounts and hydrates only once it has, after that frame', async () => {
    // The first frame's rules are inline (first-frame-css.ts): the site's stylesheet does not hold
    // back the first paint. The worker starts after the first frame; the page's modules (Vue, the
    // theme, the playground) are fetched only once the stylesheet has arrived (the playground's
    // own rules are in it), and run after the first frame.
    await page().addInitScript(() => {
      const seen = { frame: undefined as number | undefined, mounted: undefined as number | undefined, at: 0, playgroundAtFrame: false, hydratedAtFrame: false, valueAtFrame: '' };
      (window as unknown as { paintOrder: typeof seen }).paintOrder = seen;
      // The first frame with the page's content (the playground's host) in it.
      const frame = (): void => {
        if (!document.querySelector('[data-testid=playground-host]')) return void requestAnimationFrame(frame);
        seen.frame = ++seen.at;
        seen.playgroundAtFrame = document.querySelector('[data-testid=playground]') !== null;
        seen.hydratedAtFrame = '__vue_app__' in (document.getElementById('app') ?? {});
        seen.valueAtFrame = document.querySelector('[data-testid=first-answer]')?.textContent ?? '';
      };
      requestAnimationFrame(frame);
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-testid=playground]')) return;
        seen.mounted = ++seen.at;
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true });
    });
    const stylesheet = await holdBack(/\/assets\/style\.[\w-]+\.css$/);
    const requested = new Set<string>();
    page().on('request', (request) => void requested.add(request.url()));
    await page().goto(`${origin()}/playground.html`, { waitUntil: 'commit' });
    const line = page().getByTestId('first-answer');
    await expect.poll(() => line.locator('[data-source=engine]').textContent({ timeout: 250 }).catch(() => ''), ENGINE_WAIT).toBe(SEED_ANSWER);
    const early = await page().evaluate(() => (window as unknown as { paintOrder: { frame?: number; valueAtFrame: string } }).paintOrder);
    expect(early).toMatchObject({ frame: 1, valueAtFrame: `A ⊙ B = ${SEED_ANSWER}` });
    expect(await line.isVisible()).toBe(true);
    // Styled by the inline rules: VitePress's navigation bar is positioned, not left to the browser's defaults.
    expect(await page().evaluate(() => getComputedStyle(document.querySelector('.VPNav')!).position)).not.toBe('static');
    expect(stylesheet.held()).toBe(1);
    expect([...requested].filter((url) => /\/assets\/.*\.js$/.test(url) && !/\/assets\/worker/.test(url))).toEqual([]);
    expect(await page().getByTestId('playground').count()).toBe(0);
    stylesheet.release();
    await expect.poll(() => page().evaluate(() => '__vue_app__' in (document.getElementById('app') ?? {})), { timeout: 20_000 }).toBe(true);
    expect(await page().getByTestId('playground').count()).toBe(1);
    const order = await page().evaluate(() => (window as unknown as { paintOrder: { frame?: number; mounted?: number; playgroundAtFrame: boolean; hydratedAtFrame: boolean } }).paintOrder);
    expect(order).toMatchObject({ frame: 1, mounted: 2, playgroundAtFrame: false, hydratedAtFrame: false });
    await expect.poll(() => textOf('shape'), ENGINE_WAIT).toBe('2×3');
    await reachForForm();
  });

  it('applies the site’s stylesheet, and draws its icons, only after an animation frame once the sheet has loaded: never in the first frame', async () => {
    await page().addInitScript(() => {
      const seen = { log: [] as string[], firstFrame: undefined as { media: string; mask: string } | undefined };
      (window as unknown as { sheetOrder: typeof seen }).sheetOrder = seen;
      const siteSheet = (): HTMLLinkElement | null => document.querySelector('head > link[rel~=stylesheet][href*="/assets/style."]');
      const log = (entry: string): void => {
        if (!seen.log.includes(entry)) seen.log.push(entry);
      };
      document.addEventListener('load', (event) => (event.target === siteSheet() ? log('load') : undefined), true);
      new MutationObserver(() => (siteSheet()?.media === 'all' ? log('all') : undefined)).observe(document, { subtree: true, attributes: true, attributeFilter: ['media'] });
      const frame = (): void => {
        seen.log.push('frame');
        const icon = document.querySelector('.DocSearch-Search-Icon');
        if (seen.firstFrame === undefined && icon !== null) seen.firstFrame = { media: siteSheet()?.media ?? '', mask: getComputedStyle(icon).getPropertyValue('mask-image') };
        if (!seen.log.includes('all')) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page().goto(`${origin()}/playground.html`, { waitUntil: 'load' });
    await expect.poll(() => page().evaluate(() => (window as unknown as { sheetOrder: { log: string[] } }).sheetOrder.log.includes('all'))).toBe(true);
    const { log, firstFrame } = await page().evaluate(() => (window as unknown as { sheetOrder: { log: string[]; firstFrame?: { media: string; mask: string } } }).sheetOrder);
    expect(firstFrame).toEqual({ media: 'print', mask: 'none' });
    // Loaded, then a frame, then switched (with the old `onload="this.media='all'"` it switched at once).
    const loaded = log.indexOf('load');
    expect(loaded).toBeGreaterThanOrEqual(0);
    expect(log.slice(loaded, log.indexOf('all'))).toContain('frame');
    await expect.poll(() => page().evaluate(() => getComputedStyle(document.querySelector('.DocSearch-Search-Icon')!).getPropertyValue('mask-image'))).toMatch(/^url\(/);
  });

  it('shows the worker’s first answer in the page’s first-answer line before any module of the page has run', async () => {
    // VitePress's framework chunk (Vue) is what every module of the page imports first: held back, none runs.
    const framework = await holdBack(/\/assets\/chunks\/framework\.[\w-]+\.js$/);
    // Vue reports a hydration mismatch on the console (in production too): there must be none.
    const consoleErrors: string[] = [];
    page().on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page().goto(`${origin()}/playground.html`, { waitUntil: 'commit' });
    const line = page().getByTestId('first-answer');
    // The value the worker computed replaces the one the page's HTML holds (computed at build).
    await expect.poll(() => line.locator('[data-source=engine]').count(), ENGINE_WAIT).toBe(1);
    expect(await line.textContent()).toBe(`A ⊙ B = ${SEED_ANSWER}`);
    expect(await line.locator('[data-testid=eval-result][data-preview]').textContent()).toBe(SEED_ANSWER);
    expect(await page().evaluate(() => performance.getEntriesByName('odot-engine-answer').length)).toBe(1);
    expect(framework.held()).toBeGreaterThan(0);
    expect(await page().getByTestId('playground').count()).toBe(0);
    framework.release();
    // The playground mounts in the line's place, with the same answer in its own value pane.
    await expect.poll(() => page().locator('[data-testid=eval-result]:not([data-preview])').textContent({ timeout: 250 }).catch(() => '')).toBe(SEED_ANSWER);
    await expect.poll(() => line.count()).toBe(0);
    expect(await page().getByTestId('eval-result').count()).toBe(1);
    await expect.poll(() => page().evaluate(() => '__vue_app__' in (document.getElementById('app') ?? {})), { timeout: 20_000 }).toBe(true);
    expect(await page().getByTestId('playground').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it('shows the value in the first-answer line from the worker’s first chunk alone, before its analysis chunk has loaded', async () => {
    const framework = await holdBack(/\/assets\/chunks\/framework\.[\w-]+\.js$/);
    const analysis = await holdBack(ANALYSIS_CHUNK);
    await page().goto(`${origin()}/playground.html`, { waitUntil: 'commit' });
    const line = page().getByTestId('first-answer');
    await expect.poll(() => line.locator('[data-source=engine]').textContent({ timeout: 250 }).catch(() => ''), ENGINE_WAIT).toBe(SEED_ANSWER);
    expect(await line.textContent()).toBe(`A ⊙ B = ${SEED_ANSWER}`);
    // One push so far (the value); the worker asked for its analysis chunk only after it.
    await expect.poll(() => analysis.held()).toBe(1);
    expect(await pushedMessages()).toBe(1);
    analysis.release();
    await expect.poll(pushedMessages).toBe(2);
    framework.release();
    await expect.poll(() => textOf('shape'), ENGINE_WAIT).toBe('2×3');
    await expect.poll(() => page().locator('[data-testid=eval-result]:not([data-preview])').textContent({ timeout: 250 }).catch(() => ''), ENGINE_WAIT).toBe(SEED_ANSWER);
  });

  it('holds the seed’s value, computed by the engine at build, in the page’s HTML: shown at first paint, scripts or not', async () => {
    const cdp = await browser().newCDPSession(page());
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page().goto(`${origin()}/playground.html`);
    const line = page().getByTestId('first-answer');
    expect(await line.textContent()).toBe(`A ⊙ B = ${SEED_ANSWER}`);
    expect(await line.locator('[data-testid=seed-value]').getAttribute('data-source')).toBe('build');
    // Not the engine's answer in the browser: that is the value pane's test id.
    expect(await page().getByTestId('eval-result').count()).toBe(0);
    expect(await line.isVisible()).toBe(true);
    expect(await page().getByTestId('playground').count()).toBe(0);
    // And the page says why there is no more: the playground needs JavaScript.
    const noscript = page().locator('.playground-noscript');
    expect(await noscript.isVisible()).toBe(true);
    expect(await noscript.textContent()).toMatch(/needs JavaScript/);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
    await cdp.detach();
  });

  it('shows no seed answer in the first-answer line when the link carries a state of its own', async () => {
    const framework = await holdBack(/\/assets\/chunks\/framework\.[\w-]+\.js$/);
    const state = { ...EMPTY_STATE, expr: 'A + 2 B', bindings: 'A = [[1,2],[3,4]]\nB = [[1,0],[0,1]]' };
    await page().goto(`${origin()}/playground.html${encodeState(state)}`, { waitUntil: 'commit' });
    // The worker has pushed the seed's answers; the line does not show them for this link.
    await expect.poll(pushedMessages).toBe(2);
    await expect.poll(() => page().evaluate(() => document.readyState)).not.toBe('loading');
    expect(await page().getByTestId('first-answer').textContent()).toBe('Starting the engine…');
    expect(await page().getByTestId('first-answer').isVisible()).toBe(true);
    expect(await page().getByTestId('eval-result').count()).toBe(0);
    framework.release();
    await expect.poll(() => textOf('eval-result'), ENGINE_WAIT).toBe('[[3,2],[3,6]]');
  });

  it('keeps no classic script below a stylesheet in the playground page, links no stylesheet render-blocking, and fetches and loads its modules after its first frame', () => {
    const html = readFileSync(join(dist, 'playground.html'), 'utf8');
    const stylesheets = [...html.matchAll(/<link rel="(?:preload )?stylesheet"[^>]*>/g)].map((m) => m.index);
    expect(stylesheets.length).toBeGreaterThanOrEqual(1);
    const classic = [...html.matchAll(/<script(?: id="[\w-]+")?>/g)].map((m) => m.index);
    expect(classic.length).toBeGreaterThanOrEqual(4);
    for (const at of classic) expect(at).toBeLessThan(stylesheets[0]!);
    // Each stylesheet (outside <noscript>) waits for nothing: a media no screen matches until it has loaded.
    const head = html.slice(0, html.indexOf('</head>')).replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
    const linked = [...head.matchAll(/<link rel="(?:preload )?stylesheet"[^>]*>/g)].map((m) => m[0]);
    expect(linked.length).toBeGreaterThanOrEqual(1);
    for (const link of linked) expect(link).toMatch(/ media="print" onload="[^"]*requestAnimationFrame[^"]*"/);
    expect(html.slice(0, html.indexOf('</head>'))).toMatch(/<noscript><link rel="stylesheet" href="[^"]*\/style\.[\w-]+\.css"><\/noscript>/);
    // No module fetched by the HTML: one inline module preloads the page's module, Vue and the app, then loads them.
    expect(html).not.toMatch(/<script type="module"[^>]* src=/);
    expect(html).not.toMatch(/<link rel="modulepreload"/);
    const inline = [...html.matchAll(/<script type="module" async>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    const preloaded = deferredPreloads(html);
    const pageModule = preloaded.find((url) => /\/playground\.md\.[\w-]+\.lean\.js$/.test(url));
    const app = preloaded.find((url) => /\/app\.[\w-]+\.js$/.test(url));
    expect(pageModule).toBeDefined();
    expect(app).toBeDefined();
    expect(preloaded.some((url) => /\/framework\.[\w-]+\.js$/.test(url))).toBe(true);
    expect(inline[0]!.indexOf(`import("${pageModule}")`)).toBeGreaterThan(-1);
    expect(inline[0]!.indexOf(`import("${app}")`)).toBeGreaterThan(inline[0]!.indexOf(`import("${pageModule}")`));
    // Other pages keep VitePress's app script.
    expect(readFileSync(join(dist, 'laws.html'), 'utf8')).toMatch(/<script type="module" src="[^"]*\/app\.[\w-]+\.js"><\/script>/);
  });

  it('answers the seed without the rewrite engine’s chunk or the code editor, which load when someone reaches for the form', async () => {
    const rewrite = await holdBack(/\/assets\/worker-engine-rewrite\.[\w-]+\.js$/);
    const editor = await holdBack(/\/assets\/chunks\/editor\.[\w-]+\.js$/);
    await page().goto(`${origin()}/playground.html`);
    await expect.poll(() => textOf('eval-result'), ENGINE_WAIT).toBe(SEED_ANSWER);
    await expect.poll(() => textOf('shape'), ENGINE_WAIT).toBe('2×3');
    // The seed's simplification, equivalence, PSD and proof answers come computed at build, in the page's HTML.
    await expect.poll(() => textOf('simplify-result'), ENGINE_WAIT).toBe('A ⊙ B');
    await expect.poll(() => textOf('proof-verdict'), ENGINE_WAIT).toBe('proof checked ✓');
    // Settled, untouched: neither chunk asked for, the fields still plain.
    await page().waitForTimeout(500);
    expect(rewrite.held()).toBe(0);
    expect(editor.held()).toBe(0);
    expect(await page().getByTestId('expr').evaluate((el) => el.tagName)).toMatch(/^(INPUT|TEXTAREA)$/);
    // A pointer over the form: the editor, and the law list it completes from (the rewrite chunk's).
    await page().getByTestId('expr').hover();
    await expect.poll(() => editor.held()).toBe(1);
    editor.release();
    await page().locator('[data-testid=playground][data-editor=ready]').waitFor();
    expect(await page().getByTestId('expr').getAttribute('class')).toContain('cm-content');
    await expect.poll(() => rewrite.held()).toBe(1);
    rewrite.release();
  });

  it('computes a linked state’s value and analysis before the rewrite engine’s chunk has loaded, not only the precomputed seed', async () => {
    const rewrite = await holdBack(/\/assets\/worker-engine-rewrite\.[\w-]+\.js$/);
    const state = { ...EMPTY_STATE, expr: 'A + 2 B', bindings: 'A = [[1,2],[3,4]]\nB = [[1,0],[0,1]]' };
    await page().goto(`${origin()}/playground.html${encodeState(state)}`);
    await expect.poll(() => textOf('eval-result'), ENGINE_WAIT).toBe('[[3,2],[3,6]]');
    await expect.poll(() => textOf('shape'), ENGINE_WAIT).toBe('2×2');
    await expect.poll(() => rewrite.held()).toBe(1);
    rewrite.release();
    await expect.poll(() => textOf('simplify-result'), ENGINE_WAIT).not.toBe('');
  });

  it('mounts before the page hydrates, and keeps working once it has', async () => {
    await page().addInitScript(() => {
      const seen = { hydratedAtMount: undefined as boolean | undefined };
      (window as unknown as { mountSeen: typeof seen }).mountSeen = seen;
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-testid=playground]')) return;
        // Vue marks its container when the app is mounted (hydrated).
        seen.hydratedAtMount = '__vue_app__' in (document.getElementById('app') ?? {});
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true });
    });
    await page().goto(`${origin()}/playground.html`);
    await expect.poll(() => textOf('eval-result'), ENGINE_WAIT).toBe(SEED_ANSWER);
    // The answer above may be the head script's (the first-answer line), before the playground mounts: wait for the mount.
    await expect
      .poll(() => page().evaluate(() => (window as unknown as { mountSeen: { hydratedAtMount?: boolean } }).mountSeen.hydratedAtMount), ENGINE_WAIT)
      .toBe(false);
    await expect.poll(() => page().evaluate(() => '__vue_app__' in (document.getElementById('app') ?? {})), ENGINE_WAIT).toBe(true);
    await reachForForm();
    expect(await page().evaluate(() => '__vue_app__' in (document.getElementById('app') ?? {}))).toBe(true);
    expect(await page().getByTestId('playground').count()).toBe(1);
    // Still live after hydration: an edit re-evaluates.
    await page().getByTestId('bindings').fill('A = [[1,1,1],[1,1,1]]\nB = [[7,8,9],[10,11,12]]');
    await expect.poll(() => textOf('eval-result'), ENGINE_WAIT).toBe('[[7,8,9],[10,11,12]]');
  });

  it('mounts after a client-side navigation to the page, and again after leaving and coming back', async () => {
    await page().goto(`${origin()}/index.html`);
    const navLink = page().locator('.VPNavBar a[href="/playground.html"]').first();
    await navLink.click();
    await expect.poll(() => textOf('eval-result'), ENGINE_WAIT).toBe(SEED_ANSWER);
    expect(await page().getByTestId('playground').count()).toBe(1);
    await page().locator('.VPNavBar a[href="/laws.html"]').first().click();
    await expect.poll(() => page().getByTestId('playground').count()).toBe(0);
    await navLink.click();
    await expect.poll(() => textOf('eval-result'), ENGINE_WAIT).toBe(SEED_ANSWER);
    expect(await page().getByTestId('playground').count()).toBe(1);
  });

  it('starts a worker of its own when the head-started one failed to load, without waiting for a time limit', async () => {
    let aborted = 0;
    await browser().route(/\/assets\/worker\.[\w-]+\.js$/, (route) => (aborted++ === 0 ? route.abort() : route.continue()));
    // The head script's worker errs long before the page's own scripts have loaded and mounted.
    await page().goto(`${origin()}/playground.html`);
    // The first tasks' time limit is 4 s: the answer comes well before it, from a fresh worker.
    await expect.poll(() => textOf('eval-result'), { timeout: 3000 }).toBe(SEED_ANSWER);
    expect(aborted).toBe(2);
  });

  it('is modulepreloaded by the playground page after its first frame (the chunk that starts the engine), and by no other page', () => {
    const playground = playgroundChunk();
    expect(deferredPreloads(readFileSync(join(dist, 'playground.html'), 'utf8'))).toContain(`/assets/chunks/${playground}`);
    const preloads = (html: string): string[] => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!);
    for (const other of ['index.html', 'laws.html', 'guide/language.html']) {
      expect(preloads(readFileSync(join(dist, other), 'utf8'))).not.toContain(`/assets/chunks/${playground}`);
      expect(deferredPreloads(readFileSync(join(dist, other), 'utf8'))).toEqual([]);
    }
  });
});
