import { defaultClientConditions, defineConfig } from 'vite';
import { WORKER_BUILD } from './worker-build.ts';

/**
 * The standalone playground. Packages are bundled from their TypeScript source (the
 * `@odot/source` export condition), so `pnpm dev` needs no prior build of the libraries.
 */
export default defineConfig({
  base: './',
  resolve: { conditions: ['@odot/source', ...defaultClientConditions] },
  worker: WORKER_BUILD,
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
