/**
 * The page data format, defined once beside its writer in the CLI (`odot worksheet page`).
 * Type-only, so no CLI code reaches the bundles.
 */
export type { PageData, PageMode, PageQuestion } from '../../cli/src/page/page-data.ts';
