/** A submission as the page downloads it: what `odot grade` reads, plus where it came from. */
export interface PageSubmission {
  readonly id: string;
  readonly worksheet: string;
  /** Answers by question id: matrices as rows of cell text, strings, booleans, or `{answer, reason|certificate}`. */
  readonly answers: Readonly<Record<string, unknown>>;
  /** The version of the page that wrote the file. */
  readonly pageVersion: string;
  /** When the file was written (ISO 8601). */
  readonly timestamp: string;
}

/** A YAML scalar for a string: JSON's double-quoted form, which is valid YAML and escapes everything needed. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

/** A matrix cell: a bare integer or decimal stays a number, anything else (a fraction) is quoted. */
function cell(text: string): string {
  const t = text.trim().replace(/[−–]/g, '-');
  return /^-?\d+(\.\d+)?$/.test(t) && !/^-?0\d/.test(t) ? t : quoted(t);
}

function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (Array.isArray(v) ? flow(v) : typeof v === 'string' ? cell(v) : flow(v))).join(', ')}]`;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return quoted(value);
  if (value === null || value === undefined) return 'null';
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}`;
}

function block(text: string, indent: string): string {
  if (!text.includes('\n') || /(^|\n)\s*$/.test(text) || /^\s/.test(text)) return quoted(text);
  return `|-\n${text.split('\n').map((line) => (line === '' ? '' : `${indent}${line}`)).join('\n')}`;
}

/**
 * The submission file the page downloads (`<id>.odot.yaml`): `id`, `student` (the id again, so
 * older readers find a name), `worksheet`, `answers`, `page_version` and `submitted_at`. Question ids
 * are written as given; multi-line answers (proofs) as literal blocks, everything else in flow style.
 */
export function submissionYaml(submission: PageSubmission): string {
  const lines = [
    '# Written by the odot worksheet page. Grade it with: odot grade WORKSHEET THIS_FILE',
    `id: ${quoted(submission.id)}`,
    `student: ${quoted(submission.id)}`,
    `worksheet: ${quoted(submission.worksheet)}`,
    `page_version: ${quoted(submission.pageVersion)}`,
    `submitted_at: ${quoted(submission.timestamp)}`,
    'answers:',
  ];
  let written = 0;
  for (const [qid, answer] of Object.entries(submission.answers)) {
    if (answer === undefined) continue;
    written += 1;
    const key = /^[A-Za-z_][\w-]*$/.test(qid) ? qid : quoted(qid);
    lines.push(`  ${key}: ${typeof answer === 'string' ? block(answer, '    ') : flow(answer)}`);
  }
  if (written === 0) lines[lines.length - 1] = 'answers: {}';
  return `${lines.join('\n')}\n`;
}

/** A file name for a submission from a typed id: letters, digits, `.`, `_`, `-` kept, anything else `_`. */
export function submissionFileName(id: string): string {
  const safe = id.trim().replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '');
  return `${safe === '' ? 'student' : safe}.odot.yaml`;
}
