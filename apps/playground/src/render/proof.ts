import { h } from '../dom.ts';
import type { ProofView } from '../protocol.ts';
import { proofLines, type ProofLineView } from '../view-models.ts';
import { diagnosticsBlock } from './diagnostics.ts';

/** One row of the proof table: line number, ✓/✗, the line's text and the checker's message. */
function proofRow(line: ProofLineView): HTMLElement {
  const mark = line.mark === '✗' ? 'odot-bad' : line.mark === '✓' ? 'odot-good' : '';
  return h(
    'tr',
    { 'data-testid': `proof-line-${line.line}`, class: mark },
    h('td', { class: 'odot-lineno' }, String(line.line)),
    h('td', { class: 'odot-mark', 'data-testid': `proof-mark-${line.line}` }, line.mark),
    h('td', { class: 'odot-mono' }, line.text),
    h('td', { class: 'odot-message' }, line.message),
  );
}

/** Asks the engine for the next step of the current proof and shows the answer with `show`. */
export type RequestHint = (show: (text: string) => void) => void;

/** The Hint button of an unfinished proof and the box its answer goes to. */
function hintBlock(requestHint: RequestHint): HTMLElement {
  const output = h('pre', { class: 'odot-mono', 'data-testid': 'proof-hint', hidden: '' });
  const button = h('button', { type: 'button', class: 'odot-chip', 'data-testid': 'proof-hint-button' }, 'Hint');
  button.addEventListener('click', () =>
    requestHint((text) => {
      output.hidden = false;
      output.textContent = text;
    }),
  );
  return h('div', {}, button, output);
}

/** The Proof pane: the verdict, a Hint button when the proof has errors, the proof line by line with marks, and errors not tied to a line. */
export function proofBlock(text: string, view: ProofView, requestHint?: RequestHint): HTMLElement {
  const verdict = view.valid ? 'proof checked ✓' : 'proof has errors ✗';
  return h(
    'div',
    {},
    h('p', { class: `odot-verdict ${view.valid ? 'odot-verdict-yes' : 'odot-verdict-no'}`, 'data-testid': 'proof-verdict' }, verdict),
    view.valid || requestHint === undefined ? null : hintBlock(requestHint),
    h('div', { class: 'odot-scroll' }, h('table', { class: 'odot-proof', 'data-testid': 'proof-lines' }, ...proofLines(text, view).map(proofRow))),
    diagnosticsBlock(view.diagnostics.filter((d) => d.line === undefined)),
  );
}
