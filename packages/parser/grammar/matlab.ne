# The MATLAB dialect: the shared language plus `2 * A` (a number before `*` or `.*` is a
# coefficient) and `A(i, j)`: a name that is not a function, followed by brackets, is indexed.
@include "expr.ne"

Unary -> %coef %mulop Unary {% (d) => b.scaled(d[0], d[2]) %}

Postfix -> %leaf %lp Args %rp {% (d) => p.callIndex(d[0], d[1], d[2], d[3]) %}
