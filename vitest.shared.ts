import type { UserWorkspaceConfig } from 'vitest/config';

/** Shared vitest settings: run every package on its TypeScript source via the `@odot/source` condition. */
export const odotVitest: UserWorkspaceConfig = {
  resolve: { conditions: ['@odot/source'] },
  ssr: { resolve: { conditions: ['@odot/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
  },
};
