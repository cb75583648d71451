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
export type { AppliedOverride, Cell, Diagnosis, GradeWarning, QuestionGrade, StudentGrade } from './result.ts';
export { roundScore } from './result.ts';
export { parseWorksheet } from './parse-worksheet.ts';
export { prepareWorksheet } from './proof-engine.ts';
export { splitMarkdown } from './markdown.ts';
export type { FencedBlock, MarkdownNote } from './markdown.ts';
export type { Submission } from './submission.ts';
export { parseSubmission, readTimestamp, studentFromFileName } from './submission.ts';
export type { IdentityParts } from './identity.ts';
export { normaliseIdentity, rosterIdHash, variantKey } from './identity.ts';
export type { Rng } from '@odot/numeric';
export { hashString, rngFor } from './rng.ts';
export type { Bindings } from './variant.ts';
export { instantiateMatrix, isRandomised, questionBindings } from './variant.ts';
export type { GradeOptions } from './grade.ts';
export { answerTimeLimit, gradeAnswer, gradeSubmission, gradeSubmissionText, unreadableGrade } from './grade.ts';
export { DEFAULT_ANSWER_TIME_MS, readTimeLimit } from './time-limit.ts';
export type { Misconception, Mutant } from './mutants.ts';
export { MISCONCEPTIONS, misconceptionMessage, mutantsOf } from './mutants.ts';
export type { QuestionReportJson, QuestionSummaryJson, ReportExtras, ReportJson, StudentReportJson } from './report.ts';
export { feedbackFileName, feedbackNames, gradesCsv, questionLines, reportJson, summaryTable } from './report.ts';
export { answerText, feedbackMarkdown, questionProse } from './feedback.ts';
export { feedbackHtml, reportHtml } from './report-html.ts';
export { escapeHtml, htmlPage, markdownToHtml } from './html.ts';
export { csvField, csvLine, parseCsv } from './csv.ts';
export type { ClaimedIdentity, Roster, RosterMatch, RosterRow } from './roster.ts';
export { matchRoster, parseRoster } from './roster.ts';
export type { MatchedAnswers } from './answer-keys.ts';
export { answerKeyForm, matchAnswerKeys } from './answer-keys.ts';
export type { ArchiveContents, ArchiveEntry, ArchiveLimits, LmsHint, SkippedEntry } from './lms-zip.ts';
export { ARCHIVE_LIMITS, lmsHintOf, readArchive } from './lms-zip.ts';
export type { Distribution, DistributionBin, ItemAnalysis, QuestionStats } from './item-analysis.ts';
export { cronbachAlpha, distributionOf, itemAnalysis, mean, pearson, topMisconception, variance } from './item-analysis.ts';
export type { Override } from './overrides.ts';
export { applyOverrides, parseOverrides } from './overrides.ts';
export type { ClassGrades, ClassOptions } from './class.ts';
export { dropDuplicates, finishClass } from './class.ts';
export type { GradeFormat, GradesFileOptions } from './formats.ts';
export { GRADE_FORMATS, canvasCsv, gradesFile, moodleCsv } from './formats.ts';
export type { SelfTestCheck, SelfTestOptions, SelfTestReport } from './self-test.ts';
export { modelSubmissionAnswer, selfTest } from './self-test.ts';
export { readShapeAnswer } from './shape-answer.ts';
export type { HandoutStudent } from './handout.ts';
export { answerInstructions, handoutHtml, handoutMarkdown } from './handout.ts';
export type { ForbiddenExpr, RandomConstraint } from './worksheet.ts';
export { RANDOM_CONSTRAINTS } from './worksheet.ts';
export { MAX_DRAWS, drawRandomMatrix } from './random-matrix.ts';
export type { CertificateReading, PsdCertificateInput } from './psd-certificate.ts';
export { readCertificate } from './psd-certificate.ts';
