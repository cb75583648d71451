// The proof editor's law-name completions (CodeMirror's autocompletion), part of the editor chunk.
import { autocompletion, type Completion, type CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import { completionSite, matchLaws, type LawMatch } from './law-completions.ts';
import type { LawList } from './law-list.ts';
import type { LawEntry } from './protocol.ts';

/** A law as CodeMirror lists it: its canonical name, its statement beside it, the alias that matched as the info. */
function completion(match: LawMatch): Completion {
  return { label: match.name, detail: match.statement, ...(match.alias === undefined ? {} : { info: `matched the alias ${match.alias}` }) };
}

/** The completions at `context` from a loaded list: after `by ` (or a comma after it), else none. */
function lawResult(context: CompletionContext, laws: readonly LawEntry[]): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const site = completionSite(line.text.slice(0, context.pos - line.from));
  if (site === undefined) return null;
  // Our own ranking (prefix, then contains, aliases to the canonical name): CodeMirror must not refilter.
  return { from: line.from + site.from, options: matchLaws(site.typed, laws).map(completion), filter: false };
}

/** The completion source of law names: answers at once once the list has arrived, else after asking the worker for it. */
export function lawCompletionSource(laws: LawList): CompletionSource {
  return (context) => {
    const line = context.state.doc.lineAt(context.pos);
    if (completionSite(line.text.slice(0, context.pos - line.from)) === undefined) return null;
    const loaded = laws.loaded();
    if (loaded !== undefined) return lawResult(context, loaded);
    return laws.load().then((list) => (list === undefined ? null : lawResult(context, list)));
  };
}

/** The autocompletion extension of the proof field: law names after `by`; Enter accepts, Escape closes. */
export function lawCompletions(laws: LawList): Extension {
  return autocompletion({ override: [lawCompletionSource(laws)], icons: false });
}
