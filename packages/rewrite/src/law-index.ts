import { termAt, type Op, type Term } from './term.ts';

// Which laws can match where, without running the matcher. Matching is modulo associativity and
// commutativity only (no identity elements: `X ⊙ J` never matches a bare `A`), so every node of a
// pattern that is not a pattern variable matches a node of the term with the same operator. A
// pattern whose operators do not all occur in a term matches nowhere in it, and a pattern whose
// root is an operator matches only at nodes of that operator. `rewriteOnceTerm` uses both to skip
// the laws and the positions where nothing can match (ARCHITECTURE.md: `rewrite.ts`).

const OPS = 'law-index:ops';
const PATTERN_OPS = 'law-index:pattern-ops';
const NODES = 'law-index:nodes';

/** Every operator of a term's nodes (memoized on the term); iterative, so a deep term is fine. */
function opsOf(t: Term, skip: (node: Term) => boolean): ReadonlySet<Op> {
  const out = new Set<Op>();
  const stack: Term[] = [t];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (skip(node)) continue;
    out.add(node.op);
    for (const a of node.args) stack.push(a);
  }
  return out;
}

/** The operators occurring in a term (memoized on the term). */
export function termOps(t: Term): ReadonlySet<Op> {
  const known = t.memo.get(OPS) as ReadonlySet<Op> | undefined;
  if (known) return known;
  const ops = opsOf(t, () => false);
  t.memo.set(OPS, ops);
  return ops;
}

/**
 * The operators a term must contain for the pattern to match somewhere in it: every operator of
 * the pattern except its variables (a variable matches any subterm). Memoized on the pattern term,
 * so each law's sides are indexed once for the life of the catalogue.
 */
export function patternOps(pattern: Term): ReadonlySet<Op> {
  const known = pattern.memo.get(PATTERN_OPS) as ReadonlySet<Op> | undefined;
  if (known) return known;
  const ops = opsOf(pattern, (node) => node.op === 'pvar');
  pattern.memo.set(PATTERN_OPS, ops);
  return ops;
}

/** False when `pattern` certainly matches nowhere in `t` (an operator it needs does not occur there). */
export function mayMatchIn(pattern: Term, t: Term): boolean {
  const have = termOps(t);
  for (const op of patternOps(pattern)) if (!have.has(op)) return false;
  return true;
}

/**
 * The nodes of a term in pre-order, each with its parent's index and its child index there, so a
 * node's path is built only when a step is found at it (a path per node is quadratic in the depth).
 */
export interface NodeTable {
  readonly nodes: readonly Term[];
  readonly parent: readonly number[];
  readonly childIndex: readonly number[];
  /** Indices into `nodes` by operator, in pre-order. */
  readonly byOp: ReadonlyMap<Op, readonly number[]>;
}

/** The node table of a term (memoized on the term); iterative, so a deep term needs no deep stack. */
export function nodeTable(t: Term): NodeTable {
  const known = t.memo.get(NODES) as NodeTable | undefined;
  if (known) return known;
  const nodes: Term[] = [];
  const parent: number[] = [];
  const childIndex: number[] = [];
  const byOp = new Map<Op, number[]>();
  // Pre-order with an explicit stack (children pushed in reverse so the first child comes next).
  const stack: [Term, number, number][] = [[t, -1, -1]];
  while (stack.length > 0) {
    const [node, up, i] = stack.pop() as [Term, number, number];
    const k = nodes.length;
    nodes.push(node);
    parent.push(up);
    childIndex.push(i);
    const list = byOp.get(node.op);
    if (list) list.push(k);
    else byOp.set(node.op, [k]);
    for (let c = node.args.length - 1; c >= 0; c--) stack.push([termAt(node.args, c), k, c]);
  }
  const table: NodeTable = { nodes, parent, childIndex, byOp };
  t.memo.set(NODES, table);
  return table;
}

/** The path (child indices from the root) of node `k` of a node table. */
export function pathAt(table: NodeTable, k: number): number[] {
  const path: number[] = [];
  for (let at = k; (table.parent[at] ?? -1) >= 0; at = table.parent[at] as number) path.push(table.childIndex[at] as number);
  return path.reverse();
}

const EVERY = new WeakMap<NodeTable, readonly number[]>();

/** Every node index of a table, in pre-order. */
function everyIndex(table: NodeTable): readonly number[] {
  let all = EVERY.get(table);
  if (!all) {
    all = table.nodes.map((_, k) => k);
    EVERY.set(table, all);
  }
  return all;
}

/** The indices of the nodes of `op` in a table, in pre-order. */
export function indicesWithOp(table: NodeTable, op: Op): readonly number[] {
  return table.byOp.get(op) ?? [];
}

/**
 * The indices (into `nodeTable(t)`) of the nodes where `pattern` may match, in pre-order: none when
 * an operator it needs is missing from `t`, the nodes of its root operator, or every node when its
 * root is a variable.
 */
export function candidateIndices(pattern: Term, t: Term): readonly number[] {
  if (!mayMatchIn(pattern, t)) return [];
  const table = nodeTable(t);
  return pattern.op === 'pvar' ? everyIndex(table) : indicesWithOp(table, pattern.op);
}
