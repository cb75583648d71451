// The code editor's completions (CodeMirror's autocomplete, part of the editor chunk): the same
// source as the plain fields' list (`field-completions.ts`), handed to CodeMirror.
import { acceptCompletion, autocompletion, type Completion, type CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import { Prec, type Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { completionsAt, type CompletionAnswer, type CompletionOption, type FieldLanguage } from './field-completions.ts';
import type { FieldContext } from './text-field.ts';

/** An option as CodeMirror lists it: the label, the detail beside it, the info when there is one; accepting inserts `insert`. */
function completion(option: CompletionOption): Completion {
  return { label: option.label, detail: option.detail, apply: option.insert, ...(option.info === undefined ? {} : { info: option.info }) };
}

/** CodeMirror's result for an answer (our own ranking: CodeMirror must not refilter). */
function result(answer: CompletionAnswer): CompletionResult | null {
  return answer === undefined ? null : { from: answer.from, to: answer.to, options: answer.options.map(completion), filter: false };
}

/** The completion source of a field in `language`: `completionsAt` at the editor's caret. */
export function fieldCompletionSource(language: FieldLanguage, context: FieldContext): CompletionSource {
  return (cm: CompletionContext) => {
    const answer = completionsAt({ language, dialect: context.dialect(), text: cm.state.doc.toString(), caret: cm.pos }, context.laws);
    return answer instanceof Promise ? answer.then(result) : result(answer);
  };
}

/**
 * The autocompletion of a field: backslash names, and law names after `by` in a proof. Enter or
 * Tab accepts, Escape closes, Ctrl-Space asks explicitly (as the plain fields' list does).
 */
export function fieldCompletions(language: FieldLanguage, context: FieldContext): Extension {
  return [autocompletion({ override: [fieldCompletionSource(language, context)], icons: false }), Prec.highest(keymap.of([{ key: 'Tab', run: acceptCompletion }]))];
}
