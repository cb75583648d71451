import { assertNever } from './assert-never.ts';
import { foldTree, type FoldStep } from './fold-tree.ts';
import type { BinaryExpr, Expr, ExprOf, NumberLiteral, ScalarMul } from './expr.ts';
import { ASCII, LATEX, PLAIN, type Notation } from './notation.ts';

// Precedence, loosest first (ARCHITECTURE.md): relations; + −; the products ⊙ · ⊗ and juxtaposition
// (one level, left-assoc); unary minus and scalar multiples; postfix powers and transpose; atoms.
const REL = 1;
const SUM = 2;
const PRODUCT = 3;
const PREFIX = 4;
const POSTFIX = 5;
const ATOM = 6;

/** A scalar multiple written with a leading number (`2A`, `1/2 A`); other scalars print as a product `c A`. */
function numericScalar(node: ScalarMul): node is ScalarMul & { readonly scalar: NumberLiteral } {
  return node.scalar.type === 'NumberLiteral' && !node.scalar.value.startsWith('-');
}

/** True for operands whose text starts with a digit (a number or the bare zero `0`). */
function startsWithNumber(node: Expr): boolean {
  return node.type === 'NumberLiteral' || (node.type === 'Zero' && node.rows === undefined && node.cols === undefined);
}

/** Text that starts like a number (`2`, `-2`, `0ᵀ`, `\\frac{1}{2}`). */
const NUMBERISH = /^(?:-?\d|-?\\frac)/;

function isNegative(node: Expr): boolean {
  return node.type === 'Neg' || (node.type === 'NumberLiteral' && node.value.startsWith('-'));
}

function level(node: Expr, n: Notation): number {
  switch (node.type) {
    case 'Equal':
    case 'NotEqual':
      return REL;
    case 'Claim':
      return n.claimRelations && (node.property === 'psd' || node.property === 'pd') ? REL : ATOM;
    case 'Add':
    case 'Sub':
      return SUM;
    case 'Hadamard':
    case 'MatMul':
      return PRODUCT;
    case 'Kronecker':
      return n.kronecker === undefined ? ATOM : PRODUCT;
    case 'ScalarMul':
      return numericScalar(node) ? PREFIX : PRODUCT;
    case 'Neg':
      return PREFIX;
    case 'NumberLiteral':
      return node.kind === 'fraction' || node.value.startsWith('-') ? PREFIX : ATOM;
    case 'Transpose':
    case 'HadamardPower':
    case 'MatrixPower':
    case 'Inverse':
      return POSTFIX;
    case 'Identifier':
    case 'MatrixLiteral':
    case 'Ones':
    case 'Zero':
    case 'Identity':
    case 'Diag':
    case 'DiagVec':
    case 'Trace':
    case 'Det':
    case 'Entry':
    case 'Sum':
      return ATOM;
    default:
      return assertNever(node);
  }
}

type ChainNode = Hadamard | MatMul | Kronecker | Add | Sub;
type Hadamard = Extract<BinaryExpr, { type: 'Hadamard' }>;
type MatMul = Extract<BinaryExpr, { type: 'MatMul' }>;
type Kronecker = Extract<BinaryExpr, { type: 'Kronecker' }>;
type Add = Extract<BinaryExpr, { type: 'Add' }>;
type Sub = Extract<BinaryExpr, { type: 'Sub' }>;

function isChain(node: Expr, n: Notation): node is ChainNode {
  return (
    node.type === 'Add' ||
    node.type === 'Sub' ||
    node.type === 'Hadamard' ||
    node.type === 'MatMul' ||
    (node.type === 'Kronecker' && n.kronecker !== undefined)
  );
}

function operatorOf(node: ChainNode, n: Notation): string | undefined {
  switch (node.type) {
    case 'Add':
      return '+';
    case 'Sub':
      return '-';
    case 'Hadamard':
      return n.hadamard;
    case 'MatMul':
      return n.matMul;
    case 'Kronecker':
      return n.kronecker;
    default:
      return assertNever(node);
  }
}

function simpleExponent(node: Expr): boolean {
  return (
    node.type === 'Identifier' ||
    (node.type === 'NumberLiteral' && node.kind !== 'fraction' && !node.value.startsWith('-'))
  );
}

/**
 * One piece of printing: an expression printed at a least precedence (`print`), the base of a
 * postfix operator (`base`, bracketed unless it binds tighter) or a matrix entry (`entry`).
 */
type Task =
  | { readonly kind: 'print'; readonly node: Expr; readonly min: number }
  | { readonly kind: 'base'; readonly node: Expr; readonly stackable: boolean }
  | { readonly kind: 'entry'; readonly node: Expr };

const print = (node: Expr, min: number): Task => ({ kind: 'print', node, min });

/**
 * A printed piece: its text, and the first `HEAD` characters of it (all of it when shorter). The
 * printer decides brackets by how a piece starts (`-`, a digit, `[`, a letter) and reads only the
 * head: reading the start of a long concatenated text would flatten it, quadratic on deep trees.
 */
interface Printed {
  readonly text: string;
  readonly head: string;
}

/** Enough characters to tell how a text starts (`-\\frac` is the longest prefix asked about). */
const HEAD = 8;

/** A piece printed from a short text (a leaf). */
function piece(text: string): Printed {
  return { text, head: text.slice(0, HEAD) };
}

/**
 * A notation function (which only concatenates its arguments in order with its own glue) applied
 * to printed pieces: its head is the function applied to the heads, cut to `HEAD`.
 */
function lift(f: (...args: string[]) => string, ...args: readonly Printed[]): Printed {
  return { text: f(...args.map((a) => a.text)), head: f(...args.map((a) => a.head)).slice(0, HEAD) };
}

/** Pieces and glue concatenated in order. */
function cat(parts: readonly (string | Printed)[]): Printed {
  let text = '';
  let head = '';
  let headDone = false;
  for (const part of parts) {
    const p = typeof part === 'string' ? piece(part) : part;
    text += p.text;
    if (headDone) continue;
    head += p.head;
    // A head shorter than its text was cut: nothing after it is among the first characters.
    headDone = head.length >= HEAD || p.head.length < p.text.length;
  }
  return { text, head: head.slice(0, HEAD) };
}

/** A step of the fold: the pieces to print first, and how they make this one. */
type PrintStep = FoldStep<Task, Printed>;

/** A step whose piece is `combine` of the pieces of `children`, printed first. */
function step(children: readonly Task[], combine: (parts: readonly Printed[]) => Printed): PrintStep {
  return { children, combine };
}

/**
 * The printer of one notation. It runs on core's `foldTree` (an explicit stack), so trees of any
 * depth print without recursion; each piece ticks against the active budgets.
 */
class TextPrinter {
  /** The expression being printed: only there may a claim take its relation form `X ⪰ 0`. */
  private root: Expr | undefined;

  constructor(private readonly n: Notation) {}

  /** Prints a whole expression. */
  printRoot(expr: Expr): string {
    this.root = expr;
    return foldTree<Task, Printed>(print(expr, 0), (task) => this.expand(task)).text;
  }

  private expand(task: Task): PrintStep {
    switch (task.kind) {
      case 'print':
        return this.print(task.node, task.min);
      case 'base':
        return this.postfixBase(task.node, task.stackable);
      case 'entry':
        return this.entry(task.node);
      default:
        return assertNever(task);
    }
  }

  private paren(p: Printed): Printed {
    return lift((text) => this.n.paren(text), p);
  }

  /** `inner` in brackets. */
  private bracketed(inner: PrintStep): PrintStep {
    return step(inner.children, (parts) => this.paren(inner.combine(parts)));
  }

  private print(node: Expr, min: number): PrintStep {
    // Below the root a claim takes its call form, `-psd(A)`: `-(A ⪰ 0)` does not read back.
    if (node.type === 'Claim' && node !== this.root && level(node, this.n) === REL) return this.call(node.property, node.operand);
    const inner = this.render(node);
    return level(node, this.n) >= min ? inner : this.bracketed(inner);
  }

  /**
   * A matrix entry: one whose text has a space outside an atom (`a b`, `1 e400`, `1 e400 + A`) is
   * bracketed, since inside `[[…]]` a space may separate entries; a claim takes its call form.
   */
  private entry(e: Expr): PrintStep {
    return step([print(e, SUM)], ([p]) => {
      const printed = p as Printed;
      // A matrix inside an entry, and the zero matrix `0` (a bare `0` entry reads as the number), are bracketed too.
      const zeroMatrix = e.type === 'Zero' && e.rows === undefined && e.cols === undefined;
      if (printed.head.startsWith('[') || zeroMatrix) return this.paren(printed);
      return level(e, this.n) < ATOM && / /.test(printed.text) ? this.paren(printed) : printed;
    });
  }

  /** Prints a left-assoc chain of one precedence level without walking down the left spine. */
  private chain(node: ChainNode): PrintStep {
    const n = this.n;
    const own = level(node, n);
    const links: { op: string | undefined; right: Expr }[] = [];
    let cur: Expr = node;
    while (isChain(cur, n) && level(cur, n) === own) {
      links.push({ op: operatorOf(cur, n), right: cur.right });
      cur = cur.left;
    }
    links.reverse();
    const operands: Expr[] = [cur, ...links.map((l) => l.right)];
    const tasks = operands.map((operand, at) => print(operand, at === 0 ? own : own + 1));
    return step(tasks, (printed) => {
      const parts: (string | Printed)[] = [this.chainOperand(operands, 0, printed, links, own)];
      links.forEach(({ op }, at) => parts.push(op === undefined ? ' ' : ` ${op} `, this.chainOperand(operands, at + 1, printed, links, own)));
      return cat(parts);
    });
  }

  /** The operand at `at` of a chain, bracketed where juxtaposition or a sign would misread it. */
  private chainOperand(operands: readonly Expr[], at: number, printed: readonly Printed[], links: readonly { op: string | undefined }[], own: number): Printed {
    const operand = operands[at] as Expr;
    const p = printed[at] as Printed;
    if (level(operand, this.n) <= own) return p;
    const t = p.head;
    const op = at === 0 ? undefined : links[at - 1]?.op;
    const juxtBefore = at > 0 && op === undefined;
    const juxtAfter = at < links.length && links[at]?.op === undefined;
    const needs =
      // A right operand starting with a minus would read as a subtraction: `A - (-B)`, `A (-B)`.
      (at > 0 && (isNegative(operand) || t.startsWith('-'))) ||
      // A number next to juxtaposition would read as a scalar multiple: `(2) A`, `A (2B)`, `A ⊙ (1) B`.
      (juxtAfter && operand.type !== 'ScalarMul' && (startsWithNumber(operand) || NUMBERISH.test(t))) ||
      (juxtBefore &&
        (startsWithNumber(operand) ||
          operand.type === 'ScalarMul' ||
          operand.type === 'MatrixLiteral' ||
          NUMBERISH.test(t) ||
          t.startsWith('[')));
    return needs ? this.paren(p) : p;
  }

  private postfixBase(node: Expr, stackable: boolean): PrintStep {
    if (node.type === 'Claim') return this.print(node, ATOM);
    const inner = this.render(node);
    const lv = level(node, this.n);
    if (lv === ATOM) return inner;
    if (stackable && this.n.stackPostfix && (node.type === 'Transpose' || node.type === 'Inverse')) return inner;
    return this.bracketed(inner);
  }

  /** A call `name(arg)` of one operand printed at the loosest level. */
  private call(name: Parameters<Notation['call']>[0], operand: Expr): PrintStep {
    return step([print(operand, 0)], ([arg]) => lift((a) => this.n.call(name, [a]), arg as Printed));
  }

  /** A node printed from its children's pieces by a notation function. */
  private of(children: readonly Task[], f: (...args: string[]) => string): PrintStep {
    return step(children, (parts) => lift(f, ...parts));
  }

  /** The pieces of a node: by node family (leaves, operators, postfix forms, calls). */
  private render(node: Expr): PrintStep {
    switch (node.type) {
      case 'Identifier':
      case 'NumberLiteral':
      case 'Ones':
      case 'Zero':
      case 'Identity':
        return this.renderLeaf(node);
      case 'MatrixLiteral':
        return this.renderMatrix(node);
      case 'Add':
      case 'Sub':
      case 'Hadamard':
      case 'MatMul':
      case 'Kronecker':
      case 'Equal':
      case 'NotEqual':
      case 'Neg':
      case 'ScalarMul':
        return this.renderOperator(node);
      case 'Transpose':
      case 'Inverse':
      case 'HadamardPower':
      case 'MatrixPower':
        return this.renderPostfix(node);
      case 'Diag':
      case 'DiagVec':
      case 'Trace':
      case 'Det':
      case 'Entry':
      case 'Sum':
      case 'Claim':
        return this.renderCall(node);
      default:
        return assertNever(node);
    }
  }

  /** A name, a number, or a constant `J`, `0`, `I` (with its size when it has one). */
  private renderLeaf(node: ExprOf<'Identifier' | 'NumberLiteral' | 'Ones' | 'Zero' | 'Identity'>): PrintStep {
    const n = this.n;
    switch (node.type) {
      case 'Identifier':
        return step([], () => piece(n.identifier(node)));
      case 'NumberLiteral':
        return step([], () => piece(n.number(node)));
      case 'Ones':
        return step([], () => piece(n.ones(node.rows, node.cols)));
      case 'Zero':
        return step([], () => piece(n.zero(node.rows, node.cols)));
      case 'Identity':
        return step([], () => piece(n.identity(node.size)));
      default:
        return assertNever(node);
    }
  }

  /** A matrix literal: its entries, row by row. */
  private renderMatrix(node: ExprOf<'MatrixLiteral'>): PrintStep {
    const widths = node.rows.map((row) => row.length);
    const tasks: Task[] = node.rows.flatMap((row) => row.map((e): Task => ({ kind: 'entry', node: e })));
    return this.of(tasks, (...texts) => {
      let at = 0;
      return this.n.matrix(widths.map((w) => texts.slice(at, (at += w))));
    });
  }

  /** Infix and prefix operators: chains, ⊗, relations, negation and scalar multiples. */
  private renderOperator(node: ExprOf<'Add' | 'Sub' | 'Hadamard' | 'MatMul' | 'Kronecker' | 'Equal' | 'NotEqual' | 'Neg' | 'ScalarMul'>): PrintStep {
    const n = this.n;
    switch (node.type) {
      case 'Add':
      case 'Sub':
      case 'Hadamard':
      case 'MatMul':
        return this.chain(node);
      case 'Kronecker':
        return n.kronecker === undefined ? this.of([print(node.left, 0), print(node.right, 0)], (l = '', r = '') => n.call('kron', [l, r])) : this.chain(node);
      case 'Equal':
        return this.of([print(node.left, SUM), print(node.right, SUM)], (l = '', r = '') => `${l} = ${r}`);
      case 'NotEqual':
        return this.of([print(node.left, SUM), print(node.right, SUM)], (l = '', r = '') => `${l} ${n.notEqual} ${r}`);
      case 'Neg':
        return step([print(node.operand, POSTFIX)], ([p]) => {
          const operand = p as Printed;
          return cat(['-', isNegative(node.operand) && level(node.operand, n) >= POSTFIX ? this.paren(operand) : operand]);
        });
      case 'ScalarMul':
        // `c A`: a scalar that is not a number prints as a product (shape inference reads it as c·A).
        if (!numericScalar(node)) return this.chain({ type: 'MatMul', left: node.scalar, right: node.operand });
        return step([print(node.operand, POSTFIX)], ([operand]) => this.scalarMultiple(node, operand as Printed));
      default:
        return assertNever(node);
    }
  }

  /** Postfix forms on a base: transpose, inverse and the two powers. */
  private renderPostfix(node: ExprOf<'Transpose' | 'Inverse' | 'HadamardPower' | 'MatrixPower'>): PrintStep {
    const n = this.n;
    switch (node.type) {
      case 'Transpose':
        return this.of([{ kind: 'base', node: node.operand, stackable: true }], (b = '') => n.transpose(b));
      case 'Inverse':
        return this.of([{ kind: 'base', node: node.operand, stackable: true }], (b = '') => n.inverse(b));
      case 'HadamardPower': {
        const simple = simpleExponent(node.exponent);
        return this.of([{ kind: 'base', node: node.base, stackable: false }, print(node.exponent, 0)], (b = '', e = '') => n.hadamardPower(b, e, simple));
      }
      case 'MatrixPower': {
        const simple = simpleExponent(node.exponent);
        return this.of([{ kind: 'base', node: node.base, stackable: false }, print(node.exponent, 0)], (b = '', e = '') => n.matrixPower(b, e, simple));
      }
      default:
        return assertNever(node);
    }
  }

  /** Calls and call-like forms: diag, diagvec, tr, det, an entry, Σ and a claim. */
  private renderCall(node: ExprOf<'Diag' | 'DiagVec' | 'Trace' | 'Det' | 'Entry' | 'Sum' | 'Claim'>): PrintStep {
    const n = this.n;
    switch (node.type) {
      case 'Diag':
        return this.call('diag', node.operand);
      case 'DiagVec':
        return this.call('diagvec', node.operand);
      case 'Trace':
        return this.call('tr', node.operand);
      case 'Det':
        return this.call('det', node.operand);
      case 'Entry':
        return step([print(node.matrix, ATOM), print(node.row, 0), print(node.col, 0)], ([m, r, c]) => {
          let matrix = m as Printed;
          if (n.name === 'latex' && level(node.matrix, n) === ATOM && /[_^]/.test(matrix.text)) matrix = this.paren(matrix);
          return lift((mt = '', rt = '', ct = '') => n.entry(mt, rt, ct), matrix, r as Printed, c as Printed);
        });
      case 'Sum':
        return this.of([print(node.body, 0)], (body = '') => n.sum(node.index, body));
      case 'Claim':
        if (n.claimRelations && (node.property === 'psd' || node.property === 'pd')) {
          const property = node.property;
          return this.of([print(node.operand, SUM)], (operand = '') => n.claimRelation(operand, property));
        }
        return this.call(node.property, node.operand);
      default:
        return assertNever(node);
    }
  }

  /** `2A`, `1/2 A`, `2 (-A)`: a number times its printed operand, tight where that reads back. */
  private scalarMultiple(node: ScalarMul & { readonly scalar: NumberLiteral }, printed: Printed): Printed {
    const n = this.n;
    let operand = printed;
    if (level(node.operand, n) >= POSTFIX && (startsWithNumber(node.operand) || isNegative(node.operand) || NUMBERISH.test(operand.head))) {
      operand = this.paren(operand);
    }
    let root: Expr = node.operand;
    while (root.type === 'Transpose' || root.type === 'Inverse' || root.type === 'HadamardPower' || root.type === 'MatrixPower') {
      root = root.type === 'HadamardPower' || root.type === 'MatrixPower' ? root.base : root.operand;
    }
    const tight =
      n.name !== 'latex' &&
      node.scalar.kind !== 'fraction' &&
      (root.type === 'Identifier' || root.type === 'Ones' || root.type === 'Identity' || root.type === 'Zero') &&
      /^[\p{L}]/u.test(operand.head) &&
      !/^[eE]/.test(operand.head);
    return cat([n.number(node.scalar), tight ? '' : ' ', operand]);
  }
}

/**
 * Canonical Unicode text with the fewest brackets that keep the tree: `A ⊙ B`, `A B`, `A ⊗ B`,
 * `Aᵀ`, `A^⊙2`, `A^2`, `A⁻¹`, `J_{m×n}`, `I_n`, `diag(v)`, `A[i,j]`, `Σ_k(…)`, `X ⪰ 0`.
 * Products share one left-assoc level, so `A (B ⊙ C)` keeps its brackets.
 */
export function printPlain(expr: Expr): string {
  return new TextPrinter(PLAIN).printRoot(expr);
}

/**
 * ASCII text that the plain dialect parses: `A .* B`, `A @ B`, `kron(A, B)`, `A'`, `A.^2`, `A^2`,
 * `A^-1`, `J_{m x n}`, `sum_k(…)`, `!=`, `psd(X)`, `pd(X)`. Names are printed as written, so the
 * output is pure ASCII when the names are.
 */
export function printAscii(expr: Expr): string {
  return new TextPrinter(ASCII).printRoot(expr);
}

/**
 * LaTeX: `A \odot B`, `A \otimes B`, `A^\top`, `A^{\circ 2}`, `A^{-1}`, `\operatorname{diag}(v)`,
 * `\operatorname{tr}(A)`, `\det(A)`, `\mathbf{J}`, `\mathbf{0}`, `I_{n}`, `\begin{pmatrix}…\end{pmatrix}`,
 * `A_{i,j}`, `\sum_{k} (…)`, `\neq`, `X \succeq 0`, `X \succ 0`.
 */
export function printLatex(expr: Expr): string {
  return new TextPrinter(LATEX).printRoot(expr);
}
