import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TaskList } from './TaskList.tsx';
import { taskFixture } from './task-fixtures.ts';

afterEach(cleanup);

describe('TaskList', () => {
  it('says what happens next when nothing waits', async () => {
    render(<TaskList api={{ listTasks: async () => [] }} selectedId={null} />);
    expect((await screen.findByTestId('inbox-empty')).textContent).toContain('No approvals waiting for you. New tasks appear here when a workflow needs your decision.');
  });

  it('lists tasks with amount, workflow, level, quorum, route and SLA clock', async () => {
    const tasks = [taskFixture(), taskFixture({ id: 't2', title: 'Invoice INV-7', amount: { amount: 5000, currency: 'JPY' }, delegatedFrom: 'u-bea', assigneeName: 'Bea Olsen' })];
    render(<TaskList api={{ listTasks: async () => tasks }} selectedId="t2" />);
    const rows = await screen.findAllByTestId('inbox-task-row');
    expect(rows.map((row) => row.dataset['taskId'])).toEqual(['t1', 't2']);
    expect(rows[0]?.textContent).toContain('1234.50 EUR');
    expect(rows[0]?.textContent).toContain('AP invoice approval');
    expect(rows[0]?.textContent).toContain('Level 2 of 3');
    expect(rows[0]?.textContent).toContain('1 approval needed');
    expect(rows[1]?.textContent).toContain('5000 JPY');
    expect(rows[1]?.textContent).toContain('Delegated from Bea Olsen');
    expect(rows[1]?.getAttribute('aria-current')).toBe('true');
    expect(screen.getAllByTestId('sla-clock')).toHaveLength(2);
  });

  it('asks for every task and keeps the decided ones under "Decided"', async () => {
    const listTasks = vi.fn(async () => [taskFixture({ id: 'a', status: 'approved' }), taskFixture({ id: 'b', status: 'cancelled' }), taskFixture({ id: 'c', status: 'rejected' })]);
    render(<TaskList api={{ listTasks }} selectedId={null} />);
    await screen.findAllByTestId('inbox-task-row');
    fireEvent.click(screen.getByRole('button', { name: 'Decided' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('inbox-task-row').map((row) => row.dataset['taskId'])).toEqual(['a', 'c']));
    expect(listTasks).toHaveBeenLastCalledWith({ status: 'all', scope: 'mine' });
  });
});
