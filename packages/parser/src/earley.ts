import nearley from 'nearley';
import type { EarleyGrammar, Position, ScannedToken } from './earley-grammar.ts';

// The Earley loop the parser runs on every input: nearley 2.20's algorithm (its `feed`,
// `Column.process`, `predict`, `complete`, `State.nextState`, `build` and `finish`) step for
// step, over nearley's compiled grammar (`earley-grammar.ts`), with the same states in the same
// order, so the same postprocessors run in the same order on the same children and the results
// come out in the same order. What differs is only what it allocates (README, "Performance"):
// nearley made per token a Column with its `states` and `scannable` arrays and its `wants` and
// `completed` dictionaries (each `wants` list an array), a State object for every predicted rule
// (with an empty `data` array), a wrapper object for the scanned token and a `data` array for
// every completed state; an 11 000-token parse allocated enough of these that V8's
// young-generation collector ran and copied during it. Here:
//
// - a predicted state (a rule at dot 0, about six a token) is no object: it is the rule's start
//   `Position` in the column's queue, in the scannable list or in a waiters list, and its origin
//   is the column it sits in. An object is made only when it advances.
// - the queue of the column being processed and the scannable list are two arrays reused for
//   every column (nearley's scan reads only the previous column's scannable states);
// - a column is its number and a short linked list of `Waiters` (nearley's `wants`), one per
//   nonterminal it predicted, each holding its first waiting state and a linked list of the later
//   ones; a state's `wantedBy` knows its column, so a state keeps no `reference` of its own;
// - an advanced state keeps its last child's data, not a wrapper of it (nearley reads only
//   `right.data`, and a child's data is final before it is linked); a completed state's children
//   are collected when it is processed, into one reused array per length when the grammar's
//   postprocessors keep no reference to it (`compileEarley`'s option).
//
// nearley's `completed` dictionary (nullable rules) is not needed: `compileEarley` accepts only
// grammars without empty rules, where no state completes in the column it started in. Where no
// state takes a token, the run stays on its last good column, whose scannable states tell the
// expected tokens (`takes`, read by `expected.ts`). The linear-parsing counts (`earley-stats.ts`)
// come from nearley's own parse table, which this loop reproduces.

/** One token position: its number and the lists of states waiting there for each nonterminal it predicted. */
class Column {
  first: Waiters | undefined = undefined;

  constructor(readonly index: number) {}

  /** The states waiting here for nonterminal `id` (nearley's `wants[name]`), if it was predicted here. */
  waiters(id: number): Waiters | undefined {
    let w = this.first;
    while (w !== undefined && w.id !== id) w = w.next;
    return w;
  }
}

/** The later states of a waiters list, newest first. */
class Waiting {
  constructor(
    readonly entry: Entry,
    readonly previous: Waiting | undefined,
  ) {}
}

/**
 * The states waiting in one column for one nonterminal (nearley's `column.wants[name]`), oldest
 * first: advanced states, and positions predicted in this column.
 */
class Waiters {
  /** The later ones, newest first (nearley completes them newest first). */
  later: Waiting | undefined = undefined;

  constructor(
    readonly id: number,
    /** The column the states wait in: the origin of any state that advances over the nonterminal. */
    readonly column: Column,
    /** The column's next list. */
    readonly next: Waiters | undefined,
    readonly first: Entry | undefined,
  ) {}

  add(entry: Entry): void {
    this.later = new Waiting(entry, this.later);
  }
}

/**
 * A state past dot 0 (nearley's State). Until it is complete and processed, `value` is the data
 * of the child just before the dot and `left` the state before that one (undefined at dot 1);
 * then `value` is its postprocessor's value and `left` is released.
 */
class Item {
  constructor(
    readonly pos: Position,
    /** The waiters list this state's rule was predicted for; its column is the state's origin. */
    readonly wantedBy: Waiters,
    public left: Item | undefined,
    public value: unknown,
  ) {}
}

/** A state in a queue or list: an Item, or a rule's start position predicted in the column it sits in. */
type Entry = Item | Position;

/** The rule position of a state in a queue or list. */
function positionOf(entry: Entry): Position {
  return entry instanceof Item ? entry.pos : entry;
}

/** nearley's marker of a rejected postprocessor value (the `reject` argument). */
const FAIL: unknown = nearley.Parser.fail;

/** The state `entry` (waiting in `column`) advances to over a child with data `child` (nearley's `nextState`). */
function advance(entry: Entry, column: Column, child: unknown): Item {
  if (entry instanceof Item) return new Item(entry.pos.next as Position, entry.wantedBy, entry, child);
  return new Item(entry.next as Position, column.waiters(entry.rule.nameId) as Waiters, undefined, child);
}

/** The children's data of a complete state, oldest first, into `data` (nearley's `build`). */
function collect(item: Item, data: unknown[]): unknown[] {
  let node: Item | undefined = item;
  for (let k = item.pos.dot - 1; k >= 0 && node !== undefined; k--) {
    data[k] = node.value;
    node = node.left;
  }
  return data;
}

/** The error where no state takes a token: nearley's `offset` (the token's index) and `token`. */
export class NoParse extends Error {
  constructor(
    readonly token: unknown,
    readonly offset: number,
  ) {
    super('the parser cannot take this token');
  }
}

/**
 * One parse with an Earley grammar: `feed` it the tokens, then read its `results`, or, where it
 * failed, ask which tokens it would have taken (`takes`).
 */
export class EarleyRun {
  private column = new Column(0);
  private readonly queue: Entry[] = [];
  private queued = 0;
  private readonly scannable: Entry[] = [];
  private scannables = 0;
  /** The data arrays lent to postprocessors, by length. */
  private readonly lent: unknown[][] = [];

  constructor(private readonly grammar: EarleyGrammar) {
    this.column.first = new Waiters(grammar.startId, this.column, undefined, undefined);
    this.predict(grammar.startId);
    this.process();
  }

  /**
   * Feeds every token `lexer.next()` hands out (until it answers a falsy value), as nearley's
   * `feed` with its default `keepHistory: false`. Throws `NoParse` where no state takes a token,
   * leaving the run on its last good column (and what a postprocessor throws, when it throws).
   */
  feed(lexer: { next(): ScannedToken | undefined }): this {
    for (let token = lexer.next(); token; token = lexer.next()) {
      if (!this.scan(token)) throw new NoParse(token, this.column.index);
      this.process();
    }
    return this;
  }

  /** Whether a state of the current column (the last good one, after a `NoParse`) takes `token`: the expected tokens. */
  takes(token: ScannedToken): boolean {
    for (let w = 0; w < this.scannables; w++) {
      const entry = this.scannable[w] as Entry;
      if (positionOf(entry).takes(token)) return true;
    }
    return false;
  }

  private push(entry: Entry): void {
    this.queue[this.queued++] = entry;
  }

  /** nearley's `predict`: the rules of the nonterminal, at dot 0. */
  private predict(id: number): void {
    for (const start of this.grammar.byId[id] ?? []) this.push(start);
  }

  /** nearley's `Column.process`: completes, predicts and queues the scannable states, in queue order. */
  private process(): void {
    const column = this.column;
    for (let w = 0; w < this.queued; w++) {
      const entry = this.queue[w] as Entry;
      const pos = positionOf(entry);
      if (pos.complete) this.complete(entry as Item);
      else if (pos.want < 0) this.scannable[this.scannables++] = entry;
      else {
        const waiters = column.waiters(pos.want);
        if (waiters !== undefined) waiters.add(entry);
        else {
          column.first = new Waiters(pos.want, column, column.first, entry);
          this.predict(pos.want);
        }
      }
    }
  }

  /** A complete state: its postprocessor's value, then every state waiting for it advanced (newest first, as nearley). */
  private complete(item: Item): void {
    const { rule, dot } = item.pos;
    const waiters = item.wantedBy;
    const lend = this.grammar.lendsData && rule.postprocess !== undefined;
    const data = collect(item, lend ? (this.lent[dot] ??= new Array<unknown>(dot)) : new Array<unknown>(dot));
    item.left = undefined;
    const value = rule.postprocess === undefined ? data : rule.postprocess(data, waiters.column.index, FAIL);
    item.value = value;
    if (value === FAIL) return;
    for (let later = waiters.later; later !== undefined; later = later.previous) this.push(advance(later.entry, waiters.column, value));
    if (waiters.first !== undefined) this.push(advance(waiters.first, waiters.column, value));
  }

  /**
   * nearley's scan: the next column starts with the scannable states that take `token` (last
   * first). Answers false, leaving the run on its column, when none does.
   */
  private scan(token: ScannedToken): boolean {
    const column = this.column;
    this.queued = 0;
    for (let w = this.scannables; w--; ) {
      const entry = this.scannable[w] as Entry;
      if (positionOf(entry).takes(token)) this.push(advance(entry, column, token));
    }
    if (this.queued === 0) return false;
    this.scannables = 0;
    this.column = new Column(column.index + 1);
    return true;
  }

  /** nearley's `results` (its `finish`): the values of the complete start states from column 0, in queue order; one per parse. */
  results(): unknown[] {
    const out: unknown[] = [];
    for (let w = 0; w < this.queued; w++) {
      const item = this.queue[w];
      if (!(item instanceof Item) || !item.pos.complete || item.wantedBy.column.index !== 0) continue;
      if (item.pos.rule.name === this.grammar.start && item.value !== FAIL) out.push(item.value);
    }
    return out;
  }
}
