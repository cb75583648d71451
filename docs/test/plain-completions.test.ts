import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { holdBack, useSite, type HeldRequests } from './site.ts';

// The playground's fields complete before the code editor (CodeMirror, its own chunk) has loaded:
// the plain fields list the same completions as an ARIA combobox, and hand the text, the caret and
// an open list over to the editor when it arrives. The editor's chunk is held back with route
// interception, so the plain fields stay as long as a test needs them.

let editor: HeldRequests;

const { origin, page } = useSite({
  pageTimeoutMs: 20_000,
  setUp: async (_page, browser) => {
    editor = await holdBack(browser, /\/assets\/chunks\/editor\.[\w-]+\.js$/);
  },
});

/**
 * Opens the playground with an empty state (15 s per task) and reaches for the form (a pointer
 * over the expression field): its editor chunk, not asked for until then, is requested and held.
 */
async function open(): Promise<void> {
  await page().goto(`${origin()}/playground.html#v=1&t=15000`);
  await page().getByTestId('playground').waitFor();
  expect(editor.held()).toBe(0);
  await page().getByTestId('expr').hover();
  await expect.poll(() => editor.held()).toBe(1);
}

/** The completion list a plain field controls, once it is open (a field points at its list only then). */
async function listOf(field: Locator): Promise<Locator> {
  await expect.poll(() => field.getAttribute('aria-controls')).not.toBeNull();
  return page().locator(`[id="${await field.getAttribute('aria-controls')}"]`);
}

/** axe-core's WCAG 2.1 A/AA violations (any impact) inside the playground, one line each. */
async function playgroundViolations(): Promise<string[]> {
  const violations = await axeViolations(page(), { within: '[data-testid=playground]' });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

const labels = (list: Locator): Promise<string[]> => list.locator('[role=option] .odot-completion-label').allTextContents();

describe('completions in the plain fields, before the code editor has loaded', () => {
  it('lists backslash names as a combobox: arrow keys move, Enter and Tab accept, Escape closes', async () => {
    await open();
    const expr = page().getByTestId('expr');
    expect(await expr.evaluate((el) => el.tagName)).toBe('INPUT');
    expect(await expr.getAttribute('role')).toBe('combobox');
    expect(await expr.getAttribute('aria-expanded')).toBe('false');
    await expr.fill('');
    await expr.pressSequentially('A \\o');
    const list = await listOf(expr);
    await expect.poll(() => labels(list)).toEqual(['\\odot', '\\oplus', '\\otimes']);
    expect(await list.getAttribute('role')).toBe('listbox');
    expect(await list.locator('[role=option] .odot-completion-detail').allTextContents()).toEqual(['⊙', '⊕', '⊗']);
    expect(await expr.getAttribute('aria-expanded')).toBe('true');
    const selected = async (): Promise<string> => {
      const active = await expr.getAttribute('aria-activedescendant');
      const option = list.locator('[aria-selected=true]');
      expect(await option.count()).toBe(1);
      expect(await option.getAttribute('id')).toBe(active);
      return (await option.locator('.odot-completion-label').textContent()) ?? '';
    };
    expect(await selected()).toBe('\\odot');
    // The open combobox and its listbox pass axe (roles, required and allowed ARIA attributes, names).
    expect(await playgroundViolations()).toEqual([]);
    await expr.press('ArrowDown');
    await expr.press('ArrowDown');
    expect(await selected()).toBe('\\otimes');
    await expr.press('ArrowDown');
    expect(await selected()).toBe('\\odot');
    await expr.press('ArrowUp');
    expect(await selected()).toBe('\\otimes');
    await expr.press('Enter');
    expect(await expr.inputValue()).toBe('A ⊗');
    expect(await expr.getAttribute('aria-expanded')).toBe('false');
    expect(await expr.getAttribute('aria-controls')).toBeNull();
    expect(await list.isVisible()).toBe(false);
    // Tab accepts too (the focus stays in the field); Escape closes and leaves the text as typed.
    await expr.pressSequentially(' B \\tim');
    await expect.poll(() => labels(list)).toEqual(['\\times']);
    await expr.press('Tab');
    expect(await expr.inputValue()).toBe('A ⊗ B ×');
    expect(await expr.evaluate((el) => el === document.activeElement)).toBe(true);
    await expr.pressSequentially(' \\su');
    await expect.poll(() => labels(list)).toEqual(['\\succeq', '\\sum']);
    await expr.press('Escape');
    expect(await expr.getAttribute('aria-expanded')).toBe('false');
    expect(await expr.inputValue()).toBe('A ⊗ B × \\su');
    // Still the plain field: the editor's chunk has not arrived.
    expect(await page().locator('[data-testid=playground][data-editor=ready]').count()).toBe(0);
  });

  it('completes law names after `by` in the plain proof field with the catalogue’s names', async () => {
    await open();
    const proof = page().getByTestId('proof');
    expect(await proof.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    const header = ['given A, B: m×n', 'prove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', 'proof', '    (A ⊙ B)ᵀ', '  = Aᵀ ⊙ Bᵀ    by transpose_hadamard', ''].join('\n');
    await proof.fill(header);
    await proof.press('Control+End');
    await proof.pressSequentially('  = Bᵀ ⊙ Aᵀ    by hadamard_co');
    const list = await listOf(proof);
    // The list is asked of the worker (the catalogue is not in the page's bundle).
    await expect.poll(() => labels(list)).toEqual(['hadamard_comm']);
    expect(await list.locator('[aria-selected=true] .odot-completion-detail').textContent()).toBe('A ⊙ B = B ⊙ A');
    // A textarea keeps its textbox role and points at the list (no aria-expanded on a textbox).
    expect(await proof.getAttribute('role')).toBeNull();
    expect(await proof.getAttribute('aria-activedescendant')).toBe(await list.locator('[aria-selected=true]').getAttribute('id'));
    expect(await playgroundViolations()).toEqual([]);
    await proof.press('Enter');
    expect(await proof.inputValue()).toBe(`${header}  = Bᵀ ⊙ Aᵀ    by hadamard_comm`);
    expect(await proof.getAttribute('aria-activedescendant')).toBeNull();
    // With the list closed Enter is a new line again; the completed name is the law the checker reads.
    await proof.press('Enter');
    await proof.pressSequentially('qed');
    await expect.poll(() => page().getByTestId('proof-verdict').textContent(), { timeout: 20_000 }).toBe('proof checked ✓');
  });

  it('hands the text, the caret and the open list over to the code editor when it loads', async () => {
    await open();
    const expr = page().getByTestId('expr');
    await expr.fill('');
    await expr.pressSequentially('(A  B)ᵀ');
    for (let i = 0; i < 4; i++) await expr.press('ArrowLeft');
    await expr.pressSequentially('\\ot');
    const list = await listOf(expr);
    await expect.poll(() => labels(list)).toEqual(['\\otimes']);
    editor.release();
    await page().locator('[data-testid=playground][data-editor=ready]').waitFor();
    const field = page().getByTestId('expr');
    expect(await field.getAttribute('class')).toContain('cm-content');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    // CodeMirror's own list, opened where the plain one was.
    const cmList = page().locator('.cm-editor:has([data-testid=expr])').getByRole('listbox', { name: 'Completions' });
    await expect.poll(() => cmList.locator('.cm-completionLabel').allTextContents()).toEqual(['\\otimes']);
    // CodeMirror ignores Enter for 75 ms after its list opens.
    await page().waitForTimeout(150);
    await field.press('Enter');
    // The caret stayed where it was typed: the symbol lands there, and so does the next key.
    await field.pressSequentially('C');
    const text = await field.evaluate((el) => [...el.querySelectorAll('.cm-line')].map((line) => line.textContent ?? '').join('\n'));
    expect(text).toBe('(A ⊗C B)ᵀ');
  });
});
