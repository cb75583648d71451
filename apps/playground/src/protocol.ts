import type { StepCode, StepStatus } from '@odot/proof';
import type { EvalMode, PlaygroundDialect } from './state.ts';

/** The fields every expression task carries. */
interface SourceFields {
  readonly expr: string;
  readonly dialect: PlaygroundDialect;
  /** Declarations text, one per line or `;`-separated. */
  readonly givens: string;
}

/**
 * A unit of work for the engine worker. Each pane asks for its own task, so a slow
 * simplification cannot hide the parse tree.
 */
export type Task =
  | ({ readonly kind: 'analyze'; readonly bindings?: string } & SourceFields)
  | ({ readonly kind: 'simplify' } & SourceFields)
  | ({ readonly kind: 'equiv'; readonly other: string } & SourceFields)
  | ({ readonly kind: 'evaluate'; readonly bindings: string; readonly mode: EvalMode } & SourceFields)
  | ({ readonly kind: 'psd'; readonly bindings: string } & SourceFields)
  | { readonly kind: 'proof'; readonly proof: string }
  /** Asked for by the proof pane's Hint button, not run on every edit. */
  | { readonly kind: 'hint'; readonly proof: string }
  /** The law catalogue's names, aliases and statements, asked for once by the proof editor's completions. */
  | { readonly kind: 'laws' };

/** The kinds of task. */
export type TaskKind = Task['kind'];

/** Every task kind, in the order the UI runs them. */
export const TASK_KINDS: readonly TaskKind[] = ['analyze', 'evaluate', 'psd', 'simplify', 'equiv', 'proof', 'hint', 'laws'];

/** The input a diagnostic is about, when it is not the text the task read first (`expr`, or `proof` for proofs). */
export type DiagnosticField = 'givens' | 'bindings' | 'other';

/** A diagnostic ready to show: `formatted` is the compiler-style text with the caret line. */
export interface DiagnosticView {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'note';
  readonly message: string;
  readonly formatted: string;
  readonly line?: number;
  readonly column?: number;
  /** The range it is about in its input's text (0-based UTF-16 offsets, `to` exclusive), for the editor's marks. */
  readonly from?: number;
  readonly to?: number;
  /** Its input, when not the task's own text. */
  readonly field?: DiagnosticField;
}

/** One node of the parse tree as shown: a label and its children. */
export interface TreeView {
  readonly label: string;
  readonly children: readonly TreeView[];
}

/** A matrix (or scalar, as 1 row × 1 column with `scalar: true`) with entries as display text. */
export interface MatrixView {
  readonly scalar: boolean;
  readonly rows: readonly (readonly string[])[];
}

/** One rewrite step: `= after   by law`. */
export interface StepView {
  readonly law: string;
  readonly direction: 'forward' | 'backward';
  readonly path: readonly number[];
  readonly before: string;
  readonly after: string;
  readonly afterLatex: string;
}

/** A symbol whose inferred shape is concrete: `scalar`, or `rows`×`cols` numbers. */
export interface SizedSymbol {
  readonly name: string;
  readonly scalar: boolean;
  readonly rows: number;
  readonly cols: number;
}

/** The result of `analyze`: rendering, tree, shape and lint notes. */
export interface AnalyzeView {
  readonly plain: string;
  readonly latex: string;
  readonly sexpr: string;
  readonly tree: TreeView;
  /** The inferred shape (`2×3`, `m×n`, `scalar`), or absent with `shapeError` set. */
  readonly shape?: string;
  readonly shapeError?: DiagnosticView;
  readonly notes: readonly DiagnosticView[];
  /** Free identifiers of the expression (candidates for bindings). */
  readonly symbols: readonly string[];
  /** Symbols whose inferred shape is concrete (numbers), with that shape. */
  readonly sized: readonly SizedSymbol[];
}

/** The result of `simplify`. */
export interface SimplifyView {
  /** The input as read (the trace starts here). */
  readonly input: string;
  readonly inputLatex: string;
  /** The last term reached: the normal form, or where a limit stopped the simplifier. */
  readonly result: string;
  readonly resultLatex: string;
  readonly steps: readonly StepView[];
  /** Set when a limit stopped the simplifier: then `result` is not a normal form. */
  readonly limit?: string;
}

/** A named concrete value of a counterexample. */
export interface NamedMatrix {
  readonly name: string;
  readonly value: MatrixView;
}

/** The result of `equiv`. */
export interface EquivView {
  readonly equivalent: boolean;
  /** `proved`, `refuted`, `equal-by-testing` or `unknown`. */
  readonly method: string;
  /** The engine's sentence on how it decided. */
  readonly explanation: string;
  readonly steps: readonly StepView[];
  /** Values on which the two sides differ… */
  readonly counterexample?: readonly NamedMatrix[];
  /** …and the two different values there. */
  readonly sides?: { readonly left: MatrixView; readonly right: MatrixView };
  readonly errorBound?: string;
  readonly limit?: string;
}

/** The result of `evaluate`. */
export interface EvalView {
  readonly shape: string;
  readonly value: MatrixView;
  /** Compact text, `[[7,16,27],[40,55,72]]` (a scalar prints as its value). */
  readonly text: string;
  readonly latex: string;
  /** The bindings as parsed, for the matrix editors. */
  readonly inputs: readonly NamedMatrix[];
}

/** The result of `psd`. */
export interface PsdView {
  /** The property asked about: `X ⪰ 0` (psd, the default) or `X ≻ 0` (pd). */
  readonly property: 'psd' | 'pd';
  /** `yes`, `no`, or `unknown` when neither a law nor numbers decide. */
  readonly verdict: 'yes' | 'no' | 'unknown';
  /** How it was decided (`eigenvalues`, `LDLᵀ`, `law schur`, …). */
  readonly method: string;
  readonly eigenvalues: readonly number[];
  /** Lines of evidence: certificates, justification, tolerance. */
  readonly evidence: readonly string[];
}

/** One checked proof step. */
export interface ProofStepView {
  readonly line: number;
  readonly ok: boolean;
  /** The checker's status (`ok`, `failed`, `unchecked`, `no-credit`) and code (`false`, `circular`, …). */
  readonly status: StepStatus;
  readonly code: StepCode;
  readonly text: string;
  readonly law: string;
  readonly message: string;
}

/** One checked theorem. */
export interface TheoremView {
  readonly goal: string;
  readonly valid: boolean;
  readonly steps: readonly ProofStepView[];
  readonly diagnostics: readonly DiagnosticView[];
}

/** The result of `proof`. */
export interface ProofView {
  readonly valid: boolean;
  readonly theorems: readonly TheoremView[];
  readonly diagnostics: readonly DiagnosticView[];
}

/** The result of `hint`: the next step of the first unfinished or failing proof, as `odot hint` prints it. */
export interface HintView {
  /** `hint`, `proved` (nothing to hint) or `none` (no law found). */
  readonly status: 'hint' | 'proved' | 'none';
  /** The hint as text for people. */
  readonly text: string;
  /** The line to write next, e.g. `= Aᵀ ⊙ Bᵀ   by transpose_hadamard`, when there is a hint. */
  readonly line?: string;
}

/** A law of the catalogue as the proof editor offers it: its name, aliases and statement. */
export interface LawEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  /** The statement in the plain expression language, e.g. `A ⊙ B = B ⊙ A`. */
  readonly statement: string;
}

/** The result of `laws`: every law of @odot/rewrite's catalogue, in catalogue order. */
export interface LawsView {
  readonly laws: readonly LawEntry[];
}

/** The view each task kind produces. */
export interface ViewOf {
  readonly analyze: AnalyzeView;
  readonly simplify: SimplifyView;
  readonly equiv: EquivView;
  readonly evaluate: EvalView;
  readonly psd: PsdView;
  readonly proof: ProofView;
  readonly hint: HintView;
  readonly laws: LawsView;
}

/** What a task produced: its view, or diagnostics explaining why there is none. */
export type TaskResult = {
  readonly [K in TaskKind]:
    | { readonly kind: K; readonly ok: true; readonly view: ViewOf[K] }
    | { readonly kind: K; readonly ok: false; readonly diagnostics: readonly DiagnosticView[] };
}[TaskKind];

/** A message from the page to the worker. */
export interface WorkerRequest {
  readonly id: number;
  readonly task: Task;
}

/** A message from the worker to the page: the result, or an internal failure as text. */
export type WorkerResponse =
  | { readonly id: number; readonly status: 'done'; readonly result: TaskResult }
  | { readonly id: number; readonly status: 'crashed'; readonly message: string };

/**
 * Answers a worker computed before anyone asked (the seed example's analysis and value, as it
 * starts), pushed to the page unasked: each task's `taskKey` with its result. The page takes them
 * for the tasks it runs with those keys, and asks the worker nothing for them.
 */
export interface PrecomputedMessage {
  readonly kind: 'precomputed';
  readonly results: readonly (readonly [string, TaskResult])[];
}

/** The key of a task in a `PrecomputedMessage` (equal tasks, equal keys: the fields in `tasksFor`'s order). */
export const taskKey = (task: Task): string => JSON.stringify(task);

/** How a task ended, as the page sees it: the client adds `timeout` and `superseded`. */
export type TaskOutcome =
  | { readonly status: 'done'; readonly result: TaskResult }
  | { readonly status: 'crashed'; readonly message: string }
  | { readonly status: 'timeout'; readonly ms: number }
  | { readonly status: 'superseded' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Checks that a message is a well-formed request (the worker ignores anything else). */
export function isWorkerRequest(value: unknown): value is WorkerRequest {
  if (!isRecord(value) || typeof value['id'] !== 'number' || !isRecord(value['task'])) return false;
  const task = value['task'];
  const str = (key: string): boolean => typeof task[key] === 'string';
  const source = str('expr') && str('dialect') && str('givens');
  switch (task['kind']) {
    case 'analyze':
      return source && (task['bindings'] === undefined || str('bindings'));
    case 'simplify':
      return source;
    case 'equiv':
      return source && str('other');
    case 'evaluate':
      return source && str('bindings') && (task['mode'] === 'exact' || task['mode'] === 'float');
    case 'psd':
      return source && str('bindings');
    case 'proof':
    case 'hint':
      return str('proof');
    case 'laws':
      return true;
    default:
      return false;
  }
}

/** Checks that a value has the outer form of a task result (a known kind, `ok`). */
const isTaskResult = (value: unknown): value is TaskResult =>
  isRecord(value) && (TASK_KINDS as readonly unknown[]).includes(value['kind']) && typeof value['ok'] === 'boolean';

/** Checks that a message is a well-formed response to some request. */
export function isWorkerResponse(value: unknown): value is WorkerResponse {
  if (!isRecord(value) || typeof value['id'] !== 'number') return false;
  if (value['status'] === 'crashed') return typeof value['message'] === 'string';
  return value['status'] === 'done' && isTaskResult(value['result']);
}

/** Checks that a message is a well-formed `PrecomputedMessage`. */
export function isPrecomputedMessage(value: unknown): value is PrecomputedMessage {
  if (!isRecord(value) || value['kind'] !== 'precomputed' || !Array.isArray(value['results'])) return false;
  return value['results'].every((entry: unknown) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && isTaskResult(entry[1]));
}

/** The tasks a state asks for; empty inputs ask for nothing. */
export function tasksFor(state: {
  readonly expr: string;
  readonly dialect: PlaygroundDialect;
  readonly givens: string;
  readonly bindings: string;
  readonly mode: EvalMode;
  readonly other: string;
  readonly proof: string;
}): Task[] {
  const tasks: Task[] = [];
  const source = { expr: state.expr, dialect: state.dialect, givens: state.givens };
  if (state.expr.trim() !== '') {
    tasks.push({ kind: 'analyze', ...source, bindings: state.bindings });
    tasks.push({ kind: 'evaluate', ...source, bindings: state.bindings, mode: state.mode });
    tasks.push({ kind: 'psd', ...source, bindings: state.bindings });
    tasks.push({ kind: 'simplify', ...source });
    if (state.other.trim() !== '') tasks.push({ kind: 'equiv', ...source, other: state.other });
  }
  if (state.proof.trim() !== '') tasks.push({ kind: 'proof', proof: state.proof });
  return tasks;
}
