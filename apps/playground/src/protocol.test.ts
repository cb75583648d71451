import { describe, expect, it } from 'vitest';
import { isPrecomputedMessage, isWorkerRequest, isWorkerResponse, taskKey, tasksFor } from './protocol.ts';
import { EMPTY_STATE, SEED_STATE } from './state.ts';

describe('worker protocol', () => {
  it('asks for every pane of the seed state, in order', () => {
    expect(tasksFor(SEED_STATE).map((t) => t.kind)).toEqual(['analyze', 'evaluate', 'psd', 'simplify', 'equiv', 'proof']);
  });

  it('asks for nothing on empty inputs and skips panes whose input is blank', () => {
    expect(tasksFor(EMPTY_STATE)).toEqual([]);
    expect(tasksFor({ ...EMPTY_STATE, expr: 'A', other: '  ' }).map((t) => t.kind)).toEqual(['analyze', 'evaluate', 'psd', 'simplify']);
    expect(tasksFor({ ...EMPTY_STATE, proof: 'qed' }).map((t) => t.kind)).toEqual(['proof']);
  });

  it('accepts every request the page builds', () => {
    tasksFor(SEED_STATE).forEach((task, id) => expect(isWorkerRequest({ id, task })).toBe(true));
  });

  it('rejects malformed requests', () => {
    expect(isWorkerRequest(null)).toBe(false);
    expect(isWorkerRequest({ id: '1', task: { kind: 'proof', proof: '' } })).toBe(false);
    expect(isWorkerRequest({ id: 1, task: { kind: 'shell', cmd: 'rm' } })).toBe(false);
    expect(isWorkerRequest({ id: 1, task: { kind: 'analyze', expr: 'A', dialect: 'plain' } })).toBe(false);
    expect(isWorkerRequest({ id: 1, task: { kind: 'evaluate', expr: 'A', dialect: 'plain', givens: '', bindings: '', mode: 'fast' } })).toBe(false);
    expect(isWorkerRequest({ id: 1, task: { kind: 'equiv', expr: 'A', dialect: 'plain', givens: '' } })).toBe(false);
  });

  it('validates responses', () => {
    expect(isWorkerResponse({ id: 1, status: 'done', result: { kind: 'analyze', ok: false, diagnostics: [] } })).toBe(true);
    expect(isWorkerResponse({ id: 1, status: 'crashed', message: 'boom' })).toBe(true);
    expect(isWorkerResponse({ id: 1, status: 'done', result: { kind: 'nope', ok: true } })).toBe(false);
    expect(isWorkerResponse({ id: 1, status: 'crashed' })).toBe(false);
    expect(isWorkerResponse({ status: 'done' })).toBe(false);
  });

  it('validates pushed answers', () => {
    const result = { kind: 'analyze', ok: false, diagnostics: [] };
    expect(isPrecomputedMessage({ kind: 'precomputed', results: [[taskKey(tasksFor(SEED_STATE)[0]!), result]] })).toBe(true);
    expect(isPrecomputedMessage({ kind: 'precomputed', results: [] })).toBe(true);
    expect(isPrecomputedMessage({ kind: 'precomputed', results: [['k', { kind: 'nope', ok: true }]] })).toBe(false);
    expect(isPrecomputedMessage({ kind: 'precomputed', results: [[1, result]] })).toBe(false);
    expect(isPrecomputedMessage({ kind: 'precomputed', results: [['k']] })).toBe(false);
    expect(isPrecomputedMessage({ kind: 'precomputed' })).toBe(false);
    expect(isPrecomputedMessage({ id: 1, status: 'done', result })).toBe(false);
  });

  it('keys equal tasks alike and different tasks apart', () => {
    const [analyze, evaluate] = tasksFor(SEED_STATE);
    expect(taskKey(analyze!)).toBe(taskKey(tasksFor({ ...SEED_STATE })[0]!));
    expect(taskKey(analyze!)).not.toBe(taskKey(evaluate!));
    expect(taskKey(evaluate!)).not.toBe(taskKey(tasksFor({ ...SEED_STATE, mode: 'float' })[1]!));
  });
});
