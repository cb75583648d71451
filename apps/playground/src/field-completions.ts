// What a field offers as the user types, for the plain fields and the code editor alike (one
// source: `plain-completions.ts` lists it as an ARIA combobox before the editor has loaded,
// `proof-completions.ts` hands it to CodeMirror's autocomplete after): backslash names with
// their symbols (`\od` → `\odot ⊙`, from core's `BACKSLASH_SYMBOLS`) and, in a proof, the
// catalogue's law names after `by` (`law-completions.ts`, the list asked of the worker).
import { BACKSLASH_SYMBOLS } from '@odot/core';
import { completionSite, matchLaws, type LawMatch } from './law-completions.ts';
import type { LawList } from './law-list.ts';
import type { LawEntry } from './protocol.ts';
import type { PlaygroundDialect } from './state.ts';

/** What a field holds: expressions, declarations, proofs, or plain text (the values). */
export type FieldLanguage = 'expr' | 'givens' | 'proof' | 'text';

/** Where completions are asked for: a field's language, the dialect, its text and the caret (0-based, UTF-16). */
export interface CompletionQuery {
  readonly language: FieldLanguage;
  readonly dialect: PlaygroundDialect;
  readonly text: string;
  readonly caret: number;
}

/** One entry of the list: shown as `label` with `detail` beside it; accepting it puts `insert` in place of the typed range. */
export interface CompletionOption {
  readonly label: string;
  readonly insert: string;
  readonly detail: string;
  /** A longer note (the alias that matched a law). */
  readonly info?: string;
}

/** The completions at a caret: accepting one replaces `from`…`to` (the partial word typed) with its `insert`. */
export interface Completions {
  readonly from: number;
  readonly to: number;
  readonly options: readonly CompletionOption[];
}

/** A completion source's answer: now, or once the law list has arrived. Undefined: nothing to offer here. */
export type CompletionAnswer = Completions | undefined;

/** A backslash name being typed right before the caret (`\od`, or a lone `\`). */
const BACKSLASH = /\\([A-Za-z]*)$/;

/**
 * Backslash names starting with what follows the backslash: the name typed exactly first, then
 * alphabetical. Accepting one inserts its symbol, as typing the name and a space would.
 */
export function backslashCompletions(before: string, offset: number): CompletionAnswer {
  const match = BACKSLASH.exec(before);
  if (!match) return undefined;
  const typed = match[1] ?? '';
  const names = Object.keys(BACKSLASH_SYMBOLS).filter((name) => name.startsWith(typed));
  if (names.length === 0) return undefined;
  names.sort((a, b) => Number(b === typed) - Number(a === typed) || (a < b ? -1 : a > b ? 1 : 0));
  const options = names.map((name) => ({ label: `\\${name}`, insert: BACKSLASH_SYMBOLS[name] ?? '', detail: BACKSLASH_SYMBOLS[name] ?? '' }));
  return { from: offset + match.index, to: offset + before.length, options };
}

/** A law offered after `by`: completes to its canonical name, with its statement beside it. */
function lawOption(match: LawMatch): CompletionOption {
  return { label: match.name, insert: match.name, detail: match.statement, ...(match.alias === undefined ? {} : { info: `matched the alias ${match.alias}` }) };
}

/** The law names for the site in `before` (a proof line up to the caret), from a loaded list. */
function lawAnswer(before: string, offset: number, laws: readonly LawEntry[]): CompletionAnswer {
  const site = completionSite(before);
  if (site === undefined) return undefined;
  return { from: offset + site.from, to: offset + before.length, options: matchLaws(site.typed, laws).map(lawOption) };
}

/**
 * The completions at a query's caret, from the text of its line up to the caret: a backslash name
 * in any code field (not in the LaTeX dialect, where `\odot` is what the parser reads, nor in the
 * values), and in a proof a law name after `by` (or a comma after it). The law list is asked of
 * the worker (`laws`) the first time it is needed: the answer is then a promise.
 */
export function completionsAt(query: CompletionQuery, laws: LawList): CompletionAnswer | Promise<CompletionAnswer> {
  if (query.language === 'text') return undefined;
  const lineStart = query.text.lastIndexOf('\n', query.caret - 1) + 1;
  const before = query.text.slice(lineStart, query.caret);
  const backslash = query.dialect === 'latex' ? undefined : backslashCompletions(before, lineStart);
  if (backslash !== undefined || query.language !== 'proof' || completionSite(before) === undefined) return backslash;
  const loaded = laws.loaded();
  if (loaded !== undefined) return lawAnswer(before, lineStart, loaded);
  return laws.load().then((list) => (list === undefined ? undefined : lawAnswer(before, lineStart, list)));
}
