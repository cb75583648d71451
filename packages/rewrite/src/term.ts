import type { Dim, ExprType, Givens, Property, Shape, ShapeNode } from '@odot/core';
import { OdotException, SCALAR, dimSymbols, formatDim, formatShape, matrixShape, odotError, shapeByRule, termBuilt } from '@odot/core';
import { formatRational, radd, rational, rcmp, rmul, type Rational } from '@odot/numeric';

/**
 * The operators of the internal term language. Compared with `Expr`:
 * `had` (⊙) and `add` (+) are n-ary, flattened and sorted (commutativity and associativity live
 * in the representation); `mul` (matrix product) is n-ary and flattened, order kept; a product of
 * scalars is sorted (scalars commute); `smul` is a scalar multiple whose nested scalar multiples and
 * numeric coefficients are merged; subtraction is `a + (−1)·b` and negation is `(−1)·a`.
 * `pvar` is a pattern variable (only inside law patterns).
 */
export type Op =
  | 'sym'
  | 'pvar'
  | 'num'
  | 'ones'
  | 'zero'
  | 'identity'
  | 'lit'
  | 'had'
  | 'add'
  | 'mul'
  | 'smul'
  | 'kron'
  | 'transpose'
  | 'inverse'
  | 'diag'
  | 'diagvec'
  | 'trace'
  | 'det'
  | 'hpow'
  | 'mpow'
  | 'entry'
  | 'sum'
  | 'eq'
  | 'ne'
  | 'claim';

/** Operators without children. */
export type LeafOp = 'sym' | 'pvar' | 'num' | 'ones' | 'zero' | 'identity';
/** Operators with one child. */
export type UnaryOp = 'transpose' | 'inverse' | 'diag' | 'diagvec' | 'trace' | 'det' | 'sum' | 'claim';
/** Operators with two children (`smul`: the scalar, then the operand; powers: base, then exponent). */
export type BinaryOp = 'smul' | 'kron' | 'hpow' | 'mpow' | 'eq' | 'ne';
/** Operators with any number of children: the AC `had` and `add`, the associative `mul`, and literal cells `lit`. */
export type NaryOp = 'had' | 'add' | 'mul' | 'lit';

/** What every term carries besides its operator and children. */
interface TermData {
  /** Name (`sym`, `pvar`), canonical number text (`num`), property (`claim`), index (`sum`), `r×c` (`lit`), else ''. */
  readonly data: string;
  /** The shape, computed once (leaves carry it from shape inference). */
  readonly shape: Shape;
  /** Declared properties of a symbol or pattern variable (sorted); empty elsewhere. */
  readonly declared: readonly Property[];
  /** Unique id within this process. */
  readonly id: number;
  /** Number of nodes. */
  readonly size: number;
  /** Levels of nesting: 1 for a leaf, else one more than the deepest child (what a recursive walk needs of the stack). */
  readonly depth: number;
  /** True when a pattern variable occurs inside. */
  readonly hasVars: boolean;
  /** True when a symbol or a pattern variable occurs inside (not only numbers and constants). */
  readonly symbolic: boolean;
  /** The value of a `num`. */
  readonly value: Rational | undefined;
  /** Memo for derived facts (properties, normal forms); never affects equality. */
  readonly memo: Map<string, unknown>;
}

/** A leaf: a symbol, pattern variable, number or constant matrix. */
export interface LeafTerm extends TermData {
  readonly op: LeafOp;
  readonly args: readonly [];
}

/** A term with one child. */
export interface UnaryTerm extends TermData {
  readonly op: UnaryOp;
  readonly args: readonly [Term];
}

/** A term with two children. */
export interface BinaryTerm extends TermData {
  readonly op: BinaryOp;
  readonly args: readonly [Term, Term];
}

/** An entry `m[i, j]`: the matrix, the row index, the column index. */
export interface EntryTerm extends TermData {
  readonly op: 'entry';
  readonly args: readonly [Term, Term, Term];
}

/** A term with a list of children (flattened; sorted for `had` and `add`). */
export interface NaryTerm extends TermData {
  readonly op: NaryOp;
  readonly args: readonly Term[];
}

/**
 * A hash-consed immutable term: two structurally equal terms are the same object (compare with
 * `===`). The operator fixes the number of children, so narrowing on `op` types `args`.
 */
export type Term = LeafTerm | UnaryTerm | BinaryTerm | EntryTerm | NaryTerm;

/**
 * The intern table, weak: it shares a term while someone holds it and lets the garbage collector
 * take it once no one does; entries of collected terms are swept when the table has doubled since
 * the last sweep (amortised O(1) per new term, cheaper than a finalization callback per term). So
 * it is neither global state that grows for the life of the process nor ever cleared by hand, and
 * `===` stays structural equality among live terms (a parent holds its children, so a live key
 * never names a dead id). A `WeakRef` keeps its target alive until the current job (the
 * synchronous run and its microtasks) ends, so within one call every term built stays: the call's
 * memory budget (core's `Budget`, counting term cells) is what bounds it, not the collector.
 */
const TABLE = new Map<string, WeakRef<Term>>();
const MIN_SWEEP = 4096;
let nextSweep = MIN_SWEEP;
let nextId = 1;

/** Drops the entries whose term was collected, and schedules the next sweep at twice the live size. */
function sweep(): void {
  for (const [key, ref] of TABLE) if (ref.deref() === undefined) TABLE.delete(key);
  nextSweep = Math.max(MIN_SWEEP, 2 * TABLE.size);
}

function dimKey(d: Dim): string {
  return typeof d === 'number' ? `${d}` : `'${formatDim(d)}`;
}

function shapeKey(s: Shape): string {
  return s.kind === 'scalar' ? 's' : `${dimKey(s.rows)}x${dimKey(s.cols)}`;
}

const LEAF_SHAPED = new Set<Op>(['sym', 'pvar', 'ones', 'zero', 'identity']);

/** Number of entries in the intern table (live terms, plus collected ones not yet swept). */
export function internedCount(): number {
  return TABLE.size;
}

function intern(op: Op, data: string, args: readonly Term[], shape: Shape, declared: readonly Property[] = []): Term {
  let key = `${op}\u0001${data}`;
  if (LEAF_SHAPED.has(op)) key += `\u0001${shapeKey(shape)}\u0001${declared.join(',')}`;
  for (const a of args) key += `\u0001${a.id}`;
  const found = TABLE.get(key)?.deref();
  if (found) return found;
  termBuilt(1 + args.length);
  let size = 1;
  let deepest = 0;
  let hasVars = op === 'pvar';
  let symbolic = op === 'sym' || op === 'pvar';
  for (const a of args) {
    size += a.size;
    if (a.depth > deepest) deepest = a.depth;
    hasVars ||= a.hasVars;
    symbolic ||= a.symbolic;
  }
  // The one place a term is assembled: the constructors below pass each operator its arity.
  const term = {
    op,
    data,
    args,
    shape,
    declared,
    id: nextId++,
    size,
    depth: 1 + deepest,
    hasVars,
    symbolic,
    value: op === 'num' ? parseNumData(data) : undefined,
    memo: new Map(),
  } as Term;
  TABLE.set(key, new WeakRef(term));
  if (TABLE.size >= nextSweep) sweep();
  return term;
}

/**
 * The `i`-th of `terms`. An index out of range is an engine bug: it is reported as an
 * `internal-error` exception rather than read on as `undefined` (what a cast would hide).
 */
export function termAt(terms: readonly Term[], i: number): Term {
  const t = terms[i];
  if (t === undefined) throw new OdotException(odotError('internal-error', `internal: no term at index ${i} of ${terms.length}`));
  return t;
}

/** The only element of `terms`, or undefined when there are none or several. */
export function sole(terms: readonly Term[]): Term | undefined {
  return terms.length === 1 ? terms[0] : undefined;
}

function parseNumData(data: string): Rational {
  const [n, d] = data.split('/');
  return rational(BigInt(n as string), BigInt(d ?? '1'));
}

// ---------------------------------------------------------------- shapes

/** The expression node whose shape rule (core's `SHAPE_RULES`) gives each operator's shape. */
const RULE_OF = {
  had: 'Hadamard',
  add: 'Add',
  mul: 'MatMul',
  smul: 'ScalarMul',
  kron: 'Kronecker',
  transpose: 'Transpose',
  inverse: 'Inverse',
  diag: 'Diag',
  diagvec: 'DiagVec',
  trace: 'Trace',
  det: 'Det',
  hpow: 'HadamardPower',
  mpow: 'MatrixPower',
  entry: 'Entry',
  eq: 'Equal',
  ne: 'NotEqual',
} as const satisfies Record<Exclude<Op, LeafOp | 'lit' | 'sum' | 'claim'>, ExprType>;

/** The n-ary operators (`had`, `add`, `mul`): their binary rule folds over the children. */
const CHAINS: ReadonlySet<ExprType> = new Set(['Hadamard', 'Add', 'MatMul']);

/**
 * The shape of an operator term by core's shape rules, on its children's shapes; the n-ary `had`,
 * `add` and `mul` fold their binary rule left to right. Children that do not fit are an engine
 * bug (conversion and matching keep shapes consistent), reported as a `shape-mismatch` exception.
 */
function ruleShape(node: ShapeNode, args: readonly Term[]): Shape {
  let shape: Shape | undefined;
  if (args.length > 2 && CHAINS.has(node.type)) {
    const [first, ...rest] = args;
    shape = first?.shape;
    for (const a of rest) shape = shape && shapeByRule(node, [shape, a.shape]);
  } else shape = shapeByRule(node, args.map((a) => a.shape));
  if (shape) return shape;
  const kids = args.map((a) => formatShape(a.shape)).join(', ');
  throw new OdotException(odotError('shape-mismatch', `internal: ${node.type} of shapes ${kids} has no shape`));
}

/** The shape of a term with the operator `op`, by core's rules. */
function opShape(op: keyof typeof RULE_OF, args: readonly Term[]): Shape {
  return ruleShape({ type: RULE_OF[op] }, args);
}

// ---------------------------------------------------------------- ordering

const RANK: Record<Op, number> = {
  num: 0,
  sym: 1,
  pvar: 2,
  transpose: 3,
  inverse: 4,
  hpow: 5,
  mpow: 6,
  diag: 7,
  diagvec: 8,
  lit: 9,
  entry: 10,
  trace: 11,
  det: 12,
  sum: 13,
  smul: 14,
  mul: 15,
  had: 16,
  kron: 17,
  add: 18,
  ones: 19,
  identity: 20,
  zero: 21,
  eq: 22,
  ne: 23,
  claim: 24,
};

function compareShapes(a: Shape, b: Shape): number {
  const ka = shapeKey(a);
  const kb = shapeKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The canonical total order on terms used to sort ⊙, + and scalar products: by operator rank,
 * then label, then children left to right. A scalar multiple sorts by its matrix part first, so
 * `A + 2B` keeps A before B.
 */
export function compareTerms(a: Term, b: Term): number {
  if (a === b) return 0;
  const sa = a.op === 'smul' ? a.args[1] : a;
  const sb = b.op === 'smul' ? b.args[1] : b;
  if (sa !== sb) {
    const c = compareCore(sa, sb);
    if (c !== 0) return c;
  }
  if (a.op === 'smul' && b.op !== 'smul') return 1;
  if (b.op === 'smul' && a.op !== 'smul') return -1;
  return compareCore(a, b);
}

function compareCore(a: Term, b: Term): number {
  if (a === b) return 0;
  const r = RANK[a.op] - RANK[b.op];
  if (r !== 0) return r;
  if (a.op === 'num' && a.value && b.value) {
    const c = rcmp(a.value, b.value);
    if (c !== 0) return c;
  } else if (a.data !== b.data) {
    return a.data < b.data ? -1 : 1;
  }
  for (const [i, x] of a.args.entries()) {
    const y = b.args[i];
    if (y === undefined) break;
    const c = compareTerms(x, y);
    if (c !== 0) return c;
  }
  if (a.args.length !== b.args.length) return a.args.length - b.args.length;
  const s = compareShapes(a.shape, b.shape);
  if (s !== 0) return s;
  return a.declared.join(',') < b.declared.join(',') ? -1 : a.declared.join(',') > b.declared.join(',') ? 1 : a.id - b.id;
}

function sorted(args: readonly Term[]): Term[] {
  const out = [...args];
  let previous: Term | undefined;
  for (const t of out) {
    if (previous && compareTerms(previous, t) > 0) return out.sort(compareTerms);
    previous = t;
  }
  return out;
}

// ---------------------------------------------------------------- leaves

/** A symbol with its shape and declared properties. */
export function mkSym(name: string, shape: Shape, declared: readonly Property[] = []): Term {
  return intern('sym', name, [], shape, [...declared].sort());
}

/** A pattern variable (law patterns only). */
export function mkPvar(name: string, shape: Shape, declared: readonly Property[] = []): Term {
  return intern('pvar', name, [], shape, [...declared].sort());
}

/** An exact number. */
export function mkNum(q: Rational): Term {
  return intern('num', formatRational(q), [], SCALAR);
}

/** The number from a JS integer. */
export function mkInt(n: number): Term {
  return mkNum(rational(BigInt(n)));
}

/** The all-ones matrix of a shape. */
export function mkOnes(rows: Dim, cols: Dim): Term {
  return intern('ones', '', [], matrixShape(rows, cols));
}

/** The zero matrix of a shape (a scalar zero is the number 0). */
export function mkZero(shape: Shape): Term {
  return shape.kind === 'scalar' ? mkInt(0) : intern('zero', '', [], shape);
}

/** The identity matrix of a size. */
export function mkIdentity(n: Dim): Term {
  return intern('identity', '', [], matrixShape(n, n));
}

/** A literal matrix from its entries row by row. */
export function mkLit(rows: number, cols: number, entries: readonly Term[]): Term {
  return intern('lit', `${rows}×${cols}`, entries, matrixShape(rows, cols));
}

// ---------------------------------------------------------------- canonical constructors

/** True for a number term equal to `n`. */
export function isNum(t: Term, n?: number): boolean {
  if (t.op !== 'num' || !t.value) return false;
  return n === undefined || (t.value.den === 1n && t.value.num === BigInt(n));
}

/** The Hadamard product of the arguments: flattened and sorted; one argument is itself. */
export function mkHad(args: readonly Term[]): Term {
  const flat: Term[] = [];
  for (const a of args) {
    if (a.op === 'had') flat.push(...a.args);
    else flat.push(a);
  }
  const one = sole(flat);
  if (one) return one;
  const s = sorted(flat);
  return intern('had', '', s, opShape('had', s));
}

/** A sum: flattened, numbers added exactly, sorted; one argument is itself. */
export function mkAdd(args: readonly Term[]): Term {
  const flat: Term[] = [];
  let constant: Rational | undefined;
  for (const a of args) {
    for (const b of a.op === 'add' ? a.args : [a]) {
      if (b.op === 'num' && b.value) constant = constant ? radd(constant, b.value) : b.value;
      else flat.push(b);
    }
  }
  const terms = flat.length > 1 && flat.every((t) => t.shape.kind === 'scalar') ? collectScalars(flat) : flat;
  if (constant && (constant.num !== 0n || terms.length === 0)) terms.push(mkNum(constant));
  if (terms.length === 0) return mkInt(0);
  const one = sole(terms);
  if (one) return one;
  const s = sorted(terms);
  return intern('add', '', s, opShape('add', s));
}

/** Scalar like terms collected (scalars form a commutative ring, kept as polynomials): `c + (−1)c` is 0. */
function collectScalars(args: readonly Term[]): Term[] {
  const groups = new Map<Term, Rational>();
  for (const a of args) {
    let q: Rational = rational(1n);
    let base = a;
    if (a.op === 'mul') {
      const nums = a.args.filter((x) => x.op === 'num');
      if (nums.length === 1 && nums[0]?.value) {
        q = nums[0].value;
        base = scalarProduct(a.args.filter((x) => x.op !== 'num'));
      }
    }
    const before = groups.get(base);
    groups.set(base, before ? radd(before, q) : q);
  }
  const out: Term[] = [];
  for (const [base, q] of groups) {
    if (q.num === 0n) continue;
    out.push(q.num === 1n && q.den === 1n ? base : scalarProduct([mkNum(q), base]));
  }
  return out;
}

/**
 * A product: nested products flattened. Scalar factors are pulled out into a scalar multiple
 * (a scalar-shaped side of a matrix product is a scalar multiple); a product of scalars is sorted
 * with its numbers multiplied.
 */
export function mkMul(args: readonly Term[]): Term {
  const scalars: Term[] = [];
  const mats: Term[] = [];
  for (const a of args) {
    for (const b of a.op === 'mul' ? a.args : [a]) {
      if (b.shape.kind === 'scalar') scalars.push(b);
      else mats.push(b);
    }
  }
  if (mats.length === 0) return scalarProduct(scalars);
  const m = sole(mats) ?? intern('mul', '', mats, opShape('mul', mats));
  return scalars.length === 0 ? m : mkSmul(scalarProduct(scalars), m);
}

function scalarProduct(factors: readonly Term[]): Term {
  const flat: Term[] = [];
  let constant: Rational | undefined;
  for (const a of factors) {
    for (const b of a.op === 'mul' ? a.args : [a]) {
      if (b.op === 'num' && b.value) constant = constant ? rmul(constant, b.value) : b.value;
      else flat.push(b);
    }
  }
  if (constant && constant.num === 0n) return mkInt(0);
  if (constant && !(constant.num === 1n && constant.den === 1n && flat.length > 0)) flat.push(mkNum(constant));
  if (flat.length === 0) return mkInt(1);
  const one = sole(flat);
  if (one) return one;
  const s = sorted(flat);
  return intern('mul', '', s, opShape('mul', s));
}

/**
 * The scalar multiple `s·x`: nested multiples merge (`c(dA)` is `(cd)A`, `−(−A)` is `A`),
 * `1·x` is `x`; a scalar `x` gives a scalar product.
 */
export function mkSmul(s: Term, x: Term): Term {
  if (x.shape.kind === 'scalar') return scalarProduct([s, x]);
  if (x.op === 'smul') return mkSmul(scalarProduct([s, x.args[0]]), x.args[1]);
  if (isNum(s, 1)) return x;
  return intern('smul', '', [s, x], opShape('smul', [s, x]));
}

/** `−x` = `(−1)·x`. */
export function mkNeg(x: Term): Term {
  return mkSmul(mkInt(-1), x);
}

/** A unary operator node. */
export function mkUnary(op: 'transpose' | 'inverse' | 'diag' | 'diagvec' | 'trace' | 'det', x: Term): Term {
  return intern(op, '', [x], opShape(op, [x]));
}

/** A binary operator node kept in order: Kronecker product, powers, relations. */
export function mkBinary(op: 'kron' | 'hpow' | 'mpow' | 'eq' | 'ne', a: Term, b: Term): Term {
  return intern(op, '', [a, b], opShape(op, [a, b]));
}

/** An entry `A[i,j]`. */
export function mkEntry(m: Term, i: Term, j: Term): Term {
  return intern('entry', '', [m, i, j], opShape('entry', [m, i, j]));
}

/** A finite sum over an index. */
export function mkSum(index: string, body: Term): Term {
  return intern('sum', index, [body], ruleShape({ type: 'Sum', index }, [body]));
}

/** A property claim. */
export function mkClaim(property: Property, x: Term): Term {
  return intern('claim', property, [x], ruleShape({ type: 'Claim', property }, [x]));
}

/** The same operator with new children, through the canonical constructors (re-flattens and re-sorts). */
export function rebuild(t: Term, args: readonly Term[]): Term {
  let same = args.length === t.args.length;
  for (let i = 0; same && i < args.length; i++) same = args[i] === t.args[i];
  if (same) return t;
  switch (t.op) {
    case 'had':
      return mkHad(args);
    case 'add':
      return mkAdd(args);
    case 'mul':
      return mkMul(args);
    case 'smul':
      return mkSmul(termAt(args, 0), termAt(args, 1));
    case 'kron':
    case 'hpow':
    case 'mpow':
    case 'eq':
    case 'ne':
      return mkBinary(t.op, termAt(args, 0), termAt(args, 1));
    case 'transpose':
    case 'inverse':
    case 'diag':
    case 'diagvec':
    case 'trace':
    case 'det':
      return mkUnary(t.op, termAt(args, 0));
    case 'entry':
      return mkEntry(termAt(args, 0), termAt(args, 1), termAt(args, 2));
    case 'sum':
      return mkSum(t.data, termAt(args, 0));
    case 'claim':
      return mkClaim(t.data as Property, termAt(args, 0));
    case 'lit':
      return intern('lit', t.data, args, t.shape);
    case 'sym':
    case 'pvar':
    case 'num':
    case 'ones':
    case 'zero':
    case 'identity':
      return t;
  }
}

/** The numeric coefficient and the rest of a scalar multiple: `−2A` → [−2, A], `c A` → [1, c A]. */
export function splitCoefficient(t: Term): readonly [Rational, Term] {
  if (t.op !== 'smul') return [rational(1n), t];
  const s = t.args[0];
  const x = t.args[1];
  if (s.op === 'num' && s.value) return [s.value, x];
  if (s.op === 'mul') {
    const nums = s.args.filter((a) => a.op === 'num');
    if (nums.length === 1 && nums[0]?.value) {
      const rest = s.args.filter((a) => a.op !== 'num');
      return [nums[0].value, mkSmul(scalarProduct(rest), x)];
    }
  }
  return [rational(1n), t];
}

/** Every pattern variable or symbol name inside a term. */
export function freeNames(t: Term, op: 'sym' | 'pvar' = 'sym', out: Set<string> = new Set()): Set<string> {
  if (t.op === op) out.add(t.data);
  for (const a of t.args) freeNames(a, op, out);
  return out;
}

/** The symbolic sizes (`n`, `m`, the factors of `m·p`) of every subterm's shape and of the declarations. */
export function sizeNames(terms: readonly Term[], givens: Givens = new Map()): Set<string> {
  const out = new Set<string>();
  const addShape = (shape: Shape): void => {
    if (shape.kind === 'matrix') for (const d of [shape.rows, shape.cols]) for (const name of dimSymbols(d)) out.add(name);
  };
  for (const info of givens.values()) addShape(info.shape);
  const seen = new Set<Term>();
  const pending = [...terms];
  for (let t = pending.pop(); t !== undefined; t = pending.pop()) {
    if (seen.has(t)) continue;
    seen.add(t);
    addShape(t.shape);
    pending.push(...t.args);
  }
  return out;
}
