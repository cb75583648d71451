import type { LawFamily, LawSpec } from '../law.ts';
import { ADD_LAWS } from './add.ts';
import { DIAGONAL_LAWS } from './diagonal.ts';
import { ENTRYWISE_LAWS } from './entrywise.ts';
import { HADAMARD_LAWS } from './hadamard.ts';
import { KRONECKER_LAWS } from './kronecker.ts';
import { MATMUL_LAWS } from './matmul.ts';
import { NUMBER_LAWS } from './number.ts';
import { PROPERTY_LAWS } from './property.ts';
import { TRACE_LAWS } from './trace.ts';
import { TRANSPOSE_LAWS } from './transpose.ts';

/** Every family file of the catalogue, in the order the law reference lists them. */
export const LAW_FAMILIES: readonly (readonly [LawFamily, readonly LawSpec[]])[] = [
  ['hadamard', HADAMARD_LAWS],
  ['transpose', TRANSPOSE_LAWS],
  ['matmul', MATMUL_LAWS],
  ['add', ADD_LAWS],
  ['diagonal', DIAGONAL_LAWS],
  ['trace', TRACE_LAWS],
  ['kronecker', KRONECKER_LAWS],
  ['property', PROPERTY_LAWS],
  ['entrywise', ENTRYWISE_LAWS],
  ['number', NUMBER_LAWS],
];
