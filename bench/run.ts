export {};

// `pnpm bench`: runs every area's benchmark in one process, peers side by side, and prints ratios.
// Each area file exports `run(): Promise<void>`; add one line below per area.
const areas: readonly (readonly [string, () => Promise<{ run: () => Promise<void> }>])[] = [
  ['parse', () => import('./parse.ts')],
  ['numeric', () => import('./numeric.ts')],
  ['grade', () => import('./grade.ts')],
  ['rewrite', () => import('./rewrite.ts')],
  ['page', () => import('./page.ts')],
  ['startup', () => import('./startup.ts')],
  ['inf', () => import('./inf.ts')],
  ['docs', () => import('./docs.ts')],
];

const only = process.argv.slice(2);
for (const [name, load] of areas) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  const { run } = await load();
  await run();
}
