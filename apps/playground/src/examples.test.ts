import { describe, expect, it } from 'vitest';
import { runTask } from './engine.ts';
import { EXAMPLE_GROUPS } from './examples.ts';
import { tasksFor } from './protocol.ts';

describe('the example buttons', () => {
  const all = EXAMPLE_GROUPS.flatMap((group) => group.examples);

  it('are more than five, in groups', () => {
    expect(all.length).toBeGreaterThan(5);
    expect(EXAMPLE_GROUPS.map((g) => g.title)).toEqual(['Properties', 'Diagonal', 'Schur', 'Masks', 'Dialects']);
  });

  it('each read and run, and compare as they claim', () => {
    for (const example of all) {
      for (const task of tasksFor(example.state)) {
        const result = runTask(task);
        if (task.kind === 'analyze' && example.label !== 'Shape error') expect(result.ok, `${example.label}: ${JSON.stringify(result)}`).toBe(true);
        if (task.kind === 'equiv') expect(result.ok && result.kind === 'equiv' && result.view.equivalent, example.label).toBe(example.equivalent);
        if (task.kind === 'evaluate' && example.label === 'Shape error') expect(!result.ok && result.diagnostics[0]?.code).toBe('shape-mismatch');
        else if (task.kind === 'evaluate' && example.state.bindings !== '') expect(result.ok, `${example.label}: ${JSON.stringify(result)}`).toBe(true);
      }
    }
  });
});
