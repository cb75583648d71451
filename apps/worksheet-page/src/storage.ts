/**
 * Answers kept in `localStorage`, per worksheet and student (variant key), so a reload or a closed
 * tab loses nothing. A browser that refuses storage (private mode, a quota) just keeps nothing.
 */

const PREFIX = 'odot-page:v1';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch (error) {
    if (error instanceof DOMException) return undefined;
    throw error;
  }
}

function write(key: string, value: string | undefined): void {
  const store = storage();
  if (!store) return;
  try {
    if (value === undefined) store.removeItem(key);
    else store.setItem(key, value);
  } catch (error) {
    if (!(error instanceof DOMException)) throw error;
  }
}

/** The storage key of one student's answers to one worksheet. */
export function answersKey(worksheet: string, student: string): string {
  return `${PREFIX}:${worksheet}:answers:${student}`;
}

/** The saved answers (by question id) of a student, or none. */
export function loadSaved(worksheet: string, student: string): { answers: Record<string, unknown> } {
  const text = storage()?.getItem(answersKey(worksheet, student));
  if (!text) return { answers: {} };
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { answers: parsed as Record<string, unknown> } : { answers: {} };
  } catch (error) {
    if (error instanceof SyntaxError) return { answers: {} };
    throw error;
  }
}

/** Saves a student's answers (by question id). */
export function saveAnswers(worksheet: string, student: string, answers: Record<string, unknown>): void {
  write(answersKey(worksheet, student), JSON.stringify(answers));
}

/** Forgets a student's answers. */
export function clearSaved(worksheet: string, student: string): void {
  write(answersKey(worksheet, student), undefined);
}

/** The id last used on this worksheet's page in this browser. */
export function lastId(worksheet: string): string | undefined {
  return storage()?.getItem(`${PREFIX}:${worksheet}:last-id`) ?? undefined;
}

/** Remembers the id, so a reload starts straight away. */
export function rememberId(worksheet: string, id: string): void {
  write(`${PREFIX}:${worksheet}:last-id`, id.trim());
}
