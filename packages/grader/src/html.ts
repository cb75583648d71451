/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_([^_]+)_(?=[\s).,;:!?]|$)/g, '$1<em>$2</em>');
}

/**
 * A small Markdown subset as HTML, for worksheet prose and feedback: headings, paragraphs, `-`
 * lists, fenced code blocks, inline code, **bold** and _emphasis_. Everything else is escaped text
 * (TeX such as `$A_{ij}$` is shown as written).
 */
export function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.split('\n');
  let para: string[] = [];
  let list: string[] = [];
  const flush = (): void => {
    if (para.length > 0) out.push(`<p>${inline(para.join(' '))}</p>`);
    if (list.length > 0) out.push(`<ul>${list.map((l) => `<li>${inline(l)}</li>`).join('')}</ul>`);
    para = [];
    list = [];
  };
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] ?? '';
    const fence = /^```/.test(line);
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (k++; k < lines.length && !/^```/.test(lines[k] ?? ''); k++) code.push(lines[k] ?? '');
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
    } else if (heading) {
      flush();
      const level = Math.min(6, (heading[1] ?? '#').length);
      out.push(`<h${level}>${inline(heading[2] ?? '')}</h${level}>`);
    } else if (/^\s*[-*]\s+/.test(line)) {
      if (para.length > 0) flush();
      list.push(line.replace(/^\s*[-*]\s+/, ''));
    } else if (line.trim() === '') flush();
    else {
      if (list.length > 0) flush();
      para.push(line.trim());
    }
  }
  flush();
  return out.join('\n');
}

/** A complete, self-contained HTML page (no network: inline style only). */
export function htmlPage(title: string, body: string, style = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
pre { background: #f5f5f5; padding: 0.5rem; overflow-x: auto; }
table.matrix { border-left: 2px solid #444; border-right: 2px solid #444; }
table.matrix td { border: none; padding: 0 0.5rem; }
.warn { color: #8a4b00; }
${style}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
