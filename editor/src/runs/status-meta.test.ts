import { STEP_STATUSES } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { reduceRunEvents } from './reduce-run-events.ts';
import { emptyRunView } from './run-view.ts';
import { nodeRunClassName, nodeRunStatus, statusColor, STEP_STATUS_META } from './status-meta.ts';
import { runHistory } from './test-events.ts';

describe('status styling data', () => {
  it('gives every step status a word, a glyph and a theme variable', () => {
    for (const status of STEP_STATUSES) {
      const meta = STEP_STATUS_META[status];
      expect(meta.label).not.toBe('');
      expect(meta.icon).not.toBe('');
      expect(meta.cssVar).toBe(`--cs-status-${status}`);
    }
    expect(statusColor('running')).toBe('var(--cs-status-running, var(--cs-primary))');
    expect(nodeRunClassName('failed')).toBe('cs-node--failed');
    expect(nodeRunClassName(undefined)).toBe('');
  });

  it('shows unreached nodes as queued while the run goes on, and as nothing once it ended', () => {
    const events = runHistory('r1', [['run.started'], ['step.started', 'a', { attempt: 1 }], ['run.cancelled']]);
    const live = reduceRunEvents(emptyRunView('r1'), events.slice(0, 2), []);
    expect(nodeRunStatus(live, 'a')).toBe('running');
    expect(nodeRunStatus(live, 'b')).toBe('queued');
    const ended = reduceRunEvents(live, events, []);
    expect(nodeRunStatus(ended, 'a')).toBe('cancelled');
    expect(nodeRunStatus(ended, 'b')).toBeUndefined();
    expect(nodeRunStatus(null, 'a')).toBeUndefined();
  });
});
