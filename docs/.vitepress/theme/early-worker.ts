// The playground page starts its engine worker from a script in its head, before the site's own
// scripts load: the worker loads and compiles the engine while the page hydrates, and the
// playground, once mounted, takes it (`takeEarlyWorker`) instead of starting one then.

/** The global the head script leaves the worker in (taken, and deleted, by the playground). */
export const EARLY_WORKER_GLOBAL = '__odotEngineWorker';

/** The property the head script sets on its worker when the worker fails before the playground takes it. */
const FAILED = '__odotFailed';

/**
 * The head script (classic, inline) that starts the engine worker from `url` (the worker's entry),
 * and marks it failed if it errs (its script did not load) before anyone listens to it.
 */
export function earlyWorkerScript(url: string): string {
  return `try{var w=new Worker(${JSON.stringify(url)},{type:"module",name:"odot-engine"});w.addEventListener("error",function(){w[${JSON.stringify(FAILED)}]=true});window[${JSON.stringify(EARLY_WORKER_GLOBAL)}]=w}catch(e){}`;
}

/**
 * The worker the head script started, once: later calls (a second visit of the page in the same
 * tab) get none, and so does a worker that already failed (the playground then starts its own,
 * rather than send its first tasks to a dead worker and wait for their time limit).
 */
export function takeEarlyWorker(): Worker | undefined {
  const holder = window as unknown as Record<string, unknown>;
  const worker = holder[EARLY_WORKER_GLOBAL];
  Reflect.deleteProperty(holder, EARLY_WORKER_GLOBAL);
  if (typeof Worker === 'undefined' || !(worker instanceof Worker)) return undefined;
  if ((worker as unknown as Record<string, unknown>)[FAILED] === true) {
    worker.terminate();
    return undefined;
  }
  return worker;
}
