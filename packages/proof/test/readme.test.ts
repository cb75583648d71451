import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTRYWISE_LAWS, checkProof, formatReport } from '../src/index.ts';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists every law of the entrywise calculus', () => {
    for (const law of ENTRYWISE_LAWS) expect(README, law.name).toContain(`\`${law.name}\``);
  });

  it('shows the output the example really produces', () => {
    const text = README.slice(README.indexOf('const text = `') + 'const text = `'.length, README.indexOf('qed`;') + 3);
    const printed = formatReport(checkProof(text), text);
    const shown = [...README.matchAll(/^\/\/ (theorem 1.*| {2}✓ .*|1 of 1 theorem proved)$/gm)].map((match) => match[1]);
    expect(printed.split('\n')).toEqual(shown);
  });
});
