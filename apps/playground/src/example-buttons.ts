import { append, h } from './dom.ts';
import { EXAMPLE_GROUPS } from './examples.ts';
import type { PlaygroundState } from './state.ts';

/** The grouped example buttons; a click loads the example's state. */
export function exampleButtons(onPick: (state: PlaygroundState) => void): HTMLElement {
  const examples = h('div', { class: 'odot-examples', 'data-testid': 'examples' });
  for (const group of EXAMPLE_GROUPS) {
    const row = h('div', { class: 'odot-example-group', role: 'group', 'aria-label': group.title }, h('span', { class: 'odot-example-title' }, group.title));
    for (const example of group.examples) {
      const button = h('button', { type: 'button', class: 'odot-chip' }, example.label);
      button.addEventListener('click', () => onPick(example.state));
      append(row, button);
    }
    append(examples, row);
  }
  return examples;
}

/** Buttons that insert a symbol at the expression's caret (`⊙`, `⊗`, `ᵀ`, …). */
export function symbolButtons(insert: (symbol: string) => void): HTMLElement {
  const symbols = h('div', { class: 'odot-symbols' });
  for (const symbol of ['⊙', '⊗', 'ᵀ', '·', '⪰', '∘', '^⊙2', '⁻¹']) {
    const button = h('button', { type: 'button', class: 'odot-chip', title: `insert ${symbol}` }, symbol);
    button.addEventListener('click', () => insert(symbol));
    append(symbols, button);
  }
  return symbols;
}
