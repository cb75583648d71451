import { didYouMean, formatError, formatShape, givensFrom, inferShape, printLatex, resolveName, walkExpr, type Expr, type Givens, type NameTable } from '@odot/core';
import { DIALECTS, parse, parseDeclarations, type Dialect } from '@odot/parser';
import { formatRational, parseRational } from '@odot/numeric';
import { readShapeAnswer } from '@odot/grader';
import type { PageQuestion } from './page-types.ts';

/** The verdict of a live check: fine, a warning (it will still be graded), or an error (it cannot be graded as it is). */
export type CheckLevel = 'empty' | 'ok' | 'warning' | 'error';

/** One message of a live check; `formatted` carries the compiler-style caret when there is one. */
export interface CheckMessage {
  readonly level: 'warning' | 'error' | 'note';
  readonly text: string;
  readonly formatted?: string;
  /** 1-based line of a proof the message is about. */
  readonly line?: number;
}

/** What a live check found, and the LaTeX of what was understood (for the preview). */
export interface LiveCheck {
  readonly level: CheckLevel;
  readonly messages: readonly CheckMessage[];
  readonly latex?: string;
}

const EMPTY: LiveCheck = { level: 'empty', messages: [] };

function levelOf(messages: readonly CheckMessage[]): CheckLevel {
  if (messages.some((m) => m.level === 'error')) return 'error';
  return messages.some((m) => m.level === 'warning') ? 'warning' : 'ok';
}

/** The givens of a question from its declaration lines (empty when they do not parse). */
export function questionGivens(question: PageQuestion): Givens {
  const parsed = parseDeclarations(question.declarations.join('\n'));
  return parsed.ok ? givensFrom(parsed.value) : new Map();
}

const DIALECT_NAMES: Readonly<Record<Dialect, string>> = { plain: 'plain notation', latex: 'LaTeX', numpy: 'NumPy', matlab: 'MATLAB' };

/** Parses `text` in the first accepted dialect that reads it; else the first error, with a hint when another dialect reads it. */
export function parseAnswer(text: string, dialects: readonly Dialect[]): { ok: true; expr: Expr; notes: CheckMessage[] } | { ok: false; message: CheckMessage } {
  let first: CheckMessage | undefined;
  for (const dialect of dialects.length > 0 ? dialects : (['plain'] as const)) {
    const parsed = parse(text, { dialect });
    if (parsed.ok) {
      const notes = parsed.value.notes.map((n): CheckMessage => ({ level: 'note', text: n.message, formatted: formatError(n, text) }));
      return { ok: true, expr: parsed.value.expr, notes };
    }
    first ??= { level: 'error', text: parsed.error.message, formatted: formatError(parsed.error, text) };
  }
  const other = DIALECTS.find((d) => !dialects.includes(d) && parse(text, { dialect: d }).ok);
  const accepted = dialects.map((d) => DIALECT_NAMES[d]).join(' or ');
  const hint = other === undefined ? '' : `\n  = hint: this reads as ${DIALECT_NAMES[other]}, but this question accepts ${accepted}`;
  const base = first ?? { level: 'error' as const, text: 'cannot read this' };
  return { ok: false, message: { ...base, formatted: `${base.formatted ?? base.text}${hint}` } };
}

/** The identifiers an expression uses that the question does not declare. */
export function undeclaredSymbols(expr: Expr, givens: Givens): string[] {
  const names = new Set<string>();
  walkExpr(expr, (node) => {
    if (node.type === 'Identifier' && !givens.has(node.name)) names.add(node.name);
  });
  return [...names];
}

/** Live check of an expression answer: it parses, uses only declared symbols, and has the expected shape. */
export function checkExpression(text: string, question: PageQuestion): LiveCheck {
  if (text.trim() === '') return EMPTY;
  const parsed = parseAnswer(text, question.dialects);
  if (!parsed.ok) return { level: 'error', messages: [parsed.message] };
  const givens = questionGivens(question);
  const messages: CheckMessage[] = [...parsed.notes];
  const unknown = undeclaredSymbols(parsed.expr, givens);
  if (unknown.length > 0) {
    const known = [...givens.keys()].join(', ');
    messages.push({ level: 'error', text: `undeclared symbol${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}${known === '' ? '' : ` (this question has ${known})`}` });
  } else {
    const shape = inferShape(parsed.expr, givens);
    if (!shape.ok) messages.push({ level: 'error', text: shape.error.message, formatted: formatError(shape.error, text) });
    else if (question.expectedShape !== undefined && formatShape(shape.value) !== question.expectedShape) {
      messages.push({ level: 'warning', text: `wrong shape: expected ${question.expectedShape}, got ${formatShape(shape.value)}` });
    }
  }
  return { level: levelOf(messages), messages, latex: printLatex(parsed.expr) };
}

/** Reads one grid cell as an exact number (integer, decimal or fraction; `−` accepted); undefined if it is not one. */
export function readCell(text: string): string | undefined {
  const r = parseRational(text.trim().replace(/[−–]/g, '-'));
  return r === undefined ? undefined : formatRational(r);
}

function cellLatex(text: string): string {
  const t = text.trim().replace(/[−–]/g, '-');
  const frac = /^(-?)(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (frac) return `${frac[1] ?? ''}\\tfrac{${frac[2] ?? ''}}{${frac[3] ?? ''}}`;
  return /^[-+0-9.eE]+$/.test(t) ? t : '?';
}

/** Live check of a matrix grid: every cell an exact number, and the grid the expected shape. */
export function checkGrid(cells: readonly (readonly string[])[], question: PageQuestion): LiveCheck {
  if (cells.every((row) => row.every((c) => c.trim() === ''))) return EMPTY;
  const messages: CheckMessage[] = [];
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  const empty: string[] = [];
  cells.forEach((row, i) =>
    row.forEach((c, j) => {
      if (c.trim() === '') empty.push(`(${i + 1},${j + 1})`);
      else if (readCell(c) === undefined) messages.push({ level: 'error', text: `cell (${i + 1},${j + 1}): '${c.trim()}' is not a number (write an integer, a decimal or a fraction such as 1/2)` });
    }),
  );
  if (empty.length === 1) messages.push({ level: 'error', text: `cell ${empty[0] ?? ''} is empty` });
  else if (empty.length > 1) messages.push({ level: 'error', text: `${empty.length} cells are empty: ${empty.join(', ')}` });
  if (question.expectedShape !== undefined && question.expectedShape !== `${rows}×${cols}`) {
    messages.push({ level: 'warning', text: `wrong shape: expected ${question.expectedShape}, got ${rows}×${cols}` });
  }
  const latex = `\\begin{pmatrix}${cells.map((row) => row.map(cellLatex).join(' & ')).join(' \\\\ ')}\\end{pmatrix}`;
  return { level: levelOf(messages), messages, latex };
}

/** Live check of a shape answer (`2×3`, `2x3`, `m×n`, `scalar`, `undefined`). */
export function checkShapeText(text: string): LiveCheck {
  if (text.trim() === '') return EMPTY;
  const shape = readShapeAnswer(text);
  if (shape === undefined) return { level: 'error', messages: [{ level: 'error', text: `'${text.trim()}' is not a shape: write rows×columns (2×3 or 2x3), scalar, or undefined` }] };
  const latex = shape.kind === 'matrix' ? `${shape.rows} \\times ${shape.cols}` : `\\text{${shape.kind}}`;
  return { level: 'ok', messages: [], latex };
}

/** The catalogue name a typed law name stands for (core's `resolveName`: aliases, case, spaces and hyphens forgiven), if any. */
export function knownLaw(name: string, laws: NameTable): string | undefined {
  const r = resolveName(name, laws);
  return r.kind === 'exact' || r.kind === 'alias' ? r.name : undefined;
}

/**
 * Live check of a law name given as a reason or a proof step's justification, read as the grader
 * reads it (the same resolver): a name or alias passes, a one-letter typo gets a note saying which
 * law it is read as, anything else a warning with "did you mean".
 */
export function checkLawName(name: string, laws: NameTable, allowAlgebra = false): CheckMessage | undefined {
  if (name.trim() === '') return undefined;
  if (allowAlgebra && name.trim().toLowerCase() === 'algebra') return undefined;
  const r = resolveName(name, laws);
  switch (r.kind) {
    case 'exact':
    case 'alias':
      return undefined;
    case 'typo':
      return { level: 'note', text: r.note };
    case 'unknown': {
      const hint = didYouMean(r) ?? 'pick one from the list';
      return { level: 'warning', text: `'${name.trim()}' is not a law name of the catalogue (${hint})` };
    }
  }
}

/** Live check of a true/false answer's optional reason. */
export function checkReason(reason: string, laws: NameTable): LiveCheck {
  const message = checkLawName(reason, laws);
  if (reason.trim() === '') return EMPTY;
  const latex = `\\text{by ${reason.trim().replace(/_/g, '\\_')}}`;
  if (!message) return { level: 'ok', messages: [], latex };
  return message.level === 'note' ? { level: 'ok', messages: [message], latex } : { level: 'warning', messages: [message] };
}

/** Live check of a psd certificate: a law name (`schur`), or a vector/matrix literal. */
export function checkCertificate(text: string, question: PageQuestion, laws: NameTable): LiveCheck {
  if (text.trim() === '') return EMPTY;
  if (/^[A-Za-z_][\w\s-]*$/.test(text.trim()) && !/^[A-Z]$/.test(text.trim())) {
    const message = checkLawName(text, laws);
    const isSchur = /^schur/i.test(text.trim());
    return message && !isSchur ? { level: levelOf([message]), messages: [message] } : { level: 'ok', messages: [] };
  }
  const { expectedShape: _shape, ...rest } = question;
  return checkExpression(text, rest);
}

const STEP = /^=\s*(.*?)(?:\s+by\s+(.+))?$/;

/**
 * Live check of a proof, line by line: the first line is an expression, every later line is
 * `= EXPR by LAW`; a step without `by LAW` is flagged, so is a law name the catalogue lacks.
 */
export function checkProof(text: string, question: PageQuestion, laws: NameTable): LiveCheck {
  if (text.trim() === '') return EMPTY;
  const messages: CheckMessage[] = [];
  const latexLines: string[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let seenStart = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (line === '' || line.startsWith('#')) return;
    if (!seenStart && !line.startsWith('=')) {
      seenStart = true;
      const parsed = parseAnswer(line, question.dialects);
      if (!parsed.ok) messages.push({ ...parsed.message, line: n, text: `line ${n}: ${parsed.message.text}` });
      else latexLines.push(`& ${printLatex(parsed.expr)}`);
      return;
    }
    seenStart = true;
    const step = STEP.exec(line);
    if (!step) {
      messages.push({ level: 'error', line: n, text: `line ${n}: a step starts with '=' (= EXPR by LAW)` });
      return;
    }
    const parsed = parseAnswer(step[1] ?? '', question.dialects);
    if (!parsed.ok) messages.push({ ...parsed.message, line: n, text: `line ${n}: ${parsed.message.text}` });
    else latexLines.push(`&= ${printLatex(parsed.expr)}${step[2] ? ` \\quad \\text{by ${step[2].trim().replace(/_/g, '\\_')}}` : ''}`);
    if (step[2] === undefined) messages.push({ level: 'error', line: n, text: `line ${n}: missing \`by LAW\` (say which law justifies this step)` });
    else {
      const law = checkLawName(step[2], laws, question.byAlgebra);
      if (law) messages.push({ ...law, line: n, text: `line ${n}: ${law.text}` });
    }
  });
  const latex = latexLines.length === 0 ? undefined : `\\begin{aligned}${latexLines.join(' \\\\ ')}\\end{aligned}`;
  return { level: levelOf(messages), messages, ...(latex === undefined ? {} : { latex }) };
}

/** Live check of a typed true/false (`true`, `false`, `t`, `f`): `ture` and friends are caught here, not graded 0. */
export function checkTruth(text: string): LiveCheck {
  const t = text.trim().toLowerCase();
  if (t === '') return EMPTY;
  if (['true', 't', 'false', 'f'].includes(t)) return { level: 'ok', messages: [], latex: `\\text{${t.startsWith('t') ? 'true' : 'false'}}` };
  return { level: 'error', messages: [{ level: 'error', text: `'${text.trim()}' is not true or false: write true or false` }] };
}

/** Live check of a typed psd verdict (`yes`, `no`, `y`, `n`). */
export function checkVerdict(text: string): LiveCheck {
  const t = text.trim().toLowerCase();
  if (t === '') return EMPTY;
  if (['yes', 'y', 'no', 'n'].includes(t)) return { level: 'ok', messages: [], latex: `\\text{${t.startsWith('y') ? 'yes' : 'no'}}` };
  return { level: 'error', messages: [{ level: 'error', text: `'${text.trim()}' is not yes or no: write yes or no` }] };
}
