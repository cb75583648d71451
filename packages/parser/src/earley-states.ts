import nearley from 'nearley';

// Two adjustments of nearley 2.20's Earley states (its State class is not exported; it is reached
// through the documented parse table, `parser.table`, nearley's "Accessing the internal parse
// table"). Neither changes what nearley computes; both are checked by the parser's tests.
//
// 1. Memory: every completed state keeps `left`, the state it advanced from. With left-recursive
//    rules (`Sum -> Sum %addop Product`) that pointer chains every completed `Sum` to the previous
//    one, so the whole parse history (every State, its data and token) stays reachable until the
//    parse ends, although nearley reads `left` only once: when the state completes and `build()`
//    collects its children. The young-generation garbage collector then copied and promoted that
//    history, which made the per-token time grow 2–3× from 1 000 to 10 000 terms (README,
//    "Performance"). nearley's own fix for `right` (kach/nearley#503) stops one pointer short;
//    `nextState` here clears `left` too, right after `build()`. Nothing in nearley reads `left` of
//    a completed state (`build` walks the incomplete predecessors; `finish`, `save`/`restore` and
//    the error reporter read `rule`, `dot`, `reference`, `data` and `wantedBy`).
// 2. Allocation: `build()` pushes the children onto an empty array (V8 then allocates room for 16)
//    and reverses it, for every completed state, several per token; here it counts them first and
//    fills an array of the exact size from the end: the same children in the same order.
// 3. Allocation and shape: nearley's State constructor gives every state an empty `data` array,
//    although only a completed state's `data` is ever read (its children, then its postprocessor's
//    value), about ten arrays per token; and `left`/`right`, added after construction, give
//    predicted and advanced states two hidden classes, so `Column.process` reads states of several
//    shapes. Here predicted and advanced states are made by one constructor on nearley's own State
//    prototype, with every field set in the constructor and `data` an array only for a completed
//    state (`predict` and `nextState` are nearley's, with that constructor).

/** The part of nearley's (unexported) State that the adjustments touch. */
interface EarleyState {
  readonly rule: EarleyRule;
  readonly dot: number;
  readonly reference: number;
  data: unknown;
  readonly wantedBy: readonly EarleyState[];
  readonly isComplete: boolean;
  left: EarleyState | undefined;
  right: { readonly data: unknown } | undefined;
}

/** A grammar rule as the states read it. */
interface EarleyRule {
  readonly symbols: readonly unknown[];
}

/** The prototype of nearley's State class, which holds `nextState` and `build`. */
interface StatePrototype {
  nextState(this: EarleyState, child: { readonly data: unknown }): EarleyState;
  build(this: EarleyState): unknown[];
}

/** The part of nearley's (unexported) Column that `predict` reads. */
interface EarleyColumn {
  readonly grammar: { readonly byName: Readonly<Record<string, readonly EarleyRule[] | undefined>> };
  readonly index: number;
  readonly states: EarleyState[];
  readonly wants: Readonly<Record<string, EarleyState[]>>;
}

/** The prototype of nearley's Column class, which holds `predict`. */
interface ColumnPrototype {
  predict(this: EarleyColumn, exp: string): void;
}

let adjusted = false;

/** A state of nearley's State class, every field set here (see 3. above). */
type StateConstructor = new (rule: EarleyRule, dot: number, reference: number, wantedBy: readonly EarleyState[]) => EarleyState;

/** The constructor of the states the adjusted `predict` and `nextState` make, on nearley's prototype. */
function stateConstructor(proto: object): StateConstructor {
  function State(this: { -readonly [K in keyof EarleyState]: EarleyState[K] }, rule: EarleyRule, dot: number, reference: number, wantedBy: readonly EarleyState[]): void {
    // nearley's fields in nearley's order, then the two it adds later.
    const complete = dot === rule.symbols.length;
    this.rule = rule;
    this.dot = dot;
    this.reference = reference;
    this.data = complete ? [] : undefined;
    this.wantedBy = wantedBy;
    this.isComplete = complete;
    this.left = undefined;
    this.right = undefined;
  }
  State.prototype = proto;
  return State as unknown as StateConstructor;
}

/** The children's data of the state `state` advanced by `child` would complete, oldest first (nearley's `build`, at its size). */
function childrenOf(state: EarleyState, child: { readonly data: unknown } | undefined): unknown[] {
  let n = child === undefined ? 0 : 1;
  for (let node: EarleyState | undefined = state; node?.left !== undefined; node = node.left) n++;
  const children = new Array<unknown>(n);
  let i = n - 1;
  if (child !== undefined) children[i--] = child.data;
  for (let node: EarleyState | undefined = state; i >= 0 && node !== undefined; i--) {
    children[i] = node.right?.data;
    node = node.left;
  }
  return children;
}

/**
 * Adjusts nearley's State and Column classes once (see above): completed states drop their
 * back-pointer, so memory during a parse stays bounded by the tree being built, children arrays
 * are allocated at their size, and states have one shape and no unused array. Reaches the classes
 * through the parse table of a parser for `grammar`. When nearley's shape differs from 2.20's it
 * changes nothing and answers false: parses stay correct.
 */
export function adjustEarleyStates(grammar: nearley.Grammar): boolean {
  if (adjusted) return true;
  const probe = new nearley.Parser(grammar) as nearley.Parser & { table?: readonly { states?: readonly object[] }[] };
  const column = probe.table?.[0];
  const state = column?.states?.[0];
  const proto = state === undefined ? undefined : (Object.getPrototypeOf(state) as Partial<StatePrototype> | null);
  const columnProto = column === undefined ? undefined : (Object.getPrototypeOf(column) as Partial<ColumnPrototype> | null);
  if (proto === undefined || proto === null || typeof proto.nextState !== 'function' || typeof proto.build !== 'function') return false;
  if (columnProto === undefined || columnProto === null || typeof columnProto.predict !== 'function') return false;
  const State = stateConstructor(proto);
  columnProto.predict = function predict(this: EarleyColumn, exp: string): void {
    const rules = this.grammar.byName[exp] ?? [];
    const wantedBy = this.wants[exp] as EarleyState[];
    for (const rule of rules) this.states.push(new State(rule, 0, this.index, wantedBy));
  };
  proto.nextState = function nextState(this: EarleyState, child: { readonly data: unknown }): EarleyState {
    const next = new State(this.rule, this.dot + 1, this.reference, this.wantedBy);
    // A completed state keeps its children's data only, not the state it advanced from (1. above).
    if (next.isComplete) next.data = childrenOf(this, child);
    else {
      next.left = this;
      next.right = child;
    }
    return next;
  };
  proto.build = function buildChildren(this: EarleyState): unknown[] {
    return childrenOf(this, undefined);
  };
  adjusted = true;
  return true;
}
