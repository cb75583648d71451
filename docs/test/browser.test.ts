import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errors } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeState } from '../../apps/playground/src/url-state.ts';
import { axeViolations } from './axe.ts';
import { SITE_DIST, useSite } from './site.ts';

const docsRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = SITE_DIST;
const shots = join(docsRoot, 'test-results');

const dialogs: string[] = [];

const { origin, page, textOf } = useSite({
  pageTimeoutMs: 15_000,
  setUp: (opened) => {
    dialogs.length = 0;
    opened.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  },
  tearDown: async (done, test) => {
    const name = test.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
    // A full-page shot of the 116-card law reference would be tens of thousands of pixels: the viewport then.
    const tall = await done.evaluate(() => document.documentElement.scrollHeight > 20_000).catch(() => true);
    // The shot is a diagnostic: a page still busy (fonts, a long trace) may time out without failing the test.
    await done.screenshot({ path: join(shots, `${name}.png`), fullPage: !tall, timeout: 10_000 }).catch((error: unknown) => {
      if (!(error instanceof errors.TimeoutError)) throw error;
    });
  },
});

beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

/**
 * Opens the playground page of the docs site with an empty state (or the given hash). The
 * default link sets a generous 15 s time limit per task, so a loaded CI machine cannot turn a
 * result into "timed out"; the timeout test sets its own limit.
 */
async function open(hash = '#v=1&t=15000'): Promise<void> {
  await page().goto(`${origin()}/playground.html${hash}`);
  await page().getByTestId('playground').waitFor();
  // The code editor loads when someone reaches for the form (a pointer over it, the focus): the tests type into it.
  await page().getByTestId('expr').hover();
  await page().locator('[data-testid=playground][data-editor=ready]').waitFor({ timeout: 20_000 });
}

const byTestId = (id: string) => page().getByTestId(id);

/** The text of a field: a plain input's value, or the lines of a code editor (`.cm-content`). */
const fieldValue = (id: string): Promise<string> =>
  page().getByTestId(id).evaluate((el) =>
    el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : [...el.querySelectorAll('.cm-line')].map((line) => line.textContent ?? '').join('\n'),
  );

describe('the playground in the built docs site', () => {
  it('evaluates the seed example typed by hand', async () => {
    await open();
    await byTestId('givens').fill('A, B: 2×3');
    await byTestId('bindings').fill('A = [[1,2,3],[4,5,6]]\nB = [[7,8,9],[10,11,12]]');
    await byTestId('expr').fill('A ⊙ B');
    await expect.poll(() => textOf('eval-result'), { timeout: 20_000 }).toBe('[[7,16,27],[40,55,72]]');
    expect(await byTestId('eval-shape').textContent()).toBe('2×3');
    expect(await byTestId('shape').textContent()).toBe('2×3');
    // The rendered expression is KaTeX output (KaTeX loads for a formula not rendered at build).
    await expect.poll(() => page().locator('[data-testid=rendered] .katex').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The matrix editors show the bindings as grids; editing a cell re-evaluates.
    await byTestId('cell-A-0-0').fill('2');
    await byTestId('cell-A-0-0').press('Tab');
    await expect.poll(() => textOf('eval-result'), { timeout: 20_000 }).toBe('[[14,16,27],[40,55,72]]');
    // Without values, a button fills in example values of the inferred shapes.
    await byTestId('bindings').fill('');
    await byTestId('fill-values').click();
    expect(await byTestId('bindings').inputValue()).toBe('A = [[1,2,3],[4,5,6]]\nB = [[1,2,3],[4,5,6]]');
    await expect.poll(() => textOf('eval-result'), { timeout: 20_000 }).toBe('[[1,4,9],[16,25,36]]');
  });

  it('shows a parse error with its caret', async () => {
    await open();
    await byTestId('expr').fill('A ⊙ ⊙ B');
    const diagnostic = page().locator('[data-testid=pane-analyze] [data-testid=diagnostics] pre').first();
    await diagnostic.waitFor({ timeout: 20_000 });
    const text = (await diagnostic.textContent()) ?? '';
    expect(text).toMatch(/^error: /);
    expect(text).toContain('--> 1:');
    expect(text).toContain('1 | A ⊙ ⊙ B');
    const caretLine = text.split('\n').find((line) => /^\s*\|\s*\^+/.test(line));
    expect(caretLine).toBeDefined();
    // The caret points at the second ⊙ (column 5 of the source line).
    expect(caretLine?.indexOf('^')).toBe(text.split('\n').find((l) => l.startsWith('1 | '))!.indexOf('⊙ B'));
    // The error is shown once: the panes that would repeat it are hidden.
    for (const pane of ['evaluate', 'psd', 'simplify']) await expect.poll(() => page().locator(`[data-pane=${pane}]`).isHidden(), { timeout: 20_000 }).toBe(true);
    expect(await page().locator('.odot-pane:visible pre.odot-error').count()).toBe(1);
  });

  it('names hadamard_comm in a simplify trace', async () => {
    await open();
    await byTestId('givens').fill('A, B: m×n');
    await byTestId('expr').fill('B ⊙ A');
    await byTestId('other').fill('A ⊙ B');
    // The simplify trace names the law of its step…
    const simplifyLaws = page().locator('[data-testid=simplify-steps] [data-testid=step-law]');
    await expect.poll(async () => (await simplifyLaws.allTextContents()).join(' '), { timeout: 20_000 }).toContain('hadamard_comm');
    expect(await textOf('simplify-result')).toBe('A ⊙ B');
    // …and so does the equivalence proof.
    await expect.poll(() => textOf('equiv-verdict'), { timeout: 20_000 }).toMatch(/^equivalent \(proved\)/);
    expect(await page().locator('[data-testid=equiv-steps] [data-testid=step-law]').allTextContents()).toContain('hadamard_comm');
  });

  it('marks the wrong step of a proof with ✗', async () => {
    await open();
    await byTestId('proof').fill(
      ['given A, B: m×n', 'prove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', 'proof', '    (A ⊙ B)ᵀ', '  = Aᵀ ⊙ Bᵀ    by transpose_hadamard', '  = Aᵀ Bᵀ      by hadamard_comm', 'qed'].join('\n'),
    );
    await expect.poll(() => textOf('proof-mark-6'), { timeout: 20_000 }).toBe('✗');
    expect(await byTestId('proof-mark-5').textContent()).toBe('✓');
    expect(await byTestId('proof-verdict').textContent()).toContain('✗');
  });

  it('completes a law name after `by` in the proof editor with the catalogue’s names', async () => {
    await open();
    const header = ['given A, B: m×n', 'prove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', 'proof', '    (A ⊙ B)ᵀ', '  = Aᵀ ⊙ Bᵀ    by transpose_hadamard', ''].join('\n');
    await byTestId('proof').fill(header);
    await byTestId('proof').press('Control+End');
    await byTestId('proof').pressSequentially('  = Bᵀ ⊙ Aᵀ    by hadamard_c');
    // CodeMirror's completion list (an ARIA listbox) offers the catalogue's names, each with its statement.
    const list = page().locator('.cm-editor:has([data-testid=proof])').getByRole('listbox', { name: 'Completions' });
    await expect.poll(() => list.locator('.cm-completionLabel').allTextContents(), { timeout: 20_000 }).toContain('hadamard_comm');
    expect(await list.locator('[aria-selected=true] .cm-completionLabel').textContent()).toBe('hadamard_comm');
    expect(await list.locator('[aria-selected=true] .cm-completionDetail').textContent()).toBe('A ⊙ B = B ⊙ A');
    // CodeMirror ignores Enter for 75 ms after the list opens (its interactionDelay), so a key pressed as it appears is not taken.
    await page().waitForTimeout(150);
    await byTestId('proof').press('Enter');
    await expect.poll(() => fieldValue('proof')).toBe(`${header}  = Bᵀ ⊙ Aᵀ    by hadamard_comm`);
    expect(await list.count()).toBe(0);
    // With the list closed Enter is a new line again; closed with qed, the completed name is the law the checker reads.
    await byTestId('proof').press('Enter');
    await byTestId('proof').pressSequentially('qed');
    await expect.poll(() => textOf('proof-verdict'), { timeout: 20_000 }).toBe('proof checked ✓');
    expect(await byTestId('proof-mark-6').textContent()).toBe('✓');
    expect(await byTestId('proof-line-6').textContent()).toContain('by hadamard_comm (1 application)');
  });

  it('gives the next law and line of an unfinished proof with the Hint button, not the rest of the proof', async () => {
    await open();
    await byTestId('proof').fill(['given A, B: m×n', 'prove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', 'proof', '    (A ⊙ B)ᵀ', 'qed'].join('\n'));
    await byTestId('proof-hint-button').click({ timeout: 20_000 });
    await expect.poll(() => textOf('proof-hint'), { timeout: 20_000 }).toContain('by transpose_hadamard');
    expect(await byTestId('proof-hint').isVisible()).toBe(true);
    const hint = await textOf('proof-hint');
    // Where (after line 4, on the whole line), which law, and the line to write next…
    expect(hint).toContain('after line 4');
    expect(hint).toContain('apply transpose_hadamard');
    expect(hint).toContain('= Aᵀ ⊙ Bᵀ   by transpose_hadamard');
    // …but not the engine's second step: one line to write, and hadamard_comm is not named.
    expect(hint.split('\n').filter((line) => /\sby\s/.test(line))).toHaveLength(1);
    expect(hint).not.toContain('hadamard_comm');
    expect(hint).toContain('step 1 of 2');
  });

  it('colours the expression with the parser’s token classes and turns \\odot into ⊙ as it is typed', async () => {
    await open();
    await byTestId('expr').fill('');
    await byTestId('expr').pressSequentially('(A \\odot B)\\top + diag(v)');
    expect(await fieldValue('expr')).toBe('(A ⊙ B)ᵀ + diag(v)');
    const editor = page().locator('.cm-editor:has([data-testid=expr])');
    expect(await editor.locator('.odot-tok-operator').allTextContents()).toEqual(['⊙', 'ᵀ', '+']);
    expect(await editor.locator('.odot-tok-name').allTextContents()).toEqual(['A', 'B', 'v']);
    expect(await editor.locator('.odot-tok-function').allTextContents()).toEqual(['diag']);
    // In the LaTeX dialect backslash names are what the parser reads: they stay as typed.
    await byTestId('dialect').selectOption('latex');
    await byTestId('expr').fill('');
    await byTestId('expr').pressSequentially('A \\odot B');
    expect(await fieldValue('expr')).toBe('A \\odot B');
    await expect.poll(() => editor.locator('.odot-tok-operator').allTextContents()).toEqual(['\\odot']);
  });

  it('underlines a parse error in the expression and a wrong proof step in the proof editor', async () => {
    await open();
    await byTestId('expr').fill('A ⊙ ⊙ B');
    const exprMark = page().locator('.cm-editor:has([data-testid=expr]) .cm-lintRange-error');
    await exprMark.waitFor({ timeout: 20_000 });
    expect(await exprMark.textContent()).toBe('⊙');
    await byTestId('expr').fill('A ⊙ B');
    await expect.poll(() => exprMark.count(), { timeout: 20_000 }).toBe(0);
    await byTestId('proof').fill(
      ['given A, B: m×n', 'prove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', 'proof', '    (A ⊙ B)ᵀ', '  = Aᵀ ⊙ Bᵀ    by transpose_hadamard', '  = Aᵀ Bᵀ      by hadamard_comm', 'qed'].join('\n'),
    );
    const proofMark = page().locator('.cm-editor:has([data-testid=proof]) .cm-lintRange-error');
    // The mark may be split by the colours inside it: its pieces make up the wrong line.
    await expect.poll(async () => (await proofMark.allTextContents()).join(''), { timeout: 20_000 }).toBe('  = Aᵀ Bᵀ      by hadamard_comm');
  });

  it('reads the chosen dialect: NumPy * is the Hadamard product', async () => {
    await open();
    await byTestId('dialect').selectOption('numpy');
    await byTestId('bindings').fill('A = [[1,2,3],[4,5,6]]\nB = [[7,8,9],[10,11,12]]');
    await byTestId('expr').fill('A * B');
    await expect.poll(() => textOf('eval-result'), { timeout: 20_000 }).toBe('[[7,16,27],[40,55,72]]');
    expect(await textOf('plain')).toBe('A ⊙ B');
    await byTestId('expr').fill('A @ B.T');
    await expect.poll(() => textOf('eval-result'), { timeout: 20_000 }).toBe('[[50,68],[122,167]]');
  });

  it('restores the state from a link', async () => {
    const state = {
      expr: 'P ⊙ Q',
      dialect: 'plain',
      givens: 'P, Q: 2×2 psd',
      bindings: 'P = [[2,1],[1,2]]\nQ = [[1,0],[0,3]]',
      mode: 'exact',
      other: '',
      proof: '',
      limitMs: 15000,
    } as const;
    await open(encodeState(state));
    expect(await fieldValue('expr')).toBe('P ⊙ Q');
    expect(await fieldValue('givens')).toBe('P, Q: 2×2 psd');
    expect(await byTestId('bindings').inputValue()).toBe(state.bindings);
    await expect.poll(() => textOf('eval-result'), { timeout: 20_000 }).toBe('[[2,0],[0,6]]');
    await expect.poll(() => textOf('psd-verdict'), { timeout: 20_000 }).toMatch(/^psd/);
    expect(await page().locator('[data-testid=eigen-chart] rect').count()).toBe(2);
    // Typing updates the hash; reloading the link reproduces the view.
    await byTestId('expr').fill('Q ⊙ P');
    await expect.poll(() => page().evaluate(() => location.hash), { timeout: 5_000 }).toContain('e=Q');
    const url = page().url();
    await page().goto('about:blank');
    await page().goto(url);
    await page().getByTestId('playground').waitFor();
    expect(await fieldValue('expr')).toBe('Q ⊙ P');
    await expect.poll(() => textOf('eval-result'), { timeout: 20_000 }).toBe('[[2,0],[0,6]]');
  });

  it('times out a hard input, restarts the engine and keeps working', async () => {
    await open();
    await byTestId('givens').fill('A, B, C, D, E, F, G, H: n×n');
    await byTestId('expr').fill('A ⊙ B');
    await expect.poll(() => textOf('simplify-result'), { timeout: 20_000 }).toBe('A ⊙ B');
    // A 0.1 s limit against a simplification that takes seconds (a cube of an 8-term sum).
    await byTestId('time-limit').fill('0.1');
    await byTestId('time-limit').press('Tab');
    const sum = '(A + B + C + D + E + F + G + H)';
    await byTestId('expr').fill(`${sum} ⊙ ${sum} ⊙ ${sum}`);
    await expect.poll(() => textOf('status-simplify'), { timeout: 20_000 }).toBe('timed out after 100 ms (the engine was restarted)');
    expect(page().url()).toContain('t=100');
    // A fresh worker answers the next input.
    await byTestId('time-limit').fill('4');
    await byTestId('time-limit').press('Tab');
    await byTestId('expr').fill('B ⊙ A');
    await expect.poll(() => textOf('simplify-result'), { timeout: 20_000 }).toBe('A ⊙ B');
    expect(await textOf('status-simplify')).toBe('');
    expect(page().url()).not.toContain('t=');
  });

  it('shows hostile input as text and runs no script', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await open();
    await byTestId('expr').fill(hostile);
    await byTestId('givens').fill(hostile);
    await byTestId('proof').fill(hostile);
    const diagnostics = page().locator('[data-testid=diagnostics]').first();
    await diagnostics.waitFor({ timeout: 20_000 });
    await expect.poll(() => page().locator('[data-testid=playground]').textContent(), { timeout: 20_000 }).toContain(hostile);
    expect(await page().locator('[data-testid=playground] img').count()).toBe(0);
    // And through a link, too.
    await page().goto('about:blank');
    await open(encodeState({ expr: hostile, dialect: 'latex', givens: '', bindings: `A = ${hostile}`, mode: 'exact', other: hostile, proof: '', limitMs: 4000 }));
    await page().locator('[data-testid=diagnostics]').first().waitFor({ timeout: 20_000 });
    await page().waitForTimeout(500);
    expect(await page().locator('[data-testid=playground] img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

/** The page's width in CSS pixels (wider than the viewport means sideways scrolling). */
const pageWidth = (): Promise<number> => page().evaluate(() => document.documentElement.scrollWidth);

describe('layouts', () => {
  it('keeps the law reference and a proof table inside a 390 px phone', async () => {
    await page().setViewportSize({ width: 390, height: 844 });
    await page().goto(`${origin()}/laws.html`);
    await page().locator('[data-law=hadamard_comm]').waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await open();
    await byTestId('proof').fill(
      ['given A, B: m×n', 'prove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', 'proof', '    (A ⊙ B)ᵀ', '  = Aᵀ ⊙ Bᵀ    by transpose_hadamard', '  = Bᵀ ⊙ Aᵀ    by hadamard_comm', 'qed'].join('\n'),
    );
    await expect.poll(() => textOf('proof-mark-6'), { timeout: 20_000 }).toBe('✓');
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    // The first result is right under the expression, not below every other input.
    await byTestId('expr').fill('A ⊙ B');
    await page().locator('[data-testid=pane-analyze] [data-testid=shape]').waitFor({ timeout: 20_000 });
    const exprBottom = await byTestId('expr').evaluate((el) => el.getBoundingClientRect().bottom);
    const firstResult = await page().locator('[data-pane=analyze]').evaluate((el) => el.getBoundingClientRect().top);
    expect(firstResult - exprBottom).toBeGreaterThan(0);
    expect(firstResult - exprBottom).toBeLessThan(200);
  });

  it('fits the dialect table at 1280 px', async () => {
    await page().setViewportSize({ width: 1280, height: 900 });
    await page().goto(`${origin()}/guide/language.html`);
    const table = page().locator('.vp-doc table').first();
    await table.waitFor();
    expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });

  it('colours shell sessions: the prompt and the command apart from the output', async () => {
    await page().goto(`${origin()}/guide/cli.html`);
    const session = page().locator('pre.shell-session').first();
    await session.waitFor();
    const command = session.locator('.line.shell-command').first();
    expect(await command.locator('.shell-prompt').textContent()).toBe('$ ');
    expect(await command.textContent()).toBe('$ odot --help');
    const output = session.locator('.line.shell-output').first();
    expect(await output.textContent()).toBe('odot: the algebra of the Hadamard (element-wise, Schur) product');
    // Output is plain text (no shell tokens), in another colour and weight than the command.
    expect(await output.locator('span').count()).toBe(0);
    const style = (locator: typeof output) => locator.evaluate((el) => { const s = getComputedStyle(el); return `${s.color} ${s.fontWeight}`; });
    expect(await style(output)).not.toBe(await style(command.locator('span:not(.shell-prompt)').first()));
    expect(await command.locator('.shell-prompt').evaluate((el) => getComputedStyle(el).userSelect)).toBe('none');
  });

  it('says what to do when there is nothing to compute', async () => {
    await open('#v=1');
    const empty = byTestId('empty-state');
    expect(await empty.isVisible()).toBe(true);
    expect(await empty.textContent()).toContain('Nothing to compute yet');
    await byTestId('expr').fill('A ⊙ B');
    await expect.poll(() => empty.isVisible(), { timeout: 20_000 }).toBe(false);
  });

  it('scrolls a 40×40 matrix grid inside the inputs column', async () => {
    const row = (i: number) => `[${Array.from({ length: 40 }, (_, j) => String(i * 40 + j)).join(',')}]`;
    await open();
    await byTestId('bindings').fill(`A = [${Array.from({ length: 40 }, (_, i) => row(i)).join(',')}]`);
    await byTestId('expr').fill('A ⊙ A');
    await byTestId('cell-A-39-39').waitFor({ timeout: 20_000 });
    await expect.poll(() => textOf('eval-shape'), { timeout: 20_000 }).toBe('40×40');
    const grid = await page().locator('[data-testid=matrix-editor-A]').evaluate((table) => table.parentElement!.getBoundingClientRect().right);
    const column = await page().locator('.odot-inputs').evaluate((el) => el.getBoundingClientRect().right);
    expect(grid).toBeLessThanOrEqual(column + 1);
    expect(await pageWidth()).toBeLessThanOrEqual(1400);
  });
});

describe('engine limits and law links', () => {
  it('puts a stopped simplification under a warning at the top and renders its long trace lazily', async () => {
    await open();
    await byTestId('givens').fill('A, B, C, D, E, F, G, H: n×n');
    const sum = '(A + B + C + D + E + F + G + H)';
    // The fourth power of an 8-term sum (4096 products): over the simplifier's budget however fast the machine is.
    await byTestId('expr').fill(`${sum} ⊙ ${sum} ⊙ ${sum} ⊙ ${sum}`);
    const warning = page().locator('[data-testid=pane-simplify] [data-testid=simplify-limit]');
    await warning.waitFor({ timeout: 30_000 });
    expect(await warning.textContent()).toMatch(/^Stopped by a limit \(.+\) after \d+ steps: .*not a simplified form/);
    const top = async (selector: string) => (await page().locator(selector).boundingBox())?.y ?? Number.NaN;
    expect(await top('[data-testid=simplify-limit]')).toBeLessThan(await top('[data-testid=simplify-result]'));
    expect(await page().locator('[data-testid=pane-simplify]').textContent()).not.toContain('Simplified:');
    // A trace of hundreds of steps: the input, the first and last five steps, and a button for the rest.
    const steps = page().locator('[data-testid=simplify-steps] > li');
    expect(await steps.count()).toBeLessThanOrEqual(12);
    const total = Number(/after (\d+) steps/.exec((await warning.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(12);
    await page().locator('[data-testid=pane-simplify] details > summary').click();
    await byTestId('trace-expand').click();
    await expect.poll(() => steps.count()).toBe(12 + 50);
  });

  it('reads 1e-3 in a value as one number', async () => {
    await open();
    await byTestId('bindings').fill('A = [[1e-3, 2]]');
    await byTestId('expr').fill('1000 A');
    await expect.poll(() => textOf('eval-result'), { timeout: 20_000 }).toBe('[[1,2000]]');
  });

  it("opens a law card's Try-it link with the card's own example, decided as equivalent", async () => {
    await page().goto(`${origin()}/laws.html#hadamard_pow_succ`);
    await page().locator('[data-law=hadamard_pow_succ] a', { hasText: 'Try it' }).click();
    await page().getByTestId('playground').waitFor();
    expect(await fieldValue('expr')).toBe('A^⊙2 ⊙ A');
    await expect.poll(() => textOf('equiv-verdict'), { timeout: 20_000 }).toMatch(/^equivalent/);
    await expect.poll(() => textOf('eval-shape'), { timeout: 20_000 }).toMatch(/^\d+×\d+$/);
    // The simplify trace links each law name to its card.
    const link = page().locator('[data-testid=simplify-steps] a').first();
    expect(await link.getAttribute('href')).toMatch(/laws\.html#[a-z_]+$/);
  });
});

describe('share links', () => {
  it('compresses a 100×100 matrix into a link that restores it, and says when a view is too large', async () => {
    const matrix = `A = [${Array.from({ length: 100 }, (_, i) => `[${Array.from({ length: 100 }, (_, j) => String((i * 7 + j * 13) % 101)).join(',')}]`).join(',')}]`;
    await open();
    await byTestId('bindings').fill(matrix);
    await expect.poll(() => page().evaluate(() => location.hash), { timeout: 5_000 }).toMatch(/^#v=1&z=[A-Za-z0-9_-]+$/);
    const url = page().url();
    await page().goto('about:blank');
    await page().goto(url);
    await page().getByTestId('playground').waitFor();
    expect(await byTestId('bindings').inputValue()).toBe(matrix);
    expect(await byTestId('share-link').inputValue()).toBe(url);
    // Incompressible text over the limit: no link, a clear message, no stale hash.
    let seed = 12345;
    const noise = Array.from({ length: 250_000 }, () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return String.fromCharCode(33 + ((seed >>> 0) % 90));
    }).join('');
    await byTestId('bindings').fill('');
    await byTestId('proof').fill(noise);
    await expect.poll(() => textOf('share-status'), { timeout: 10_000 }).toMatch(/too large for a link/);
    expect(await byTestId('share-link').inputValue()).toBe('');
    expect(await page().evaluate(() => location.hash)).toBe('');
  });
});

/** Every page of the built site (the generated API reference too), as a path under the server (`/guide/cli.html`). */
function sitePages(): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && file !== '404.html')
    .map((file) => `/${file.split('\\').join('/')}`)
    .sort();
}

/**
 * The serious and critical axe-core violations of the open page, one line each: WCAG 2.1 A/AA
 * rules, or only the given ones.
 */
async function seriousViolations(rules?: readonly string[]): Promise<string[]> {
  const violations = await axeViolations(page(), rules ? { rules } : {});
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 3).join(', ')}`);
}

describe('accessibility and search', () => {
  it('has no serious axe-core violation on any page, light or dark', async () => {
    const found: string[] = [];
    const seed = '#v=1&t=15000&e=A+%E2%8A%99+B&g=A%2C+B%3A+2%C3%973&b=A+%3D+%5B%5B1%2C2%2C3%5D%2C%5B4%2C5%2C6%5D%5D%0AB+%3D+%5B%5B7%2C8%2C9%5D%2C%5B10%2C11%2C12%5D%5D';
    await page().emulateMedia({ colorScheme: 'light' });
    for (const path of sitePages()) {
      await page().goto(`${origin()}${path}${path === '/playground.html' ? seed : ''}`);
      if (path === '/playground.html') await expect.poll(() => textOf('eval-result'), { timeout: 20_000 }).toBe('[[7,16,27],[40,55,72]]');
      for (const violation of await seriousViolations()) found.push(`light ${path}: ${violation}`);
      // Dark mode is VitePress's `dark` class on <html>: only colours change, so only contrast is re-checked.
      // Transitions off first (as VitePress's own toggle does), or axe would see colours mid-fade.
      await page().addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
      await page().evaluate(() => document.documentElement.classList.add('dark'));
      for (const violation of await seriousViolations(['color-contrast'])) found.push(`dark ${path}: ${violation}`);
    }
    expect(found).toEqual([]);
  }, 480_000);

  it("opens a guide example in the playground with the example's state", async () => {
    await page().goto(`${origin()}/guide/hadamard-product.html`);
    const command = "odot eval 'A ⊙ B' --let 'A=[[1,2,3],[4,5,6]]' --let 'B=[[7,8,9],[10,11,12]]'";
    await page().locator('[data-testid=open-in-playground] p', { hasText: command }).locator('a').first().click();
    await page().getByTestId('playground').waitFor();
    expect(await fieldValue('expr')).toBe('A ⊙ B');
    await expect.poll(() => textOf('eval-result'), { timeout: 20_000 }).toBe('[[7,16,27],[40,55,72]]');
  });

  it('finds law cards with the site search', async () => {
    await page().goto(`${origin()}/index.html`);
    for (const name of ['kronecker_hadamard', 'schur', 'hadamard_power_psd']) {
      await page().locator('.VPNavBarSearch button').first().click();
      const input = page().locator('.VPLocalSearchBox input').first();
      await input.fill(name);
      const hrefs = () => page().locator('.VPLocalSearchBox .results a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      await expect.poll(hrefs, { timeout: 10_000 }).toContain(`/laws.html#${name}`);
      await page().keyboard.press('Escape');
      await page().locator('.VPLocalSearchBox').waitFor({ state: 'detached' });
    }
    // A law's anchor opens its card.
    await page().goto(`${origin()}/laws.html#schur`);
    expect(await page().locator('h3#schur').isVisible()).toBe(true);
  });
});
