// The playground page starts its engine worker from a script at the very top of its head (above
// the stylesheets: a classic script waits for the stylesheets above it), right after the page's
// first frame and before the page's own modules: the worker loads and compiles the engine and
// computes the seed example's answers while the modules load, and the playground, once mounted,
// takes it (`takeEarlyWorker`) with the messages it sent meanwhile (the seed's answers, pushed
// unasked) instead of starting one then. Not earlier: the first frame already holds the seed's
// value (computed at build), and a worker loading and compiling beside it delayed it.
import { SEED_STATE } from '../../../apps/playground/src/state.ts';
import { afterFirstFrame } from '../after-first-frame.ts';

/** The global the head script leaves the worker in (taken, and deleted, by the playground). */
export const EARLY_WORKER_GLOBAL = '__odotEngineWorker';

/** The property the head script sets on its worker when the worker fails before the playground takes it. */
const FAILED = '__odotFailed';

/** The property holding the messages the worker sent before the playground took it. */
const MESSAGES = '__odotMessages';

/** The test id of the first-answer line the playground page's HTML holds in the playground's host until it mounts. */
export const FIRST_ANSWER_TESTID = 'first-answer';

/** The attribute on the first-answer line's value telling who computed it: `build` (the page's HTML, `playground-html.ts`) or `engine` (the worker, in the browser). */
export const ANSWER_SOURCE = 'data-source';

/** The attribute the head script sets on `<html>` when the link carries a state of its own (the seed's answer then does not apply; `playground-html.ts` hides the line meanwhile). */
export const LINKED = 'data-odot-linked';

/** The attribute of the `<template>`s the playground page's HTML holds the seed's formulas in, rendered by KaTeX at build (`playground-html.ts`); its value is the formula's key. */
export const FORMULA_ATTRIBUTE = 'data-odot-formula';

/** The formulas the page's HTML holds rendered ahead of time (by key; the templates' content, copied by the playground). */
export function formulasInPage(): ReadonlyMap<string, Node> {
  const templates = document.querySelectorAll<HTMLTemplateElement>(`template[${FORMULA_ATTRIBUTE}]`);
  return new Map([...templates].map((template) => [template.getAttribute(FORMULA_ATTRIBUTE) ?? '', template.content]));
}

/** The id of the JSON script the playground page's HTML holds the seed's rewrite-engine answers in, computed at build (`playground-html.ts`). */
export const SEED_ANSWERS_ID = 'odot-seed-answers';

/** The answers the page's HTML holds, computed at build (a `PrecomputedMessage`, checked by the playground as any pushed message), or none. */
export function answersInPage(): unknown[] {
  const script = document.getElementById(SEED_ANSWERS_ID);
  if (!script?.textContent) return [];
  try {
    return [JSON.parse(script.textContent) as unknown];
  } catch (error) {
    // Not JSON (the page was altered): no answers from it, the worker computes them.
    if (!(error instanceof SyntaxError)) throw error;
    return [];
  }
}

/**
 * Writes the seed's expression (its text, as the playground's field shows it) and value into the
 * first-answer line, from the first of the worker's messages that holds the value (its pushed
 * answers, `PrecomputedMessage`s: the value first, the analysis after), marked as the engine's,
 * with a performance mark `odot-engine-answer` (what `pnpm bench docs` times). Only without a
 * state in the URL (the worker computes the seed's answers; a link's are computed when the
 * playground asks), and once. Text only, no markup from the message. Plain ES5: it runs in the
 * page's head.
 */
function showFirstAnswer(): string {
  const expr = JSON.stringify(`${SEED_STATE.expr} = `);
  return `function(d){if(f||location.hash||!d||d.kind!=="precomputed"||!d.results)return;var v;for(var i=0;i<d.results.length;i++){var r=d.results[i][1];if(r&&r.ok&&r.kind==="evaluate")v=r.view.text}if(typeof v!=="string")return;f=1;var put=function(){var p=document.querySelector('[data-testid=${FIRST_ANSWER_TESTID}]');if(!p)return false;var c=document.createElement("code");c.setAttribute("data-testid","eval-result");c.setAttribute("data-preview","");c.setAttribute("${ANSWER_SOURCE}","engine");c.textContent=v;p.textContent=${expr};p.appendChild(c);if(performance.mark)performance.mark("odot-engine-answer");return true};if(!put())document.addEventListener("DOMContentLoaded",put)}`;
}

/**
 * For a link with a state of its own: marks `<html>` (the line is hidden, `firstAnswerStyle`)
 * and, as soon as the parser has inserted the line (a mutation observer: before the next paint,
 * not at DOMContentLoaded, which waits for the page's deferred modules), puts "Starting the
 * engine…" in it instead of the seed's answer (again if the parser adds to it), and unhides it.
 * Plain ES5.
 */
function linkedState(): string {
  const line = `'[data-testid=${FIRST_ANSWER_TESTID}]'`;
  return `if(location.hash){var h=document.documentElement;h.setAttribute("${LINKED}","");var t="Starting the engine…",o=new MutationObserver(function(){var p=document.querySelector(${line});if(!p||p.textContent===t)return;p.textContent=t;h.removeAttribute("${LINKED}")});o.observe(document,{childList:true,subtree:true});document.addEventListener("DOMContentLoaded",function(){o.disconnect()})}`;
}

/**
 * The head script (classic, inline) that, for a link with a state of its own, hides the seed's
 * answer at once, and, in a task after the page's first animation frame (at once in a hidden
 * tab, which has no frames), starts the engine worker from `url` (the worker's entry), keeps the
 * messages it sends until the playground takes it, shows its first answer in the first-answer
 * line, and marks it failed if it errs (its script did not load) before anyone listens to it.
 */
export function earlyWorkerScript(url: string): string {
  const [failed, messages] = [JSON.stringify(FAILED), JSON.stringify(MESSAGES)];
  const start = `function(){try{var w=new Worker(${JSON.stringify(url)},{type:"module",name:"odot-engine"}),f=0,s=${showFirstAnswer()};w[${messages}]=[];w.onmessage=function(e){w[${messages}].push(e.data);s(e.data)};w.addEventListener("error",function(){w[${failed}]=true});window[${JSON.stringify(EARLY_WORKER_GLOBAL)}]=w}catch(e){}}`;
  return `(function(){${linkedState()};var start=${start};${afterFirstFrame('start')}})()`;
}

/** The head-started worker and the messages it sent before it was taken. */
export interface EarlyWorker {
  readonly worker: Worker;
  readonly messages: readonly unknown[];
}

/**
 * The worker the head script started, once: later calls (a second visit of the page in the same
 * tab) get none, and so does a worker that already failed (the playground then starts its own,
 * rather than send its first tasks to a dead worker and wait for their time limit).
 */
export function takeEarlyWorker(): EarlyWorker | undefined {
  const holder = window as unknown as Record<string, unknown>;
  const worker = holder[EARLY_WORKER_GLOBAL];
  Reflect.deleteProperty(holder, EARLY_WORKER_GLOBAL);
  if (typeof Worker === 'undefined' || !(worker instanceof Worker)) return undefined;
  const fields = worker as unknown as Record<string, unknown>;
  if (fields[FAILED] === true) {
    worker.terminate();
    return undefined;
  }
  const messages = Array.isArray(fields[MESSAGES]) ? (fields[MESSAGES] as unknown[]) : [];
  Reflect.deleteProperty(fields, MESSAGES);
  worker.onmessage = null;
  return { worker, messages };
}
