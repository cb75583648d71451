import { defineProject } from 'vitest/config';
import { odotVitest } from '../../vitest.shared.ts';

export default defineProject({ ...odotVitest, test: { ...odotVitest.test, testTimeout: 120_000, hookTimeout: 120_000 } });
