# The odot expression grammar, shared by every dialect. The dialect lexers (src/lexer.ts) and the
# token pass (src/token-pass.ts) map each dialect's surface syntax onto a few token classes, so
# `A .* B` (matlab), `A * B` (numpy), `A \odot B` (latex) and `A ⊙ B` all arrive as `%prodop`.
#
# Precedence is a ladder of named rules, loosest first:
#   Relation  =  ≠  ⪰ 0  ≻ 0                        (at most one per expression; ⪰ and ≻ take only 0)
#   Sum       +  -                                  (left to right)
#   Product   ⊙ ∘ .*  · @ * juxtaposition  ⊗         (ONE level, left to right)
#   Unary     -A, and scalar multiples 2A, 1/2 A (`%prefix` is a prefix minus or a coefficient)
#   Postfix   Aᵀ A' A^T A^k A^-1 A⁻¹ A^⊙k A.^k A[i,j] A_{ij} (all `%pow` + Exponent), and the
#             operands themselves: names, numbers, constants (`%leaf`), and bracketed groups
#             (`%lp`: `(`, `{`, `diag(`, `Σ_k(`, and matrix literals `[1 2; 3 4]`, `\begin{pmatrix}`)
#
# Speed: every rule is left-recursive or flat, and the operator classes are merged into one
# token type per level, so Earley predicts few items per token (see README, "Performance").
# Postprocessors are one-liners calling the typed builders in src/build.ts.

@preprocessor typescript

@{%
import { lexer } from '../lexer.ts';
import * as b from '../build.ts';
%}

@lexer lexer

Relation -> Sum {% id %}
  | Sum %relop Sum {% (d) => b.relation(d[0], d[1], d[2]) %}

Sum -> Product {% id %}
  | Sum %addop Product {% (d) => b.addOrSub(d[0], d[1], d[2]) %}

# `Product -> Unary | Product %prodop Unary`, unfolded one step so the common operand (a Postfix)
# skips the Unary level: Earley then creates one item less per product operand.
Product -> Postfix {% id %}
  | %prefix Unary {% (d) => b.prefix(d[0], d[1]) %}
  | Product %prodop Postfix {% (d) => b.product(d[0], d[1], d[2]) %}
  | Product %prodop %prefix Unary {% (d) => b.product(d[0], d[1], b.prefix(d[2], d[3])) %}

Unary -> Postfix {% id %}
  | %prefix Unary {% (d) => b.prefix(d[0], d[1]) %}

Postfix -> %leaf {% (d) => b.leaf(d[0]) %}
  | %lp Args %rp {% (d) => b.group(d[0], d[1], d[2]) %}
  | Postfix %pow Exponent {% (d) => b.power(d[0], d[1], d[2]) %}

Exponent -> %leaf {% (d) => b.expValue(d[0]) %}
  | %prefix %leaf {% (d) => b.expNeg(d[0], d[1]) %}
  | %lp Sum %rp {% (d) => b.expGroup(d[0], d[1], d[2]) %}
  | %top {% (d) => b.expTop(d[0], d[0]) %}
  | %lp %top %rp {% (d) => b.expTop(d[0], d[2]) %}
  | %lidx Args %rb {% (d) => b.expIndex(d[0], d[1], d[2]) %}

# Arguments, bracket contents and matrix entries are Sums: a relation is a whole statement and is
# never bracketed (which also keeps two ladder levels out of every bracket).
Args -> Sum {% (d) => b.list(d[0]) %}
  | Args %comma Sum {% (d) => b.cons(d[0], d[2]) %}
  | Args %semi Sum {% (d) => b.cons(b.cons(d[0], b.ROW_BREAK), d[2]) %}
