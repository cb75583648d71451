import { formatError, type Expr } from '@odot/core';
import { evaluate, formatRational, isMatrix, psdTest, type PsdCertificate, type Value } from '@odot/numeric';
import { decidePsd, type Justification, type PsdDecision } from '@odot/rewrite';
import { printPlain } from '@odot/core';
import { diagnosticView, freeSymbols } from './expr-view.ts';
import type { Source } from './engine-read.ts';
import type { PsdView, TaskResult } from './protocol.ts';
import { countermodelView } from './engine-values.ts';
import { matrixText } from './view-models.ts';

/** The certificate of an exact PSD test in words. */
export function certificateText(certificate: PsdCertificate): string {
  switch (certificate.kind) {
    case 'factorization':
      return `certificate: PᵀAP = L·diag(D)·Lᵀ with D = [${certificate.D.map(formatRational).join(', ')}] ≥ 0`;
    case 'vector':
      return `certificate: x = [${certificate.x.map(formatRational).join(', ')}] gives xᵀAx = ${formatRational(certificate.value)}`;
    case 'asymmetry':
      return `certificate: A[${certificate.row},${certificate.col}] ≠ A[${certificate.col},${certificate.row}], so A is not symmetric`;
  }
}

/** The target of a PSD question: the operand of a claim `X ⪰ 0` / `psd(X)`, else the expression. */
function psdTarget(expr: Expr): { readonly target: Expr; readonly property: 'psd' | 'pd' } {
  if (expr.type === 'Claim' && (expr.property === 'psd' || expr.property === 'pd')) return { target: expr.operand, property: expr.property };
  return { target: expr, property: 'psd' };
}

/**
 * Decides PSD: numerically (eigenvalues in Float64, exact verdict with a certificate) when every
 * symbol has a value, otherwise symbolically from the givens by the rewrite engine's laws.
 */
export function psdView(source: Source, bindings: ReadonlyMap<string, Value>, text: string): TaskResult {
  const { target, property } = psdTarget(source.expr);
  const unbound = freeSymbols(target).filter((name) => !bindings.has(name));
  if (unbound.length > 0) {
    const decision = decidePsd(target, source.givens, undefined, { property });
    if (!decision.ok) return { kind: 'psd', ok: false, diagnostics: [diagnosticView(decision.error, text)] };
    return { kind: 'psd', ok: true, view: symbolicView(decision.value) };
  }
  const value = evaluate(target, bindings, { mode: 'exact', givens: source.givens });
  if (!value.ok) return { kind: 'psd', ok: false, diagnostics: [diagnosticView(value.error, text)] };
  if (!isMatrix(value.value)) {
    return { kind: 'psd', ok: false, diagnostics: [{ code: 'not-a-matrix', severity: 'error', message: 'psd needs a square matrix, got a scalar', formatted: 'error: psd needs a square matrix, got a scalar' }] };
  }
  if (value.value.rows !== value.value.cols) {
    const size = `${value.value.rows}×${value.value.cols}`;
    return { kind: 'psd', ok: true, view: { property, verdict: 'no', method: 'shape', eigenvalues: [], evidence: [`a ${size} matrix is not square; only square (symmetric) matrices can be ${property}`] } };
  }
  const floatReport = psdTest(value.value, { method: 'float', property });
  const exactReport = psdTest(value.value, { method: 'certificate', property });
  if (!exactReport.ok) return { kind: 'psd', ok: false, diagnostics: [diagnosticView(exactReport.error, text)] };
  const eigenvalues = floatReport.ok && floatReport.value.eigenvalues ? [...floatReport.value.eigenvalues] : [];
  const evidence = [exactReport.value.explanation];
  if (exactReport.value.certificate) evidence.push(certificateText(exactReport.value.certificate));
  if (floatReport.ok) {
    evidence.push(floatReport.value.explanation);
  } else evidence.push(formatError(floatReport.error));
  return {
    kind: 'psd',
    ok: true,
    view: { property, verdict: exactReport.value.holds ? 'yes' : 'no', method: 'exact test with certificate; eigenvalues in Float64', eigenvalues, evidence },
  };
}

/** A justification tree as indented lines: `P ⊙ Q psd by schur`, then its premises. */
export function justificationLines(justification: Justification, depth = 0): string[] {
  const line = `${'  '.repeat(depth)}${printPlain(justification.expr)} ${justification.property} by ${justification.rule}${justification.evidence ? ` (${justification.evidence})` : ''}`;
  return [line, ...justification.premises.flatMap((premise) => justificationLines(premise, depth + 1))];
}

/** The symbolic decision as a view (no eigenvalues: there are no numbers). */
function symbolicView(decision: PsdDecision): PsdView {
  const evidence = [decision.explanation];
  if (decision.justification) evidence.push(...justificationLines(decision.justification));
  if (decision.evidence) evidence.push(decision.evidence);
  if (decision.counterexample) evidence.push(`counterexample: ${countermodelView(decision.counterexample).map((m) => `${m.name} = ${matrixText(m.value)}`).join(', ')}`);
  return {
    property: decision.property,
    verdict: decision.verdict === 'psd' ? 'yes' : decision.verdict === 'not-psd' ? 'no' : 'unknown',
    method: decision.method === 'law' ? 'by law, from the givens' : decision.method,
    eigenvalues: [],
    evidence,
  };
}
