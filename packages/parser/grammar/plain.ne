# The plain and LaTeX dialects (their differences are all lexical, see src/lexer.ts): the shared
# language plus coefficients written in front of their operand, `2A`, `1/2 A`, `\frac{1}{2} A`.
@include "expr.ne"

Unary -> %coef Postfix {% (d) => b.scaled(d[0], d[1]) %}
