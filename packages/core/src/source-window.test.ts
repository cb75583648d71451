import { fc, test } from '@fast-check/vitest';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatError, odotError } from './error.ts';
import { displayWidth } from './display-width.ts';
import { SOURCE_WINDOW, sourceWindow } from './source-window.ts';

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

/** The grapheme boundaries of the whole line: the reference a window's cuts must respect. */
function boundaries(line: string): Set<number> {
  const out = new Set([line.length]);
  for (const { index } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(line)) out.add(index);
  return out;
}

/**
 * Checks the window of `line` for a caret at code units [from, to) against an independent
 * computation: the shown text is `…`? + a stretch of the line cut at grapheme boundaries of the
 * whole line + `…`? (a mark exactly where something was cut), at most `window` columns by
 * string-width; the caret starts at the cluster holding `from`, its column is the string-width of
 * the text before that cluster, and it spans the clusters up to `to` that are shown.
 */
function expectWindow(line: string, from: number, to: number, window = SOURCE_WINDOW): void {
  const w = sourceWindow(line, from, to, window);
  const cuts = boundaries(line);
  const f = Math.min(Math.max(from, 0), line.length);
  const t = Math.max(f, Math.min(to, line.length));
  const caretStart = Math.max(...[...cuts].filter((b) => b <= f));
  const caretEnd = Math.min(...[...cuts].filter((b) => b >= t));
  const lead = w.text.startsWith('…') ? '…' : '';
  const trail = w.text.length > lead.length && w.text.endsWith('…') ? '…' : '';
  const inner = w.text.slice(lead.length, w.text.length - trail.length);
  expect(stringWidth(w.text), w.text).toBeLessThanOrEqual(Math.max(window, stringWidth(line) <= window && line.length <= window ? 0 : window));
  const places: number[] = [];
  for (let p = line.indexOf(inner); p >= 0 && p <= line.length; p = p === line.length ? -1 : line.indexOf(inner, p + 1)) places.push(p);
  const fits = places.some((p) => {
    const e = p + inner.length;
    if (!cuts.has(p) || !cuts.has(e) || (p > 0) !== (lead !== '') || (e < line.length) !== (trail !== '')) return false;
    if (caretStart < p || caretStart > e) return false;
    const column = stringWidth(lead + line.slice(p, caretStart));
    const width = Math.max(1, stringWidth(line.slice(caretStart, Math.min(caretEnd, e))));
    return w.caretColumn === column && w.caretWidth === width;
  });
  expect(fits, `${JSON.stringify(w)} for [${from}, ${to})`).toBe(true);
}

/** The shown text of a line of `unit`s around an X: whole units on each side, between the `…` marks. */
function expectWholeUnits(text: string, unit: string): void {
  const shown = text.slice(text.startsWith('…') ? 1 : 0, text.endsWith('…') ? -1 : undefined);
  const sides = shown.split('X');
  expect(sides.length, text).toBe(2);
  for (const side of sides) expect(side.split(unit).join(''), `${unit} in ${text}`).toBe('');
}

describe('sourceWindow steps by grapheme cluster', () => {
  const around = (unit: string, n: number): { line: string; at: number } => ({ line: `${unit.repeat(n)}X${unit.repeat(n)}`, at: unit.length * n });

  it('never cuts a letter from its combining accents', () => {
    for (const unit of ['e\u0301', 'e\u0301\u0323', 'o\u0308\u0304']) {
      const { line, at } = around(unit, 300);
      const w = sourceWindow(line, at, at + 1);
      expectWholeUnits(w.text, unit);
      expect(stringWidth(w.text.slice(0, w.text.indexOf('X')))).toBe(w.caretColumn);
      expectWindow(line, at, at + 1);
    }
  });

  it('keeps emoji ZWJ sequences, skin tones and flags whole, the caret at their string-width', () => {
    for (const unit of ['👩‍🎓', '👨‍👩‍👧', '👍🏽', '🇫🇷', '❤️']) {
      const { line, at } = around(unit, 200);
      const w = sourceWindow(line, at, at + 1);
      expectWholeUnits(w.text, unit);
      expect(w.caretColumn).toBe(stringWidth(w.text.slice(0, w.text.indexOf('X'))));
      expect(stringWidth(w.text)).toBeLessThanOrEqual(SOURCE_WINDOW);
      expectWindow(line, at, at + 1);
    }
  });

  it('clips wide CJK text at whole characters, the caret under the right one', () => {
    const line = `${'行列'.repeat(150)}X${'李雷'.repeat(150)}`;
    const w = sourceWindow(line, 300, 301);
    expect(w.text).toMatch(/^…[行列]+X[李雷]+…$/u);
    expect(w.caretColumn).toBe(stringWidth(w.text.slice(0, w.text.indexOf('X'))));
    expect(w.caretColumn).toBe(33);
    expectWindow(line, 300, 301);
  });

  it('puts a caret that starts inside a cluster under the whole cluster', () => {
    expect(sourceWindow('ae\u0301b', 2, 3)).toEqual({ text: 'ae\u0301b', caretColumn: 1, caretWidth: 1 });
    // 'a' 0, '👩' 1–2, ZWJ 3, '🎓' 4–5, 'b' 6: the caret on the ZWJ marks the whole 👩‍🎓.
    expect(sourceWindow('a👩‍🎓b', 3, 4)).toEqual({ text: 'a👩‍🎓b', caretColumn: 1, caretWidth: 2 });
    expect(sourceWindow('行🇫🇷x', 2, 3)).toEqual({ text: '行🇫🇷x', caretColumn: 2, caretWidth: 2 });
    const long = `${'x'.repeat(100)}e\u0301${'y'.repeat(100)}`;
    const w = sourceWindow(long, 101, 102);
    expect(w.text[w.caretColumn]).toBe('e');
    expect(w.caretWidth).toBe(1);
  });

  it('clips a long line with no safe cut point near the caret (accents and CJK only) the same way', () => {
    const line = `${'é行'.repeat(2000)}X${'ñ語'.repeat(2000)}`.normalize('NFD');
    const at = line.indexOf('X');
    expectWindow(line, at, at + 1);
  });

  const cluster = fc.constantFrom('a', 'b', 'X', ' ', '+', '(', 'e\u0301', 'e\u0301\u0301', '👩‍🎓', '🇫🇷', '行', '😀', '❤️', '👍🏽', '\u200b', 'Ａ', 'ᵀ', '⊙');
  test.prop([fc.array(cluster, { maxLength: 300 }), fc.nat(), fc.nat({ max: 30 }), fc.constantFrom(80, 40)], { numRuns: 300 })(
    'every window agrees with string-width and whole-line segmentation, for any caret',
    (parts, rawFrom, length, window) => {
      const line = parts.join('');
      const from = line.length === 0 ? 0 : rawFrom % (line.length + 1);
      expectWindow(line, from, from + length, window);
    },
  );
});
