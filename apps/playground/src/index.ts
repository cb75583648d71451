export { mountPlayground } from './mount.ts';
export type { MountOptions, PlaygroundHandle } from './mount.ts';
export type { PlaygroundState, PlaygroundDialect, EvalMode } from './state.ts';
export { EMPTY_STATE, SEED_STATE } from './state.ts';
export { decodeState, encodeState } from './url-state.ts';
