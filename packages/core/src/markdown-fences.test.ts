import { describe, expect, it } from 'vitest';
import { scanFences } from './markdown-fences.ts';

/** [lang, body] of every fence of a document. */
const scan = (text: string) => scanFences(text.split('\n')).map((f) => [f.lang, f.body.join('\n')]);

// Examples from the CommonMark 0.31 spec, §4.5 (fenced code blocks), by their expected HTML.
describe('scanFences follows CommonMark', () => {
  it('needs three or more backticks or tildes (examples 119, 121)', () => {
    expect(scan('``\nfoo\n``')).toEqual([]);
    expect(scan('```\n<\n >\n```')).toEqual([['', '<\n >']]);
    expect(scan('~~~\n<\n >\n~~~')).toEqual([['', '<\n >']]);
  });

  it('closes only with the same character, at least as long (examples 122–125)', () => {
    expect(scan('```\naaa\n~~~\n```')).toEqual([['', 'aaa\n~~~']]);
    expect(scan('~~~\naaa\n```\n~~~')).toEqual([['', 'aaa\n```']]);
    expect(scan('````\naaa\n```\n``````')).toEqual([['', 'aaa\n```']]);
    expect(scan('~~~~\naaa\n~~~\n~~~~')).toEqual([['', 'aaa\n~~~']]);
  });

  it('runs an unclosed block to the end (example 126)', () => {
    const [fence] = scanFences(['```', 'aaa']);
    expect(fence?.close).toBe(2);
    expect(fence?.body).toEqual(['aaa']);
  });

  it('removes the opening fence’s indentation from the content (examples 131–133)', () => {
    expect(scan(' ```\n aaa\naaa\n```')).toEqual([['', 'aaa\naaa']]);
    expect(scan('  ```\naaa\n  aaa\naaa\n  ```')).toEqual([['', 'aaa\naaa\naaa']]);
    expect(scan('   ```\n   aaa\n    aaa\n  aaa\n   ```')).toEqual([['', 'aaa\n aaa\naaa']]);
  });

  it('four spaces make an indented code block, not a fence (examples 134, 137)', () => {
    expect(scan('    ```\n    aaa\n    ```')).toEqual([]);
    expect(scan('```\naaa\n    ```')).toEqual([['', 'aaa\n    ```']]);
  });

  it('lets the closing fence be indented up to three spaces (examples 135, 136)', () => {
    expect(scan('```\naaa\n  ```')).toEqual([['', 'aaa']]);
    expect(scan('   ```\naaa\n  ```')).toEqual([['', 'aaa']]);
  });

  it('rejects a backtick in a backtick fence’s info string, not in a tilde one (examples 138, 145, 146)', () => {
    expect(scan('``` ```\naaa')).toEqual([]);
    expect(scan('``` aa ```\nfoo')).toEqual([]);
    expect(scan('~~~ aa ``` ~~~\nfoo\n~~~')).toEqual([['aa', 'foo']]);
  });

  it('reads the language as the info string’s first word; a closing fence has no info (examples 142, 147)', () => {
    const [fence] = scanFences(['```ruby startline=3 $%@#$', 'def foo(x)', '```']);
    expect([fence?.lang, fence?.info]).toEqual(['ruby', 'ruby startline=3 $%@#$']);
    expect(scan('```\n``` aaa\n```')).toEqual([['', '``` aaa']]);
  });

  it('tolerates CRLF line ends', () => {
    expect(scan('```proof\r\nx\r\n```\r')).toEqual([['proof', 'x']]);
  });
});
