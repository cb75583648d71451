import type { MarkdownOptions } from 'vitepress';

/** A shiki language as VitePress's `markdown.languages` takes it. */
type LanguageInput = NonNullable<MarkdownOptions['languages']>[number];

/**
 * A TextMate grammar for odot's proof format (` ```proof ` blocks): the keywords `given`,
 * `prove`, `proof`, `qed`, the `by LAW, LAW` justifications, operators, numbers and comments.
 */
export const proofLanguage: LanguageInput = {
  name: 'proof',
  scopeName: 'source.odot-proof',
  repository: {},
  patterns: [
    { match: '(#|//).*$', name: 'comment.line.odot-proof' },
    { match: '^\\s*(given|prove|proof|qed)\\b', captures: { '1': { name: 'keyword.control.odot-proof' } } },
    {
      match: '\\b(by)\\s+([A-Za-z_][A-Za-z0-9_]*(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)*)',
      captures: { '1': { name: 'keyword.other.odot-proof' }, '2': { name: 'entity.name.function.odot-proof' } },
    },
    { match: '\\b(psd|pd|diagonal|symmetric|scalar)\\b', name: 'storage.type.odot-proof' },
    { match: '[⊙⊗∘⪰≻=+\\-·ᵀ⁻¹]', name: 'keyword.operator.odot-proof' },
    { match: '\\b\\d+\\b', name: 'constant.numeric.odot-proof' },
  ],
};
