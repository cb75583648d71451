// Copies the prebuilt student page (apps/worksheet-page/dist) into dist/worksheet-page, so the
// published CLI carries it. Turbo builds @odot/worksheet-page before @odot/cli (see turbo.json).
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const from = join(here, '..', '..', 'worksheet-page', 'dist');
const to = join(here, '..', 'dist', 'worksheet-page');
if (!existsSync(join(from, 'practice.js'))) {
  console.error(`error: ${from} has no practice.js: build @odot/worksheet-page first (pnpm build does)`);
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
