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

/** The part of nearley's (unexported) State that the adjustments touch. */
interface EarleyState {
  isComplete: boolean;
  left?: EarleyState | undefined;
  right?: { readonly data: unknown } | undefined;
}

/** The prototype of nearley's State class, which holds `nextState` and `build`. */
interface StatePrototype {
  nextState(this: EarleyState, child: unknown): EarleyState;
  build(this: EarleyState): unknown[];
}

let adjusted = false;

/** The children's data of a completed state, oldest first (nearley's `build`, without the growing array). */
function childrenOf(state: EarleyState): unknown[] {
  let n = 0;
  for (let node: EarleyState | undefined = state; node?.left !== undefined; node = node.left) n++;
  const children = new Array<unknown>(n);
  let node: EarleyState | undefined = state;
  for (let i = n - 1; i >= 0 && node !== undefined; i--) {
    children[i] = node.right?.data;
    node = node.left;
  }
  return children;
}

/**
 * Adjusts nearley's State class once (see above): completed states drop their back-pointer, so
 * memory during a parse stays bounded by the tree being built, and children arrays are allocated
 * at their size. Reaches the class through the parse table of a parser for `grammar`. When
 * nearley's shape differs from 2.20's it changes nothing and answers false: parses stay correct.
 */
export function adjustEarleyStates(grammar: nearley.Grammar): boolean {
  if (adjusted) return true;
  const probe = new nearley.Parser(grammar) as nearley.Parser & { table?: readonly { states?: readonly object[] }[] };
  const state = probe.table?.[0]?.states?.[0];
  const proto = state === undefined ? undefined : (Object.getPrototypeOf(state) as Partial<StatePrototype> | null);
  const original = proto?.nextState;
  if (proto === undefined || proto === null || typeof original !== 'function' || typeof proto.build !== 'function') return false;
  proto.nextState = function nextStateReleasingLeft(this: EarleyState, child: unknown): EarleyState {
    const next = original.call(this, child);
    if (next.isComplete) next.left = undefined;
    return next;
  };
  proto.build = function buildChildren(this: EarleyState): unknown[] {
    return childrenOf(this);
  };
  adjusted = true;
  return true;
}
