/**
 * How Vite builds the engine worker, for the standalone playground and the docs site alike: an
 * ES-module worker whose entry is `assets/worker.HASH.js` (the analysis and the value) and whose
 * lazily loaded chunks are `assets/worker-NAME.HASH.js` (the rewrite engine, the law catalogue and
 * the proof checker). A page can thus find the entry among its assets (`WORKER_ENTRY`) and start
 * it early, and size checks count every worker chunk by name.
 */
export const WORKER_BUILD = {
  format: 'es',
  rollupOptions: { output: { entryFileNames: 'assets/worker.[hash].js', chunkFileNames: 'assets/worker-[name].[hash].js' } },
} as const;

/** The worker's entry among a build's asset URLs (its chunks have a `-NAME` before the hash). */
export const WORKER_ENTRY = /\/assets\/worker\.[\w-]+\.js$/;
