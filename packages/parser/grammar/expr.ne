# The odot expression language, shared by every dialect. Each dialect grammar (plain.ne, numpy.ne,
# matlab.ne) includes this file and adds the rules where its syntax truly differs: how a
# coefficient is written (`Scaled`), and numpy's and MATLAB's indexing and shape tuples.
#
# The tokens come from src/token-stream.ts, which runs the dialect's moo lexer (src/lexer.ts) and
# maps each dialect's spellings onto the shared token types below (`A .* B`, `A * B`, `A \odot B`
# and `A ⊙ B` all arrive as one `%mulop`). It also makes two things explicit that only whitespace
# shows: juxtaposition (`A B` arrives as `A %mulop B`, a zero-width token, as Go's lexer inserts
# semicolons) and the whitespace between the entries of `[1 2; 3 4]` (`%sep`, as MATLAB's lexer
# reads it).
#
# Precedence is a ladder of named rules, loosest first:
#   Statement  =  ≠  ⪰ 0  ≻ 0        at most one relation; ⪰ and ≻ take only 0 on the right
#   Sum        +  -                  left to right
#   Product    ⊙ ∘ .* · @ * ⊗ and juxtaposition: ONE level, left to right (as NumPy's `*`/`@`)
#   Unary      -A, and scalar multiples `2A` (plain), `2 * A` (numpy, matlab)
#   Postfix    the operands (names, numbers, constants, brackets, calls `diag(v)`, `Σ_k(…)`,
#              matrix literals) and Aᵀ A' A^T A^k A^-1 A⁻¹ A^⊙k A.^k A[i,j] A_{ij}
#
# Postprocessors are one-line calls of the typed builders in src/build.ts (`b`), src/build-postfix.ts
# (`p`) and src/build-call.ts (`c`).
# Earley pays per predicted rule, so operator spellings share token types (`%addop`, `%mulop`,
# `%post`, `%pow`) and every chain is left-recursive (README, "Performance").

@preprocessor typescript

@{%
import { lexer } from '../tokens.ts';
import * as b from '../build.ts';
import * as p from '../build-postfix.ts';
import * as c from '../build-call.ts';
%}

@lexer lexer

Statement -> Sum {% id %}
  | Sum %rel Sum {% (d) => b.relation(d[0], d[1], d[2]) %}

Sum -> Product {% id %}
  | Sum %addop Product {% (d) => b.addOrSub(d[0], d[1], d[2]) %}

Product -> Unary {% id %}
  | Product %mulop Unary {% (d) => b.product(d[0], d[1], d[2]) %}

# Coefficients (`2A`, numpy `2 * A`) are further `Unary` rules in the dialect grammars.
Unary -> Postfix {% id %}
  | %neg Unary {% (d) => b.neg(d[0], d[1]) %}

# The operands (names, numbers, constants, brackets, calls, matrix literals) and postfix operators.
# Brackets: `(`, `{`, `\left(` are `%lp`; `[` and `\begin{pmatrix}` are `%lb`; a function name
# and `Σ_k` are `%fn` (src/brackets.ts has already matched every bracket with its own kind).
Postfix -> %leaf {% (d) => b.leaf(d[0]) %}
  | %lp Sum %rp {% (d) => b.paren(d[0], d[1], d[2]) %}
  | %fn %lp Args %rp {% (d) => c.call(d[0], d[2], d[3]) %}
  | %lb Rows %rb {% (d) => b.matrix(d[0], d[1], d[2]) %}
  | %lrows RowList %rb {% (d) => b.matrix(d[0], d[1], d[2]) %}
  | Postfix PostOp {% (d) => p.postfix(d[0], d[1]) %}

# What may follow an operand: `ᵀ`, `^k`, and the bracketed ones (`%lidx`: `A[i, j]` in plain,
# `A_{ij}`, `A^{\circ 2}`). numpy's `A[i, j]` and MATLAB's `A(i, j)` are in their dialect grammars.
PostOp -> %post {% (d) => p.mark(d[0]) %}
  | %pow Exponent {% (d) => p.raise(d[0], d[1]) %}
  | %lidx Args %rb {% (d) => p.bracketed(d[0], d[1], d[2]) %}

Exponent -> %leaf {% (d) => p.expLeaf(d[0]) %}
  | %neg %leaf {% (d) => p.expNeg(d[0], d[1]) %}
  | %lp Sum %rp {% (d) => p.expGroup(d[0], d[1], d[2]) %}
  | %top {% (d) => p.expTop(d[0], d[0]) %}
  | %lp %top %rp {% (d) => p.expTop(d[0], d[2]) %}

# Arguments, bracket contents and matrix entries are Sums: a relation is a whole statement.
Args -> Sum {% (d) => b.list(d[0]) %}
  | Args %comma Sum {% (d) => b.cons(d[0], d[2]) %}

# `[1 2; 3 4]`, `[1, 2; 3, 4]`, `\begin{pmatrix}1&2\\3&4\end{pmatrix}`.
Rows -> Row {% (d) => b.list(b.row(d[0])) %}
  | Rows %semi Row {% (d) => b.cons(d[0], b.row(d[2])) %}

Row -> Sum {% (d) => b.list(d[0]) %}
  | Row %comma Sum {% (d) => b.cons(d[0], d[2]) %}
  | Row %sep Sum {% (d) => b.cons(d[0], d[2]) %}

# `[[1, 2], [3, 4]]`, `[[1 2] [3 4]]`: a list of rows.
RowList -> %lb Row %rb {% (d) => b.list(b.row(d[1], d[0], d[2])) %}
  | RowList %comma %lb Row %rb {% (d) => b.cons(d[0], b.row(d[3], d[2], d[4])) %}
  | RowList %sep %lb Row %rb {% (d) => b.cons(d[0], b.row(d[3], d[2], d[4])) %}
