// Backslash input, as the Lean web editor offers it: `\odot` typed becomes `⊙`. The student page and
// the playground editor use this one table.
/** Backslash names a student may type, and the symbol each becomes (`\odot` → `⊙`). */
export const BACKSLASH_SYMBOLS: Readonly<Record<string, string>> = {
  odot: '⊙',
  circ: '∘',
  otimes: '⊗',
  oplus: '⊕',
  times: '×',
  cdot: '·',
  top: 'ᵀ',
  T: 'ᵀ',
  transpose: 'ᵀ',
  dagger: '†',
  sum: 'Σ',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ne: '≠',
  neq: '≠',
  succeq: '⪰',
  preceq: '⪯',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  lambda: 'λ',
  mu: 'μ',
  sigma: 'σ',
  Sigma: 'Σ',
};

/** Text after replacing backslash names, and where the caret moved. */
export interface Replaced {
  readonly text: string;
  readonly caret: number;
}

/**
 * Replaces every complete backslash name (`\odot` followed by a non-letter, or at the end when
 * `atEnd` is true) with its symbol and moves the caret with the text. Unknown names stay as typed,
 * so LaTeX answers such as `\begin{pmatrix}` are untouched.
 */
export function replaceBackslashNames(text: string, caret: number, atEnd = false): Replaced {
  let out = '';
  let newCaret = caret;
  const pattern = /\\([A-Za-z]+)/g;
  let last = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const name = m[1] ?? '';
    const end = m.index + m[0].length;
    const complete = end < text.length || atEnd;
    const symbol = BACKSLASH_SYMBOLS[name];
    if (symbol === undefined || !complete) continue;
    out += text.slice(last, m.index) + symbol;
    if (caret >= end) newCaret -= m[0].length - symbol.length;
    else if (caret > m.index) newCaret = out.length;
    last = end;
  }
  out += text.slice(last);
  return { text: out, caret: newCaret };
}
