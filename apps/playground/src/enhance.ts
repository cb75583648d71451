import { fieldMarks } from './field-marks.ts';
import type { Form, TextFieldName } from './form.ts';
import type { TaskKind, TaskResult } from './protocol.ts';

/** The fields that become code editors (the values stay a plain text box: numbers, and the grids edit it). */
const EDITOR_FIELDS: readonly TextFieldName[] = ['expr', 'givens', 'other', 'proof'];

/** The task whose result marks each field. */
const OWNER: Readonly<Record<TextFieldName, TaskKind | undefined>> = { expr: 'analyze', givens: 'analyze', other: 'equiv', proof: 'proof', bindings: undefined };

/** The code editor, loaded once: its chunk (CodeMirror) is not needed until someone edits (or a result has marks to show). */
export interface EditorLoader {
  /** Loads the editor chunk (once) and puts an editor in place of each plain field. */
  readonly load: () => Promise<void>;
}

/** The events on the form that load the editor: someone reaches for a field (a pointer over it, a press, the focus). */
const REACHING = ['pointerover', 'pointerdown', 'focusin'] as const;

/**
 * Creates the loader of `form`'s editors, loaded the first time someone reaches for the form
 * (when `onReach` is called too) or `load` is called. A failed load leaves the plain fields, which
 * work.
 */
export function editorLoader(form: Form, onReach: () => void = () => undefined): EditorLoader {
  let loading: Promise<void> | undefined;
  const load = (): Promise<void> =>
    (loading ??= import('./editor.ts').then(
      ({ createEditor }) => {
        for (const name of EDITOR_FIELDS) {
          const slot = form.fields[name];
          const plain = slot.current();
          // The typed text and the caret go over to the editor (and an open completion list, in `replace`).
          slot.replace(createEditor(slot.spec, plain.value(), form.context, plain.selection()));
        }
        form.element.closest('[data-testid=playground]')?.setAttribute('data-editor', 'ready');
        // The proof editor's completions: the law list arrives while nobody is typing yet.
        void form.context.laws.load();
      },
      (error: unknown) => console.warn('odot playground: the code editor did not load; plain text fields stay', error),
    ));
  const reach = (): void => {
    for (const type of REACHING) form.element.removeEventListener(type, reach);
    onReach();
    void load();
  };
  for (const type of REACHING) form.element.addEventListener(type, reach);
  return { load };
}

/** Sets the marks a result owns on its fields; whether any of them has a mark (the plain fields show none: the editor does). */
export function applyMarks(form: Form, result: TaskResult, proof: string): boolean {
  let marked = false;
  for (const [name, marks] of Object.entries(fieldMarks(result, proof)) as [TextFieldName, NonNullable<ReturnType<typeof fieldMarks>[TextFieldName]>][]) {
    form.fields[name].setMarks(marks);
    marked ||= marks.length > 0;
  }
  return marked;
}

/** Clears the marks of fields whose task does not run this time (their text is empty). */
export function clearUnowned(form: Form, wanted: ReadonlySet<TaskKind>): void {
  for (const name of Object.keys(OWNER) as TextFieldName[]) {
    const owner = OWNER[name];
    if (owner !== undefined && !wanted.has(owner)) form.fields[name].setMarks([]);
  }
}
