import { describe, expect, it } from 'vitest';
import { printExpr } from '@odot/core';
import { parseProof, parseProofBody } from './parse-proof.ts';
import type { ProofLine } from './proof-ast.ts';

const ISSUE_EXAMPLE = `given A, B: m×n
prove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ
proof
    (A ⊙ B)ᵀ
  = Aᵀ ⊙ Bᵀ    by transpose_hadamard
  = Bᵀ ⊙ Aᵀ    by hadamard_comm
qed
`;

function describeLine(line: ProofLine): string {
  switch (line.kind) {
    case 'start':
      return `${line.line} start ${printExpr(line.expr)}`;
    case 'step':
      return `${line.line} step ${printExpr(line.expr)} by ${line.laws.map((l) => l.name).join(',')}`;
    case 'equation':
      return `${line.line} equation ${printExpr(line.statement)} by ${line.laws.map((l) => l.name).join(',')}`;
    case 'claim':
      return `${line.line} claim ${printExpr(line.statement)} by ${line.laws.map((l) => l.name).join(',')}`;
    case 'invalid':
      return `${line.line} invalid ${line.error.code}: ${line.error.message}`;
  }
}

describe('parseProof', () => {
  it('reads the example of the issue', () => {
    const document = parseProof(ISSUE_EXAMPLE);
    expect(document.errors).toEqual([]);
    expect(document.theorems).toHaveLength(1);
    const theorem = document.theorems[0]!;
    expect(printExpr(theorem.goal)).toBe('(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ');
    expect(theorem.declarations.map((d) => d.names.join(','))).toEqual(['A,B']);
    expect(theorem.line).toBe(2);
    expect(theorem.qedLine).toBe(7);
    expect(theorem.lines.map(describeLine)).toEqual([
      '4 start (A ⊙ B)ᵀ',
      '5 step Aᵀ ⊙ Bᵀ by transpose_hadamard',
      '6 step Bᵀ ⊙ Aᵀ by hadamard_comm',
    ]);
  });

  it('places spans of expressions and law names in the file', () => {
    const theorem = parseProof(ISSUE_EXAMPLE).theorems[0]!;
    const step = theorem.lines[1]!;
    if (step.kind !== 'step') throw new Error('expected a step');
    // "  = Aᵀ ⊙ Bᵀ    by transpose_hadamard": the expression starts at column 5, the law at column 19.
    expect(step.exprSpan.start).toMatchObject({ line: 5, column: 5 });
    expect(step.laws[0]!.span.start).toMatchObject({ line: 5, column: 19 });
    expect(step.laws[0]!.span.end.column).toBe(19 + 'transpose_hadamard'.length);
    const source = ISSUE_EXAMPLE;
    expect(source.slice(step.laws[0]!.span.start.offset, step.laws[0]!.span.end.offset)).toBe('transpose_hadamard');
    expect(theorem.goalSpan.start).toMatchObject({ line: 2, column: 7 });
  });

  it('reads entrywise lines, several laws, claims and several theorems', () => {
    const text = `# entrywise transpose
given A, B: m×n
prove (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ
proof
    ((A ⊙ B)ᵀ)[i,j]
  = (A ⊙ B)[j,i]        by def_transpose
  = A[j,i] B[j,i]       by def_hadamard
  = Aᵀ[i,j] Bᵀ[i,j]     by def_transpose
  = (Aᵀ ⊙ Bᵀ)[i,j]      by def_hadamard
  (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ    by ext
qed

given P, Q: n×n psd
prove P ⊙ Q ⪰ 0
proof
  P ⊙ Q ⪰ 0 by schur
qed

given A, B, C: m×n
prove (A ⊙ B) ⊙ C = C ⊙ (B ⊙ A)
proof
    (A ⊙ B) ⊙ C
  = C ⊙ (B ⊙ A)   by hadamard_comm, hadamard_assoc
qed`;
    const document = parseProof(text);
    expect(document.errors).toEqual([]);
    expect(document.theorems.map((t) => printExpr(t.goal))).toEqual([
      '(A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ',
      'P ⊙ Q ⪰ 0',
      'A ⊙ B ⊙ C = C ⊙ (B ⊙ A)',
    ]);
    expect(document.theorems[0]!.lines.map(describeLine)).toEqual([
      '5 start ((A ⊙ B)ᵀ)[i,j]',
      '6 step (A ⊙ B)[j,i] by def_transpose',
      '7 step A[j,i] B[j,i] by def_hadamard',
      '8 step (Aᵀ)[i,j] (Bᵀ)[i,j] by def_transpose',
      '9 step (Aᵀ ⊙ Bᵀ)[i,j] by def_hadamard',
      '10 equation (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ by ext',
    ]);
    expect(document.theorems[1]!.lines.map(describeLine)).toEqual(['16 claim P ⊙ Q ⪰ 0 by schur']);
    expect(document.theorems[1]!.declarations[0]!.properties).toEqual(['psd']);
    expect(document.theorems[2]!.lines.map(describeLine)[1]).toBe('23 step C ⊙ (B ⊙ A) by hadamard_comm,hadamard_assoc');
    // Givens belong to their theorem only.
    expect(document.theorems[2]!.declarations.flatMap((d) => d.names)).toEqual(['A', 'B', 'C']);
  });

  it('turns unreadable proof lines into invalid lines with file positions', () => {
    const text = `given A, B: m×n
prove A ⊙ B = B ⊙ A
proof
    A ⊙ B
  = B ⊙ ⊙ A   by hadamard_comm
  = B ⊙ A
  = B ⊙ A   by
  A ⊙ B by hadamard_comm
qed`;
    const document = parseProof(text);
    expect(document.errors).toEqual([]);
    const lines = document.theorems[0]!.lines;
    expect(lines.map((l) => `${l.line} ${l.kind}`)).toEqual(['4 start', '5 invalid', '6 invalid', '7 invalid', '8 invalid']);
    const bad = lines[1]!;
    if (bad.kind !== 'invalid') throw new Error('expected invalid');
    expect(bad.error.span?.start.line).toBe(5);
    expect(bad.error.span?.start.column).toBeGreaterThanOrEqual(9);
    expect(bad.laws.map((l) => l.name)).toEqual(['hadamard_comm']);
    expect(lines[2]!.kind === 'invalid' && lines[2]!.error.code).toBe('proof-missing-law');
    expect(lines[3]!.kind === 'invalid' && lines[3]!.error.code).toBe('proof-citation');
    expect(lines[4]!.kind === 'invalid' && lines[4]!.error.message).toMatch(/starts with `=`/);
  });

  it('reports structural errors with spans', () => {
    const cases: [string, RegExp, number][] = [
      ['given A: 2×\nprove A = A\nproof\n  A\n  = A by mul_one\nqed', /./, 1],
      ['prove A ⊙ B\nproof\nqed', /equation/, 1],
      ['given A: n×n\nprove A = A\nproof\n  A\n', /not closed/, 4],
      ['hello\n', /expected `given`, `prove` or `proof`/, 1],
      ['prove A = A\nA\n', /expected `proof` after `prove`/, 2],
      ['qed\n', /`qed` without a proof/, 1],
      ['', /no theorem/, 0],
    ];
    for (const [text, message, line] of cases) {
      const document = parseProof(text);
      expect(document.errors.length, text).toBeGreaterThan(0);
      expect(document.errors[0]!.message, text).toMatch(message);
      if (line > 0) expect(document.errors[0]!.span?.start.line, text).toBe(line);
    }
  });

  it('reads ```proof blocks of Markdown with positions in the Markdown file', () => {
    const markdown = `# Worksheet

Some prose with \`code\`.

\`\`\`proof
given A, B: m×n
prove A ⊙ B = B ⊙ A
proof
    A ⊙ B
  = B ⊙ A   by hadamard_comm
qed
\`\`\`

\`\`\`ts
prove nothing here
\`\`\`
`;
    const document = parseProof(markdown);
    expect(document.errors).toEqual([]);
    expect(document.theorems).toHaveLength(1);
    expect(document.theorems[0]!.line).toBe(7);
    const step = document.theorems[0]!.lines[1]!;
    expect(step.kind === 'step' && step.laws[0]!.span.start).toMatchObject({ line: 10, column: 16 });
    expect(parseProof('# nothing\n', { format: 'markdown' }).errors[0]!.message).toMatch(/no ```proof block/);
  });

  it('reads a bare proof body for the grader', () => {
    const body = parseProofBody('proof\n  A ⊙ B\n  = B ⊙ A by hadamard_comm\nqed\n');
    expect(body.errors).toEqual([]);
    expect(body.lines.map(describeLine)).toEqual(['2 start A ⊙ B', '3 step B ⊙ A by hadamard_comm']);
    expect(parseProofBody('A\n= A by mul_one\nqed\nB').errors[0]!.message).toMatch(/after `qed`/);
  });
});

describe('a step missing `by`', () => {
  it('says the `by LAW` is missing, pointing at the law name', () => {
    const doc = parseProof('given A, B, C: m×n\nprove A ⊙ (B + C) = A ⊙ B + A ⊙ C\nproof\n  A ⊙ (B + C)\n  = A ⊙ B + A ⊙ C    hadamard_add\nqed');
    const line = doc.theorems[0]?.lines[1];
    expect(line?.kind).toBe('invalid');
    if (line?.kind !== 'invalid') return;
    expect(line.error.code).toBe('proof-missing-law');
    expect(line.error.message).toBe('the `by` before hadamard_add is missing: write `by hadamard_add`');
    expect(line.error.message).not.toMatch(/unexpected|operator/);
    expect(line.error.span?.start.column).toBe('  = A ⊙ B + A ⊙ C    hadamard_add'.indexOf('hadamard_add') + 1);
  });
  it('keeps the parser error for a line that is not that', () => {
    const doc = parseProof('given A, B: m×n\nprove A = A\nproof\n  A\n  = A ⊙ ⊙ B\nqed');
    const line = doc.theorems[0]?.lines[1];
    expect(line?.kind === 'invalid' && line.error.code).not.toBe('proof-missing-law');
  });
});
