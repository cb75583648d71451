// The playground page starts its engine worker from a script in its head, before the site's own
// scripts load: the worker loads and compiles the engine while the page hydrates, and the
// playground, once mounted, takes it (`takeEarlyWorker`) instead of starting one then.

/** The global the head script leaves the worker in (taken, and deleted, by the playground). */
export const EARLY_WORKER_GLOBAL = '__odotEngineWorker';

/** The head script (classic, inline) that starts the engine worker from `url` (the worker's entry). */
export function earlyWorkerScript(url: string): string {
  return `try{window[${JSON.stringify(EARLY_WORKER_GLOBAL)}]=new Worker(${JSON.stringify(url)},{type:"module",name:"odot-engine"})}catch(e){}`;
}

/** The worker the head script started, once: later calls (a second visit of the page in the same tab) get none. */
export function takeEarlyWorker(): Worker | undefined {
  const holder = window as unknown as Record<string, unknown>;
  const worker = holder[EARLY_WORKER_GLOBAL];
  Reflect.deleteProperty(holder, EARLY_WORKER_GLOBAL);
  return typeof Worker !== 'undefined' && worker instanceof Worker ? worker : undefined;
}
