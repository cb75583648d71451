# The NumPy dialect: the shared language plus `2 * A` (a number before `*` or `@` is a
# coefficient), 0-based indexing `A[i, j]` (the shared grammar has no juxtaposition here, so a `[`
# after an operand can only index), and the shape tuple of `np.ones((m, n))`.
@include "expr.ne"

Unary -> %coef %mulop Unary {% (d) => b.scaled(d[0], d[2]) %}

PostOp -> %lb Args %rb {% (d) => p.zeroBasedIndex(d[0], d[1], d[2]) %}

Postfix -> %fn %lp %lp Args %comma Sum %rp %rp {% (d) => c.tupleCall(d[0], b.cons(d[3], d[5]), d[7]) %}
