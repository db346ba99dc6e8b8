import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { onTasksChanged } from './task-events.ts';
import { taskFixture } from './task-fixtures.ts';

afterEach(cleanup);

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const button = (id: string): HTMLButtonElement => screen.getByTestId<HTMLButtonElement>(id);

describe('DecisionForm', () => {
  it('needs a comment to reject', () => {
    render(<DecisionForm api={{ decideTask: vi.fn() }} taskId="t1" onDecided={vi.fn()} onStale={vi.fn()} />);
    expect(button('task-reject').disabled).toBe(true);
    expect(button('task-approve').disabled).toBe(false);
    fireEvent.change(screen.getByTestId('task-comment'), { target: { value: '   ' } });
    expect(button('task-reject').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('task-comment'), { target: { value: 'Wrong cost center' } });
    expect(button('task-reject').disabled).toBe(false);
  });

  it('sends one decision at a time and reports it', async () => {
    const answer = deferred<ReturnType<typeof taskFixture>>();
    const decideTask = vi.fn(() => answer.promise);
    const onDecided = vi.fn();
    const changed = vi.fn();
    const stop = onTasksChanged(changed);
    render(<DecisionForm api={{ decideTask }} taskId="t1" onDecided={onDecided} onStale={vi.fn()} />);
    fireEvent.change(screen.getByTestId('task-comment'), { target: { value: ' Looks right ' } });
    fireEvent.click(button('task-approve'));
    fireEvent.click(button('task-approve'));
    expect(decideTask).toHaveBeenCalledTimes(1);
    expect(decideTask).toHaveBeenCalledWith('t1', { decision: 'approve', comment: 'Looks right' });
    expect(button('task-approve').textContent).toBe('Approving…');
    expect(button('task-reject').disabled).toBe(true);
    const decided = taskFixture({ status: 'approved', decision: 'approve' });
    answer.resolve(decided);
    await vi.waitFor(() => expect(onDecided).toHaveBeenCalledWith(decided));
    expect(changed).toHaveBeenCalledOnce();
    stop();
  });

  it('shows the reason of a refusal inline and lets the approver try again', async () => {
    const decideTask = vi.fn(async () => {
      throw new ApiError(403, 'SOD_VIOLATION', 'You submitted this invoice');
    });
    const onStale = vi.fn();
    render(<DecisionForm api={{ decideTask }} taskId="t1" onDecided={vi.fn()} onStale={onStale} />);
    fireEvent.click(button('task-approve'));
    expect((await screen.findByTestId('task-error')).textContent).toBe('Segregation of duties: You submitted this invoice');
    expect(button('task-approve').disabled).toBe(false);
    expect(onStale).not.toHaveBeenCalled();
  });

  it('reloads the task when someone else closed it', async () => {
    const decideTask = vi.fn(async () => {
      throw new ApiError(409, 'CONFLICT', 'Already approved by Bob Lead');
    });
    const onStale = vi.fn();
    render(<DecisionForm api={{ decideTask }} taskId="t1" onDecided={vi.fn()} onStale={onStale} />);
    fireEvent.change(screen.getByTestId('task-comment'), { target: { value: 'No PO' } });
    fireEvent.click(button('task-reject'));
    expect((await screen.findByTestId('task-error')).textContent).toContain('Already approved by Bob Lead');
    expect(decideTask).toHaveBeenCalledWith('t1', { decision: 'reject', comment: 'No PO' });
    expect(onStale).toHaveBeenCalledWith({ title: 'Already closed', message: 'Already approved by Bob Lead', stale: true });
  });
});
