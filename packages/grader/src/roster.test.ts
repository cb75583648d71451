import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { matchAnswerKeys } from './answer-keys.ts';
import { matchRoster, parseRoster, type Roster } from './roster.ts';
import { bundled } from './test-fixtures.ts';

const rows = (text: string): string[][] => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const roster = (text: string): Roster => {
  const r = parseRoster(text, 'r.csv');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, a BOM and CRLF', () => {
    expect(rows('\uFEFFid,name\r\n1,"Turing, Alan"\r\n2,"Say ""hi""\nthere"\r\n\r\n')).toEqual([
      ['id', 'name'],
      ['1', 'Turing, Alan'],
      ['2', 'Say "hi"\nthere'],
    ]);
    expect(rows('a,b\n1,')).toEqual([['a', 'b'], ['1', '']]);
  });

  it('names the line of an unclosed quote', () => {
    const r = parseCsv('id,name\n1,"Ada\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('line 2: a quoted field is never closed (a missing ")');
  });
});

describe('rosters', () => {
  it('reads id,name,email,section with header names in any case and order', () => {
    const r = roster('Section,EMAIL,Name,ID\nA,ada@x.org,Ada Lovelace,s1\n');
    expect(r.rows).toEqual([{ id: 's1', name: 'Ada Lovelace', email: 'ada@x.org', section: 'A', line: 2 }]);
  });

  it("reads Moodle's participant export (ID number, First name, Surname, Email address)", () => {
    const r = roster('First name,Surname,ID number,Email address\nAda,Lovelace,1001,ada@x.org\nAlan,Turing,,alan@x.org\n');
    expect(r.rows.map((x) => [x.id, x.name, x.email])).toEqual([
      ['1001', 'Ada Lovelace', 'ada@x.org'],
      ['alan@x.org', 'Alan Turing', 'alan@x.org'],
    ]);
  });

  it("reads Canvas's export (Student, ID, SIS User ID, SIS Login ID, Section), skipping Points Possible", () => {
    const r = roster('Student,ID,SIS User ID,SIS Login ID,Section\n    Points Possible,,,,\n"Lovelace, Ada",501,S1,ada,Math 1\n');
    expect(r.rows).toEqual([{ id: 'S1', name: 'Lovelace, Ada', email: 'ada', section: 'Math 1', lmsId: '501', line: 3 }]);
    const match = matchRoster(r, { student: ' ada   LOVELACE ' });
    expect(match.kind === 'row' && match.row.id).toBe('S1');
  });

  it('is an error without id or name columns, and for a repeated id (naming both lines)', () => {
    const noName = parseRoster('id,email\n1,a@b\n', 'r.csv');
    expect(!noName.ok && noName.error.message).toBe('r.csv: the header has no name column (found: id, email)');
    const dup = parseRoster('id,name\n1,A\n 1 ,B\n', 'r.csv');
    expect(!dup.ok && dup.error.message).toBe("r.csv: line 3: the id '1' is already used on line 2");
  });

  it('matches by id, else email, else normalised name, else LMS user id; ambiguous names match nobody', () => {
    const r = roster('id,name,email,user id\ns1,Ada Lovelace,ada@x.org,77\ns2,Alan Turing,,\ns3,Alan Turing,,\n');
    const id = (m: ReturnType<typeof matchRoster>): string => (m.kind === 'row' ? `${m.row.id} by ${m.by}` : m.reason);
    expect(id(matchRoster(r, { id: 'S1', student: 'whoever' }))).toBe('s1 by id');
    expect(id(matchRoster(r, { id: 's9', student: 'Ada Lovelace' }))).toBe("no roster row has the id 's9'");
    expect(id(matchRoster(r, { student: 'x', email: 'ADA@x.org' }))).toBe('s1 by email');
    expect(id(matchRoster(r, { student: 'ADA  lovelace' }))).toBe('s1 by name');
    expect(id(matchRoster(r, { student: 'ada', lmsId: '77' }))).toBe('s1 by lms id');
    expect(id(matchRoster(r, { student: 'alan turing' }))).toMatch(/is on 2 roster rows \(lines 3, 4\)/);
    expect(id(matchRoster(r, { student: 'Nobody' }))).toBe("no roster row matches 'Nobody'");
  });
});

describe('answer keys', () => {
  it('match case-insensitively ignoring spaces; the rest are unknown', () => {
    const ws = bundled();
    const m = matchAnswerKeys(ws, { Q1: 1, ' q 2 ': 2, q3: 3, Q3: 'again', q99: 4, answer: 5 });
    expect(m.answers).toEqual({ q1: 1, q2: 2, q3: 3 });
    expect(m.unknown).toEqual(['Q3', 'q99', 'answer']);
  });
});
