import { assertNever } from './assert-never.ts';
import { tick } from './budget.ts';
import type { BinaryExpr, Expr, NumberLiteral, ScalarMul } from './expr.ts';
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

class TextPrinter {
  /** The expression being printed: only there may a claim take its relation form `X ⪰ 0`. */
  private root: Expr | undefined;

  constructor(private readonly n: Notation) {}

  /** Prints a whole expression. */
  printRoot(expr: Expr): string {
    this.root = expr;
    return this.print(expr, 0);
  }

  print(node: Expr, min: number): string {
    tick(); // printing inside a budgeted call counts against its time limit
    // Below the root a claim takes its call form, `-psd(A)`: `-(A ⪰ 0)` does not read back.
    if (node.type === 'Claim' && node !== this.root && level(node, this.n) === REL) {
      return this.n.call(node.property, [this.print(node.operand, 0)]);
    }
    const text = this.render(node);
    return level(node, this.n) < min ? this.n.paren(text) : text;
  }

  /**
   * A matrix entry: one whose text has a space outside an atom (`a b`, `1 e400`, `1 e400 + A`) is
   * bracketed, since inside `[[…]]` a space may separate entries; a claim takes its call form.
   */
  private entry(e: Expr): string {
    const text = this.print(e, SUM);
    // A matrix inside an entry, and the zero matrix `0` (a bare `0` entry reads as the number), are bracketed too.
    const zeroMatrix = e.type === 'Zero' && e.rows === undefined && e.cols === undefined;
    if (text.startsWith('[') || zeroMatrix) return this.n.paren(text);
    return level(e, this.n) < ATOM && / /.test(text) ? this.n.paren(text) : text;
  }

  /** Prints a left-assoc chain of one precedence level without recursing down the left spine. */
  private chain(node: ChainNode): string {
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
    const texts = operands.map((operand, at) => {
      let t = this.print(operand, at === 0 ? own : own + 1);
      if (level(operand, n) <= own) return t;
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
      if (needs) t = n.paren(t);
      return t;
    });
    let text = texts[0] as string;
    links.forEach(({ op }, at) => {
      const r = texts[at + 1] as string;
      text += op === undefined ? ` ${r}` : ` ${op} ${r}`;
    });
    return text;
  }

  private postfixBase(node: Expr, stackable: boolean): string {
    if (node.type === 'Claim') return this.print(node, ATOM);
    const text = this.render(node);
    const lv = level(node, this.n);
    if (lv === ATOM) return text;
    if (stackable && this.n.stackPostfix && (node.type === 'Transpose' || node.type === 'Inverse')) return text;
    return this.n.paren(text);
  }

  private exponent(node: Expr): string {
    return this.print(node, 0);
  }

  render(node: Expr): string {
    const n = this.n;
    switch (node.type) {
      case 'Identifier':
        return n.identifier(node);
      case 'NumberLiteral':
        return n.number(node);
      case 'MatrixLiteral':
        return n.matrix(node.rows.map((row) => row.map((e) => this.entry(e))));
      case 'Add':
      case 'Sub':
      case 'Hadamard':
      case 'MatMul':
        return this.chain(node);
      case 'Kronecker':
        return n.kronecker === undefined
          ? n.call('kron', [this.print(node.left, 0), this.print(node.right, 0)])
          : this.chain(node);
      case 'Equal':
        return `${this.print(node.left, SUM)} = ${this.print(node.right, SUM)}`;
      case 'NotEqual':
        return `${this.print(node.left, SUM)} ${n.notEqual} ${this.print(node.right, SUM)}`;
      case 'Neg': {
        const operand = this.print(node.operand, POSTFIX);
        return `-${isNegative(node.operand) && level(node.operand, n) >= POSTFIX ? n.paren(operand) : operand}`;
      }
      case 'ScalarMul': {
        if (!numericScalar(node)) {
          // `c A`: a scalar that is not a number prints as a product (shape inference reads it as c·A).
          return this.chain({ type: 'MatMul', left: node.scalar, right: node.operand });
        }
        let operand = this.print(node.operand, POSTFIX);
        if (
          level(node.operand, n) >= POSTFIX &&
          (startsWithNumber(node.operand) || isNegative(node.operand) || NUMBERISH.test(operand))
        ) {
          operand = n.paren(operand);
        }
        let root: Expr = node.operand;
        while (root.type === 'Transpose' || root.type === 'Inverse' || root.type === 'HadamardPower' || root.type === 'MatrixPower') {
          root = root.type === 'HadamardPower' || root.type === 'MatrixPower' ? root.base : root.operand;
        }
        const tight =
          n.name !== 'latex' &&
          node.scalar.kind !== 'fraction' &&
          (root.type === 'Identifier' || root.type === 'Ones' || root.type === 'Identity' || root.type === 'Zero') &&
          /^[\p{L}]/u.test(operand) &&
          !/^[eE]/.test(operand);
        return `${n.number(node.scalar)}${tight ? '' : ' '}${operand}`;
      }
      case 'Transpose':
        return n.transpose(this.postfixBase(node.operand, true));
      case 'Inverse':
        return n.inverse(this.postfixBase(node.operand, true));
      case 'HadamardPower':
        return n.hadamardPower(this.postfixBase(node.base, false), this.exponent(node.exponent), simpleExponent(node.exponent));
      case 'MatrixPower':
        return n.matrixPower(this.postfixBase(node.base, false), this.exponent(node.exponent), simpleExponent(node.exponent));
      case 'Ones':
        return n.ones(node.rows, node.cols);
      case 'Zero':
        return n.zero(node.rows, node.cols);
      case 'Identity':
        return n.identity(node.size);
      case 'Diag':
        return n.call('diag', [this.print(node.operand, 0)]);
      case 'DiagVec':
        return n.call('diagvec', [this.print(node.operand, 0)]);
      case 'Trace':
        return n.call('tr', [this.print(node.operand, 0)]);
      case 'Det':
        return n.call('det', [this.print(node.operand, 0)]);
      case 'Entry': {
        let matrix = this.print(node.matrix, ATOM);
        if (n.name === 'latex' && level(node.matrix, n) === ATOM && /[_^]/.test(matrix)) matrix = n.paren(matrix);
        return n.entry(matrix, this.print(node.row, 0), this.print(node.col, 0));
      }
      case 'Sum':
        return n.sum(node.index, this.print(node.body, 0));
      case 'Claim':
        if (n.claimRelations && (node.property === 'psd' || node.property === 'pd')) {
          return n.claimRelation(this.print(node.operand, SUM), node.property);
        }
        return n.call(node.property, [this.print(node.operand, 0)]);
      default:
        return assertNever(node);
    }
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
