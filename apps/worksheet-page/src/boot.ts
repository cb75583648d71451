import type { PageGrader } from './app.ts';
import { mountPage, startScorm } from './app.ts';
import type { PageData } from './page-types.ts';
import { findScormApi } from './scorm.ts';

function fail(root: HTMLElement, message: string): void {
  root.textContent = `This worksheet page cannot start: ${message}`;
}

/** Reads the embedded page data and mounts the page; `makeGrader` is given by the practice bundle only. */
export function boot(makeGrader: ((data: PageData) => PageGrader | string) | undefined): void {
  const root = document.getElementById('app') ?? document.body;
  const text = document.getElementById('odot-data')?.textContent ?? '';
  let data: PageData;
  try {
    data = JSON.parse(text) as PageData;
  } catch (error) {
    if (error instanceof SyntaxError) return fail(root, `the embedded worksheet data is not JSON (${error.message})`);
    throw error;
  }
  if (typeof data !== 'object' || data === null || !Array.isArray(data.questions)) return fail(root, 'the embedded worksheet data has no questions');
  const grader = makeGrader?.(data);
  if (typeof grader === 'string') return fail(root, grader);
  const api = data.scorm ? findScormApi(window) : undefined;
  mountPage(root, data, grader, api ? startScorm(api) : undefined);
}
