# The odot expression grammar, shared by every dialect. The dialect lexers (src/lexer.ts) and the
# token pass (src/token-pass.ts) map each dialect's surface syntax onto a few token classes, so
# `A .* B` (matlab), `A * B` (numpy), `A \odot B` (latex) and `A ⊙ B` all arrive as `%binop`.
#
# Precedence is a ladder of named rules, loosest first:
#   Relation  =  ≠  ⪰ 0  ≻ 0                        (at most one per expression; ⪰ and ≻ take only 0)
#   Sum       +  -                                  (left to right)
#   Product   ⊙ ∘ .*  · @ * juxtaposition  ⊗         (ONE level, left to right)
#             (both levels are one flat rule over `%binop`; src/chain.ts applies the precedence)
#   Unary     -A, and scalar multiples 2A, 1/2 A (`%prefix` is a prefix minus or a coefficient)
#   Postfix   Aᵀ A' A^T A^k A^-1 A⁻¹ A^⊙k A.^k A[i,j] A_{ij} (all `%pow` + Exponent), and the
#             operands themselves: names, numbers, constants (`%leaf`), and bracketed groups
#             (`%lp`: `(`, `{`, `diag(`, `Σ_k(`, and matrix literals `[1 2; 3 4]`, `\begin{pmatrix}`)
#
# Speed: every rule is left-recursive or flat, and the operator classes are merged into few
# token types, so Earley predicts few items per token (see README, "Performance"); `parse` also
# leaves out the rules whose token types the input lacks (src/grammars.ts).
# Postprocessors are one-liners calling the typed builders in src/build.ts and src/chain.ts.

@preprocessor typescript

@{%
import { lexer } from '../tokens.ts';
import * as b from '../build.ts';
import * as c from '../chain.ts';
%}

@lexer lexer

# The result of every parse is a Chain (src/chain.ts); `parse` turns it into the tree.
Relation -> Sum {% id %}
  | Sum %relop Sum {% (d) => c.chainStart(b.relation(c.chainEnd(d[0]), d[1], c.chainEnd(d[2]))) %}

# Sums and products are ONE flat left-recursive rule over `%binop` (`+ -` and every product
# operator): Earley then creates one item per operand where a rule per level needs three.
# The chain builders in src/chain.ts restore the precedence (products bind tighter).
# The operand is `Product -> Unary` unfolded one step, so the common operand (a Postfix) skips
# the Unary level: one item less per operand.
Sum -> Postfix {% (d) => c.chainStart(d[0]) %}
  | %prefix Unary {% (d) => c.chainStart(b.prefix(d[0], d[1])) %}
  | Sum %binop Postfix {% (d) => c.chainPush(d[0], d[1], d[2]) %}
  | Sum %binop %prefix Unary {% (d) => c.chainPush(d[0], d[1], b.prefix(d[2], d[3])) %}

Unary -> Postfix {% id %}
  | %prefix Unary {% (d) => b.prefix(d[0], d[1]) %}

Postfix -> %leaf {% (d) => b.leaf(d[0]) %}
  | %lp Args %rp {% (d) => b.group(d[0], d[1], d[2]) %}
  | Postfix %pow Exponent {% (d) => b.power(d[0], d[1], d[2]) %}

Exponent -> %leaf {% (d) => b.expValue(d[0]) %}
  | %prefix %leaf {% (d) => b.expNeg(d[0], d[1]) %}
  | %lp Sum %rp {% (d) => b.expGroup(d[0], c.chainEnd(d[1]), d[2]) %}
  | %top {% (d) => b.expTop(d[0], d[0]) %}
  | %lp %top %rp {% (d) => b.expTop(d[0], d[2]) %}
  | %lidx Args %rb {% (d) => b.expIndex(d[0], d[1], d[2]) %}

# Arguments, bracket contents and matrix entries are Sums: a relation is a whole statement and is
# never bracketed (which also keeps two ladder levels out of every bracket).
Args -> Sum {% (d) => b.list(c.chainEnd(d[0])) %}
  | Args %comma Sum {% (d) => b.cons(d[0], c.chainEnd(d[2])) %}
  | Args %semi Sum {% (d) => b.cons(b.cons(d[0], b.ROW_BREAK), c.chainEnd(d[2])) %}
