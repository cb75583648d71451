export type { Rational } from './rational.ts';
export {
  ONE,
  ZERO,
  formatRational,
  parseRational,
  rabs,
  radd,
  rational,
  rationalFromNumber,
  rationalToNumber,
  decimalOf,
  rcmp,
  rdiv,
  requals,
  rinv,
  rmul,
  rneg,
  rpow,
  rsign,
  rsub,
} from './rational.ts';
export type { Field } from './field.ts';
export { FLOAT_FIELD, MERSENNE_61, RATIONAL_FIELD, modularField } from './field.ts';
export type { EntryInput, ExactMatrix, FloatMatrix, Matrix } from './matrix.ts';
export {
  entryAsNumber,
  exactFromData,
  exactMatrix,
  floatFromData,
  floatMatrix,
  formatMatrix,
  matrixRows,
  toExact,
  toFloat,
} from './matrix.ts';
export type { BooleanValue, ScalarValue, Value } from './value.ts';
export { formatValue, isMatrix, scalarValue, valueShape, valueToJson, valuesEqual } from './value.ts';
export type { Bindings, EvaluateOptions, NumberTable } from './evaluate.ts';
export { FLOAT_EQUAL_TOLERANCE, evaluate } from './evaluate.ts';
export type { SymmetricEigen, SymmetricEigenOptions } from './eigen.ts';
export { SYMMETRY_TOLERANCE, symmetricEigen, symmetricEigenvalues } from './eigen.ts';
export type { Definiteness, PsdCertificate, PsdMethod, PsdOptions, PsdReport } from './psd.ts';
export { psdTest, psdTolerance, quadraticForm, unpivotedLdl, verifyFactorization } from './psd.ts';
export type { Rng } from './rng.ts';
export { createRng, rngFromUint32 } from './rng.ts';
export type { RandomInstance, RandomInstanceOptions } from './random-instance.ts';
export { randomInstance } from './random-instance.ts';
export type { IdentityTestOptions, IdentityVerdict } from './identity-test.ts';
export type { Counterexample, CounterexampleJson, CounterexampleLabels } from './counterexample.ts';
export { counterexampleBindings, counterexampleToJson, formatCounterexample, formatValueInline } from './counterexample.ts';
export { identityTest, testedSizesText } from './identity-test.ts';
export {
  addMatrices,
  determinant,
  exactRank,
  diagOf,
  diagvecOf,
  hadamardPowerOf,
  hadamardProduct,
  inverseOf,
  kroneckerProduct,
  matricesEqual,
  matrixPowerOf,
  matrixProduct,
  negateMatrix,
  scaleMatrix,
  subtractMatrices,
  traceOf,
  transposeMatrix,
} from './matrix-ops.ts';
export { matrixFromLiteral, valueFromLiteral } from './matrix-literal.ts';
