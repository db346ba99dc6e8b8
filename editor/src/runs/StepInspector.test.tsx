import type { RunStepDto } from '@countersign/shared';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { JSON_ENTRY_LIMIT } from './JsonTree.tsx';
import { stepAttempts } from './step-attempts.ts';
import { StepInspector } from './StepInspector.tsx';
import { runHistory } from './test-events.ts';

afterEach(cleanup);

const error = { code: 'HTTP_ERROR', kind: 'operational', message: 'Upstream said 503' };
const step: RunStepDto = {
  nodeId: 'post',
  status: 'failed',
  attempt: 2,
  port: null,
  input: { invoice: { id: 'INV-1', lines: Array.from({ length: 150 }, (_, i) => i) }, note: 'x'.repeat(1000) },
  output: null,
  error,
  startedAt: '2025-01-01T10:00:00.000Z',
  finishedAt: '2025-01-01T10:00:01.000Z',
};
const attempts = stepAttempts(
  runHistory('r1', [
    ['step.started', 'post', { attempt: 1 }],
    ['step.retrying', 'post', { attempt: 1, delayMs: 500, error }],
    ['step.started', 'post', { attempt: 2 }],
    ['step.failed', 'post', { attempt: 2, error, handled: false }],
  ]),
  'post',
);

describe('StepInspector', () => {
  it('shows status, error and collapsible input with truncated large values', () => {
    render(<StepInspector step={step} view={{ status: 'failed', attempt: 2, durationMs: 1500, error: { code: 'HTTP_ERROR', message: 'Upstream said 503' } }} label="Post to ledger" attempts={attempts} />);
    const inspector = screen.getByRole('region', { name: 'Run details of Post to ledger' });
    expect(within(inspector).getByText('Failed')).toBeTruthy();
    expect(within(inspector).getByText('1.5 s')).toBeTruthy();
    expect(within(inspector).getAllByText('Upstream said 503').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Copy input' })).toBeTruthy();
    // Input is open at the top level; nested objects are closed until opened.
    const invoice = screen.getByText('invoice').closest('details');
    expect(invoice?.open).toBe(false);
    expect(screen.getByText('Show all 1000 characters')).toBeTruthy();
    fireEvent.click(screen.getByText('Show all 1000 characters'));
    expect(screen.queryByText('Show all 1000 characters')).toBeNull();
    invoice!.open = true;
    fireEvent(invoice!, new Event('toggle'));
    const lines = screen.getByText('lines').closest('details')!;
    lines.open = true;
    fireEvent(lines, new Event('toggle'));
    expect(lines.querySelectorAll(':scope > ul > li')).toHaveLength(JSON_ENTRY_LIMIT + 1);
    fireEvent.click(within(lines).getByText('Show all 150 entries'));
    expect(lines.querySelectorAll(':scope > ul > li')).toHaveLength(150);
  });

  it('lists attempts from the run events', () => {
    expect(attempts).toMatchObject([
      { attempt: 1, outcome: 'retrying', error: { code: 'HTTP_ERROR' } },
      { attempt: 2, outcome: 'failed', error: { message: 'Upstream said 503' } },
    ]);
  });

  it('says when a step has not run', () => {
    render(<StepInspector step={undefined} view={undefined} label="Notify" />);
    expect(screen.getByText('This step has not run in this run.')).toBeTruthy();
  });
});
