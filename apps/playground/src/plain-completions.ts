// The plain fields' completion list, before the code editor has loaded: the same source as the
// editor's (`completionsAt`), shown as an ARIA 1.2 combobox with a listbox popup. A one-line
// `<input>` is the combobox (`role=combobox`, `aria-expanded`); a `<textarea>` keeps its textbox
// role (ARIA in HTML allows it no other, and a textbox has no `aria-expanded`) and, as
// CodeMirror's editor does, points at the open list with `aria-controls` and
// `aria-activedescendant`.
import { h } from './dom.ts';
import type { CompletionAnswer, CompletionQuery, Completions } from './field-completions.ts';

/** A plain field's completion list. */
export interface PlainCompletions {
  /** Asks the source again (after an edit): opens, updates or closes the list. */
  readonly update: () => void;
  /** Whether the list is open. */
  readonly isOpen: () => boolean;
  readonly close: () => void;
  /** Closes the list and removes it and the field's ARIA attributes (the field is being replaced). */
  readonly destroy: () => void;
}

let lists = 0;

/** Where and what to ask: the field's query now. */
export type QueryOf = () => CompletionQuery | undefined;

/**
 * Attaches a completion list to `field`: `source` answers each query, `accepted` runs after an
 * option was put in the text. Arrow keys move, Enter or Tab accepts, Escape closes,
 * Ctrl-Space asks explicitly.
 */
export function plainCompletions(
  field: HTMLInputElement | HTMLTextAreaElement,
  queryOf: QueryOf,
  source: (query: CompletionQuery) => CompletionAnswer | Promise<CompletionAnswer>,
  accepted: () => void,
): PlainCompletions {
  const id = `odot-completions-${++lists}`;
  const list = h('ul', { id, role: 'listbox', 'aria-label': 'Completions', class: 'odot-completions', hidden: '' });
  const combobox = field instanceof HTMLInputElement;
  if (combobox) field.setAttribute('role', 'combobox');
  field.setAttribute('aria-autocomplete', 'list');
  if (combobox) field.setAttribute('aria-expanded', 'false');
  let open: Completions | undefined;
  let selected = 0;
  let asked = 0;

  const show = (answer: Completions | undefined): void => {
    open = answer !== undefined && answer.options.length > 0 ? answer : undefined;
    selected = 0;
    list.replaceChildren(...(open?.options ?? []).map((option, i) => h('li', { id: `${id}-${i}`, role: 'option', 'data-index': String(i) }, h('span', { class: 'odot-completion-label' }, option.label), h('span', { class: 'odot-completion-detail' }, option.detail))));
    if (open !== undefined && !list.isConnected) field.after(list);
    list.hidden = open === undefined;
    if (combobox) field.setAttribute('aria-expanded', String(open !== undefined));
    // Only an open list is pointed at (as CodeMirror does): a closed one may not be in the page yet.
    if (open === undefined) field.removeAttribute('aria-controls');
    else field.setAttribute('aria-controls', id);
    if (open !== undefined) list.style.top = `${field.offsetTop + field.offsetHeight}px`;
    select(0);
  };
  const select = (index: number): void => {
    if (open === undefined) {
      field.removeAttribute('aria-activedescendant');
      return;
    }
    selected = (index + open.options.length) % open.options.length;
    for (const [i, item] of [...list.children].entries()) item.setAttribute('aria-selected', String(i === selected));
    field.setAttribute('aria-activedescendant', `${id}-${selected}`);
    list.children[selected]?.scrollIntoView({ block: 'nearest' });
  };
  const update = (): void => {
    const query = queryOf();
    const ticket = ++asked;
    if (query === undefined) return show(undefined);
    const answer = source(query);
    if (!(answer instanceof Promise)) return show(answer);
    // The law list is on its way from the worker: show it unless the text or caret moved meanwhile.
    void answer.then((later) => {
      if (ticket === asked) show(later);
    });
  };
  const close = (): void => {
    asked++;
    show(undefined);
  };
  const accept = (index: number): void => {
    const option = open?.options[index];
    if (open === undefined || option === undefined) return;
    const { from, to } = open;
    field.value = field.value.slice(0, from) + option.insert + field.value.slice(to);
    const caret = from + option.insert.length;
    field.setSelectionRange(caret, caret);
    close();
    accepted();
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === ' ' && event.ctrlKey) {
      event.preventDefault();
      update();
      return;
    }
    if (open === undefined) return;
    const keys: Readonly<Record<string, () => void>> = {
      ArrowDown: () => select(selected + 1),
      ArrowUp: () => select(selected - 1),
      Enter: () => accept(selected),
      Tab: () => accept(selected),
      Escape: close,
    };
    const act = event.altKey || event.ctrlKey || event.metaKey ? undefined : keys[event.key];
    if (act === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    act();
  };
  const onPick = (event: PointerEvent): void => {
    // The field keeps the focus (and the caret) while an option is clicked.
    event.preventDefault();
    const item = (event.target as Element | null)?.closest('[role=option]');
    if (item instanceof HTMLElement) accept(Number(item.dataset['index']));
  };
  const onCaret = (event: KeyboardEvent): void => {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) close();
  };
  // Listened to as an HTMLElement: the union's overloads do not resolve keyboard events.
  const target: HTMLElement = field;
  target.addEventListener('keydown', onKey);
  target.addEventListener('keyup', onCaret);
  target.addEventListener('blur', close);
  target.addEventListener('pointerdown', close);
  list.addEventListener('pointerdown', onPick);
  return {
    update,
    isOpen: () => open !== undefined,
    close,
    destroy: () => {
      close();
      list.remove();
      for (const name of ['role', 'aria-autocomplete', 'aria-controls', 'aria-expanded', 'aria-activedescendant']) field.removeAttribute(name);
      target.removeEventListener('keydown', onKey);
      target.removeEventListener('keyup', onCaret);
      target.removeEventListener('blur', close);
      target.removeEventListener('pointerdown', close);
    },
  };
}
