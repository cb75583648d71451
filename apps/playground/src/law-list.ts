import type { LawEntry } from './protocol.ts';

/** The law catalogue's list on the page, asked of the worker once and kept. */
export interface LawList {
  /** The list, once it has arrived (undefined before). */
  readonly loaded: () => readonly LawEntry[] | undefined;
  /** Asks for the list (one request at a time; once it has arrived, never again). Undefined when the request failed. */
  readonly load: () => Promise<readonly LawEntry[] | undefined>;
}

/**
 * A list fetched with `fetch` (the worker's `laws` task): concurrent loads share one request, the
 * first list that arrives is kept, and a failed request (undefined) is tried again on the next load.
 */
export function createLawList(fetch: () => Promise<readonly LawEntry[] | undefined>): LawList {
  let laws: readonly LawEntry[] | undefined;
  let pending: Promise<readonly LawEntry[] | undefined> | undefined;
  const load = (): Promise<readonly LawEntry[] | undefined> => {
    if (laws !== undefined) return Promise.resolve(laws);
    pending ??= fetch()
      .then((list) => (laws = list))
      .finally(() => (pending = undefined));
    return pending;
  };
  return { loaded: () => laws, load };
}
