import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAW_FAMILIES } from './families.ts';
import { parseLawText } from './parse-law.ts';
import { PARSED_LAWS } from './parsed.generated.ts';
import { precompiledModule } from '../../scripts/precompiled-module.ts';

// The catalogue's text is parsed at build time (issue 17, start-up); these tests fail as soon as the
// generated module and the family files disagree, so it can never go stale unnoticed.
const SPECS = LAW_FAMILIES.flatMap(([, specs]) => specs);

describe('the precompiled catalogue (parsed.generated.ts)', () => {
  it('holds exactly the laws of the family files, each equal to parsing its text now', () => {
    expect(Object.keys(PARSED_LAWS).sort()).toEqual(SPECS.map((spec) => spec.name).sort());
    for (const spec of SPECS) expect(PARSED_LAWS[spec.name], spec.name).toEqual(parseLawText(spec));
  });
  it('is the file the generator writes (run `pnpm --filter @odot/rewrite generate` after editing a law)', () => {
    const onDisk = readFileSync(new URL('./parsed.generated.ts', import.meta.url), 'utf8');
    expect(onDisk).toBe(precompiledModule(SPECS));
  });
});
