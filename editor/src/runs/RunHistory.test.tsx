import type { RunSummaryDto } from '@countersign/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunHistory } from './RunHistory.tsx';

afterEach(cleanup);

const run = (id: string, status: RunSummaryDto['status'], finishedAt: string | null): RunSummaryDto => ({
  id,
  workflowId: 'w1',
  version: 3,
  versionHash: 'abc',
  status,
  trigger: 'manual',
  isTest: true,
  error: status === 'failed' ? { code: 'HTTP_ERROR', kind: 'operational', message: 'Upstream said 503' } : null,
  createdAt: '2025-01-01T10:00:00.000Z',
  startedAt: '2025-01-01T10:00:00.000Z',
  finishedAt,
});

describe('RunHistory', () => {
  it('tells what to do when there are no runs', () => {
    render(<RunHistory runs={[]} onOpen={() => undefined} />);
    expect(screen.getByText(/Start a test run to see it here/)).toBeTruthy();
  });

  it('lists runs with status, duration and version, and opens one', () => {
    const onOpen = vi.fn();
    render(<RunHistory runs={[run('r2', 'failed', '2025-01-01T10:00:02.500Z'), run('r1', 'succeeded', '2025-01-01T10:00:00.040Z')]} activeRunId="r1" onOpen={onOpen} />);
    expect(screen.getByText('Failed')).toBeTruthy();
    expect(screen.getByText('2.5 s')).toBeTruthy();
    expect(screen.getByText('40 ms')).toBeTruthy();
    expect(screen.getAllByText('v3 · test')).toHaveLength(2);
    expect(screen.getByText('HTTP_ERROR: Upstream said 503')).toBeTruthy();
    const buttons = screen.getAllByRole<HTMLButtonElement>('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Open', 'Shown']);
    expect(buttons[1]?.disabled).toBe(true);
    fireEvent.click(buttons[0]!);
    expect(onOpen).toHaveBeenCalledWith('r2');
  });
});
