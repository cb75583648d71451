import { h } from './dom.ts';
import type { PlaygroundState } from './state.ts';
import { shareHash } from './url-state.ts';

/** The "Link to this view" field, its Copy button and status line. */
export interface ShareLink {
  readonly field: HTMLElement;
  readonly status: HTMLElement;
  /** Writes the state into the hash and the link field, or says why it does not fit in a link. */
  readonly update: (state: PlaygroundState) => void;
}

/** Creates the share-link controls; with `useHash` the state also goes into `location.hash`. */
export function createShareLink(useHash: boolean): ShareLink {
  const link = h('input', { type: 'text', readonly: '', 'data-testid': 'share-link', 'aria-label': 'link to this view', class: 'odot-mono' });
  const status = h('p', { class: 'odot-share-status', 'data-testid': 'share-status', role: 'status' });
  const copy = h('button', { type: 'button', class: 'odot-chip', 'data-testid': 'copy-link' }, 'Copy link');
  copy.addEventListener('click', () => {
    if (link.value === '') return;
    void navigator.clipboard?.writeText(link.value).then(
      () => (status.textContent = 'Link copied.'),
      (error: unknown) => (status.textContent = `Could not copy: ${error instanceof Error ? error.message : String(error)}; select the link and copy it.`),
    );
  });
  const update = (state: PlaygroundState): void => {
    const share = shareHash(state);
    if (share.ok) {
      if (useHash && location.hash !== share.hash) history.replaceState(history.state, '', share.hash);
      link.value = useHash ? location.href : share.hash;
      status.textContent = '';
      return;
    }
    // A stale hash would restore a different view: drop it and say why there is no link.
    if (useHash && location.hash !== '') history.replaceState(history.state, '', location.pathname + location.search);
    link.value = '';
    status.textContent = share.message;
  };
  return { field: h('div', { class: 'odot-share' }, link, copy), status, update };
}
