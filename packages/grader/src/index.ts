export type {
  AcceptOptions,
  ExpressionQuestion,
  GivenSpec,
  LiteralMatrixGiven,
  MatrixGiven,
  MatrixQuestion,
  PredictedMistake,
  ProofQuestion,
  PsdQuestion,
  Question,
  QuestionKind,
  RandomMatrixGiven,
  ShapeAnswer,
  ShapeQuestion,
  TrueFalseQuestion,
  Worksheet,
} from './worksheet.ts';
export { QUESTION_KINDS } from './worksheet.ts';
export type { Cell, Diagnosis, QuestionGrade, StudentGrade } from './result.ts';
export { roundScore } from './result.ts';
export { parseWorksheet } from './parse-worksheet.ts';
export { splitMarkdown } from './markdown.ts';
export type { FencedBlock, MarkdownNote } from './markdown.ts';
export type { Submission } from './submission.ts';
export { parseSubmission, studentFromFileName } from './submission.ts';
export type { IdentityParts } from './identity.ts';
export { normaliseIdentity, variantKey } from './identity.ts';
export type { Rng } from '@odot/numeric';
export { hashString, rngFor } from './rng.ts';
export type { Bindings } from './variant.ts';
export { instantiateMatrix, isRandomised, questionBindings } from './variant.ts';
export type { GradeOptions } from './grade.ts';
export { gradeAnswer, gradeSubmission, gradeSubmissionText, unreadableGrade } from './grade.ts';
export type { Misconception, Mutant } from './mutants.ts';
export { MISCONCEPTIONS, misconceptionMessage, mutantsOf } from './mutants.ts';
export type { QuestionReportJson, ReportJson, StudentReportJson } from './report.ts';
export { feedbackFileName, feedbackMarkdown, gradesCsv, reportJson, summaryTable } from './report.ts';
export type { SelfTestCheck, SelfTestOptions, SelfTestReport } from './self-test.ts';
export { modelSubmissionAnswer, selfTest } from './self-test.ts';
export { readShapeAnswer } from './shape-answer.ts';
