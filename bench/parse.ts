// Parser benchmark: @odot/parser (nearley + moo) against math.js `parse` on the same inputs, in one process.
// Twice: the sources as this bench loads them (TypeScript through tsx), and the built package as
// users run it (`dist/`, tsc's output, which tsx loads untransformed) when it has been built.
import * as source from '@odot/parser';
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

type ParseFn = typeof source.parse;

/** The built package's `parse`, or undefined when the parser has not been built. */
async function builtParse(): Promise<ParseFn | undefined> {
  try {
    const built = (await import(new URL('../packages/parser/dist/index.js', import.meta.url).href)) as typeof source;
    return built.parse;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/** Prints per-token times of odot and math.js, their ratio, and how odot's per-token time grows with size. */
export async function run(): Promise<void> {
  const rows: string[][] = [['odot from', 'input', 'terms', 'tokens', 'odot µs/token', 'math.js µs/token', 'odot / math.js', 'odot growth ×10 size', 'math.js growth']];
  const built = await builtParse();
  for (const [from, parse] of [['source (tsx)', source.parse], ['built dist/', built]] as const) {
    if (parse === undefined) {
      console.log('built package: skipped (build the parser first: pnpm build)');
      continue;
    }
    rows.push(...table(from, parse));
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
  console.log('growth: per-token time at 10× the size divided by the previous one (1.00 = linear); on a busy machine both parsers grow alike');
  console.log('the built rows are what users run (the published package); the source rows add what tsx\'s transform costs');
}

/** The rows of one `parse` (the sources or the built package) against math.js on every workload and size. */
function table(from: string, parse: ParseFn): string[][] {
  const rows: string[][] = [];
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
        from,
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
  return rows;
}
