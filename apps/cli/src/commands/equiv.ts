import { inferShape, printPlain } from '@odot/core';
import { formatValue, valueToJson } from '@odot/numeric';
import { equivalent, type EquivalenceVerdict } from '@odot/rewrite';
import { EXIT, type Command } from '../command.ts';
import {
  DIALECT_OPTION,
  GIVEN_OPTION,
  InputError,
  JSON_OPTION,
  dialectOf,
  givensOf,
  parseArgument,
  readExpressionText,
  withInputErrors,
} from '../input.ts';
import { bindingLines, bindingsJson, stepJson, stepLine } from '../rewrite-format.ts';

const LAYER_TEXT: Record<EquivalenceVerdict['layer'], string> = {
  canonical: 'same canonical form',
  'normal-form': 'same normal form',
  search: 'bounded search',
  numeric: 'exact random testing',
};

function verdictJson(v: EquivalenceVerdict): unknown {
  return {
    equivalent: v.equivalent,
    method: v.method,
    layer: v.layer,
    steps: v.steps.map(stepJson),
    ...(v.counterexample
      ? {
          counterexample: {
            bindings: bindingsJson(v.counterexample.bindings),
            sizes: Object.fromEntries(v.counterexample.sizes),
            left: valueToJson(v.counterexample.left, true),
            right: valueToJson(v.counterexample.right, true),
          },
        }
      : {}),
    ...(v.errorBound === undefined ? {} : { errorBound: v.errorBound }),
    ...(v.limit ? { limit: v.limit } : {}),
    explanation: v.explanation,
  };
}

function verdictText(lhs: string, v: EquivalenceVerdict): string[] {
  switch (v.method) {
    case 'proved':
      return [`equivalent (proved: ${LAYER_TEXT[v.layer]})`, ...(v.steps.length > 0 ? [`  ${lhs}`, ...v.steps.map(stepLine)] : [])];
    case 'refuted': {
      const c = v.counterexample;
      return [
        'not equivalent (refuted by a counterexample)',
        ...(c
          ? [
              ...bindingLines(c.bindings),
              `left  = ${formatValue(c.left).replace(/\n/g, '\n        ')}`,
              `right = ${formatValue(c.right).replace(/\n/g, '\n        ')}`,
            ]
          : []),
      ];
    }
    case 'equal-by-testing':
      return [`equivalent (by testing, no proof found; error bound ${v.errorBound ?? '?'})`, v.explanation];
    case 'unknown':
      return ['unknown', v.explanation];
  }
}

/** `odot equiv LHS RHS`: decides whether two expressions are equal for all values of their symbols. */
export const equivCommand: Command = {
  name: 'equiv',
  summary: 'decide whether two expressions are equal: a proof, a counterexample, or a tested verdict',
  usage: 'equiv LHS RHS [--given DECL]... [--json] [--dialect D]',
  details: [
    'Layers: same canonical form; same normal form (the steps are the proof); exact random testing for a',
    'counterexample; a bounded search for a proof; else "equivalent by testing" with an error bound.',
    'JSON: {"equivalent", "method": "proved"|"refuted"|"equal-by-testing"|"unknown", "steps", "counterexample"?}.',
    'Exit codes: 0 equivalent, 1 not equivalent, 3 unknown, 2 input error (including shape errors).',
    "Example: odot equiv '(A ⊙ B)ᵀ' 'Bᵀ ⊙ Aᵀ' --given 'A, B: m×n'",
  ].join('\n'),
  arity: [2, 2],
  options: [GIVEN_OPTION, JSON_OPTION, DIALECT_OPTION],
  run: (args, context) =>
    withInputErrors(context, async () => {
      const givens = givensOf(args);
      const dialect = dialectOf(args);
      const lhsText = await readExpressionText(args.positionals[0] ?? '', context);
      const rhsText = await readExpressionText(args.positionals[1] ?? '', context);
      const lhs = parseArgument(lhsText, dialect, context);
      const rhs = parseArgument(rhsText, dialect, context);
      for (const [e, t] of [
        [lhs, lhsText],
        [rhs, rhsText],
      ] as const) {
        const shape = inferShape(e, givens);
        if (!shape.ok) throw new InputError(shape.error, t);
      }
      const result = equivalent(lhs, rhs, givens);
      if (!result.ok) throw new InputError(result.error);
      const v = result.value;
      if (args.flags.has('json')) context.stdout(`${JSON.stringify(verdictJson(v))}\n`);
      else context.stdout(`${verdictText(printPlain(lhs), v).join('\n')}\n`);
      return v.method === 'refuted' ? EXIT.no : v.method === 'unknown' ? EXIT.unknown : EXIT.ok;
    }),
};
