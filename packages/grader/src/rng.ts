import { rngFromUint32, type Rng } from '@odot/numeric';
export type { Rng } from '@odot/numeric';

/** A 53-bit string hash (cyrb53): the same on every machine and engine. */
export function hashString(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A seeded generator (sfc32, 32-bit integer arithmetic only, so identical everywhere), keyed by
 * text: `rngFor('20250530', 'alice', 'q2', 'u')` gives every student, question and matrix its own
 * independent stream, so adding a question never changes another question's numbers.
 */
export function rngFor(...keys: readonly string[]): Rng {
  const key = keys.join('\u0000');
  let a = hashString(key, 1) >>> 0;
  let b = hashString(key, 2) >>> 0;
  let c = hashString(key, 3) >>> 0;
  let d = 1;
  const next32 = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32();
  return rngFromUint32(next32);
}
