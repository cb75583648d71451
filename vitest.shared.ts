import { fileURLToPath } from 'node:url';
import type { UserWorkspaceConfig } from 'vitest/config';

/**
 * Shared vitest settings: run every package on its TypeScript source via the `@odot/source`
 * condition, in a temporary directory of the run's own that is removed when the run ends.
 */
export const odotVitest: UserWorkspaceConfig = {
  resolve: { conditions: ['@odot/source'] },
  ssr: { resolve: { conditions: ['@odot/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    globalSetup: [fileURLToPath(new URL('./vitest.tmpdir.ts', import.meta.url))],
  },
};
