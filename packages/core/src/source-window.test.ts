import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatError, odotError } from './error.ts';
import { SOURCE_WINDOW, displayWidth, sourceWindow } from './source-window.ts';

/** The span of `length` characters at 1-based `column` of line 1. */
const at = (column: number, length = 1) => ({
  start: { line: 1, column, offset: column - 1 },
  end: { line: 1, column: column + length, offset: column - 1 + length },
});

/** The shown source line and the caret line of a formatted diagnostic. */
function shown(text: string): { line: string; caret: string } {
  const lines = text.split('\n');
  return { line: (lines[3] ?? '').replace(/^\d+ \| /, ''), caret: (lines[4] ?? '').replace(/^ *\| /, '') };
}

describe('displayWidth', () => {
  it('counts wide characters two columns and combining marks none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('行列')).toBe(4);
    expect(displayWidth('Ａ')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('A ⊙ Bᵀ')).toBe(6);
  });

  it('agrees with string-width (the terminal-width library) on names and formulas students write', () => {
    const samples = [
      '李雷', '韩梅梅', 'Ünïcödé', 'José', 'Zoë', 'Nguyễn Văn An', '김민준', 'さくら', 'Ｆｕｌｌ',
      '👩‍🎓', '🇫🇷', '❤️', '👍🏽', 'e\u0301\u0301', 'A ⊙ B + Cᵀ', '(A ⊙ B)ᵢⱼ', 'Σ_k A[i,k] B[k,j]', 'α β γ', 'x\u200by',
    ];
    for (const s of samples) expect(displayWidth(s), s).toBe(stringWidth(s));
  });
});

describe('sourceWindow', () => {
  it('keeps a line that fits whole', () => {
    expect(sourceWindow('see ABCD', 4, 6)).toEqual({ text: 'see ABCD', caretColumn: 4, caretWidth: 2 });
  });

  it('clips a long line around the caret with … at both cut ends', () => {
    const line = `${'a'.repeat(1000)}X${'b'.repeat(1000)}`;
    const w = sourceWindow(line, 1000, 1001);
    expect(w.text.startsWith('…')).toBe(true);
    expect(w.text.endsWith('…')).toBe(true);
    expect(displayWidth(w.text)).toBeLessThanOrEqual(SOURCE_WINDOW);
    expect([...w.text][w.caretColumn]).toBe('X');
    expect(w.caretWidth).toBe(1);
  });

  it('cuts only the end when the caret is near the start, only the start near the end', () => {
    const line = 'x'.repeat(500);
    expect(sourceWindow(line, 2, 3).text.startsWith('…')).toBe(false);
    expect(sourceWindow(line, 2, 3).text.endsWith('…')).toBe(true);
    const end = sourceWindow(line, 499, 500);
    expect(end.text.startsWith('…')).toBe(true);
    expect(end.text.endsWith('…')).toBe(false);
    expect(end.caretColumn).toBe(displayWidth(end.text) - 1);
  });

  it('aligns the caret after wide characters and never splits a surrogate pair', () => {
    const line = `${'行'.repeat(300)}X${'😀'.repeat(300)}`;
    const w = sourceWindow(line, 300, 301);
    expect(displayWidth(w.text)).toBeLessThanOrEqual(SOURCE_WINDOW);
    expect(displayWidth([...w.text].slice(0, [...w.text].indexOf('X')).join(''))).toBe(w.caretColumn);
    expect(w.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    // A caret on a wide character is two columns wide.
    const wide = sourceWindow('a行b', 1, 2);
    expect(wide).toEqual({ text: 'a行b', caretColumn: 1, caretWidth: 2 });
  });
});

describe('formatError on long lines', () => {
  it('shows a bounded window of a 2 MB one-line input, the caret under the error', () => {
    const source = `${'A + '.repeat(500_000)}?${' + B'.repeat(100)}`;
    const column = 2_000_001;
    expect(source[column - 1]).toBe('?');
    const text = formatError(odotError('bad-token', 'unexpected ?', { span: at(column) }), source, 'big.txt');
    expect(text.length).toBeLessThan(400);
    expect(text).toContain('--> big.txt:1:2000001');
    const { line, caret } = shown(text);
    expect(displayWidth(line)).toBeLessThanOrEqual(SOURCE_WINDOW);
    expect(line.startsWith('…') && line.endsWith('…')).toBe(true);
    expect(caret.trimStart()).toBe('^');
    expect([...line][caret.indexOf('^')]).toBe('?');
  });

  it('clips a long caret run to the window', () => {
    const source = 'x'.repeat(10_000);
    const text = formatError(odotError('bad', 'too long', { span: at(1, 10_000) }), source);
    const { line, caret } = shown(text);
    expect(line.endsWith('…')).toBe(true);
    expect(caret.length).toBeLessThanOrEqual(SOURCE_WINDOW);
    expect(caret.startsWith('^')).toBe(true);
  });

  it('aligns the caret under wide characters on a short line', () => {
    const text = formatError(odotError('bad', 'oops', { span: at(3) }), '行列X');
    const { caret } = shown(text);
    expect(caret).toBe('    ^');
  });
});
