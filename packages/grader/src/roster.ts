import { fail, ok, type Result } from '@odot/core';
import { parseCsv } from './csv.ts';
import { normaliseIdentity } from './identity.ts';

/** One student of a class list. */
export interface RosterRow {
  /** The student's id: keys the variant and the grade files. */
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  readonly section?: string;
  /** The LMS's own user id (Canvas `ID`, `user id`), which names students in "download all submissions" archives. */
  readonly lmsId?: string;
  /** 1-based line in the roster file. */
  readonly line: number;
}

/** A class list, in file order. */
export interface Roster {
  readonly rows: readonly RosterRow[];
}

type Field = 'id' | 'name' | 'first' | 'last' | 'email' | 'section' | 'lmsId';

/** Header names (normalised) per field, in order of preference. */
const HEADERS: Readonly<Record<Field, readonly string[]>> = {
  id: ['id', 'id number', 'idnumber', 'sis user id', 'student id', 'student number'],
  name: ['name', 'full name', 'student', 'student name'],
  first: ['first name', 'firstname', 'given name'],
  last: ['surname', 'last name', 'lastname', 'family name'],
  email: ['email', 'email address', 'e-mail', 'login id', 'sis login id', 'username'],
  section: ['section', 'group', 'groups'],
  lmsId: ['user id', 'userid', 'lms id', 'canvas id', 'moodle id'],
};

function headerKey(text: string): string {
  return normaliseIdentity(text).replace(/[_]+/g, ' ');
}

/** Which column holds which field. Canvas's `ID` is its own user id when `SIS User ID` is present. */
function columnsOf(header: readonly string[]): Partial<Record<Field, number>> {
  const keys = header.map(headerKey);
  const find = (names: readonly string[]): number | undefined => {
    for (const name of names) {
      const k = keys.indexOf(name);
      if (k >= 0) return k;
    }
    return undefined;
  };
  const canvas = keys.includes('sis user id');
  const columns: Partial<Record<Field, number>> = {};
  for (const field of Object.keys(HEADERS) as Field[]) {
    const names = canvas && field === 'id' ? ['sis user id'] : HEADERS[field];
    const k = find(names);
    if (k !== undefined) columns[field] = k;
  }
  if (canvas && columns.lmsId === undefined && keys.includes('id')) columns.lmsId = keys.indexOf('id');
  return columns;
}

function bad(message: string): Result<Roster> {
  return fail({ code: 'bad-roster', severity: 'error', message });
}

/**
 * Reads a roster CSV: a header row, then one student a row. Columns `id` and `name` are needed
 * (or `First name` + `Surname`); `email` and `section` are optional; header names match
 * case-insensitively and Moodle's and Canvas's exports are read as they are (see the README).
 * A row without an id takes its email as id; duplicate ids are an error naming both lines.
 */
export function parseRoster(text: string, file = 'roster'): Result<Roster> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return bad(`${file}: ${parsed.error.message}`);
  const [header, ...body] = parsed.value;
  if (!header) return bad(`${file}: the roster is empty (it needs a header row with id and name)`);
  const c = columnsOf(header);
  const hasName = c.name !== undefined || (c.first !== undefined && c.last !== undefined);
  if (c.id === undefined || !hasName) {
    const missing = [c.id === undefined ? 'id' : '', hasName ? '' : 'name'].filter(Boolean).join(' and ');
    return bad(`${file}: the header has no ${missing} column (found: ${header.join(', ')})`);
  }
  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  for (const [k, cells] of body.entries()) {
    const line = k + 2;
    const cell = (f: Field): string => (c[f] === undefined ? '' : (cells[c[f]] ?? '').trim());
    const name = cell('name') || `${cell('first')} ${cell('last')}`.trim();
    if (/^points possible$/i.test(name) && cell('id') === '') continue;
    const id = cell('id') || cell('email');
    if (id === '') return bad(`${file}: line ${line}: the row has no id (and no email to use instead)`);
    const key = normaliseIdentity(id);
    const before = seen.get(key);
    if (before !== undefined) return bad(`${file}: line ${line}: the id '${id}' is already used on line ${before}`);
    seen.set(key, line);
    const optional = (f: 'email' | 'section' | 'lmsId'): Partial<RosterRow> => (cell(f) === '' ? {} : { [f]: cell(f) });
    rows.push({ id, name: name || id, ...optional('email'), ...optional('section'), ...optional('lmsId'), line });
  }
  return ok({ rows });
}

/** What a submission says about its student. */
export interface ClaimedIdentity {
  readonly id?: string | undefined;
  readonly student?: string | undefined;
  readonly email?: string | undefined;
  /** The LMS user id read from the archive path. */
  readonly lmsId?: string | undefined;
}

/** The outcome of matching a submission to the roster. */
export type RosterMatch = { readonly kind: 'row'; readonly row: RosterRow; readonly by: 'id' | 'email' | 'name' | 'lms id' } | { readonly kind: 'none'; readonly reason: string };

/** Names as a roster may hold them: `Turing, Alan` is also `Alan Turing`. */
function nameForms(name: string): string[] {
  const forms = [normaliseIdentity(name)];
  const parts = name.split(',');
  if (parts.length === 2) forms.push(normaliseIdentity(`${parts[1] ?? ''} ${parts[0] ?? ''}`));
  return forms;
}

function lookup(rows: readonly RosterRow[], keysOf: (row: RosterRow) => readonly string[], wanted: string | undefined): RosterRow[] {
  if (wanted === undefined) return [];
  const key = normaliseIdentity(wanted);
  if (key === '') return [];
  return rows.filter((row) => keysOf(row).includes(key));
}

/**
 * Finds the roster row of a submission: by its `id` (against the row's id), else its email, else
 * its name (normalised with `normaliseIdentity`; `Surname, First` rows match `First Surname`), else
 * the LMS user id from the archive path. A name shared by two rows matches neither (ambiguous).
 */
export function matchRoster(roster: Roster, claim: ClaimedIdentity): RosterMatch {
  const norm = (x: string | undefined): string[] => (x === undefined ? [] : [normaliseIdentity(x)]);
  if (claim.id !== undefined && claim.id.trim() !== '') {
    const [row] = lookup(roster.rows, (r) => norm(r.id), claim.id);
    return row ? { kind: 'row', row, by: 'id' } : { kind: 'none', reason: `no roster row has the id '${claim.id}'` };
  }
  const byEmail = lookup(roster.rows, (r) => norm(r.email), claim.email);
  if (byEmail.length === 1 && byEmail[0]) return { kind: 'row', row: byEmail[0], by: 'email' };
  const byName = lookup(roster.rows, (r) => nameForms(r.name), claim.student);
  if (byName.length === 1 && byName[0]) return { kind: 'row', row: byName[0], by: 'name' };
  const byLms = lookup(roster.rows, (r) => norm(r.lmsId), claim.lmsId);
  if (byLms.length === 1 && byLms[0]) return { kind: 'row', row: byLms[0], by: 'lms id' };
  if (byName.length > 1) return { kind: 'none', reason: `the name '${claim.student ?? ''}' is on ${byName.length} roster rows (lines ${byName.map((r) => r.line).join(', ')}); add an id to the submission` };
  const said = [claim.student, claim.email, claim.lmsId === undefined ? undefined : `LMS user ${claim.lmsId}`].filter((x) => x !== undefined && x !== '');
  return { kind: 'none', reason: `no roster row matches ${said.map((x) => `'${x}'`).join(' or ') || 'the submission'}` };
}
