import { givensFrom, inferShape, printPlain, type Declaration, type Expr } from '@odot/core';
import { certificateProof } from '@odot/proof';
import { formatValue, testedSizesText, valueToJson } from '@odot/numeric';
import { equivalent, type EquivalenceVerdict } from '@odot/rewrite';
import { EXIT, type Command, type CommandContext, type OptionSpec } from '../command.ts';
import { commandBudget, timeLimitOption, withinBudget } from '../time-budget.ts';
import {
  DIALECT_OPTION,
  GIVEN_OPTION,
  InputError,
  JSON_OPTION,
  declarationsOf,
  dialectOf,
  parseArgument,
  readExpressionText,
  withInputErrors,
} from '../input.ts';
import { bindingLines, bindingsJson, sizeLines, stepJson, stepLine } from '../rewrite-format.ts';

const LAYER_TEXT: Record<EquivalenceVerdict['layer'], string> = {
  canonical: 'same canonical form',
  'normal-form': 'same normal form',
  'index-normal-form': 'same index normal form',
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
            ...(v.counterexample.indices.size > 0 ? { indices: Object.fromEntries(v.counterexample.indices) } : {}),
            left: valueToJson(v.counterexample.left, true),
            right: valueToJson(v.counterexample.right, true),
          },
        }
      : {}),
    ...(v.indexNormalForms ? { indexNormalForms: { left: v.indexNormalForms[0], right: v.indexNormalForms[1] } } : {}),
    ...(v.fragment ? { fragment: v.fragment } : {}),
    ...(v.errorBound === undefined ? {} : { errorBound: v.errorBound }),
    ...(v.sizesTested ? { sizesTested: v.sizesTested.map((sizes) => Object.fromEntries(sizes)) } : {}),
    ...(v.untestedSizes === undefined ? {} : { untestedSizes: v.untestedSizes }),
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
      const sizes = sizeLines(c?.sizes);
      const indices = c && c.indices.size > 0 ? [`indices: ${[...c.indices].map(([k, n]) => `${k} = ${n}`).join(', ')}`] : [];
      return [
        'not equivalent (refuted by a counterexample)',
        ...sizes,
        ...indices,
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
      // With symbolic sizes the test tried finitely many: say so in the verdict line itself.
      return v.untestedSizes
        ? [
            `equivalent at the sizes tried (by testing, no proof found; error bound ${v.errorBound ?? '?'} at those sizes; other sizes untested)`,
            `sizes tried: ${testedSizesText(v.sizesTested ?? [])}`,
            v.explanation,
          ]
        : [`equivalent (by testing, no proof found; error bound ${v.errorBound ?? '?'})`, v.explanation];
    case 'unknown':
      return ['unknown', v.explanation];
  }
}

/** `--explain`: the index normal forms of both sides (or why the sides are outside the fragment). */
function explainLines(v: EquivalenceVerdict): string[] {
  if (v.indexNormalForms) {
    const [l, r] = v.indexNormalForms;
    return ['index normal forms (summed indices explicit):', `  left:  ${l}`, `  right: ${r}`, l === r ? '  the same: equal for every size and every value' : '  different'];
  }
  return [`index normal form: ${v.fragment ?? 'not computed'}`];
}

const EXPLAIN_OPTION: OptionSpec = { name: 'explain', type: 'boolean', description: 'print the index normal forms of both sides' };
const PROOF_OPTION: OptionSpec = { name: 'proof', type: 'boolean', description: 'print a proof file that `odot check` accepts (for a proved equivalence)' };

/** `--proof`: the certificate as a proof file on stdout (in JSON, its text as `proof`); exit 3 when there is no proof. */
function printProof(lhs: Expr, rhs: Expr, v: EquivalenceVerdict, declarations: readonly Declaration[], json: boolean, context: CommandContext): number {
  const certificate = certificateProof(lhs, rhs, v, declarations);
  if (json) {
    context.stdout(`${JSON.stringify({ ...(verdictJson(v) as object), ...(certificate.ok ? { proof: certificate.text } : { proofError: certificate.reason }) })}\n`);
  } else if (certificate.ok) {
    context.stdout(certificate.text);
  } else {
    context.stderr(`error: ${certificate.reason}\n`);
    context.stdout(`${verdictText(printPlain(lhs), v).join('\n')}\n`);
  }
  if (v.method === 'refuted') return EXIT.no;
  return certificate.ok ? EXIT.ok : EXIT.unknown;
}

const TIME_LIMIT_OPTION = timeLimitOption('stop the whole command after MS milliseconds: reading and parsing the sides count, each layer gets the time left');

/** `odot equiv LHS RHS`: decides whether two expressions are equal for all values of their symbols. */
export const equivCommand: Command = {
  name: 'equiv',
  summary: 'decide whether two expressions are equal: a proof, a counterexample, or a tested verdict',
  usage: 'equiv LHS RHS [--given DECL]... [--json] [--explain] [--proof] [--time-limit MS] [--dialect D]',
  details: [
    'Layers: same canonical form; same normal form (the steps are the proof); the index normal form of the',
    'polynomial fragment (equal forms prove it for every size, different ones are refuted by an exact',
    'counterexample); outside it, exact random testing and a bounded search for a proof; else "equivalent by',
    'testing" with an error bound and the sizes tried.',
    'JSON: {"equivalent", "method": "proved"|"refuted"|"equal-by-testing"|"unknown", "layer", "steps",',
    '"indexNormalForms"?: {"left", "right"}, "fragment"?, "counterexample"?, "errorBound"?, "sizesTested"?,',
    '"untestedSizes"?, "limit"?}. With symbolic sizes a tested verdict holds at the sizes tried only',
    '("untestedSizes": true). --explain prints the index normal forms.',
    '--proof prints, for a proved equivalence, a proof file (given, prove, the steps citing their laws, qed)',
    'that `odot check` accepts; with --json it is the "proof" field. When the goal is itself a law (the',
    "engine's proof would cite it: circular), the proof is entrywise ((L)[i,j] = … = (R)[i,j], then L = R by",
    'ext) or from other laws. Without a proof (refuted: exit 1; only tested or unknown, or no non-circular',
    'proof found within the limits: exit 3) it says why on stderr.',
    '--time-limit MS bounds the whole command, parsing the sides included: each layer gets at most the time left',
    '(default: the layers\' own budgets, about 7 s at most); a verdict the clock stopped says so ("limit": {"kind":',
    '"time", "value": MS}); stopped while still reading the sides, it is a limit error (exit 3).',
    'Exit codes: 0 equivalent, 1 not equivalent, 3 unknown, 2 input error (including shape errors).',
    "Example: odot equiv '(A ⊙ B)ᵀ' 'Bᵀ ⊙ Aᵀ' --given 'A, B: m×n'",
  ].join('\n'),
  arity: [2, 2],
  options: [GIVEN_OPTION, JSON_OPTION, EXPLAIN_OPTION, PROOF_OPTION, TIME_LIMIT_OPTION, DIALECT_OPTION],
  run: (args, context) =>
    withInputErrors(context, async () => {
      const declarations = declarationsOf(args);
      const givens = givensFrom(declarations);
      const dialect = dialectOf(args);
      const lhsText = await readExpressionText(args.positionals[0] ?? '', context);
      const rhsText = await readExpressionText(args.positionals[1] ?? '', context);
      // --time-limit: one clock from parsing the sides to printing the verdict.
      const budget = commandBudget(args);
      const lhs = parseArgument(lhsText, dialect, context, givens, budget);
      const rhs = parseArgument(rhsText, dialect, context, givens, budget);
      for (const [e, t] of [
        [lhs, lhsText],
        [rhs, rhsText],
      ] as const) {
        const shape = withinBudget(budget, 'reading the sides', () => inferShape(e, givens));
        if (!shape.ok) throw new InputError(shape.error, t);
      }
      const certificate = args.flags.has('json') || args.flags.has('explain');
      const result = equivalent(lhs, rhs, givens, { certificate, ...(budget === undefined ? {} : { budget }) });
      if (!result.ok) throw new InputError(result.error);
      const v = result.value;
      if (args.flags.has('proof')) return printProof(lhs, rhs, v, declarations, args.flags.has('json'), context);
      if (args.flags.has('json')) context.stdout(`${JSON.stringify(verdictJson(v))}\n`);
      else {
        const explain = args.flags.has('explain') ? explainLines(v) : [];
        context.stdout(`${[...verdictText(printPlain(lhs), v), ...explain].join('\n')}\n`);
      }
      return v.method === 'refuted' ? EXIT.no : v.method === 'unknown' ? EXIT.unknown : EXIT.ok;
    }),
};
