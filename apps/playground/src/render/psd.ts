import { append, h, svg } from '../dom.ts';
import type { PsdView } from '../protocol.ts';
import { eigenBarChart, psdVerdictText } from '../view-models.ts';

/** The eigenvalues as an SVG bar chart (bars down from the zero line are negative). */
function eigenChart(eigenvalues: readonly number[]): SVGElement {
  const chart = eigenBarChart(eigenvalues);
  const box = { width: chart.width, height: chart.height + 4, viewBox: `0 0 ${chart.width} ${chart.height + 4}` };
  const element = svg('svg', { ...box, role: 'img', 'aria-label': 'eigenvalues', 'data-testid': 'eigen-chart', class: 'odot-chart' });
  for (const bar of chart.bars) {
    const rect = { x: bar.x, y: bar.y, width: bar.width, height: Math.max(bar.height, 0.5), class: bar.negative ? 'odot-bar odot-bar-negative' : 'odot-bar' };
    append(element, svg('rect', rect, svg('title', {}, bar.label)));
  }
  append(element, svg('line', { x1: 0, x2: chart.width, y1: chart.zeroY, y2: chart.zeroY, class: 'odot-axis' }));
  return element;
}

/** The PSD pane: the verdict and method, the eigenvalue chart and list, and the evidence lines. */
export function psdBlock(view: PsdView): HTMLElement {
  const labels = eigenBarChart(view.eigenvalues).bars.map((b) => b.label);
  return h(
    'div',
    {},
    h('p', { class: `odot-verdict odot-verdict-${view.verdict}`, 'data-testid': 'psd-verdict' }, psdVerdictText(view), h('small', {}, ` (${view.method})`)),
    view.eigenvalues.length > 0 ? eigenChart(view.eigenvalues) : null,
    view.eigenvalues.length > 0 ? h('p', { class: 'odot-mono', 'data-testid': 'eigenvalues' }, labels.join('   ')) : null,
    view.evidence.length > 0 ? h('ul', { class: 'odot-evidence' }, ...view.evidence.map((e) => h('li', { class: 'odot-mono' }, e))) : null,
  );
}
