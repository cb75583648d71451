import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
// Every source file, the renderers under render/ too.
const sources = readdirSync(here, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('DOM safety of the playground source', () => {
  it('never parses strings as HTML (user text goes through text nodes or KaTeX safe mode)', () => {
    expect(sources.length).toBeGreaterThan(5);
    const offenders = sources.filter((name) => /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|createContextualFragment|\beval\(|new Function\(/.test(readFileSync(join(here, name), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('renders KaTeX only with trust off and errors as text (in the page, and ahead of time at build)', () => {
    const katexCalls = sources.filter((name) => /katex\.(render|renderToString)\(/.test(readFileSync(join(here, name), 'utf8')));
    expect(katexCalls.sort()).toEqual(['katex-render.ts', 'seed-math.ts']);
    for (const name of katexCalls) expect(readFileSync(join(here, name), 'utf8')).toMatch(/katex\.(render|renderToString)\([^;]*\{ \.\.\.KATEX_OPTIONS, displayMode: formula\.displayMode \}\)/);
    const options = readFileSync(join(here, 'math-formulas.ts'), 'utf8');
    expect(options).toContain('trust: false');
    expect(options).toContain('throwOnError: false');
  });
});
