import { describe, expect, it } from 'vitest';
import { findScormApi, interactionResult, scormValues, type ApiWindow, type Scorm12Api } from './scorm.ts';

const api: Scorm12Api = {
  LMSInitialize: () => 'true',
  LMSFinish: () => 'true',
  LMSGetValue: () => '',
  LMSSetValue: () => 'true',
  LMSCommit: () => 'true',
  LMSGetLastError: () => '0',
};

function chain(depth: number, top: Partial<ApiWindow>): ApiWindow {
  const root: ApiWindow = { parent: null, ...top };
  (root as { parent: ApiWindow | null }).parent = root;
  let win = root;
  for (let i = 0; i < depth; i++) win = { parent: win };
  return win;
}

describe('findScormApi', () => {
  it('finds the API on a parent several frames up', () => {
    expect(findScormApi(chain(3, { API: api }))).toBe(api);
  });
  it('finds it through the opener when no parent has it', () => {
    const me: ApiWindow = { ...chain(0, {}), opener: chain(2, { API: api }) };
    expect(findScormApi(me)).toBe(api);
  });
  it('gives undefined without an LMS, or when API is not a SCORM 1.2 API', () => {
    expect(findScormApi(chain(2, {}))).toBeUndefined();
    expect(findScormApi(chain(1, { API: { LMSInitialize: 1 } }))).toBeUndefined();
  });
});

describe('scormValues', () => {
  const questions = [
    { id: 'q1', kind: 'matrix', score: 3, max: 3, response: '[[7,16,27],[40,55,72]]' },
    { id: 'q4', kind: 'truefalse', score: 1, max: 2, response: 't' },
    { id: 'q6', kind: 'truefalse', score: 0, max: 1, response: '' },
  ];

  it('records the points, completed, one interaction per question and the suspend data', () => {
    const values = new Map(scormValues({ maxScore: 6 }, questions, '{"q1":1}'));
    expect(values.get('cmi.core.score.raw')).toBe('4');
    expect(values.get('cmi.core.score.min')).toBe('0');
    expect(values.get('cmi.core.score.max')).toBe('6');
    expect(values.get('cmi.core.lesson_status')).toBe('completed');
    expect(values.get('cmi.interactions.0.id')).toBe('q1');
    expect(values.get('cmi.interactions.0.type')).toBe('fill-in');
    expect(values.get('cmi.interactions.0.result')).toBe('correct');
    expect(values.get('cmi.interactions.1.type')).toBe('true-false');
    expect(values.get('cmi.interactions.1.student_response')).toBe('t');
    expect(values.get('cmi.interactions.1.result')).toBe('1');
    expect(values.get('cmi.interactions.2.result')).toBe('wrong');
    expect(values.get('cmi.suspend_data')).toBe('{"q1":1}');
  });

  it('passes or fails against pass_mark (a percent of the maximum)', () => {
    expect(new Map(scormValues({ maxScore: 6, passMark: 60 }, questions, '')).get('cmi.core.lesson_status')).toBe('passed');
    expect(new Map(scormValues({ maxScore: 6, passMark: 70 }, questions, '')).get('cmi.core.lesson_status')).toBe('failed');
  });

  it('scales to a percent when the worksheet is worth more than 100 points', () => {
    const values = new Map(scormValues({ maxScore: 200 }, [{ id: 'q', kind: 'shape', score: 50, max: 200, response: '2×3' }], ''));
    expect([values.get('cmi.core.score.raw'), values.get('cmi.core.score.max')]).toEqual(['25', '100']);
  });

  it('says correct only at full marks', () => {
    expect([interactionResult(2, 2), interactionResult(0, 2), interactionResult(0.5, 2)]).toEqual(['correct', 'wrong', '0.5']);
  });
});
