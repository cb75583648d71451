// Parser benchmark: @odot/parser (nearley + moo) against math.js `parse` on the same inputs, in one process.
import { parse } from '@odot/parser';
import { parse as mathParse } from 'mathjs';
import { compare } from './timing.ts';

/** Tokens as a reader counts them (names, numbers, `.*`, single symbols): the same count for both parsers. */
function tokenCount(text: string): number {
  return text.match(/[A-Za-z]\w*|\d+|\.\*|\S/g)?.length ?? 0;
}

/** Inputs both parsers read with the same meaning (`.*` Hadamard, `'` transpose, `^` power, `+ -`). */
const WORKLOADS: readonly { readonly name: string; readonly term: (i: number) => string; readonly join: string }[] = [
  { name: 'A1 .* B1 + A2 .* B2 + …', term: (i) => `A${i} .* B${i}`, join: ' + ' },
  { name: "(A1 - B1)' .* C1^2 + …", term: (i) => `(A${i} - B${i})' .* C${i}^2`, join: ' + ' },
];

const SIZES = [10, 100, 1000, 10_000];

/** Prints per-token times of odot and math.js, their ratio, and how odot's per-token time grows with size. */
export async function run(): Promise<void> {
  const rows: string[][] = [['input', 'terms', 'tokens', 'odot µs/token', 'math.js µs/token', 'odot / math.js', 'odot growth ×10 size', 'math.js growth']];
  for (const workload of WORKLOADS) {
    let previous: number | undefined;
    let previousPeer: number | undefined;
    for (const n of SIZES) {
      const text = Array.from({ length: n }, (_, i) => workload.term(i + 1)).join(workload.join);
      const check = parse(text);
      if (!check.ok) throw new Error(`odot cannot parse the benchmark input: ${check.error.message}`);
      const tokens = tokenCount(text);
      const { odotMs, peerMs } = compare(
        () => parse(text),
        () => mathParse(text),
        { budgetMs: n >= 10_000 ? 4000 : 1500 },
      );
      const odotPerToken = (odotMs * 1000) / tokens;
      const peerPerToken = (peerMs * 1000) / tokens;
      rows.push([
        workload.name,
        String(n),
        String(tokens),
        odotPerToken.toFixed(3),
        peerPerToken.toFixed(3),
        `${(odotMs / peerMs).toFixed(2)}×`,
        previous === undefined ? '' : (odotPerToken / previous).toFixed(2),
        previousPeer === undefined ? '' : (peerPerToken / previousPeer).toFixed(2),
      ]);
      previous = odotPerToken;
      previousPeer = peerPerToken;
    }
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
  console.log('growth: per-token time at 10× the size divided by the previous one (1.00 = linear); on a busy machine both parsers grow alike');
}
