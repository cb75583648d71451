import { append, h } from './dom.ts';
import type { TaskKind } from './protocol.ts';

/** One output pane: its section, status line and body. */
export interface Pane {
  readonly section: HTMLElement;
  readonly status: HTMLElement;
  readonly body: HTMLElement;
}

/** The output column: one pane per task kind, in the order tasks run. */
export interface Panes {
  readonly element: HTMLElement;
  readonly byKind: ReadonlyMap<TaskKind, Pane>;
  /** Shows the panes of the wanted kinds as working and hides the others. */
  readonly begin: (wanted: ReadonlySet<TaskKind>) => void;
}

const PANES: readonly { readonly kind: TaskKind; readonly title: string }[] = [
  { kind: 'analyze', title: 'Expression' },
  { kind: 'evaluate', title: 'Evaluation' },
  { kind: 'psd', title: 'Positive semidefinite?' },
  { kind: 'simplify', title: 'Simplify' },
  { kind: 'equiv', title: 'Equivalence' },
  { kind: 'proof', title: 'Proof check' },
];

/** Creates the output panes (`data-testid` `status-KIND` and `pane-KIND`), and what shows when there is nothing to compute. */
export function createPanes(): Panes {
  const byKind = new Map<TaskKind, Pane>();
  const empty = h(
    'div',
    { class: 'odot-empty', 'data-testid': 'empty-state' },
    h('p', {}, 'Nothing to compute yet.'),
    h('p', {}, 'Type an expression such as A ⊙ B (\\odot works too) with its givens, add values to evaluate it, a second expression to compare, or a proof to check — or pick an example: "Seed example" fills every pane.'),
  );
  const element = h('section', { class: 'odot-outputs', 'aria-label': 'results' }, empty);
  for (const pane of PANES) {
    const status = h('div', { class: 'odot-status', 'data-testid': `status-${pane.kind}`, role: 'status' });
    const body = h('div', { class: 'odot-body', 'data-testid': `pane-${pane.kind}` });
    const section = h('section', { class: 'odot-pane', 'data-pane': pane.kind }, h('h3', {}, pane.title), status, body);
    byKind.set(pane.kind, { body, status, section });
    append(element, section);
  }
  const begin = (wanted: ReadonlySet<TaskKind>): void => {
    empty.hidden = wanted.size > 0;
    for (const [kind, pane] of byKind) {
      pane.section.hidden = !wanted.has(kind);
      pane.status.textContent = wanted.has(kind) ? 'working…' : '';
      pane.section.setAttribute('aria-busy', wanted.has(kind) ? 'true' : 'false');
    }
  };
  return { element, byKind, begin };
}
