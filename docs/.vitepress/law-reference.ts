import { escapeHtml } from '@odot/grader';
import { LAWS } from '@odot/rewrite';
import type { MarkdownRenderer } from 'vitepress';
import { lawEntries, type LawEntry } from '../laws-data.ts';

/** Where `laws.md` wants the generated reference. */
export const LAW_REFERENCE_MARKER = '<!-- @law-reference -->';

/** Headings of the law families, in catalogue order. */
const FAMILY_TITLES: Readonly<Record<string, string>> = {
  hadamard: 'Hadamard product',
  transpose: 'Transpose',
  matmul: 'Matrix product',
  add: 'Sums and scalars',
  diagonal: 'Diagonal matrices',
  trace: 'Trace',
  kronecker: 'Kronecker product',
  property: 'Properties (PSD, diagonal, …)',
};

const familyTitle = (family: string): string => FAMILY_TITLES[family] ?? family;
const familyId = (family: string): string => `family-${family}`;
const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;

/** One law card: a heading per law (its anchor is the law's name, and site search indexes it), then HTML. */
function card(law: LawEntry): string {
  const meta = (html: string): string => `<p class="law-meta">${html}</p>`;
  const parts = [
    `<div class="law" data-law="${law.name}" v-pre>`,
    '',
    `### \`${law.name}\` {#${law.name}}`,
    '',
    law.aliases.length > 0 ? meta(`also: ${law.aliases.map(code).join(' ')}`) : '',
    // MathML rendered at build time from the trusted catalogue (never user input).
    `<div class="law-statement">${law.statementHtml}</div>`,
    meta(code(law.statement)),
    law.description ? `<p>${escapeHtml(law.description)}</p>` : '',
    // One line of facts: variables, side conditions (none beyond the shapes when absent), how it is used.
    meta(
      [
        law.given === '' ? 'No variables' : `Variables: ${code(law.given)}`,
        ...(law.conditions.length > 0 ? [`side conditions: ${law.conditions.map(code).join(' ')}`] : []),
        law.simplify ? `simplify uses it left to right (priority ${law.priority})` : 'proofs only (not used by simplify)',
      ].join(' · '),
    ),
    law.example
      ? `<details class="law-example"><summary>Example <span class="law-meta">(${escapeHtml(law.example.note)})</span></summary>` +
        `<div class="law-tex" data-tex="${escapeHtml(law.example.assignments)}"></div><div class="law-tex" data-tex="${escapeHtml(law.example.equation)}"></div></details>`
      : '',
    `<p><a href="${escapeHtml(law.playgroundLink)}">Try it in the playground</a></p>`,
    '',
    '</div>',
    '',
  ];
  return parts.filter((line, i) => line !== '' || parts[i - 1] !== '').join('\n');
}

/**
 * The law reference as markdown: a compact index grouped by family, then one `##` section per
 * family and one `###` card per law. Being markdown, it is in the page's HTML, its outline and
 * the local search index; being generated from `LAWS`, it cannot drift from the engine.
 */
export function lawReferenceMarkdown(entries: readonly LawEntry[]): string {
  const families = [...new Set(entries.map((law) => law.family))];
  const index = families.map(
    (family) =>
      `<p class="law-index-row"><a href="#${familyId(family)}"><strong>${escapeHtml(familyTitle(family))}</strong></a>: ` +
      entries
        .filter((law) => law.family === family)
        .map((law) => `<a href="#${law.name}">${code(law.name)}</a>`)
        .join(' · ') +
      '</p>',
  );
  const sections = families.map((family) => [`## ${familyTitle(family)} {#${familyId(family)}}`, '', ...entries.filter((law) => law.family === family).map(card)].join('\n'));
  return [
    `<p data-testid="law-count">${entries.length} laws, generated from <code>LAWS</code> in <code>@odot/rewrite</code> when the site is built.</p>`,
    '',
    `<nav class="law-index" data-testid="law-index" aria-label="Law index">${index.join('')}</nav>`,
    '',
    ...sections,
  ].join('\n');
}

/**
 * markdown-it plugin: replaces `LAW_REFERENCE_MARKER` in a page's source with the generated
 * law reference before parsing, so the page and VitePress's local search both see it.
 */
export function lawReferencePlugin(md: MarkdownRenderer): void {
  let generated: string | undefined;
  const parse = md.parse.bind(md);
  md.parse = (src, env) => {
    if (!src.includes(LAW_REFERENCE_MARKER)) return parse(src, env);
    generated ??= lawReferenceMarkdown(lawEntries(LAWS));
    return parse(src.replace(LAW_REFERENCE_MARKER, generated), env);
  };
}
