import { h } from '../dom.ts';
import type { DiagnosticView } from '../protocol.ts';

/** Diagnostics as compiler-style text blocks (message, line:column and caret), one `<pre>` each. */
export function diagnosticsBlock(diagnostics: readonly DiagnosticView[]): HTMLElement {
  return h(
    'div',
    { class: 'odot-diagnostics', 'data-testid': 'diagnostics' },
    ...diagnostics.map((d) => h('pre', { class: `odot-diagnostic odot-${d.severity}`, 'data-code': d.code }, d.formatted)),
  );
}
