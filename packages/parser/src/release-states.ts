import nearley from 'nearley';

// nearley 2.20 keeps, on every completed Earley state, the pointer `left` to the state it
// advanced from. With left-recursive rules (`Sum -> Sum %addop Product`) that pointer chains every
// completed `Sum` to the previous one, so the whole parse history (every State, its data array and
// token) stays reachable until the parse ends, although nearley only reads `left` once: when the
// state completes and `build()` collects its children. The young-generation garbage collector then
// copies and promotes that history, which made the per-token time grow 2–3× from 1 000 to 10 000
// terms (README, "Performance"). nearley's own fix for `right` (PR kach/nearley#503) stops one
// pointer short; this clears `left` too, right after `build()`. Nothing in nearley reads `left` of
// a completed state (`build` walks the incomplete predecessors; `finish`, `save`/`restore` and the
// error reporter read `rule`, `dot`, `reference`, `data` and `wantedBy`).

/** The part of nearley's (unexported) State that the release touches. */
interface EarleyState {
  isComplete: boolean;
  left?: EarleyState | undefined;
}

/** The prototype of nearley's State class, which holds `nextState`. */
interface StatePrototype {
  nextState(this: EarleyState, child: unknown): EarleyState;
}

let released = false;

/**
 * Makes nearley drop each completed state's back-pointer, so memory during a parse stays bounded
 * by the parse tree being built (ARCHITECTURE.md, the parser). Idempotent; reaches the State class
 * through the documented parse table (`parser.table`, nearley's "Accessing the internal parse
 * table") of a parser for `grammar`. When nearley's shape differs from 2.20's it changes nothing:
 * parses stay correct, only the memory stays as nearley keeps it.
 */
export function releaseCompletedStates(grammar: nearley.Grammar): boolean {
  if (released) return true;
  const probe = new nearley.Parser(grammar) as nearley.Parser & { table?: readonly { states?: readonly object[] }[] };
  const state = probe.table?.[0]?.states?.[0];
  const proto = state === undefined ? undefined : (Object.getPrototypeOf(state) as Partial<StatePrototype> | null);
  const original = proto?.nextState;
  if (proto === undefined || proto === null || typeof original !== 'function') return false;
  proto.nextState = function nextStateReleasingLeft(this: EarleyState, child: unknown): EarleyState {
    const next = original.call(this, child);
    if (next.isComplete) next.left = undefined;
    return next;
  };
  released = true;
  return true;
}
