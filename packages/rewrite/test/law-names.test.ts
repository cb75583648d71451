import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveLawName } from '../src/laws/resolve.ts';

// One catalogue: every law name that appears in the docs, the examples, the READMEs or the source
// must be a name or alias of rewrite's catalogue. Deliberate misspellings (the typo and unknown-law
// examples) are listed below with the place that shows them.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Words that stand where a law name does but are the proof format's own (`by algebra`). */
const FORMAT_WORDS = new Set(['algebra']);

/** Written on purpose as a wrong law name, to show how it is read. */
const DELIBERATE = new Set(['hadamrd_com', 'hadamrd_comm', 'hadamard_com', 'def_hadamrd', 'hadamard_asoc', 'hadamrd_ones', 'hadamrd_cmm', 'swap_product', 'law_name', 'trace_psd', 'det_psd', 'hadamrd_asoc', 'refl', 'grow']); // grow: a mock engine's law in proof's search test

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'cache', '.vitepress-cache', 'generated', 'out', '.turbo']);

function files(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

/** Law names cited in documents: `by NAME[, NAME]` (snake_case names), and `"reason": "NAME"` / `reason: NAME`. */
export function citedNames(text: string): string[] {
  const out: string[] = [];
  // Theorems the file proves under a name (`prove NAME: …`) are citable in it like laws.
  const theorems = new Set([...text.matchAll(/^\s*prove\s+([A-Za-z][\w]*)\s*:/gm)].map((m) => m[1] as string));
  for (const m of text.matchAll(/\bby\s+([a-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?:\s*,\s*[a-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)*)/g)) {
    out.push(...(m[1] as string).split(/\s*,\s*/).filter((name) => !theorems.has(name)));
  }
  for (const m of text.matchAll(/["']?reason["']?\s*:\s*["']?([a-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)/g)) out.push(m[1] as string);
  return out;
}

/** Law names in source code: arguments of the catalogue's look-ups and `law: '…'` fields. */
export function sourceNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<!function )\b(?:findLaw|compiledLaw|rewriteOnce|applyLaw|findEntrywiseLaw|applyEntrywiseLaw|lawStatement|canonicalLaw)\([^()]*?'([A-Za-z][\w]*)'/g)) out.push(m[1] as string);
  for (const m of text.matchAll(/\blaw: '([a-z][\w]*)'/g)) out.push(m[1] as string);
  return out;
}

function unknownIn(paths: readonly string[], read: (text: string) => string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    for (const name of read(readFileSync(path, 'utf8'))) {
      if (FORMAT_WORDS.has(name) || DELIBERATE.has(name)) continue;
      const r = resolveLawName(name);
      if (r.kind !== 'exact' && r.kind !== 'alias') out.push(`${relative(ROOT, path)}: ${name}`);
    }
  }
  return out;
}

describe('law names in code and docs', () => {
  it('finds the names it scans for (hand-worked)', () => {
    expect(citedNames('  = B ⊙ A    by hadamard_comm, hadamard_assoc\n q5: {"reason": "hadamard_zero"}')).toEqual(['hadamard_comm', 'hadamard_assoc', 'hadamard_zero']);
    expect(sourceNames("findLaw('zero_add'); rewriteOnce(e, 'mul_one', g); { law: 'def_hadamard' }")).toEqual(['zero_add', 'mul_one', 'def_hadamard']);
    expect(unknownIn([fileURLToPath(import.meta.url)], () => ['mul_onee'])).toHaveLength(1);
  });

  it('are all known to the catalogue in docs, examples and READMEs (`by NAME`, reasons)', () => {
    const docs = files(ROOT, (p) => {
      const rel = relative(ROOT, p);
      const top = /^(docs|examples)\//.test(rel) || /^(packages|apps)\/[^/]+\/README\.md$/.test(rel) || rel === 'README.md' || rel === 'ARCHITECTURE.md';
      return top && /\.(md|proof|yaml|yml)$/.test(p);
    });
    expect(docs.length).toBeGreaterThan(20);
    expect(unknownIn(docs, citedNames)).toEqual([]);
  });

  it('are all known to the catalogue in the source (look-ups by name, `law:` fields)', () => {
    const sources = files(ROOT, (p) => /\.(ts|vue|mjs)$/.test(p) && /^(packages|apps|docs|bench)\//.test(relative(ROOT, p)) && !p.endsWith('parsed.generated.ts'));
    expect(sources.length).toBeGreaterThan(50);
    expect(unknownIn(sources, sourceNames)).toEqual([]);
  });
});
