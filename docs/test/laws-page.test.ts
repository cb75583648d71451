import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LAWS } from '@odot/rewrite';
import { describe, expect, it } from 'vitest';
import { conditionText, lawEntries } from '../laws-data.ts';
import { runTask } from '../../apps/playground/src/engine.ts';
import { decodeState } from '../../apps/playground/src/url-state.ts';
import { SITE_DIST as dist } from './site.ts';

const page = join(dist, 'laws.html');

describe('the law reference', () => {
  const entries = lawEntries(LAWS);

  it('has one entry per catalogue law, in catalogue order, each with KaTeX and a worked example', () => {
    expect(entries.map((e) => e.name)).toEqual(LAWS.map((law) => law.name));
    for (const entry of entries) {
      expect(entry.statementHtml).toContain('class="katex"');
      expect(entry.statementHtml).not.toContain('katex-error');
    }
    const withExamples = entries.filter((e) => e.example !== undefined).length;
    expect(withExamples / entries.length).toBeGreaterThan(0.8);
  });

  it('states side conditions in words', () => {
    expect(conditionText({ kind: 'property', variable: 'D', property: 'diagonal' })).toBe('D diagonal');
    expect(conditionText({ kind: 'positive-integer', variable: 'k' })).toBe('k a positive integer');
    const schur = entries.find((e) => e.name === 'schur');
    expect(schur?.conditions).toEqual(expect.arrayContaining(['P psd', 'Q psd']));
  });

  it('links every law to the playground with its sides filled in', () => {
    const comm = entries.find((e) => e.name === 'hadamard_comm');
    expect(comm?.playgroundLink).toMatch(/^\.\/playground\.html#v=1&e=A\+%E2%8A%99\+B/);
  });

  it("carries each card's own example into the playground, where every equation is proved equivalent", () => {
    for (const entry of entries) {
      const state = decodeState(entry.playgroundLink.slice(entry.playgroundLink.indexOf('#')));
      const source = { expr: state.expr, dialect: state.dialect, givens: state.givens };
      if (entry.example !== undefined) {
        const value = runTask({ kind: 'evaluate', ...source, bindings: state.bindings, mode: 'exact' });
        expect(value.ok, `${entry.name}: ${JSON.stringify(value)}`).toBe(true);
      }
      if (state.other === '') continue;
      const verdict = runTask({ kind: 'equiv', ...source, other: state.other });
      expect(verdict.ok && verdict.kind === 'equiv' && verdict.view.equivalent, `${entry.name}: ${JSON.stringify(verdict)}`).toBe(true);
    }
    // A law with a positive-integer exponent links with the card's k = 2.
    const succ = entries.find((e) => e.name === 'hadamard_pow_succ');
    expect(decodeState(succ!.playgroundLink.slice(succ!.playgroundLink.indexOf('#'))).expr).toBe('A^⊙2 ⊙ A');
  });

  it('is in the built site with every law name (the page is generated, never written by hand)', () => {
    expect(existsSync(page), `${page} is missing: build the docs first`).toBe(true);
    const html = readFileSync(page, 'utf8');
    for (const law of LAWS) expect(html, law.name).toContain(`id="${law.name}"`);
    expect(html).toContain(`${LAWS.length} laws`);
  });
});

describe('the law catalogue in the built site', () => {
  // The law reference has it in its HTML; its full page chunk (for a client-side navigation to it),
  // the engine worker's rewrite chunk and the search index hold it, and load only when used.
  it('is preloaded by no page: no script a page preloads holds every law', () => {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    const holdsCatalogue = (script: string): boolean => {
      const text = readFileSync(join(dist, script), 'utf8');
      return LAWS.every((law) => text.includes(law.name));
    };
    let checked = 0;
    for (const file of pages) {
      const scripts = [...readFileSync(join(dist, file), 'utf8').matchAll(/<link rel="modulepreload" href="\/([^"]+)"|<script type="module" src="\/([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? '');
      checked += scripts.length;
      expect(scripts.filter(holdsCatalogue), file).toEqual([]);
    }
    expect(checked).toBeGreaterThan(pages.length);
  });
});

describe('proofs in the guide', () => {
  it('are highlighted by the proof grammar: keywords, law names and the rest in colours of their own', () => {
    const html = readFileSync(join(dist, 'guide', 'proofs.html'), 'utf8');
    const blocks = [...html.matchAll(/<div class="language-proof[^"]*">[\s\S]*?<\/pre>/g)].map((m) => m[0]);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    // Shiki's tokens, each with its light theme's colour (plain text would be one colour throughout).
    const tokens = blocks.flatMap((block) => [...block.matchAll(/<span style="--shiki-light:(#[0-9A-Fa-f]{6})[^"]*">([^<]*)<\/span>/g)].map((m) => ({ colour: m[1], text: (m[2] ?? '').trim() })));
    const keyword = tokens.find((token) => token.text === 'given' || token.text === 'prove');
    expect(keyword).toBeDefined();
    const laws = tokens.flatMap((token, i) => (token.text === 'by' ? [{ by: token, law: tokens[i + 1] }] : []));
    expect(laws.length).toBeGreaterThanOrEqual(3);
    for (const { by, law } of laws) {
      expect(by.colour).toBe(keyword?.colour);
      expect(law?.text).toMatch(/^[a-z][a-z0-9_]*(, [a-z][a-z0-9_]*)*$/);
      expect(law?.colour).not.toBe(by.colour);
    }
  });
});

describe('math in the guide', () => {
  it('is rendered by KaTeX at build time, with no raw $ delimiters left', () => {
    const file = join(dist, 'guide', 'hadamard-product.html');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('katex-error');
    expect(html).not.toMatch(/\$\$/);
    expect(html.match(/class="katex-display"/g)?.length).toBeGreaterThanOrEqual(2);
    // Screen readers get MathML beside KaTeX's HTML.
    expect(html.match(/<math /g)?.length).toBe(html.match(/class="katex"/g)?.length);
  });

  it('reaches screen readers on the law reference too: every statement is MathML', () => {
    const html = readFileSync(page, 'utf8');
    expect(html.match(/<math /g)?.length).toBeGreaterThanOrEqual(LAWS.length);
  });

  it('keeps every page of the site under 300 KB of HTML (300 000 bytes)', () => {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) expect(statSync(join(dist, file)).size, file).toBeLessThanOrEqual(300_000);
  });

  it("labels every heading's permalink with the heading's text, not its markdown source", () => {
    for (const file of [page, join(dist, 'guide', 'cli.html')]) {
      const html = readFileSync(file, 'utf8');
      const headings = [...html.matchAll(/<h([1-6]) id="[^"]*"[^>]*>(.*?)<a class="header-anchor" href="#[^"]*" aria-label="([^"]*)">/g)];
      expect(headings.length, file).toBeGreaterThan(5);
      for (const [, , inner = '', label = ''] of headings) {
        const text = inner.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim();
        expect(label).toBe(`Permalink to “${text}”`);
      }
    }
    expect(readFileSync(page, 'utf8')).toContain('aria-label="Permalink to “hadamard_comm”"');
  });
});
