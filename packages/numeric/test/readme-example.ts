// The README's example, runnable: `npx tsx --conditions=@odot/source test/readme-example.ts`.
import { givensFrom, hadamard, identifier, matMul } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import { createRng, evaluate, exactMatrix, formatValue, identityTest, psdTest, randomInstance, symmetricEigenvalues } from '@odot/numeric';

const A = exactMatrix([[1, 2, 3], [4, 5, 6]]);
const B = exactMatrix([[7, 8, 9], [10, 11, 12]]);

const product = evaluate(hadamard(identifier('A'), identifier('B')), { A, B });
if (product.ok) console.log(formatValue(product.value));
// [  7  16  27 ]
// [ 40  55  72 ]

const bad = evaluate(matMul(identifier('A'), identifier('B')), { A, B });
if (!bad.ok) console.log(bad.error.code); // shape-mismatch

const inv = evaluate(parseExpr('M^-1'), { M: exactMatrix([[1, 2], [3, 4]]) });
if (inv.ok) console.log(formatValue(inv.value));
// [   -2     1 ]
// [  3/2  -1/2 ]

const report = psdTest(exactMatrix([[0, 1], [1, 0]]), { method: 'certificate' });
if (report.ok) console.log(report.value.holds, report.value.explanation);
// false exact LDLᵀ with symmetric pivoting found x with xᵀAx = -2 < 0 (verified exactly)

const eig = symmetricEigenvalues(exactMatrix([[2, 1], [1, 2]]));
if (eig.ok) console.log(Array.from(eig.value, (x) => x.toFixed(12))); // [ '1.000000000000', '3.000000000000' ]

function declare(text: string) {
  const decls = parseDeclarations(text);
  if (!decls.ok) throw new Error(decls.error.message);
  return givensFrom(decls.value);
}

const givens = declare('A, B: m×n');
const same = identityTest(parseExpr('(A ⊙ B)ᵀ'), parseExpr('Aᵀ ⊙ Bᵀ'), givens);
console.log(same.verdict, same.verdict === 'equal' ? same.errorBound : ''); // equal 5.659799424266695e-73
const differ = identityTest(parseExpr('A Bᵀ'), parseExpr('B Aᵀ'), givens);
if (differ.verdict === 'different') console.log(formatValue(differ.counterexample.left), '\n≠\n', formatValue(differ.counterexample.right));

const inst = randomInstance(declare('P: n×n psd'), createRng(7));
if (inst.ok) console.log(inst.value.sizes, formatValue(inst.value.bindings.get('P') ?? A)); // Map(1) { 'n' => 3 } and a 3×3 BBᵀ
