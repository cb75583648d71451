/**
 * `JSON.stringify(value, null, indent)` for plain data (objects, arrays, strings, numbers,
 * booleans, null) without recursion: an explicit stack, so a 100 000-deep tree is written out
 * (the built-in one overflows the call stack on deep nesting). Undefined and functions are left out
 * of objects and written `null` in arrays, as the built-in does.
 */
export function jsonText(value: unknown, indent = 0): string {
  const out: string[] = [];
  const stack: ({ readonly value: unknown; readonly depth: number } | string)[] = [{ value, depth: 0 }];
  const line = (depth: number): string => (indent > 0 ? `\n${' '.repeat(indent * depth)}` : '');
  const colon = indent > 0 ? ': ' : ':';
  while (stack.length > 0) {
    const item = stack.pop() as { readonly value: unknown; readonly depth: number } | string;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const { value: v, depth } = item;
    if (v === null || typeof v !== 'object') {
      out.push(v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'null' : (JSON.stringify(v) ?? 'null'));
      continue;
    }
    const entries: [string | undefined, unknown][] = Array.isArray(v)
      ? v.map((x): [undefined, unknown] => [undefined, x])
      : Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) {
      out.push(`${open}${close}`);
      continue;
    }
    out.push(open);
    stack.push(`${line(depth)}${close}`);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, x] = entries[i] as [string | undefined, unknown];
      stack.push({ value: x, depth: depth + 1 });
      stack.push(`${i > 0 ? ',' : ''}${line(depth + 1)}${key === undefined ? '' : `${JSON.stringify(key)}${colon}`}`);
    }
  }
  return out.join('');
}
