import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { TaskDetail, type TaskDetailProps } from './TaskDetail.tsx';
import { taskDetailFixture } from './task-fixtures.ts';

afterEach(cleanup);

const user = { id: 'u-ann', tenantId: 'x', email: 'ann@example.test', name: 'Ann Approver', roles: ['approver'] };
const names: Record<string, string> = { 'u-cara': 'Cara Head', 'u-sam': 'Sam Submitter' };

function fakeApi() {
  let detail = taskDetailFixture();
  const api: TaskDetailProps['api'] = {
    getTask: vi.fn(async () => detail),
    decideTask: vi.fn(async (_id, body) => {
      detail = { ...detail, status: body.decision === 'approve' ? 'approved' : 'rejected', decision: body.decision, decidedBy: 'u-ann', closedAt: '2030-01-01T09:00:00.000Z', comment: body.comment ?? null };
      return detail;
    }),
    // The run view is not under test here (React Flow needs a real browser).
    getRun: vi.fn(async () => Promise.reject(new ApiError(404, 'NOT_FOUND', 'No such run'))),
    getVersion: vi.fn(),
  };
  return api;
}

describe('TaskDetail', () => {
  it('shows the evidence: invoice fields, policy verdicts and the chain so far', async () => {
    render(<TaskDetail api={fakeApi()} socket={null} taskId="t1" user={user} nameOf={(id) => names[id] ?? id} />);
    expect((await screen.findByTestId('task-status')).dataset['status']).toBe('open');
    expect(screen.getByText('Invoice number')).toBeTruthy();
    expect(screen.getAllByText('1234.50 EUR').length).toBeGreaterThan(0);
    const [duplicate, table, validation] = screen.getAllByTestId('policy-result');
    expect(duplicate?.dataset['verdict']).toBe('suspect');
    expect(within(duplicate!).getByTestId('duplicate-finding').textContent).toContain('INV-1041');
    expect(within(duplicate!).getByTestId('duplicate-finding').textContent).toContain('1234.50 EUR · 2029-12-30');
    expect(within(duplicate!).getByTestId('duplicate-finding').textContent).toContain('number-distance-1');
    expect(within(table!).getByText('tier-2')).toBeTruthy();
    expect(within(table!).getByTestId('table-hash').getAttribute('title')).toBe('f00dfeedcafebabe0123456789abcdef');
    expect(validation?.textContent).toContain('IBAN is missing');
    expect(screen.getByTestId('chain-decision').textContent).toContain('Bob Lead on behalf of Cara Head');
    expect(screen.getByText('Sam Submitter')).toBeTruthy();
  });

  it('shows the task as decided after approving', async () => {
    const api = fakeApi();
    render(<TaskDetail api={api} socket={null} taskId="t1" user={user} nameOf={(id) => id} />);
    fireEvent.click(await screen.findByTestId('task-approve'));
    await vi.waitFor(() => expect(screen.getByTestId('task-status').dataset['status']).toBe('approved'));
    expect(screen.queryByTestId('task-approve')).toBeNull();
    expect(screen.getByRole('region', { name: 'Decision' }).textContent).toContain('Approved by you');
  });

  it('is read-only for a user who cannot decide', async () => {
    render(<TaskDetail api={fakeApi()} socket={null} taskId="t1" user={{ ...user, roles: ['auditor'] }} nameOf={(id) => id} />);
    await screen.findByTestId('task-status');
    expect(screen.queryByTestId('task-approve')).toBeNull();
  });

  it('keeps the reason in view when the task closed before the decision arrived', async () => {
    const api = fakeApi();
    api.decideTask = vi.fn(async () => {
      api.getTask = vi.fn(async () => taskDetailFixture({ status: 'cancelled', closedAt: '2030-01-01T09:00:00.000Z' }));
      throw new ApiError(409, 'CONFLICT', 'Bob Lead approved it first');
    });
    render(<TaskDetail api={api} socket={null} taskId="t1" user={user} nameOf={(id) => id} />);
    fireEvent.click(await screen.findByTestId('task-approve'));
    await vi.waitFor(() => expect(screen.getByTestId('task-status').dataset['status']).toBe('cancelled'));
    expect(screen.getByTestId('task-error').textContent).toBe('Already closed: Bob Lead approved it first');
    expect(screen.queryByTestId('task-approve')).toBeNull();
  });
});
