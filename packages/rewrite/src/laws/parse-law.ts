import { OdotException, odotError, stripSpans, type Declaration, type Expr } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import type { LawSpec } from '../law.ts';

/**
 * A law's text read by the parser: the statement, the declarations of its variables and the
 * premise of a rule, without spans. The build precompiles these (`parsed.generated.ts`), so
 * start-up does not parse the catalogue; a test checks the two agree.
 */
export interface ParsedLawText {
  /** The texts it was read from, to detect a stale precompiled entry. */
  readonly statement: string;
  readonly given: string;
  readonly premise?: string;
  readonly expr: Expr;
  readonly declarations: readonly Declaration[];
  readonly premiseExpr?: Expr;
}

/** The error of a law whose text does not read (a bug in a family file, caught by the tests). */
export function lawError(spec: Pick<LawSpec, 'name'>, message: string): OdotException {
  return new OdotException(odotError('bad-law', `law ${spec.name}: ${message}`));
}

function declarationsOf(spec: LawSpec): Declaration[] {
  if (spec.given.trim() === '') return [];
  const parsed = parseDeclarations(spec.given);
  if (!parsed.ok) throw lawError(spec, parsed.error.message);
  return parsed.value.map((d) => {
    const { span: _span, ...rest } = d;
    return rest;
  });
}

/** Parses a law's statement, declarations and premise (throws `bad-law` on a malformed law). */
export function parseLawText(spec: LawSpec): ParsedLawText {
  const read = (text: string): Expr => {
    try {
      return stripSpans(parseExpr(text));
    } catch (error) {
      if (error instanceof OdotException) throw lawError(spec, error.error.message);
      throw error;
    }
  };
  return {
    statement: spec.statement,
    given: spec.given,
    ...(spec.premise !== undefined ? { premise: spec.premise } : {}),
    expr: read(spec.statement),
    declarations: declarationsOf(spec),
    ...(spec.premise !== undefined ? { premiseExpr: read(spec.premise) } : {}),
  };
}
