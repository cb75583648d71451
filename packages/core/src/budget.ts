/**
 * Which limit stopped a computation: rewrite `steps`, the size of a term in `nodes`, `memory`
 * (term cells built during the call: a term with k children is 1 + k cells), wall-clock `time` in milliseconds, or search `depth`.
 */
export type LimitKind = 'steps' | 'nodes' | 'memory' | 'time' | 'depth';

/** A limit that was hit: its kind and its value (the budget, in the kind's unit). */
export interface Limit {
  readonly kind: LimitKind;
  readonly value: number;
}

/** The unit of each limit kind, for messages. */
const UNITS: Record<LimitKind, string> = {
  steps: 'steps',
  nodes: 'nodes',
  memory: 'term cells built',
  time: 'ms',
  depth: 'applications',
};

/** `time: limit of 2000 ms`: how a limit reads in text output (kind first, then the value). */
export function formatLimit(limit: Limit): string {
  return `${limit.kind}: limit of ${limit.value} ${UNITS[limit.kind]}`;
}

/** Thrown inside a budgeted loop when a limit is hit; caught where the budget was opened. */
export class LimitReached extends Error {
  constructor(
    readonly limit: Limit,
    /** The budget that ran out (a nested call stops only for its own budget). */
    readonly budget?: Budget,
  ) {
    super(formatLimit(limit));
    this.name = 'LimitReached';
  }
}

/** The limits of one budgeted call (each optional: absent means unlimited). */
export interface BudgetLimits {
  /** Wall-clock milliseconds. */
  readonly timeLimitMs?: number;
  /**
   * Most term cells built during the call: each hash-consed node created counts 1 + its number of
   * children, so a 1 000-term sum weighs what it holds (about 100 bytes a cell).
   */
  readonly maxMemory?: number;
}

/** How many ticks pass between two reads of the clock (a tick is a few microseconds of work). */
const CLOCK_EVERY = 64;

/**
 * The running budget of one call: loops call `tick()` (and `built()` for each new term), which
 * reads the clock every 64 ticks and throws `LimitReached` once over. Checking this often keeps
 * an over-budget call within a few milliseconds of its time limit.
 */
export class Budget {
  /** When the time limit ends (`Date.now()` milliseconds; Infinity without a time limit). */
  readonly end: number;
  private stopAt: number;
  private ticks = 0;
  private cells = 0;
  private stoppedAt: Limit | undefined;

  constructor(readonly limits: BudgetLimits) {
    this.end = limits.timeLimitMs === undefined ? Infinity : Date.now() + limits.timeLimitMs;
    this.stopAt = this.end;
  }

  /** When the loops stop: the end of the time limit less the time reserved (`reserve`). */
  get deadline(): number {
    return this.stopAt;
  }

  /**
   * Keeps the last `ms` milliseconds of the time limit for work after the loops (printing a
   * result): from now on they stop that much before its end. Each call replaces the last reserve.
   */
  reserve(ms: number): void {
    this.stopAt = this.end - Math.max(0, ms);
  }

  /**
   * The limit this budget stopped at, once it has thrown `LimitReached` (undefined before): a
   * caller whose budget covers several engines reads it after them, since an engine may turn a stop
   * into "no result" (a proof step's search), and a result reached after a stop is not complete.
   */
  get stopped(): Limit | undefined {
    return this.stoppedAt;
  }

  /** Records `limit` as where this budget stopped and throws its `LimitReached`. */
  private stop(limit: Limit): never {
    this.stoppedAt ??= limit;
    throw new LimitReached(limit, this);
  }

  /** Counts one unit of work; throws `LimitReached` when the time is up. */
  tick(): void {
    if (++this.ticks % CLOCK_EVERY !== 0) return;
    if (Date.now() > this.stopAt) this.stop({ kind: 'time', value: this.limits.timeLimitMs ?? 0 });
  }

  /** Counts a newly built term of `cells` cells; throws `LimitReached` past the memory limit. */
  built(cells = 1): void {
    this.cells += cells;
    if (this.limits.maxMemory !== undefined && this.cells > this.limits.maxMemory) this.stop({ kind: 'memory', value: this.limits.maxMemory });
    this.tick();
  }

  /** Throws `LimitReached` for `limit` unless `within` (a limit counted by the caller, such as steps). */
  check(within: boolean, limit: Limit): void {
    if (!within) this.stop(limit);
  }

  /** Throws the time limit's `LimitReached` when the time is up (a check between steps, not counted as work). */
  checkTime(): void {
    if (Date.now() > this.stopAt) this.stop({ kind: 'time', value: this.limits.timeLimitMs ?? 0 });
  }

  /** Milliseconds left (Infinity without a time limit). */
  remainingMs(): number {
    return this.stopAt - Date.now();
  }
}

const active: Budget[] = [];

/**
 * Runs `f` with `budget` as the innermost active budget: `tick()` and `termBuilt()` anywhere below
 * count against it (and against every enclosing budget). `LimitReached` propagates to the caller.
 */
export function withBudget<T>(budget: Budget, f: () => T): T {
  active.push(budget);
  try {
    return f();
  } finally {
    active.pop();
  }
}

/** Counts one unit of work against every active budget (a no-op outside `withBudget`). */
export function tick(): void {
  for (let i = active.length - 1; i >= 0; i--) (active[i] as Budget).tick();
}

/** Counts a newly built term of `cells` cells (1 + its children) against every active budget. */
export function termBuilt(cells = 1): void {
  for (let i = active.length - 1; i >= 0; i--) (active[i] as Budget).built(cells);
}
