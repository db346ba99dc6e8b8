import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reduceRunEvents } from './reduce-run-events.ts';
import { emptyRunView } from './run-view.ts';
import { RunTimeline } from './RunTimeline.tsx';
import { runHistory } from './test-events.ts';

afterEach(cleanup);

const error = { code: 'HTTP_ERROR', kind: 'operational', message: 'Upstream said 503' };
const run = reduceRunEvents(
  emptyRunView('r1'),
  runHistory('r1', [
    ['run.started'],
    ['step.started', 'fetch', { attempt: 1 }],
    ['step.succeeded', 'fetch', { port: 'out', attempt: 1, durationMs: 12.4 }],
    ['step.started', 'post', { attempt: 1 }],
    ['step.retrying', 'post', { attempt: 1, delayMs: 1000, error }],
    ['step.started', 'post', { attempt: 2 }],
    ['step.failed', 'post', { attempt: 2, error, handled: false }],
    ['run.failed', undefined, { error }],
  ]),
  [],
);
const labels = { fetch: 'Fetch invoice', post: 'Post to ledger' };

describe('RunTimeline', () => {
  it('lists steps in start order with status words, durations and a bar on the run axis', () => {
    render(<RunTimeline run={run} nodeLabels={labels} selectedNodeId={null} onSelectNode={() => undefined} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.cs-timeline__name')?.textContent)).toEqual(['Fetch invoice', 'Post to ledger']);
    expect(within(rows[0]!).getByText('Succeeded')).toBeTruthy();
    expect(within(rows[0]!).getByText('12 ms')).toBeTruthy();
    expect(within(rows[1]!).getByText('Failed')).toBeTruthy();
    // The failed attempt ran from seq 6 to seq 7: 100 ms; the step is on its second attempt.
    expect(within(rows[1]!).getByText('100 ms')).toBeTruthy();
    expect(within(rows[1]!).getByText('attempt 2 · Upstream said 503')).toBeTruthy();
    // Run from 0 to 700 ms: "post" started at 300 ms and ended at 600 ms.
    const bar = rows[1]!.querySelector<HTMLElement>('.cs-timeline__bar');
    expect(parseFloat(bar?.style.left ?? '')).toBeCloseTo((300 / 700) * 100, 3);
    expect(parseFloat(bar?.style.width ?? '')).toBeCloseTo((300 / 700) * 100, 3);
  });

  it('heads the timeline with the run status, total duration and the error summary', () => {
    render(<RunTimeline run={run} nodeLabels={labels} selectedNodeId={null} onSelectNode={() => undefined} />);
    expect(screen.getByText('Run failed')).toBeTruthy();
    expect(screen.getByText(/took 700 ms · 2 steps done/)).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Post to ledger failed');
    expect(alert.textContent).toContain('Upstream said 503');
    expect(alert.textContent).toContain('HTTP_ERROR');
  });

  it('selects a step on click and marks the selected one', () => {
    const onSelectNode = vi.fn();
    render(<RunTimeline run={run} nodeLabels={labels} selectedNodeId="fetch" onSelectNode={onSelectNode} />);
    const fetch = screen.getByRole('button', { name: /Fetch invoice/ });
    expect(fetch.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: /Post to ledger/ }));
    expect(onSelectNode).toHaveBeenCalledWith('post');
  });

  it('shows a scheduled retry with its due time while the run goes on', () => {
    const live = reduceRunEvents(emptyRunView('r2'), runHistory('r2', [['run.started'], ['step.started', 'post', { attempt: 1 }], ['step.retrying', 'post', { attempt: 1, delayMs: 60_000, error }]], Date.now() - 200), []);
    render(<RunTimeline run={live} nodeLabels={labels} onSelectNode={() => undefined} />);
    expect(screen.getByText('Queued')).toBeTruthy();
    expect(screen.getByText(/^retrying in (59 s|1 min 00 s), at .+ · last error: Upstream said 503$/)).toBeTruthy();
    expect(screen.getByText(/running for/)).toBeTruthy();
  });
});
