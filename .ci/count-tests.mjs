// Sums vitest's JSON reports (.vitest-report.json in every workspace package) and prints
// `N passed, N failed` alone on the last line. Exits non-zero when no report exists or none ran a test.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dirs = ['packages', 'apps'].flatMap((top) =>
  existsSync(join(root, top)) ? readdirSync(join(root, top)).map((d) => join(root, top, d)) : [],
);
dirs.push(join(root, 'docs'), join(root, 'bench'));
let passed = 0;
let failed = 0;
let skipped = 0;
let reports = 0;
for (const dir of dirs) {
  const file = join(dir, '.vitest-report.json');
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  reports += 1;
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${dir.slice(root.length)}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
if (reports === 0) {
  console.log('no vitest report found');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(skipped > 0 ? `${passed} passed, ${failed} failed, ${skipped} skipped` : `${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
