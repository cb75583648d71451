import { h } from '../dom.ts';
import type { AnalyzeView, TreeView } from '../protocol.ts';
import { diagnosticsBlock } from './diagnostics.ts';
import { math } from './math.ts';

/** The parse tree as nested lists. */
function treeBlock(tree: TreeView): HTMLElement {
  const item = (node: TreeView): HTMLElement =>
    h('li', {}, h('span', { class: 'odot-node' }, node.label), node.children.length > 0 ? h('ul', {}, ...node.children.map(item)) : null);
  return h('ul', { class: 'odot-tree', 'data-testid': 'tree' }, item(tree));
}

/** A term and its definition in a facts list. */
const fact = (term: string, testid: string, text: string): HTMLElement[] => [h('dt', {}, term), h('dd', { 'data-testid': testid, class: 'odot-mono' }, text)];

/** The Expression pane: the rendered expression, its shape, plain text, S-expression, lint notes and parse tree. */
export function analyzeBlock(view: AnalyzeView): HTMLElement {
  return h(
    'div',
    {},
    math(view.latex, 'rendered'),
    h('dl', { class: 'odot-facts' }, ...fact('shape', 'shape', view.shape ?? 'shape error'), ...fact('plain', 'plain', view.plain), ...fact('S-expression', 'sexpr', view.sexpr)),
    view.shapeError ? diagnosticsBlock([view.shapeError]) : null,
    view.notes.length > 0 ? h('div', { 'data-testid': 'notes' }, diagnosticsBlock(view.notes)) : null,
    h('details', { class: 'odot-tree-box' }, h('summary', {}, 'parse tree'), treeBlock(view.tree)),
  );
}
