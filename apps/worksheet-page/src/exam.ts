import { boot } from './boot.ts';

// The exam bundle: no grading code, no answers. Live checks only.
boot(undefined);
