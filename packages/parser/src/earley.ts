import nearley from 'nearley';

// The Earley loop the parser runs on every input: nearley 2.20's algorithm (its `feed`,
// `Column.process`, `predict`, `complete`, `State.nextState`, `build` and `finish`) step for
// step, over nearley's compiled grammar, with the same states in the same order, so the same
// postprocessors run in the same order on the same children and the results come out in the same
// order. What differs is only what it allocates (README, "Performance"): nearley made per token a
// Column with its `states` and `scannable` arrays and its `wants` and `completed` dictionaries, a
// State object (with an empty `data` array) for every predicted rule, and a wrapper object for the
// scanned token; an 11 000-token parse allocated enough of these that V8's young-generation
// collector ran and copied during it. Here:
//
// - a predicted state (a rule at dot 0, about six a token) is no object: it is the rule itself in
//   the column's queue, in its scannable list or in the list of states waiting for a nonterminal;
//   its origin is the column it sits in. An object is made only when it advances.
// - the queue of the column being processed and the scannable list are two arrays reused for
//   every column (nearley's scan reads the previous column's scannable states only);
// - a column's `wants` is an array indexed by nonterminal number, of `Waiters` lists that
//   remember their column, so an advanced state needs no `reference` field of its own;
// - an advanced state keeps its last child's data, not a wrapper of it (nearley reads only
//   `right.data`, and a child's data is final before it is linked).
//
// nearley's `completed` dictionary (nullable rules) is not needed: `compileEarley` accepts only
// grammars without empty rules, where no state completes in the column it started in. Expected
// tokens on errors still come from nearley's own parser (`expected.ts`), and the linear-parsing
// counts (`earley-stats.ts`) from nearley's parse table, which this loop reproduces.

/** A nearley grammar symbol: a nonterminal's name, or a token test (`{ type }`, `{ test }` or `{ literal }`). */
type NearleySymbol = string | { readonly type?: string; readonly test?: (token: unknown) => boolean; readonly literal?: unknown };

/** A token as the scan reads it (nearley compares `type`, or the `text`/`value` literal). */
interface ScannedToken {
  readonly type?: unknown;
  readonly text?: unknown;
  readonly value?: unknown;
}

/** A grammar rule as the loop runs it. */
class Rule {
  constructor(
    readonly name: string,
    /** The number of the nonterminal this rule defines. */
    readonly nameId: number,
    readonly symbols: readonly NearleySymbol[],
    /** For each position, the number of the nonterminal expected there, or -1 for a token. */
    readonly wants: readonly number[],
    readonly postprocess: ((data: unknown[], reference: number, reject: unknown) => unknown) | undefined,
  ) {}
}

/** A nearley grammar compiled for `runEarley`. */
export class EarleyGrammar {
  constructor(
    readonly rules: readonly Rule[],
    /** The rules of each nonterminal, in the grammar's order (nearley's `byName`). */
    readonly byId: readonly (readonly Rule[])[],
    readonly start: string,
    readonly startId: number,
  ) {}
}

/**
 * The states waiting in one column for one nonterminal (nearley's `column.wants[name]`): advanced
 * states, and rules predicted in this column (at dot 0, their origin `index`).
 */
class Waiters {
  readonly entries: Entry[];

  constructor(
    /** The column the waiting states are in: the origin of any state that advances over the nonterminal. */
    readonly index: number,
    /** That column's lists, by nonterminal number (a predicted waiter's own `wantedBy` is among them). */
    readonly column: readonly (Waiters | undefined)[],
    first: Entry | undefined,
  ) {
    this.entries = first === undefined ? [] : [first];
  }
}

/**
 * A state past dot 0 (nearley's State): complete when `dot` is the rule's length, and then `value`
 * is its children's data, later its postprocessor's value; otherwise `value` is the data of the
 * child just before the dot and `left` the state before that one (undefined at dot 1).
 */
class Item {
  constructor(
    readonly rule: Rule,
    readonly dot: number,
    /** The waiters list this state's rule was predicted for; its column is the state's origin. */
    readonly wantedBy: Waiters,
    readonly left: Item | undefined,
    public value: unknown,
  ) {}
}

/** A state in a queue or list: an Item, or a Rule predicted at dot 0 in the column it sits in. */
type Entry = Item | Rule;

/** nearley's marker of a rejected postprocessor value (the `reject` argument). */
const FAIL: unknown = nearley.Parser.fail;

/**
 * Compiles a nearley grammar for `runEarley`. Throws for a grammar with an empty rule (the loop
 * leaves out nearley's handling of nullable rules; odot's grammars have none).
 */
export function compileEarley(grammar: nearley.Grammar): EarleyGrammar {
  const ids = new Map<string, number>();
  const idOf = (name: string): number => {
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = ids.size));
    return id;
  };
  const rules = grammar.rules.map((r) => {
    if (r.symbols.length === 0) throw new Error(`the Earley loop takes no empty rules (${r.name})`);
    const symbols = r.symbols as readonly NearleySymbol[];
    const wants = symbols.map((s) => (typeof s === 'string' ? idOf(s) : -1));
    const postprocess = r.postprocess as Rule['postprocess'];
    return new Rule(r.name, idOf(r.name), symbols, wants, postprocess);
  });
  const startId = idOf(grammar.start);
  const byId: Rule[][] = Array.from({ length: ids.size }, () => []);
  for (const rule of rules) byId[rule.nameId]?.push(rule);
  return new EarleyGrammar(rules, byId, grammar.start, startId);
}

/** Whether the token symbol `expect` takes `token` (nearley's test: a tester, a type, or a literal). */
function takes(expect: NearleySymbol, token: ScannedToken): boolean {
  if (typeof expect === 'string') return false;
  if (expect.test) return expect.test(token);
  if (expect.type) return expect.type === token.type;
  return expect.literal === (token.text !== undefined ? token.text : token.value);
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

/** The state a complete child advances `entry` to (nearley's `nextState`, with `build` when it completes). */
function advance(entry: Entry, index: number, column: readonly (Waiters | undefined)[], child: unknown): Item {
  const predicted = !(entry instanceof Item);
  const rule = predicted ? entry : entry.rule;
  const dot = predicted ? 1 : entry.dot + 1;
  const wantedBy = predicted ? (column[entry.nameId] as Waiters) : entry.wantedBy;
  const left = predicted ? undefined : entry;
  if (dot < rule.symbols.length) return new Item(rule, dot, wantedBy, left, child);
  // nearley's `build`: the children's data, oldest first.
  const children = new Array<unknown>(dot);
  children[dot - 1] = child;
  let node = left;
  for (let k = dot - 2; k >= 0 && node !== undefined; k--) {
    children[k] = node.value;
    node = node.left;
  }
  return new Item(rule, dot, wantedBy, undefined, children);
}

/** One parse: the current column's number and wants, its queue and its scannable states. */
class Run {
  index = 0;
  column: (Waiters | undefined)[];
  readonly queue: Entry[] = [];
  queued = 0;
  readonly scannable: Entry[] = [];
  scannables = 0;

  constructor(readonly grammar: EarleyGrammar) {
    this.column = this.newColumn();
    this.column[grammar.startId] = new Waiters(0, this.column, undefined);
    this.predict(grammar.startId);
    this.process();
  }

  newColumn(): (Waiters | undefined)[] {
    return new Array<Waiters | undefined>(this.grammar.byId.length).fill(undefined);
  }

  push(entry: Entry): void {
    this.queue[this.queued++] = entry;
  }

  /** nearley's `predict`: the rules of the nonterminal, at dot 0. */
  predict(id: number): void {
    for (const rule of this.grammar.byId[id] ?? []) this.push(rule);
  }

  /** nearley's `Column.process`: completes, predicts and queues the scannable states, in queue order. */
  process(): void {
    const column = this.column;
    for (let w = 0; w < this.queued; w++) {
      const entry = this.queue[w] as Entry;
      const item = entry instanceof Item ? entry : undefined;
      const rule = item === undefined ? (entry as Rule) : item.rule;
      const dot = item === undefined ? 0 : item.dot;
      if (item !== undefined && dot === rule.symbols.length) {
        this.complete(item);
        continue;
      }
      const want = rule.wants[dot] as number;
      if (want < 0) {
        this.scannable[this.scannables++] = entry;
        continue;
      }
      const waiters = column[want];
      if (waiters !== undefined) waiters.entries.push(entry);
      else {
        column[want] = new Waiters(this.index, column, entry);
        this.predict(want);
      }
    }
  }

  /** A complete state: its postprocessor's value, then every state waiting for it advanced (last first, as nearley). */
  complete(item: Item): void {
    const postprocess = item.rule.postprocess;
    const waiters = item.wantedBy;
    if (postprocess !== undefined) item.value = postprocess(item.value as unknown[], waiters.index, FAIL);
    if (item.value === FAIL) return;
    const entries = waiters.entries;
    for (let i = entries.length; i--; ) this.push(advance(entries[i] as Entry, waiters.index, waiters.column, item.value));
  }

  /**
   * nearley's scan: the next column starts with the scannable states that take `token` (last
   * first). Answers false, leaving the run on its column, when none does.
   */
  scan(token: ScannedToken): boolean {
    const { index, column } = this;
    this.queued = 0;
    for (let w = this.scannables; w--; ) {
      const entry = this.scannable[w] as Entry;
      const rule = entry instanceof Item ? entry.rule : entry;
      const dot = entry instanceof Item ? entry.dot : 0;
      if (takes(rule.symbols[dot] as NearleySymbol, token)) this.push(advance(entry, index, column, token));
    }
    if (this.queued === 0) return false;
    this.scannables = 0;
    this.index++;
    this.column = this.newColumn();
    return true;
  }

  /** nearley's `finish`: the data of the complete start states from column 0, in queue order. */
  results(): unknown[] {
    const out: unknown[] = [];
    for (let w = 0; w < this.queued; w++) {
      const item = this.queue[w];
      if (!(item instanceof Item) || item.dot !== item.rule.symbols.length) continue;
      if (item.rule.name === this.grammar.start && item.wantedBy.index === 0 && item.value !== FAIL) out.push(item.value);
    }
    return out;
  }
}

/**
 * Parses the tokens `lexer.next()` hands out (until it answers a falsy value) with `grammar`, as
 * nearley's `feed` would with its default `keepHistory: false`, and answers nearley's `results`:
 * the data of every parse. Throws `NoParse` where no state takes a token (and what a
 * postprocessor throws, when it throws).
 */
export function runEarley(grammar: EarleyGrammar, lexer: { next(): ScannedToken | undefined }): unknown[] {
  const run = new Run(grammar);
  for (let token = lexer.next(); token; token = lexer.next()) {
    if (!run.scan(token)) throw new NoParse(token, run.index);
    run.process();
  }
  return run.results();
}
