import { describe, expect, it } from 'vitest';
import { replaceBackslashNames } from './backslash.ts';

describe('replaceBackslashNames', () => {
  it('turns a finished \\odot into ⊙ and moves the caret with the text', () => {
    expect(replaceBackslashNames('A \\odot B', 9)).toEqual({ text: 'A ⊙ B', caret: 5 });
  });
  it('waits while the name may still grow, unless the input is left', () => {
    expect(replaceBackslashNames('A \\od', 5)).toEqual({ text: 'A \\od', caret: 5 });
    expect(replaceBackslashNames('A \\odot', 7)).toEqual({ text: 'A \\odot', caret: 7 });
    expect(replaceBackslashNames('A \\odot', 7, true)).toEqual({ text: 'A ⊙', caret: 3 });
  });
  it('replaces several names and keeps unknown LaTeX commands', () => {
    expect(replaceBackslashNames('A\\otimes B\\top + \\begin{x}', 0).text).toBe('A⊗ Bᵀ + \\begin{x}');
  });
  it('keeps a caret before the replaced name where it was', () => {
    expect(replaceBackslashNames('A \\odot B', 1)).toEqual({ text: 'A ⊙ B', caret: 1 });
  });
});
