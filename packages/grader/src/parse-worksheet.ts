import { fail, ok, OdotException, type OdotError, type Result, type Span } from '@odot/core';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { splitMarkdown } from './markdown.ts';
import { readQuestion } from './question-spec.ts';
import { MAX_ALIASES, aliasBombReason, isAliasBomb, tooDeepReason } from './read-data.ts';
import { readTimeLimit } from './time-limit.ts';
import { scanYaml } from './yaml-depth.ts';
import type { Question, Worksheet } from './worksheet.ts';

function lineSpan(source: string, line: number, column = 1): Span {
  const lines = source.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
  const length = Math.max(1, (lines[line - 1]?.replace(/\r$/, '').length ?? 1) - column + 1);
  return {
    start: { line, column, offset: offset + column - 1 },
    end: { line, column: column + length, offset: offset + column - 1 + length },
  };
}

/** The 1-based line and column of a character offset in `text`. */
function lineColumnAt(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

/** An unquoted `key: value` line whose value holds another `: ` (YAML reads it as a nested key). */
const COLON_IN_VALUE = /^\s*(?:-\s+)?[\w ]+:\s+(?!["'|>])[^#]*?:(?:\s|$)/;

/** A hint for the usual cause of a YAML error on `line`, if it is that. */
function yamlHint(line: string): string | undefined {
  return COLON_IN_VALUE.test(line) ? 'quote the text: a `: ` inside an unquoted value starts a new key' : undefined;
}

/**
 * Reads one YAML part of a worksheet (the frontmatter or a question block starting at `firstLine`).
 * Nesting past `MAX_DATA_DEPTH` is refused before the yaml library runs (`too-deep`, located), an
 * alias bomb is `too-many-aliases` at its first alias, a syntax error is `bad-yaml` with a hint.
 */
function yamlAt(text: string, firstLine: number, source: string, what: string): unknown {
  const scan = scanYaml(text);
  if (scan.tooDeep) {
    const { line, column } = scan.tooDeep;
    throw new OdotException({ code: 'too-deep', severity: 'error', message: `${what}: ${tooDeepReason(scan.tooDeep.limit)}`, span: lineSpan(source, firstLine + line - 1, column) });
  }
  try {
    return parseYaml(text, { prettyErrors: false, uniqueKeys: true, maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (isAliasBomb(error)) {
      const at = scan.firstAlias ?? { line: 1, column: 1 };
      throw new OdotException({ code: 'too-many-aliases', severity: 'error', message: `${what}: ${aliasBombReason()}`, span: lineSpan(source, firstLine + at.line - 1, at.column) });
    }
    if (error instanceof YAMLParseError) {
      const at = lineColumnAt(text, error.pos[0]);
      const lines = text.split('\n');
      // A colon inside a value may be noticed on the next line; point at the line that has it.
      const colonLine = [at.line, at.line - 1].find((l) => yamlHint(lines[l - 1] ?? '') !== undefined);
      const hint = colonLine === undefined ? undefined : yamlHint(lines[colonLine - 1] ?? '');
      const line = firstLine + (colonLine ?? at.line) - 1;
      const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
      throw new OdotException({
        code: 'bad-yaml',
        severity: 'error',
        message: `${what}: ${reason} (line ${line})${hint ? `; ${hint}` : ''}`,
        span: lineSpan(source, line, colonLine === undefined || colonLine === at.line ? at.col : 1),
      });
    }
    throw error;
  }
}

function withLine(error: OdotError, source: string, line: number): OdotError {
  return error.span ? error : { ...error, span: lineSpan(source, line) };
}

/**
 * Parses a worksheet: Markdown with YAML frontmatter (`worksheet`, `title`, `seed`) and one fenced
 * `` ```question `` YAML block per question; the prose before a block is that question's text. Every
 * expression, declaration and random spec is parsed here, so a worksheet that loads has no
 * unparsable question. Errors point at the offending line.
 */
export function parseWorksheet(source: string): Result<Worksheet> {
  try {
    const note = splitMarkdown(source);
    if (note.frontmatter.trim() === '') {
      return fail({ code: 'bad-worksheet', severity: 'error', message: 'the worksheet has no YAML frontmatter (--- worksheet: ID ---)', span: lineSpan(source, 1) });
    }
    const front = yamlAt(note.frontmatter, note.frontmatterLine, source, 'frontmatter');
    if (typeof front !== 'object' || front === null || Array.isArray(front)) {
      return fail({ code: 'bad-worksheet', severity: 'error', message: 'the frontmatter must be a YAML map', span: lineSpan(source, note.frontmatterLine) });
    }
    const fm = front as Record<string, unknown>;
    const rawId: unknown = Array.isArray(fm['worksheet']) ? fm['worksheet'][0] : fm['worksheet'];
    if (typeof rawId !== 'string' || rawId.trim() === '') {
      return fail({ code: 'bad-worksheet', severity: 'error', message: 'the frontmatter needs `worksheet: ID`', span: lineSpan(source, note.frontmatterLine) });
    }
    if (note.blocks.length === 0) {
      return fail({ code: 'bad-worksheet', severity: 'error', message: 'the worksheet has no ```question blocks', span: lineSpan(source, 1) });
    }
    const questions: Question[] = [];
    const ids = new Set<string>();
    for (const block of note.blocks) {
      const value = yamlAt(block.body, block.bodyLine, source, 'question block');
      try {
        const question = readQuestion(value, block.proseBefore, block.bodyLine - 1);
        if (ids.has(question.id)) throw new OdotException({ code: 'bad-question', severity: 'error', message: `question id '${question.id}' is used twice` });
        ids.add(question.id);
        questions.push(question);
      } catch (error) {
        if (error instanceof OdotException) {
          const id = typeof value === 'object' && value !== null && 'id' in value ? String(value.id) : '?';
          const field = /^`?([a-z_]+)[`.:\s]/.exec(error.error.message)?.[1];
          const offset = field === undefined ? -1 : block.body.split('\n').findIndex((l) => new RegExp(`^\\s*${field}\\s*:`).test(l));
          const line = offset >= 0 ? block.bodyLine + offset : block.bodyLine - 1;
          return fail(withLine({ ...error.error, message: `question ${id}: ${error.error.message}` }, source, line));
        }
        throw error;
      }
    }
    const seed = fm['seed'];
    const timeLimitMs = readTimeLimit(fm['time_limit'], 'time_limit', 'bad-worksheet');
    return ok({
      id: rawId.trim(),
      title: typeof fm['title'] === 'string' ? fm['title'] : rawId.trim(),
      seed: typeof seed === 'string' || typeof seed === 'number' ? String(seed) : rawId.trim(),
      frontmatter: fm,
      questions,
      maxScore: questions.reduce((s, q) => s + q.points, 0),
      ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
    });
  } catch (error) {
    if (error instanceof OdotException) return fail(error.error);
    return fail({ code: 'bad-worksheet', severity: 'error', message: `cannot read the worksheet: ${(error as Error).message}` });
  }
}
