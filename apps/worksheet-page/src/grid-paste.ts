/**
 * Reads pasted text as the cells of a matrix: a literal `[[1, 2], [3, 4]]`, `[1 2; 3 4]`, a NumPy
 * `np.array([[1, 2], [3, 4]])` / `array([[…]])`, a flat `[1, 2, 3]` (a column), or cells copied from
 * a spreadsheet (tab-separated rows; commas, semicolons or spaces also separate cells when there
 * are no tabs). Cells are returned as text, trimmed; a ragged or empty paste gives undefined.
 */
export function parsePastedGrid(text: string): string[][] | undefined {
  let t = text.replace(/\r\n?/g, '\n').trim();
  const numpy = /^(?:np\.|numpy\.)?(?:array|matrix)\s*\(([\s\S]*)\)$/.exec(t);
  if (numpy) t = (numpy[1] ?? '').replace(/,\s*dtype\s*=.*$/s, '').trim();
  const rows = t.startsWith('[') ? bracketRows(t) : tableRows(t);
  if (!rows || rows.length === 0) return undefined;
  const width = rows[0]?.length ?? 0;
  if (width === 0 || rows.some((r) => r.length !== width || r.some((c) => c === ''))) return undefined;
  return rows;
}

function splitCells(row: string): string[] {
  const t = row.trim();
  if (t === '') return [];
  return (t.includes(',') ? t.split(',') : t.split(/\s+/)).map((c) => c.trim());
}

function bracketRows(t: string): string[][] | undefined {
  if (!t.endsWith(']')) return undefined;
  const inner = t.slice(1, -1).trim();
  if (inner.startsWith('[')) {
    const rows: string[][] = [];
    const pattern = /\[([^[\]]*)\]\s*(,|;)?\s*/gy;
    let at = 0;
    for (let m = pattern.exec(inner); m !== null; m = pattern.exec(inner)) {
      rows.push(splitCells(m[1] ?? ''));
      at = pattern.lastIndex;
    }
    return at === inner.length ? rows : undefined;
  }
  if (inner.includes(';')) return inner.split(';').map(splitCells);
  return splitCells(inner).map((c) => [c]);
}

function tableRows(t: string): string[][] {
  const lines = t.split('\n').filter((l) => l.trim() !== '');
  const tabbed = lines.some((l) => l.includes('\t'));
  return lines.map((l) => (tabbed ? l.split('\t').map((c) => c.trim()) : l.includes(';') ? l.split(';').map((c) => c.trim()) : splitCells(l)));
}
