import { VISITOR_KEYS, childrenOf, walkExpr, type Expr, type Span } from '@odot/core';

// Small structural helpers the checker needs on its own: equality modulo bound sum indices,
// child replacement by path, free identifiers, and span shifting for expressions parsed out of a line.

/**
 * A canonical text key of an expression: spans ignored, and the index bound by each `Σ_k` renamed
 * to its binding depth, so two expressions have the same key exactly when they are equal up to the
 * names of bound summation indices (alpha-equivalence).
 */
export function exprKey(expr: Expr, options: { readonly ignoreSizes?: boolean } = {}): string {
  // Expressions are immutable, so a key is computed once per node object (searches key the same ones often).
  const memo = options.ignoreSizes ? SIZE_FREE_KEYS : KEYS;
  const known = memo.get(expr);
  if (known !== undefined) return known;
  const key = computeKey(expr, options);
  memo.set(expr, key);
  return key;
}

const KEYS = new WeakMap<Expr, string>();
const SIZE_FREE_KEYS = new WeakMap<Expr, string>();

function computeKey(expr: Expr, options: { readonly ignoreSizes?: boolean }): string {
  const parts: string[] = [];
  const bound: string[] = [];
  // An explicit stack (long chains are thousands deep): a node to visit, text to emit, or the end of a sum's scope.
  type Work = Expr | { readonly text: string } | { readonly unbind: true };
  const stack: Work[] = [expr];
  const later = (items: readonly Work[]): void => {
    for (let i = items.length - 1; i >= 0; i--) stack.push(items[i] as Work);
  };
  while (stack.length > 0) {
    const work = stack.pop() as Work;
    if ('text' in work) {
      parts.push(work.text);
      continue;
    }
    if ('unbind' in work) {
      bound.pop();
      continue;
    }
    const node = work;
    switch (node.type) {
      case 'Identifier': {
        const depth = bound.lastIndexOf(node.name);
        parts.push(depth >= 0 ? `#${depth}` : `'${node.name}`);
        break;
      }
      case 'NumberLiteral':
        parts.push(`n${node.value}`);
        break;
      case 'Ones':
      case 'Zero':
        parts.push(options.ignoreSizes ? node.type : `${node.type}[${node.rows ?? ''},${node.cols ?? ''}]`);
        break;
      case 'Identity':
        parts.push(options.ignoreSizes ? node.type : `Identity[${node.size ?? ''}]`);
        break;
      case 'Sum':
        parts.push('(Sum');
        bound.push(node.index);
        later([node.body, { unbind: true }, { text: ')' }]);
        break;
      case 'Claim':
        parts.push(`(Claim ${node.property}`);
        later([node.operand, { text: ')' }]);
        break;
      case 'MatrixLiteral':
        parts.push('(Mat');
        later([...node.rows.flatMap((row): Work[] => [{ text: '[' }, ...row, { text: ']' }]), { text: ')' }]);
        break;
      default:
        parts.push(`(${node.type}`);
        later([...childrenOf(node), { text: ')' }]);
    }
  }
  return parts.join(' ');
}

/** Equality ignoring spans and the names of bound summation indices. */
export function sameExpr(a: Expr, b: Expr): boolean {
  return exprKey(a) === exprKey(b);
}

/** The sub-expression at `path` (child indices in `childrenOf` order), or undefined when the path leaves the tree. */
export function subtermAt(expr: Expr, path: readonly number[]): Expr | undefined {
  let node: Expr | undefined = expr;
  for (const index of path) {
    if (node === undefined) return undefined;
    node = childrenOf(node)[index];
  }
  return node;
}

/** A copy of `node` whose children (in `childrenOf` order) are `children`; spans of rebuilt nodes are dropped. */
export function withChildren(node: Expr, children: readonly Expr[]): Expr {
  const record: Record<string, unknown> = { ...(node as unknown as Record<string, unknown>) };
  delete record['span'];
  let next = 0;
  for (const key of VISITOR_KEYS[node.type] as readonly string[]) {
    if (key === 'rows') {
      const rows = record['rows'] as readonly (readonly Expr[])[];
      record['rows'] = rows.map((row) => row.map(() => children[next++] as Expr));
    } else {
      record[key] = children[next++];
    }
  }
  return record as unknown as Expr;
}

/** `expr` with the sub-expression at `path` replaced by `replacement`; undefined when the path is invalid. */
export function replaceAt(expr: Expr, path: readonly number[], replacement: Expr): Expr | undefined {
  if (path.length === 0) return replacement;
  const [first, ...rest] = path as [number, ...number[]];
  const children = childrenOf(expr);
  const child = children[first];
  if (child === undefined) return undefined;
  const replaced = replaceAt(child, rest, replacement);
  if (replaced === undefined) return undefined;
  const next = [...children];
  next[first] = replaced;
  return withChildren(expr, next);
}

/** Every identifier name occurring free in `expr` (not bound by an enclosing `Σ`). */
export function freeNames(expr: Expr, out: Set<string> = new Set()): Set<string> {
  const visit = (node: Expr, bound: readonly string[]): void => {
    if (node.type === 'Identifier') {
      if (!bound.includes(node.name)) out.add(node.name);
      return;
    }
    const inner = node.type === 'Sum' ? [...bound, node.index] : bound;
    for (const child of childrenOf(node)) visit(child, inner);
  };
  visit(expr, []);
  return out;
}

/** True when the tree contains an `Entry` or `Sum` node (an entrywise, scalar-level expression). */
export function isEntrywise(expr: Expr): boolean {
  let found = false;
  walkExpr(expr, (node) => {
    if (node.type === 'Entry' || node.type === 'Sum') found = true;
    return !found;
  });
  return found;
}

/** Where a piece of a line sits in the whole file, for moving spans of a sub-parse there. */
export interface TextOrigin {
  /** 1-based line of the piece in the file. */
  readonly line: number;
  /** 1-based column of the piece's first character. */
  readonly column: number;
  /** 0-based offset of the piece's first character in the file. */
  readonly offset: number;
}

/** Moves a span computed on a one-line piece of text to its place in the file. */
export function shiftSpan(span: Span, origin: TextOrigin): Span {
  const point = (p: Span['start']): Span['start'] => ({
    line: origin.line + p.line - 1,
    column: p.line === 1 ? origin.column + p.column - 1 : p.column,
    offset: origin.offset + p.offset,
  });
  return { start: point(span.start), end: point(span.end) };
}

/** A deep copy of any parsed structure (expression, declaration, error) with every `span` moved to `origin`. Iterative: long chains are deep. */
export function shiftSpans<T>(value: T, origin: TextOrigin): T {
  return transformSpans(value, (span) => shiftSpan(span, origin));
}

/**
 * A deep copy of a structure parsed from a one-line text with every offset passed through
 * `toSource` (columns follow the offsets): spans of a rewritten text put back on the text as written.
 */
export function mapSpans<T>(value: T, toSource: (offset: number) => number): T {
  const point = (p: Span['start']): Span['start'] => {
    const offset = toSource(p.offset);
    return { line: p.line, column: offset + 1, offset };
  };
  return transformSpans(value, (span) => ({ start: point(span.start), end: point(span.end) }));
}

/** A deep copy of `value` with every `span` field replaced by `f(span)`. Iterative. */
function transformSpans<T>(value: T, f: (span: Span) => Span): T {
  const copy = (x: unknown): unknown => {
    if (Array.isArray(x)) return new Array<unknown>(x.length);
    if (x === null || typeof x !== 'object' || x instanceof Set || x instanceof Map) return x;
    return {};
  };
  const root = copy(value);
  const stack: [unknown, unknown][] = [[value, root]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [unknown, unknown];
    if (from === to) continue; // a leaf value, copied as is
    const entries: [string | number, unknown][] = Array.isArray(from) ? from.map((item, i): [number, unknown] => [i, item]) : Object.entries(from as Record<string, unknown>);
    for (const [key, field] of entries) {
      if (key === 'span' && field !== undefined && !Array.isArray(from)) {
        (to as Record<string, unknown>)[key] = f(field as Span);
        continue;
      }
      const target = copy(field);
      (to as Record<string | number, unknown>)[key] = target;
      if (target !== field) stack.push([field, target]);
    }
  }
  return root as T;
}

/**
 * Renames every summation index to `%d`, d its nesting depth (names the parser can never produce),
 * so that sums are compared and rewritten without capture and independently of the names chosen.
 */
export function normalizeBound(expr: Expr): Expr {
  const visit = (node: Expr, renames: ReadonlyMap<string, string>, depth: number): Expr => {
    if (node.type === 'Identifier') {
      const renamed = renames.get(node.name);
      return renamed === undefined ? node : { type: 'Identifier', name: renamed };
    }
    if (node.type === 'Sum') {
      const name = `%${depth}`;
      const inner = new Map(renames);
      inner.set(node.index, name);
      return { type: 'Sum', index: name, body: visit(node.body, inner, depth + 1) };
    }
    const children = childrenOf(node);
    if (children.length === 0) return node;
    const next = children.map((child) => visit(child, renames, depth));
    return next.every((child, i) => child === children[i]) ? node : withChildren(node, next);
  };
  return visit(expr, new Map(), 0);
}

/**
 * Renames every summation index to its own `%s<n>` (n counts the sums in pre-order; names the
 * parser can never produce), so that sibling sums — which `normalizeBound` names alike, both at
 * depth 0 in `Σ_%0(a) Σ_%0(b)` — are told apart by a law that nests one inside the other
 * (`sum_mul_sum`). The meaning is unchanged: each occurrence keeps the sum that binds it, and
 * `normalizeBound` gives the same expression as before. When every sum already has its own name,
 * the expression itself is returned.
 */
export function renameApart(expr: Expr): Expr {
  if (sumsNamedApart(expr)) return expr;
  let count = 0;
  const visit = (node: Expr, renames: ReadonlyMap<string, string>): Expr => {
    if (node.type === 'Identifier') {
      const renamed = renames.get(node.name);
      return renamed === undefined ? node : { type: 'Identifier', name: renamed };
    }
    if (node.type === 'Sum') {
      const name = `%s${count++}`;
      const inner = new Map(renames);
      inner.set(node.index, name);
      return { type: 'Sum', index: name, body: visit(node.body, inner) };
    }
    const children = childrenOf(node);
    if (children.length === 0) return node;
    const next = children.map((child) => visit(child, renames));
    return next.every((child, i) => child === children[i]) ? node : withChildren(node, next);
  };
  return visit(expr, new Map());
}

/** True when no two sums of the expression bind the same name. */
function sumsNamedApart(expr: Expr): boolean {
  const names = new Set<string>();
  const pending: Expr[] = [expr];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === 'Sum') {
      if (names.has(node.index)) return false;
      names.add(node.index);
    }
    pending.push(...childrenOf(node));
  }
  return true;
}
