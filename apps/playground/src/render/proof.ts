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

/** The Proof pane: the verdict, the proof line by line with marks, and errors not tied to a line. */
export function proofBlock(text: string, view: ProofView): HTMLElement {
  const verdict = view.valid ? 'proof checked ✓' : 'proof has errors ✗';
  return h(
    'div',
    {},
    h('p', { class: `odot-verdict ${view.valid ? 'odot-verdict-yes' : 'odot-verdict-no'}`, 'data-testid': 'proof-verdict' }, verdict),
    h('div', { class: 'odot-scroll' }, h('table', { class: 'odot-proof', 'data-testid': 'proof-lines' }, ...proofLines(text, view).map(proofRow))),
    diagnosticsBlock(view.diagnostics.filter((d) => d.line === undefined)),
  );
}
