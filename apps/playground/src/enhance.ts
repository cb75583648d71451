import { fieldMarks } from './field-marks.ts';
import type { Form, TextFieldName } from './form.ts';
import type { TaskKind, TaskResult } from './protocol.ts';

/** The fields that become code editors (the values stay a plain text box: numbers, and the grids edit it). */
const EDITOR_FIELDS: readonly TextFieldName[] = ['expr', 'givens', 'other', 'proof'];

/** The task whose result marks each field. */
const OWNER: Readonly<Record<TextFieldName, TaskKind | undefined>> = { expr: 'analyze', givens: 'analyze', other: 'equiv', proof: 'proof', bindings: undefined };

/** The code editor, loaded once: its chunk (CodeMirror) is not needed for the first answer. */
export interface EditorLoader {
  /** Loads the editor chunk (once) and puts an editor in place of each plain field. */
  readonly load: () => Promise<void>;
}

/** Creates the loader of `form`'s editors. A failed load leaves the plain fields, which work. */
export function editorLoader(form: Form): EditorLoader {
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
  // Whoever reaches for a field first does not wait for the first answer.
  form.element.addEventListener('focusin', () => void load(), { once: true });
  form.element.addEventListener('pointerdown', () => void load(), { once: true });
  return { load };
}

/** Sets the marks a result owns on its fields. */
export function applyMarks(form: Form, result: TaskResult, proof: string): void {
  for (const [name, marks] of Object.entries(fieldMarks(result, proof)) as [TextFieldName, NonNullable<ReturnType<typeof fieldMarks>[TextFieldName]>][]) {
    form.fields[name].setMarks(marks);
  }
}

/** Clears the marks of fields whose task does not run this time (their text is empty). */
export function clearUnowned(form: Form, wanted: ReadonlySet<TaskKind>): void {
  for (const name of Object.keys(OWNER) as TextFieldName[]) {
    const owner = OWNER[name];
    if (owner !== undefined && !wanted.has(owner)) form.fields[name].setMarks([]);
  }
}
