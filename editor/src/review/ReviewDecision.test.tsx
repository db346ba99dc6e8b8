import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import type { VersionSummary } from '../store/workflow-slice.ts';
import { ReviewDecision } from './ReviewDecision.tsx';

afterEach(cleanup);

const version: VersionSummary = {
  workflowId: 'w1', version: 2, hash: 'abc', status: 'in_review', createdAt: '2030-01-01T00:00:00Z', createdBy: 'designer', submittedBy: 'designer',
  submittedAt: '2030-01-01T00:01:00Z', reviewedBy: null, reviewedAt: null, reviewComment: null, publishedBy: null, publishedAt: null, live: false, lint: [],
};
const reviewer = { userId: 'reviewer', roles: ['reviewer'] };
const button = (id: string): HTMLButtonElement => screen.getByTestId<HTMLButtonElement>(id);

describe('ReviewDecision', () => {
  it('shows the author "Waiting for another reviewer" instead of Approve', () => {
    render(<ReviewDecision api={{ approveVersion: vi.fn(), rejectVersion: vi.fn() }} workflowId="w1" version={version} viewer={{ userId: 'designer', roles: ['admin'] }} onDecided={vi.fn()} onStale={vi.fn()} />);
    expect(screen.getByTestId('review-author-notice').textContent).toMatch(/Waiting for another reviewer.*authored version 2/);
    expect(screen.queryByTestId('review-approve')).toBeNull();
  });

  it('needs a comment to reject, and sends it', async () => {
    const rejectVersion = vi.fn(async () => ({ ...version, status: 'rejected' as const, reviewComment: 'Wrong tier' }));
    const onDecided = vi.fn();
    render(<ReviewDecision api={{ approveVersion: vi.fn(), rejectVersion }} workflowId="w1" version={version} viewer={reviewer} onDecided={onDecided} onStale={vi.fn()} />);
    expect(button('review-reject').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('review-comment'), { target: { value: ' Wrong tier ' } });
    fireEvent.click(button('review-reject'));
    await vi.waitFor(() => expect(onDecided).toHaveBeenCalledWith(expect.objectContaining({ status: 'rejected' })));
    expect(rejectVersion).toHaveBeenCalledWith('w1', 2, 'Wrong tier');
  });

  it('shows the server refusal inline, with its reason', async () => {
    const approveVersion = vi.fn(async () => {
      throw new ApiError(403, 'SOD_VIOLATION', 'You submitted version 2; another reviewer must approve it');
    });
    // An embedding host that passes no user: the runtime is the one to refuse.
    render(<ReviewDecision api={{ approveVersion, rejectVersion: vi.fn() }} workflowId="w1" version={version} viewer={{}} onDecided={vi.fn()} onStale={vi.fn()} />);
    fireEvent.click(button('review-approve'));
    const error = await screen.findByTestId('review-error');
    expect(error.textContent).toBe('Four eyes: You submitted version 2; another reviewer must approve it');
    expect(approveVersion).toHaveBeenCalledWith('w1', 2, undefined);
  });
});
