import { givensFrom, odotError, type Declaration, type Expr, type Givens, type OdotError, type Span } from '@odot/core';
import { parse, parseDeclarations, type Dialect } from '@odot/parser';
import { mapSpans, shiftSpans, type TextOrigin } from './expr-tools.ts';
import { ambiguousInequality, isScalarExpr, normalizeProofText, scalarInequality, topLevelEquals } from './proof-syntax.ts';
import { extractProofBlocks, looksLikeMarkdown } from './markdown.ts';
import type { Goal, LawCitation, ProofDocument, ProofLine, Theorem } from './proof-ast.ts';

/** How to read a proof text. */
export interface ParseProofOptions {
  /** `proof` (a bare `.proof` file), `markdown` (only ```proof blocks count) or `auto` (default: Markdown when a ```proof fence is present). */
  readonly format?: 'proof' | 'markdown' | 'auto';
  /** Dialect of the expressions (default `plain`). */
  readonly dialect?: Dialect;
}

/** One physical line of the file. */
interface SourceLine {
  readonly number: number;
  readonly text: string;
  readonly offset: number;
}

function splitLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let offset = 0;
  text.split('\n').forEach((raw, index) => {
    out.push({ number: index + 1, text: raw.replace(/\r$/, ''), offset });
    offset += raw.length + 1;
  });
  return out;
}

function spanOf(line: SourceLine, start: number, end: number): Span {
  return {
    start: { line: line.number, column: start + 1, offset: line.offset + start },
    end: { line: line.number, column: end + 1, offset: line.offset + end },
  };
}

function originOf(line: SourceLine, start: number): TextOrigin {
  return { line: line.number, column: start + 1, offset: line.offset + start };
}

/**
 * The trimmed content of a line as [start, end) indices, or undefined for blank and comment lines.
 * A comment may also end a line: ` # …` or ` // …` after whitespace.
 */
function contentRange(text: string): readonly [number, number] | undefined {
  const start = text.search(/\S/);
  if (start < 0) return undefined;
  const rest = text.slice(start);
  if (rest.startsWith('//') || rest.startsWith('#')) return undefined;
  const comment = /\s(?:#|\/\/)/.exec(rest);
  const end = comment ? start + comment.index : text.length;
  return [start, text.slice(0, end).trimEnd().length];
}

/** The keyword a line starts with, if it is one of the proof format's keywords. */
function keywordOf(text: string, start: number): 'given' | 'prove' | 'proof' | 'qed' | undefined {
  const match = /^(given|prove|proof|qed)(?![\w'])/.exec(text.slice(start));
  return match ? (match[1] as 'given' | 'prove' | 'proof' | 'qed') : undefined;
}

/** Parses an expression written on `line` from column index `start` to `end`, with spans placed in the file. */
export function parseExprAt(
  line: { readonly number: number; readonly text: string; readonly offset: number },
  start: number,
  end: number,
  dialect: Dialect,
  givens?: Givens,
): { ok: true; expr: Expr } | { ok: false; error: OdotError } {
  const raw = line.text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const origin = originOf(line, start + lead);
  if (text === '') {
    return { ok: false, error: odotError('proof-parse', 'expected an expression', { span: spanOf(line, start, Math.max(end, start + 1)) }) };
  }
  const inequality = scalarInequality(text);
  const normalized = normalizeProofText(text, inequality);
  const result = parse(normalized.text, { dialect }); // never throws: a syntax error is a value
  const place = <T>(value: T): T => shiftSpans(mapSpans(value, (offset) => normalized.toSource(offset)), origin);
  if (!result.ok) return { ok: false, error: place(result.error) };
  const expr = place(result.value.expr);
  if (inequality && expr.type === 'Claim' && !isScalarExpr(expr.operand, givens)) {
    return { ok: false, error: ambiguousInequality(spanOf(line, start + lead + inequality.start, start + lead + inequality.end)) };
  }
  return { ok: true, expr };
}

/** Splits `… by a, b` at the last `by`; gives the expression end and the citations, or an error for a bad list. */
function splitCitation(
  line: SourceLine,
  start: number,
  end: number,
): { exprEnd: number; laws: LawCitation[] } | { error: OdotError } | undefined {
  const text = line.text.slice(0, end);
  const pattern = /(^|\s)by(?=\s|$)/g;
  let last: RegExpExecArray | undefined;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index + (match[1] ?? '').length >= start) last = match;
  }
  if (!last) return undefined;
  const byStart = last.index + (last[1] ?? '').length;
  const listStart = byStart + 2;
  const laws: LawCitation[] = [];
  const nameRe = /[^,]+/g;
  const list = text.slice(listStart);
  for (let match = nameRe.exec(list); match; match = nameRe.exec(list)) {
    const piece = match[0];
    const lead = piece.length - piece.trimStart().length;
    const name = piece.trim();
    const from = listStart + match.index + lead;
    // A name may be written in words (`Hadamard comm`, `hadamard-comm`): the checker resolves it.
    if (!/^[A-Za-z_][\w'-]*(?:\s+[A-Za-z_][\w'-]*)*$/.test(name)) {
      return {
        error: odotError('proof-citation', name === '' ? 'expected a law name after `by`' : `'${name}' is not a law name`, {
          span: spanOf(line, from, Math.max(from + name.length, from + 1)),
          hints: ['write `by LAW` or `by LAW1, LAW2`, e.g. `by hadamard_comm`'],
        }),
      };
    }
    laws.push({ name, span: spanOf(line, from, from + name.length) });
  }
  if (laws.length === 0) {
    return {
      error: odotError('proof-citation', 'expected a law name after `by`', {
        span: spanOf(line, byStart, byStart + 2),
        hints: ['write `by LAW` or `by LAW1, LAW2`, e.g. `by hadamard_comm`'],
      }),
    };
  }
  return { exprEnd: byStart, laws };
}

/**
 * A line that ends in a law name without `by` (`= A ⊙ B + A ⊙ C   hadamard_add`): the error to
 * report instead of the parser's (which would stumble on the `_`), or undefined when the line is
 * not that (the tail is no snake_case word, or the rest does not parse either).
 */
function missingBy(line: SourceLine, exprStart: number, end: number, dialect: Dialect): OdotError | undefined {
  const tail = /\s([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)\s*$/.exec(line.text.slice(0, end));
  if (!tail || tail.index < exprStart) return undefined;
  const rest = parseExprAt(line, exprStart, tail.index, dialect);
  if (!rest.ok) return undefined;
  const name = tail[1] as string;
  const from = tail.index + 1;
  return odotError('proof-missing-law', `the \`by\` before ${name} is missing: write \`by ${name}\``, {
    span: spanOf(line, from, from + name.length),
    hints: [`a step is \`= EXPR by LAW\`, e.g. \`= ${line.text.slice(exprStart, tail.index).trim()}   by ${name}\``],
  });
}

/**
 * Reads one line of a proof body (between `proof` and `qed`): usually one proof line; a one-line
 * chain `X = Y = Z by LAW` (or `X = Y by L1 = Z by L2`, or `= Y by L1 = Z by L2`) gives its start
 * and one step per `=`. `givens` (the theorem's declarations) decide whether `X ≥ 0` is scalar.
 */
export function parseBodyLine(line: SourceLine, dialect: Dialect, givens?: Givens): ProofLine[] {
  const range = contentRange(line.text);
  const [start, end] = range ?? [0, line.text.length];
  const equals = topLevelEquals(line.text.slice(start, end)).map((at) => at + start);
  if (equals.length >= 2) return parseChainLine(line, start, end, equals, dialect, givens);
  return [parseSingleLine(line, start, end, dialect, givens)];
}

/** One piece of a one-line chain: the expression between two `=` and its own citation, if any. */
interface ChainPiece {
  readonly from: number;
  readonly to: number;
  readonly citation: ReturnType<typeof splitCitation>;
}

/** The lines of a one-line chain: a start (unless the line begins with `=`) and one step per `=`. */
function parseChainLine(line: SourceLine, start: number, end: number, equals: readonly number[], dialect: Dialect, givens: Givens | undefined): ProofLine[] {
  const out: ProofLine[] = [];
  const pieces: ChainPiece[] = equals.map((at, k) => {
    const to = k + 1 < equals.length ? (equals[k + 1] as number) : end;
    return { from: at, to, citation: splitCitation(line, at + 1, to) };
  });
  const first = equals[0] as number;
  if (first > start) {
    const head = line.text.slice(0, first).trimEnd().length;
    const parsed = parseExprAt(line, start, head, dialect, givens);
    const span = spanOf(line, start, head);
    if (!parsed.ok) out.push({ kind: 'invalid', line: line.number, span, error: parsed.error, laws: [] });
    else out.push({ kind: 'start', line: line.number, span, expr: parsed.expr });
  }
  // One `by` at the end justifies every step; otherwise each step carries its own.
  const last = pieces.at(-1)?.citation;
  const shared = pieces.slice(0, -1).every((piece) => piece.citation === undefined) && last !== undefined && !('error' in last) ? last.laws : undefined;
  for (const piece of pieces) {
    const pieceEnd = line.text.slice(0, piece.to).trimEnd().length;
    const span = spanOf(line, piece.from, pieceEnd);
    const citation = piece.citation;
    if (citation && 'error' in citation) {
      out.push({ kind: 'invalid', line: line.number, span, error: citation.error, laws: [] });
      continue;
    }
    const laws = shared ?? citation?.laws ?? [];
    const exprEnd = citation ? citation.exprEnd : piece.to;
    const parsed = parseExprAt(line, piece.from + 1, exprEnd, dialect, givens);
    if (!parsed.ok) {
      out.push({ kind: 'invalid', line: line.number, span, error: parsed.error, laws });
    } else if (laws.length === 0) {
      const error = odotError('proof-missing-law', 'this step has no justification', {
        span,
        hints: ['in a one-line chain, give each step its `by LAW` (`X = Y by L1 = Z by L2`), or one `by` at the end for every step (`X = Y = Z by L1, L2`)'],
      });
      out.push({ kind: 'invalid', line: line.number, span, error, laws });
    } else if (parsed.expr.type === 'Equal' || parsed.expr.type === 'NotEqual' || parsed.expr.type === 'Claim') {
      out.push({ kind: 'invalid', line: line.number, span, error: odotError('proof-parse', 'each `=` of a chain is followed by an expression, not a statement', { span }), laws });
    } else {
      const exprSpan = parsed.expr.span ?? span;
      out.push({ kind: 'step', line: line.number, span, expr: parsed.expr, laws, exprSpan });
    }
  }
  return out;
}

/** Reads a proof line that holds at most one top-level `=`. */
function parseSingleLine(line: SourceLine, start: number, end: number, dialect: Dialect, givens: Givens | undefined): ProofLine {
  const whole = spanOf(line, start, end);
  const citation = splitCitation(line, start, end);
  if (citation && 'error' in citation) return { kind: 'invalid', line: line.number, span: whole, error: citation.error, laws: [] };
  const laws = citation?.laws ?? [];
  const exprEnd = citation ? citation.exprEnd : end;
  const isStep = line.text[start] === '=';
  const exprStart = isStep ? start + 1 : start;
  const parsed = parseExprAt(line, exprStart, exprEnd, dialect, givens);
  if (!parsed.ok) {
    const missing = citation ? undefined : missingBy(line, exprStart, end, dialect);
    return { kind: 'invalid', line: line.number, span: whole, error: missing ?? parsed.error, laws };
  }
  const expr = parsed.expr;
  const trimmedEnd = line.text.slice(0, exprEnd).trimEnd().length;
  const exprSpan = expr.span ?? spanOf(line, exprStart, trimmedEnd);
  const invalid = (error: OdotError): ProofLine => ({ kind: 'invalid', line: line.number, span: whole, laws, error });
  if (isStep) {
    if (!citation) {
      return invalid(
        odotError('proof-missing-law', 'this step has no justification', {
          span: whole,
          hints: ['write `= EXPR by LAW`, e.g. `= B ⊙ A   by hadamard_comm`'],
        }),
      );
    }
    if (expr.type === 'Equal' || expr.type === 'NotEqual' || expr.type === 'Claim') {
      return invalid(odotError('proof-parse', 'a step `= EXPR` must be followed by an expression, not a statement', { span: exprSpan }));
    }
    return { kind: 'step', line: line.number, span: whole, expr, laws, exprSpan };
  }
  if (expr.type === 'Equal' || expr.type === 'Claim') {
    if (!citation) {
      return invalid(
        odotError('proof-missing-law', 'this statement has no justification', {
          span: whole,
          hints: [expr.type === 'Equal' ? 'write `X = Y by ext` after an entrywise chain, or `X = Y by LAW`' : 'write e.g. `P ⊙ Q ⪰ 0 by schur`'],
        }),
      );
    }
    return expr.type === 'Equal'
      ? { kind: 'equation', line: line.number, span: whole, statement: expr, laws }
      : { kind: 'claim', line: line.number, span: whole, statement: expr, laws };
  }
  if (expr.type === 'NotEqual') {
    return invalid(odotError('proof-parse', 'a proof line cannot state `≠`', { span: exprSpan }));
  }
  if (citation) {
    return invalid(odotError('proof-parse', 'a step starts with `=`: write `= EXPR by LAW`', { span: whole }));
  }
  return { kind: 'start', line: line.number, span: whole, expr };
}

interface Pending {
  declarations: Declaration[];
  name?: string;
  goalText?: string;
  goal?: Goal;
  goalSpan?: Span;
  proveLine?: number;
  lines: ProofLine[];
  inBody: boolean;
}

/** What reading a proof file keeps from line to line. */
interface Reader {
  readonly dialect: Dialect;
  readonly errors: OdotError[];
  readonly theorems: Theorem[];
  pending: Pending;
  /** After a `prove` that cannot be read: its lines up to `qed` are skipped. */
  skipping: boolean;
}

const fresh = (): Pending => ({ declarations: [], lines: [], inBody: false });

/**
 * Parses a proof file (or the `` ```proof `` blocks of a Markdown file) into theorems. Never throws:
 * lines that cannot be read inside a proof become `invalid` lines (checked as failing steps);
 * everything else that is wrong is in `errors`, each with a span into `source`.
 */
export function parseProof(source: string, options: ParseProofOptions = {}): ProofDocument {
  const format = options.format ?? 'auto';
  const markdown = format === 'markdown' || (format === 'auto' && looksLikeMarkdown(source));
  const reader: Reader = { dialect: options.dialect ?? 'plain', errors: [], theorems: [], pending: fresh(), skipping: false };
  let text = source;
  if (markdown) {
    const extracted = extractProofBlocks(source);
    text = extracted.text;
    if (extracted.blocks === 0) {
      return { source, theorems: [], errors: [odotError('proof-no-block', 'no ```proof block in this Markdown text')] };
    }
  }
  let lastLine: SourceLine | undefined;
  for (const line of splitLines(text)) {
    const range = contentRange(line.text);
    if (!range) continue;
    lastLine = line;
    readLine(reader, line, range);
  }
  closeDocument(reader, lastLine);
  return { source, theorems: reader.theorems, errors: reader.errors };
}

/** One non-blank line: skipped, a line of the proof body, or a header line (`given`, `prove`, `proof`, `qed`). */
function readLine(reader: Reader, line: SourceLine, [start, end]: readonly [number, number]): void {
  const keyword = keywordOf(line.text, start);
  const span = spanOf(line, start, end);
  if (reader.skipping) {
    if (keyword === 'qed') reader.skipping = false;
    return;
  }
  if (reader.pending.inBody) {
    if (keyword === 'qed') return finishTheorem(reader, line.number);
    if (keyword === 'proof') {
      reader.errors.push(odotError('proof-structure', '`proof` inside a proof: close the previous one with `qed`', { span }));
      return;
    }
    if (keyword !== 'given' && keyword !== 'prove') {
      reader.pending.lines.push(...parseBodyLine(line, reader.dialect, givensFrom(reader.pending.declarations)));
      return;
    }
    reader.errors.push(odotError('proof-missing-qed', 'the proof above is not closed with `qed`', { span }));
    finishTheorem(reader, undefined);
  }
  switch (keyword) {
    case 'given':
      return readGiven(reader, line, start, end);
    case 'prove':
      return readProve(reader, line, start, end);
    case 'proof':
      return readProofKeyword(reader, line, start, end);
    case 'qed':
      reader.errors.push(odotError('proof-structure', '`qed` without a proof', { span }));
      return;
    case undefined:
      reader.errors.push(
        odotError('proof-structure', reader.pending.goal ? 'expected `proof` after `prove`' : 'expected `given`, `prove` or `proof`', {
          span,
          hints: ['a theorem reads: `given …`, `prove …`, `proof`, the chain, `qed`'],
        }),
      );
      return;
  }
}

/** The pending theorem, when it has a goal, becomes a theorem (closed by `qed` at `qedLine`, if any); a fresh one starts. */
function finishTheorem(reader: Reader, qedLine: number | undefined): void {
  const { pending } = reader;
  if (pending.goal && pending.goalSpan && pending.proveLine !== undefined) {
    reader.theorems.push({
      index: reader.theorems.length + 1,
      declarations: pending.declarations,
      goal: pending.goal,
      goalSpan: pending.goalSpan,
      goalText: pending.goalText ?? '',
      ...(pending.name === undefined ? {} : { name: pending.name }),
      line: pending.proveLine,
      lines: pending.lines,
      ...(qedLine === undefined ? {} : { qedLine }),
    });
  }
  reader.pending = fresh();
}

/** `given A, B: m×n`: declarations of the pending theorem (before its `prove`). */
function readGiven(reader: Reader, line: SourceLine, start: number, end: number): void {
  if (reader.pending.goal) {
    reader.errors.push(odotError('proof-structure', '`given` after `prove`: declare the symbols before the statement', { span: spanOf(line, start, end) }));
    return;
  }
  const from = start + 'given'.length;
  const declText = line.text.slice(from, end);
  const lead = declText.length - declText.trimStart().length;
  const result = parseDeclarations(declText.trim());
  if (!result.ok) reader.errors.push(shiftSpans(result.error, originOf(line, from + lead)));
  else reader.pending.declarations.push(...shiftSpans(result.value, originOf(line, from + lead)));
}

/** `prove [name:] GOAL`: the goal, an equation or a claim; a goal that cannot be read skips its proof. */
function readProve(reader: Reader, line: SourceLine, start: number, end: number): void {
  const { pending } = reader;
  if (pending.goal) {
    reader.errors.push(odotError('proof-structure', 'a second `prove` before `proof`', { span: spanOf(line, start, end) }));
    return;
  }
  const named = /^\s*([A-Za-z][\w']*)\s*:(?!=)/.exec(line.text.slice(start + 'prove'.length, end));
  const goalStart = start + 'prove'.length + (named ? named[0].length : 0);
  const parsed = parseExprAt(line, goalStart, end, reader.dialect, givensFrom(pending.declarations));
  const goal = parsed.ok ? parsed.expr : undefined;
  if (goal === undefined || (goal.type !== 'Equal' && goal.type !== 'Claim')) {
    const span = goal?.span ?? spanOf(line, start, end);
    reader.errors.push(parsed.ok ? odotError('proof-goal', '`prove` needs an equation `L = R` or a claim such as `P ⊙ Q ⪰ 0`', { span }) : parsed.error);
    reader.skipping = true;
    reader.pending = fresh();
    return;
  }
  pending.goal = goal;
  pending.goalSpan = goal.span ?? spanOf(line, start, end);
  pending.goalText = line.text.slice(goalStart, end).trim();
  if (named) pending.name = named[1] as string;
  pending.proveLine = line.number;
}

/** `proof`: the body of the pending theorem starts on the next line. */
function readProofKeyword(reader: Reader, line: SourceLine, start: number, end: number): void {
  if (!reader.pending.goal) {
    reader.errors.push(odotError('proof-structure', '`proof` without a `prove` statement before it', { span: spanOf(line, start, end) }));
    reader.skipping = true;
    return;
  }
  if (line.text.slice(start + 'proof'.length, end).trim() !== '') {
    reader.errors.push(odotError('proof-structure', 'write the proof on the lines after `proof`', { span: spanOf(line, start, end) }));
  }
  reader.pending.inBody = true;
}

/** At the end of the text: a proof without `qed` (kept, with the error), a `prove` without a proof, or no theorem at all. */
function closeDocument(reader: Reader, lastLine: SourceLine | undefined): void {
  const at = lastLine ?? { number: 1, text: '', offset: 0 };
  const span = spanOf(at, 0, Math.max(1, at.text.length));
  if (reader.pending.inBody) {
    reader.errors.push(odotError('proof-missing-qed', 'the proof is not closed with `qed`', { span }));
    finishTheorem(reader, undefined);
  } else if (reader.pending.goal) {
    reader.errors.push(odotError('proof-structure', '`prove` without a proof', { span }));
  }
  if (reader.theorems.length === 0 && reader.errors.length === 0) {
    reader.errors.push(odotError('proof-empty', 'no theorem found: a proof file has `prove …`, `proof`, the chain and `qed`'));
  }
}

/**
 * Parses a bare proof body (the chain lines, optionally wrapped in `proof` … `qed`) against a
 * goal given from outside, e.g. a worksheet answer. Returns the lines and any structural errors.
 */
export function parseProofBody(source: string, options: ParseProofOptions = {}): { lines: ProofLine[]; errors: OdotError[] } {
  const dialect = options.dialect ?? 'plain';
  const lines: ProofLine[] = [];
  const errors: OdotError[] = [];
  let closed = false;
  for (const line of splitLines(source)) {
    const range = contentRange(line.text);
    if (!range) continue;
    const keyword = keywordOf(line.text, range[0]);
    if (keyword === 'proof' && lines.length === 0 && !closed) continue;
    if (keyword === 'qed') {
      closed = true;
      continue;
    }
    if (closed || keyword === 'given' || keyword === 'prove' || keyword === 'proof') {
      errors.push(odotError('proof-structure', closed ? 'text after `qed`' : `unexpected \`${keyword}\` in a proof body`, { span: spanOf(line, range[0], range[1]) }));
      continue;
    }
    lines.push(...parseBodyLine(line, dialect));
  }
  return { lines, errors };
}
