// The listbox popup of a plain field's completions (see plain-completions.ts): the ARIA wiring
// of the field, the options shown, which one is selected, and putting the chosen one in the text.
import { h } from './dom.ts';
import type { CompletionOption, Completions } from './field-completions.ts';

/** A plain field: a one-line input or a textarea. */
export type PlainField = HTMLInputElement | HTMLTextAreaElement;

/** A field's completion popup and what it shows. */
export interface Listbox {
  readonly field: PlainField;
  readonly list: HTMLUListElement;
  readonly id: string;
  /** A one-line input is a combobox; a textarea keeps its textbox role. */
  readonly combobox: boolean;
  /** The completions shown (never an empty list), or undefined while closed. */
  open: Completions | undefined;
  /** The index of the selected option. */
  selected: number;
}

/** The ARIA attributes a listbox puts on its field. */
const FIELD_ATTRIBUTES = ['role', 'aria-autocomplete', 'aria-controls', 'aria-expanded', 'aria-activedescendant'] as const;

let lists = 0;

/** A closed listbox for `field` (not yet in the page), with the field's ARIA attributes set. */
export function createListbox(field: PlainField): Listbox {
  const id = `odot-completions-${++lists}`;
  const list = h('ul', { id, role: 'listbox', 'aria-label': 'Completions', class: 'odot-completions', hidden: '' });
  const combobox = field instanceof HTMLInputElement;
  if (combobox) field.setAttribute('role', 'combobox');
  field.setAttribute('aria-autocomplete', 'list');
  if (combobox) field.setAttribute('aria-expanded', 'false');
  return { field, list, id, combobox, open: undefined, selected: 0 };
}

/** One option of the list. */
function optionItem(id: string, option: CompletionOption, index: number): HTMLLIElement {
  return h('li', { id: `${id}-${index}`, role: 'option', 'data-index': String(index) }, h('span', { class: 'odot-completion-label' }, option.label), h('span', { class: 'odot-completion-detail' }, option.detail));
}

/** Shows `answer` under the field with its first option selected, or closes the list (no answer, or no options). */
export function showCompletions(box: Listbox, answer: Completions | undefined): void {
  const { field, list, id } = box;
  const open = answer !== undefined && answer.options.length > 0 ? answer : undefined;
  box.open = open;
  box.selected = 0;
  list.replaceChildren(...(open?.options ?? []).map((option, i) => optionItem(id, option, i)));
  if (open !== undefined && !list.isConnected) field.after(list);
  list.hidden = open === undefined;
  if (box.combobox) field.setAttribute('aria-expanded', String(open !== undefined));
  // Only an open list is pointed at (as CodeMirror does): a closed one may not be in the page yet.
  if (open === undefined) field.removeAttribute('aria-controls');
  else field.setAttribute('aria-controls', id);
  if (open !== undefined) list.style.top = `${field.offsetTop + field.offsetHeight}px`;
  selectOption(box, 0);
}

/** Selects the option at `index` (wrapping around) and scrolls it into view; a closed list points at none. */
export function selectOption(box: Listbox, index: number): void {
  const { field, list, id, open } = box;
  if (open === undefined) {
    field.removeAttribute('aria-activedescendant');
    return;
  }
  box.selected = (index + open.options.length) % open.options.length;
  for (const [i, item] of [...list.children].entries()) item.setAttribute('aria-selected', String(i === box.selected));
  field.setAttribute('aria-activedescendant', `${id}-${box.selected}`);
  list.children[box.selected]?.scrollIntoView({ block: 'nearest' });
}

/** Puts the option at `index` in the field's text, the caret after it; false when there is no such option. */
export function insertOption(box: Listbox, index: number): boolean {
  const { field, open } = box;
  const option = open?.options[index];
  if (open === undefined || option === undefined) return false;
  const { from, to } = open;
  field.value = field.value.slice(0, from) + option.insert + field.value.slice(to);
  const caret = from + option.insert.length;
  field.setSelectionRange(caret, caret);
  return true;
}

/** Removes the list from the page and the listbox's attributes from the field. */
export function removeListbox(box: Listbox): void {
  box.list.remove();
  for (const name of FIELD_ATTRIBUTES) box.field.removeAttribute(name);
}
