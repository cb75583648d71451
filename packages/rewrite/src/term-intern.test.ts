import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { matrixShape } from '@odot/core';
import { describe, expect, it } from 'vitest';
import { internedCount, mkHad, mkSym, mkUnary } from './term.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Builds `count` distinct terms no one keeps (names unique to this call). */
function buildAndDrop(tag: string, count: number): void {
  const shape = matrixShape('m', 'n');
  for (let k = 0; k < count; k++) mkUnary('transpose', mkHad([mkSym(`${tag}${k}a`, shape), mkSym(`${tag}${k}b`, shape)]));
}

describe('the intern table', () => {
  it('shares a structurally equal term while it is held', () => {
    const shape = matrixShape('m', 'n');
    const a = mkHad([mkSym('Xa', shape), mkSym('Xb', shape)]);
    const b = mkHad([mkSym('Xb', shape), mkSym('Xa', shape)]);
    expect(a).toBe(b);
    expect(mkUnary('transpose', a)).toBe(mkUnary('transpose', b));
  });

  it('lets terms no one holds go, entries included (it does not grow for the life of the process)', async () => {
    const before = internedCount();
    buildAndDrop('Dropped', 2000);
    const peak = internedCount();
    expect(peak).toBeGreaterThanOrEqual(before + 2000 * 4);
    // Collected terms' entries are swept as new terms come in: 20 rounds of 2000 more dropped
    // terms would hold 160 000 entries if nothing were freed.
    for (let round = 0; round < 20; round++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 5));
      buildAndDrop(`Again${round}-`, 2000);
    }
    expect(internedCount()).toBeLessThan(peak + 4 * 8000 * 2);
  });
});
