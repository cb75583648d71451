export type {
  ClaimLine,
  EquationLine,
  Goal,
  InvalidLine,
  LawCitation,
  ProofDocument,
  ProofLine,
  StartLine,
  StepLine,
  Theorem,
} from './proof-ast.ts';
export type { ParseProofOptions } from './parse-proof.ts';
export { parseProof, parseProofBody } from './parse-proof.ts';
export { extractProofBlocks, looksLikeMarkdown } from './markdown.ts';
export type { CheckContext, CheckOptions, ExercisePolicy } from './check-proof.ts';
export { SPECIAL_LAWS, checkContext, checkLines, checkProof, checkTheorem, checkTransition } from './check-proof.ts';
export type { Counterexample, ProofReport, ProofReportJson, SplitStep, StepCode, StepJson, StepReport, StepStatus, TheoremReport } from './report.ts';
export { reportToJson, statusOf, stepToJson } from './report.ts';
export { formatReport } from './format-report.ts';
export type { HintResult, ProofHint } from './hint.ts';
export { formatHint, hintProof } from './hint.ts';
export type { ProofCertificate } from './certificate.ts';
export { certificateProof } from './certificate.ts';
export { chainLine } from './chain-text.ts';
export type { ProofFailure, ProofGrade, ProofTask } from './grade.ts';
export { checkProofAgainst, gradeFromReport } from './grade.ts';
export type { AppliedStep } from './applied-step.ts';
export type { EntrywiseLaw } from './entrywise-laws.ts';
export { ENTRYWISE_LAWS, findEntrywiseLaw } from './entrywise-laws.ts';
export { applyEntrywiseLaw } from './entrywise.ts';
export type { LawEngine } from './law-engine.ts';
export { combineEngines, entrywiseEngine } from './law-engine.ts';
export type { SearchLimits, SearchResult } from './search.ts';
export { DEFAULT_LIMITS, searchSteps } from './search.ts';
export type { RecordedStep, ReplayVerdict } from './replay.ts';
export { replayStep } from './replay.ts';
export type {
  AlgebraProver,
  AlgebraVerdict,
  CheckerBackend,
  ClaimProver,
  ClaimVerdict,
  LawRule,
  MissingCondition,
  NumericChecker,
  NumericVerdict,
} from './backend.ts';
export { defaultBackend } from './default-backend.ts';
export { exprKey, sameExpr } from './expr-tools.ts';
export type { KindContext, PatternCondition, PatternRule } from './pattern.ts';
export type { LineRef } from './step-report.ts';
