import { hashString } from './rng.ts';

/**
 * Who a submission belongs to, and which variant (random matrices) that student gets. One function
 * decides the variant key, shared by `odot grade`, the student page and the SCORM package, so a
 * student always sees the matrices they are graded on.
 */

/**
 * A name or id in the form used to compare identities and key variants: Unicode NFC, trimmed,
 * whitespace runs collapsed to one space, case-folded. `'  Ada   LOVELACE '` → `'ada lovelace'`.
 */
export function normaliseIdentity(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase().normalize('NFC');
}

/** What identifies a student for variant purposes. */
export interface IdentityParts {
  /** The student's id, as the student page writes it (`id:`) or as a roster row gives it. */
  readonly id?: string | undefined;
  /** The name the student typed (`student:`). */
  readonly student?: string | undefined;
}

/**
 * The key of a student's variant: the normalised id when there is one (the submission's own `id:`,
 * or the id of the roster row its name or email matched), else the normalised name. An empty result
 * means the submission names nobody.
 */
export function variantKey(identity: IdentityParts): string {
  const id = identity.id === undefined ? '' : normaliseIdentity(identity.id);
  if (id !== '') return id;
  return identity.student === undefined ? '' : normaliseIdentity(identity.student);
}

/**
 * How a student page carries a class list without printing it: each id as the hex cyrb53 hash of
 * its variant key. A typed id is accepted when its hash is in the list (`'S1001'` and `' s1001 '`
 * hash alike).
 */
export function rosterIdHash(id: string): string {
  return hashString(variantKey({ id }), 0x0d07).toString(16);
}
