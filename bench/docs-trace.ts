// What the playground page's main thread does before its first frame, from a Chromium trace (CDP
// `Tracing`) of warm loads of the built site: each task that ran between navigation and the first
// animation frame with the seed's value on the page (the frame then painted; the value is in the
// HTML, so that frame is the first answer, as `pnpm bench docs` times it), with what it spent its
// time on (parsing HTML, compiling and evaluating modules, style, layout). Which tasks run before
// the first frame does not depend on the machine's load; how long they take does.
//
//   pnpm --filter @odot/bench exec tsx docs-trace.ts [dist] [loads]
//
// `dist` defaults to docs/.vitepress/dist (after `pnpm docs:build`), `loads` to 5.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../docs/test/chromium.ts';
import { serveStatic } from '../docs/test/static-server.ts';
import { median } from './timing.ts';

/** A trace event as Chromium's JSON trace format has it (the fields read here). */
interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly url?: string; readonly functionName?: string; readonly frame?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'loading', 'blink.user_timing', 'v8.execute', 'v8'];

/**
 * The mark the page-side probe sets in the first animation frame with the seed's value on the page
 * (the frame then painted; what `pnpm bench docs` times as the first answer).
 */
const FIRST_FRAME_MARK = 'odot-first-frame';

/** The probe, installed before any of the page's scripts (plain JavaScript: tsx's helpers are not in the page). */
const PROBE = `(() => {
  const look = () => {
    if (document.querySelector('[data-testid=seed-value], [data-testid=eval-result]')) performance.mark(${JSON.stringify(FIRST_FRAME_MARK)});
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

/** Top-level task events: everything the main thread runs is inside one. */
const TASK = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** The events inside a task worth naming, and how each is labelled. */
function label(event: TraceEvent): string | undefined {
  const url = event.args?.data?.url?.replace(/^.*\//, '') ?? '';
  switch (event.name) {
    case 'ParseHTML':
      return 'parse HTML';
    case 'EvaluateScript':
      return `script ${url || '(inline)'}`;
    case 'v8.compileModule':
      return `compile module ${url}`;
    case 'v8.evaluateModule':
      return `evaluate module ${url}`;
    case 'FunctionCall':
      return `call ${url}`;
    case 'UpdateLayoutTree':
      return 'style';
    case 'Layout':
      return 'layout';
    case 'Paint':
    case 'PrePaint':
      return 'paint';
    case 'ParseAuthorStyleSheet':
      return 'parse stylesheet';
    default:
      return undefined;
  }
}

/** One main-thread task before the first frame: when (ms from navigation), how long, and what inside. */
interface Task {
  readonly atMs: number;
  readonly ms: number;
  readonly parts: ReadonlyMap<string, number>;
}

/** One traced load: its first frame (the animation frame, then the end of its paint) and the tasks before that paint. */
interface TracedLoad {
  readonly firstFrameMs: number;
  readonly paintMs: number;
  readonly tasks: readonly Task[];
}

/** Records a trace while `action` runs. */
async function trace(cdp: CDPSession, action: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }): void => void events.push(...(data.value as unknown as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await action();
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}

/** `events` without those inside another of them (the outermost only); sorted by start. */
function outermost(events: readonly TraceEvent[]): TraceEvent[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const kept: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of sorted) {
    if (e.ts < end) continue;
    kept.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return kept;
}

/**
 * The tasks of the page's main thread until its first frame is painted (`paintMs`, from the
 * page's time origin: Paint Timing's `paintTime`, the end of the rendering update that painted the
 * first contentful frame, with the seed's value in it), from one load's trace. The page's time
 * origin in the trace's clock is where the probe's mark is, less its time (`markMs`): the
 * renderer's `navigationStart` event comes later than the time origin, by up to ≈ 350 ms on a
 * cold load (the renderer process is started after the navigation has).
 */
function tasksBeforeFirstPaint(events: readonly TraceEvent[], paintMs: number, markMs: number): TracedLoad {
  const firstFrame = events.find((e) => e.name === FIRST_FRAME_MARK);
  if (firstFrame === undefined) throw new Error(`no ${FIRST_FRAME_MARK} mark in the trace`);
  const main = (e: TraceEvent): boolean => e.pid === firstFrame.pid && e.tid === firstFrame.tid;
  const origin = firstFrame.ts - markMs * 1000;
  const ms = (us: number): number => us / 1000;
  const painted = origin + paintMs * 1000;
  const slices = events.filter((e) => main(e) && e.ph === 'X' && e.ts >= origin && e.ts < painted);
  const tasks = outermost(slices.filter((e) => TASK.has(e.name))).filter((e) => (e.dur ?? 0) >= 1000);
  const named = slices.filter((e) => !TASK.has(e.name));
  return {
    firstFrameMs: ms(firstFrame.ts - origin),
    paintMs,
    tasks: tasks.map((task) => {
      const parts = new Map<string, number>();
      // The task that paints the first frame is counted up to the end of its paint.
      const end = Math.min(task.ts + (task.dur ?? 0), painted);
      for (const e of outermost(named.filter((e) => e.ts >= task.ts && e.ts < end))) {
        const name = label(e) ?? e.name;
        parts.set(name, (parts.get(name) ?? 0) + ms(Math.min(e.ts + (e.dur ?? 0), end) - e.ts));
      }
      return { atMs: ms(task.ts - origin), ms: ms(end - task.ts), parts };
    }),
  };
}

/** The page's times (ms from its time origin) of its first contentful paint (Paint Timing's `paintTime`, Chromium 139 on; its start time before) and of the probe's mark. */
const pageTimes = (page: Page, mark: string): Promise<{ readonly paintMs: number; readonly markMs: number }> =>
  page.evaluate((name) => {
    const entry = performance.getEntriesByName('first-contentful-paint')[0] as (PerformanceEntry & { paintTime?: number }) | undefined;
    return { paintMs: entry === undefined ? Number.NaN : (entry.paintTime ?? entry.startTime), markMs: performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN };
  }, mark);

/** One warm load of `url`, traced until the page's load event. */
async function tracedLoad(page: Page, cdp: CDPSession, url: string): Promise<TracedLoad> {
  let times = { paintMs: Number.NaN, markMs: Number.NaN };
  const events = await trace(cdp, async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    times = await pageTimes(page, FIRST_FRAME_MARK);
  });
  // TRACE_JSON=file keeps the last load's whole trace (for chrome://tracing or Perfetto).
  if (process.env['TRACE_JSON'] !== undefined) writeFileSync(process.env['TRACE_JSON'], JSON.stringify({ traceEvents: events }));
  return tasksBeforeFirstPaint(events, times.paintMs, times.markMs);
}

const show = (load: TracedLoad): string => {
  const lines = [`first frame ${load.firstFrameMs.toFixed(0)} ms, painted ${load.paintMs.toFixed(0)} ms; main-thread tasks ≥ 1 ms until then: ${load.tasks.length}, ${load.tasks.reduce((s, t) => s + t.ms, 0).toFixed(0)} ms`];
  for (const task of load.tasks) {
    const parts = [...task.parts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, ms]) => `${name} ${ms.toFixed(0)}`);
    lines.push(`  @${task.atMs.toFixed(0).padStart(4)} ms  ${task.ms.toFixed(0).padStart(4)} ms  ${parts.join(', ')}`);
  }
  return lines.join('\n');
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.argv[2] ?? join(root, 'docs', '.vitepress', 'dist');
const count = Number(process.argv[3] ?? '5');
// COLD=1: each load in a fresh browser (empty caches, nothing compiled), as the bench's cold load.
const cold = process.env['COLD'] === '1';
const server = await serveStatic(dist);

/** Traced loads in one browser (the first load, untraced, warms it) or, cold, each in a fresh one. */
async function tracedLoads(url: string): Promise<TracedLoad[]> {
  const loads: TracedLoad[] = [];
  for (let i = 0; i < count; ) {
    const browser = await launchChromium();
    try {
      await browser.addInitScript({ content: PROBE });
      const page = await browser.newPage();
      const cdp = await browser.newCDPSession(page);
      if (!cold) await page.goto(url, { waitUntil: 'load' });
      for (; i < count; i++) {
        const load = await tracedLoad(page, cdp, url);
        // A load whose first contentful paint was not reported by its load event (rare) is left out.
        if (!Number.isNaN(load.paintMs)) loads.push(load);
        if (cold) {
          i++;
          break;
        }
      }
    } finally {
      await browser.close();
    }
  }
  return loads;
}

try {
  const loads = await tracedLoads(`${server.url}/playground.html`);
  for (const load of loads) console.log(show(load));
  const total = (load: TracedLoad): number => load.tasks.reduce((s, t) => s + t.ms, 0);
  const longest = (load: TracedLoad): number => Math.max(0, ...load.tasks.map((t) => t.ms));
  const spent = (load: TracedLoad, pattern: RegExp): number => load.tasks.reduce((sum, t) => sum + [...t.parts].filter(([name]) => pattern.test(name)).reduce((s, [, ms]) => s + ms, 0), 0);
  const figures: readonly (readonly [string, (load: TracedLoad) => number])[] = [
    ['first frame', (load) => load.firstFrameMs],
    ['painted', (load) => load.paintMs],
    ['main-thread tasks until then', total],
    ['longest task', longest],
    ['evaluating modules', (load) => spent(load, /^evaluate module/)],
    ['style and layout', (load) => spent(load, /^(style|layout)$/)],
  ];
  // The inline module script that loads the page's modules after the first paint is evaluated before it (≈ 1–10 ms).
  const evaluating = loads.filter((load) => spent(load, /^evaluate module/) >= 20).length;
  console.log(`\n${dist}: ${loads.length} ${cold ? 'cold' : 'warm'} loads; modules evaluated (≥ 20 ms) before the first paint in ${evaluating} of them; medians: ${figures.map(([name, of]) => `${name} ${median(loads.map(of)).toFixed(0)} ms`).join(', ')}`);
} finally {
  await server.close();
}
