import { defaultClientConditions, defineConfig } from 'vite';

/**
 * Two classic-script (IIFE) bundles, one per mode: `practice.js` grades in the page with
 * @odot/grader; `exam.js` checks syntax and shape only and links no grading code. Classic scripts,
 * because Chromium refuses module scripts on file:// pages. Run as `vite build --mode practice|exam`.
 * Strings are written ASCII-escaped (`\u2299` for ⊙), as esbuild does by default, so the generic
 * examples in the parser's messages never read as text of a worksheet when the files are searched.
 */
export default defineConfig(({ mode }) => {
  const entry = mode === 'exam' ? 'exam' : 'practice';
  return {
    resolve: { conditions: ['@odot/source', ...defaultClientConditions] },
    esbuild: { charset: 'ascii' },
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: entry === 'practice',
      copyPublicDir: false,
      lib: { entry: `src/${entry}.ts`, formats: ['iife'], name: 'odotWorksheetPage', fileName: () => `${entry}.js` },
    },
  };
});
