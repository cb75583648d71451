import { defineProject } from 'vitest/config';
import { odotVitest } from '../vitest.shared.ts';

export default defineProject({
  ...odotVitest,
  test: {
    ...odotVitest.test,
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // The browser tests share one Chromium and one server; keep files sequential.
    fileParallelism: false,
  },
});
