// Bundles the `odot` command into dist/bin.js (one ESM file) with each command's code in its own
// chunk under dist/chunks/, loaded by dynamic import only when that command runs. Runs after tsc,
// which builds the library entry (dist/index.js, the declarations); tsc's own dist/bin.* are replaced.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
for (const file of ['bin.js', 'bin.js.map', 'bin.d.ts', 'bin.d.ts.map']) rmSync(join(dist, file), { force: true });
rmSync(join(dist, 'chunks'), { recursive: true, force: true });

// The grader starts worker threads from `./worker.js` beside its batch code, which lands in
// dist/chunks/: the worker is bundled there as a second entry point.
const require = createRequire(import.meta.url);
const graderNode = dirname(require.resolve('@odot/grader/node'));

await build({
  absWorkingDir: root,
  entryPoints: { bin: 'src/bin.ts', 'chunks/worker': join(graderNode, 'worker.js') },
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // yaml resolves to its CommonJS build under Node, whose `require('process')` needs a real require.
  banner: { js: "import { createRequire as __odotCreateRequire } from 'node:module'; const require = __odotCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
