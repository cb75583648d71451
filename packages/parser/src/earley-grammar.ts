import type nearley from 'nearley';

// A nearley grammar compiled for the parser's Earley loop (`earley.ts`): nonterminals numbered,
// and every rule's dotted positions made once, so a state is a position, an origin and its data.

/** A nearley grammar symbol: a nonterminal's name, or a token test (`{ type }`, `{ test }` or `{ literal }`). */
export type NearleySymbol = string | { readonly type?: string; readonly test?: (token: unknown) => boolean; readonly literal?: unknown };

/** A token as the scan reads it (nearley compares `type`, or the `text`/`value` literal). */
export interface ScannedToken {
  readonly type?: unknown;
  readonly text?: unknown;
  readonly value?: unknown;
}

/** A nearley postprocessor: the children's data, the state's origin, nearley's reject marker. */
export type Postprocess = (data: unknown[], reference: number, reject: unknown) => unknown;

/** A grammar rule as the loop runs it. */
export class Rule {
  /** The rule with its dot before the first symbol: a predicted state. */
  readonly start: Position;

  constructor(
    readonly name: string,
    /** The number of the nonterminal this rule defines. */
    readonly nameId: number,
    symbols: readonly NearleySymbol[],
    /** The number of the nonterminal at each position, or -1 for a token. */
    wants: readonly number[],
    readonly postprocess: Postprocess | undefined,
  ) {
    let next: Position | undefined;
    for (let dot = symbols.length; dot >= 0; dot--) next = new Position(this, dot, wants[dot] ?? -1, symbols[dot], next);
    this.start = next as Position;
  }
}

/** A rule with its dot at one position: what a state there expects next, and the position after it. */
export class Position {
  /** Whether the dot is at the end (the state is complete). */
  readonly complete: boolean;
  /** The token type a `{ type }` symbol at the dot takes (the common case of `takes`). */
  readonly tokenType: string | undefined;

  constructor(
    readonly rule: Rule,
    readonly dot: number,
    /** The number of the nonterminal at the dot, or -1 for a token (or the end). */
    readonly want: number,
    readonly symbol: NearleySymbol | undefined,
    readonly next: Position | undefined,
  ) {
    this.complete = next === undefined;
    this.tokenType = typeof symbol === 'object' && symbol.test === undefined && symbol.type ? symbol.type : undefined;
  }

  /** Whether the token symbol at the dot takes `token` (nearley's test: a tester, a type, or a literal). */
  takes(token: ScannedToken): boolean {
    if (this.tokenType !== undefined) return this.tokenType === token.type;
    const expect = this.symbol;
    if (expect === undefined || typeof expect === 'string') return false;
    if (expect.test) return expect.test(token);
    if (expect.type) return expect.type === token.type;
    return expect.literal === (token.text !== undefined ? token.text : token.value);
  }
}

/** A nearley grammar compiled for `runEarley`. */
export class EarleyGrammar {
  constructor(
    /** The predicted positions of each nonterminal's rules, in the grammar's order (nearley's `byName`). */
    readonly byId: readonly (readonly Position[])[],
    readonly start: string,
    readonly startId: number,
    /** Whether the loop may hand postprocessors a reused data array (see `compileEarley`). */
    readonly lendsData: boolean,
  ) {}
}

/** Options of `compileEarley`. */
export interface CompileOptions {
  /**
   * The grammar's postprocessors read their data array only during the call and keep no reference
   * to it (nearley's `id`, `(d) => f(d[0], d[2])`): the loop then hands them one reused array per
   * rule length instead of a new array per completed state. A rule without a postprocessor always
   * gets its own array (it is the rule's value).
   */
  readonly postprocessorsKeepNoData?: boolean;
}

/**
 * Compiles a nearley grammar for `runEarley`. Throws for a grammar with an empty rule (the loop
 * leaves out nearley's handling of nullable rules; odot's grammars have none).
 */
export function compileEarley(grammar: nearley.Grammar, options: CompileOptions = {}): EarleyGrammar {
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
    return new Rule(r.name, idOf(r.name), symbols, wants, r.postprocess as Postprocess | undefined);
  });
  const startId = idOf(grammar.start);
  const byId: Position[][] = Array.from({ length: ids.size }, () => []);
  for (const rule of rules) byId[rule.nameId]?.push(rule.start);
  return new EarleyGrammar(byId, grammar.start, startId, options.postprocessorsKeepNoData === true);
}
