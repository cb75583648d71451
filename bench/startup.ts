// Start-up benchmark: whole `odot` processes (the built, bundled CLI) against `node -e 0`, run
// interleaved in the same run (so a busy machine slows both alike), as median wall-clock times and
// as ratios to Node alone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from './timing.ts';

const BIN = fileURLToPath(new URL('../apps/cli/dist/bin.js', import.meta.url));
const ROUNDS = 7;

/** The commands timed; the goal is ≤ 0.1 s (about 2× `node -e 0`) for parse, eval and simplify. */
const COMMANDS: readonly (readonly string[])[] = [
  ['parse', 'A ⊙ B'],
  ['eval', 'A ⊙ B', '--let', 'A=[[1,2,3],[4,5,6]]', '--let', 'B=[[7,8,9],[10,11,12]]'],
  ['simplify', '(A ⊙ B)ᵀ', '--given', 'A, B: 2×3'],
  ['--version'],
];

/** Wall-clock milliseconds of one whole `node ARGS` process. */
function time(args: readonly string[]): number {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.toString()}`);
  return ms;
}

/** Prints, per command, the median wall time of `odot …` and of `node -e 0` and their ratio. */
export async function run(): Promise<void> {
  if (!existsSync(BIN)) throw new Error(`build the CLI first (pnpm build): ${BIN} is missing`);
  const baseline: number[] = [];
  const samples = COMMANDS.map(() => [] as number[]);
  time(['-e', '0']);
  for (let round = 0; round < ROUNDS; round++) {
    baseline.push(time(['-e', '0']));
    COMMANDS.forEach((command, k) => samples[k]?.push(time([BIN, ...command])));
  }
  const node = median(baseline);
  console.log(`node -e 0: ${node.toFixed(0)} ms (median of ${ROUNDS})`);
  COMMANDS.forEach((command, k) => {
    const ms = median(samples[k] ?? []);
    console.log(`odot ${command.slice(0, 2).join(' ')}`.padEnd(34) + `${ms.toFixed(0).padStart(5)} ms   ${(ms / node).toFixed(2)}× node -e 0`);
  });
}
