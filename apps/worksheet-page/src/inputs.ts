import { replaceBackslashNames } from '@odot/core';
import { h } from './dom.ts';

/** A text box that turns `\odot` and other backslash names into symbols as the student types. */
export function symbolInput(attrs: Record<string, string>, value: string, onChange: (text: string) => void, multiline = false): HTMLInputElement | HTMLTextAreaElement {
  const el = multiline ? h('textarea', { rows: '5', spellcheck: 'false', autocapitalize: 'off', ...attrs }) : h('input', { type: 'text', spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', ...attrs });
  el.value = value;
  const apply = (atEnd: boolean): void => {
    const caret = el.selectionStart ?? el.value.length;
    const replaced = replaceBackslashNames(el.value, caret, atEnd);
    if (replaced.text !== el.value) {
      el.value = replaced.text;
      if (document.activeElement === el) el.setSelectionRange(replaced.caret, replaced.caret);
    }
    onChange(el.value);
  };
  el.addEventListener('input', () => apply(false));
  el.addEventListener('blur', () => apply(true));
  return el;
}

/** A line-numbered editor for proofs: a textarea with a gutter that follows its lines and scrolling. */
export function proofEditor(attrs: Record<string, string>, value: string, onChange: (text: string) => void): { root: HTMLElement; textarea: HTMLTextAreaElement; mark: (lines: readonly number[]) => void } {
  const gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
  const textarea = symbolInput({ ...attrs, rows: '6', wrap: 'off' }, value, (text) => {
    number();
    onChange(text);
  }, true) as HTMLTextAreaElement;
  let flagged = new Set<number>();
  const number = (): void => {
    const count = Math.max(1, textarea.value.split('\n').length);
    gutter.replaceChildren(...Array.from({ length: count }, (_, i) => h('div', flagged.has(i + 1) ? { class: 'flagged' } : {}, String(i + 1))));
  };
  textarea.addEventListener('scroll', () => {
    gutter.scrollTop = textarea.scrollTop;
  });
  number();
  return {
    root: h('div', { class: 'proof-editor' }, gutter, textarea),
    textarea,
    mark: (lines) => {
      flagged = new Set(lines);
      number();
    },
  };
}
