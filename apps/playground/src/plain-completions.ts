// The plain fields' completion list, before the code editor has loaded: the same source as the
// editor's (`completionsAt`), shown as an ARIA 1.2 combobox with a listbox popup. A one-line
// `<input>` is the combobox (`role=combobox`, `aria-expanded`); a `<textarea>` keeps its textbox
// role (ARIA in HTML allows it no other, and a textbox has no `aria-expanded`) and, as
// CodeMirror's editor does, points at the open list with `aria-controls` and
// `aria-activedescendant`.
import { createListbox, insertOption, removeListbox, selectOption, showCompletions, type Listbox, type PlainField } from './completion-listbox.ts';
import type { CompletionAnswer, CompletionQuery } from './field-completions.ts';

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

/** Where and what to ask: the field's query now. */
export type QueryOf = () => CompletionQuery | undefined;

/** What the list's keys do. */
interface ListActions {
  readonly update: () => void;
  readonly close: () => void;
  readonly accept: (index: number) => void;
}

/**
 * The field's keydown handler: Ctrl-Space asks; while the list is open, arrow keys move, Enter or
 * Tab accepts and Escape closes (and the key goes no further). Other keys type as usual.
 */
function listKeys(box: Listbox, actions: ListActions): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key === ' ' && event.ctrlKey) {
      event.preventDefault();
      actions.update();
      return;
    }
    if (box.open === undefined) return;
    const keys: Readonly<Record<string, () => void>> = {
      ArrowDown: () => selectOption(box, box.selected + 1),
      ArrowUp: () => selectOption(box, box.selected - 1),
      Enter: () => actions.accept(box.selected),
      Tab: () => actions.accept(box.selected),
      Escape: actions.close,
    };
    const act = event.altKey || event.ctrlKey || event.metaKey ? undefined : keys[event.key];
    if (act === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    act();
  };
}

/** The list's pointerdown handler: accepts the option clicked, the field keeping the focus (and the caret). */
function listPick(accept: (index: number) => void): (event: PointerEvent) => void {
  return (event) => {
    event.preventDefault();
    const item = (event.target as Element | null)?.closest('[role=option]');
    if (item instanceof HTMLElement) accept(Number(item.dataset['index']));
  };
}

/** The field's keyup handler: a key that moves the caret sideways closes the list. */
function caretKeys(close: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) close();
  };
}

/**
 * Attaches a completion list to `field`: `source` answers each query, `accepted` runs after an
 * option was put in the text. Arrow keys move, Enter or Tab accepts, Escape closes,
 * Ctrl-Space asks explicitly.
 */
export function plainCompletions(
  field: PlainField,
  queryOf: QueryOf,
  source: (query: CompletionQuery) => CompletionAnswer | Promise<CompletionAnswer>,
  accepted: () => void,
): PlainCompletions {
  const box = createListbox(field);
  let asked = 0;
  const update = (): void => {
    const query = queryOf();
    const ticket = ++asked;
    if (query === undefined) return showCompletions(box, undefined);
    const answer = source(query);
    if (!(answer instanceof Promise)) return showCompletions(box, answer);
    // The law list is on its way from the worker: show it unless the text or caret moved meanwhile.
    void answer.then((later) => {
      if (ticket === asked) showCompletions(box, later);
    });
  };
  const close = (): void => {
    asked++;
    showCompletions(box, undefined);
  };
  const accept = (index: number): void => {
    if (!insertOption(box, index)) return;
    close();
    accepted();
  };
  const onKey = listKeys(box, { update, close, accept });
  const onCaret = caretKeys(close);
  // Listened to as an HTMLElement: the union's overloads do not resolve keyboard events.
  const target: HTMLElement = field;
  target.addEventListener('keydown', onKey);
  target.addEventListener('keyup', onCaret);
  target.addEventListener('blur', close);
  target.addEventListener('pointerdown', close);
  box.list.addEventListener('pointerdown', listPick(accept));
  return {
    update,
    isOpen: () => box.open !== undefined,
    close,
    destroy: () => {
      close();
      removeListbox(box);
      target.removeEventListener('keydown', onKey);
      target.removeEventListener('keyup', onCaret);
      target.removeEventListener('blur', close);
      target.removeEventListener('pointerdown', close);
    },
  };
}
