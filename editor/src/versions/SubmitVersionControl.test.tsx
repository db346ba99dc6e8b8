import type { VersionDto } from '@countersign/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { EditorStoreProvider } from '../store/editor-context.tsx';
import { storeHarness } from '../testing/store-harness.ts';
import { SubmitVersionControl } from './SubmitVersionControl.tsx';

afterEach(cleanup);

const error = { code: 'posting_without_approval' as const, severity: 'error' as const, nodeId: 'post', message: 'No approval before the posting' };
const warning = { code: 'unsigned_webhook' as const, severity: 'warning' as const, nodeId: 'hook', message: 'The webhook is not signed' };

function setup(findings: (typeof error | typeof warning)[]) {
  const { store, fake } = storeHarness();
  const version = { version: 2, graph: { schemaVersion: 1, nodes: [], edges: [], settings: {} } } as unknown as VersionDto;
  fake.api.getVersion = vi.fn(async () => version);
  fake.api.lintWorkflow = vi.fn(async () => ({ findings, blocking: findings.some((finding) => finding.severity === 'error') }));
  render(
    <EditorStoreProvider store={store}>
      <SubmitVersionControl version={2} />
    </EditorStoreProvider>,
  );
  return { store, fake };
}

const submit = (): HTMLButtonElement => screen.getByTestId<HTMLButtonElement>('submit-version');

describe('Submit for review', () => {
  it('shows the lint findings first; an error finding blocks the submission', async () => {
    setup([warning, error]);
    expect(submit().disabled).toBe(true);
    await vi.waitFor(() => expect(screen.getAllByTestId('lint-finding')).toHaveLength(2));
    expect(screen.getAllByTestId('lint-finding').map((item) => item.dataset['severity'])).toEqual(['error', 'warning']);
    expect(screen.getByText(/1 error, 1 warning/)).toBeTruthy();
    expect(submit().disabled).toBe(true);
  });

  it('submits with warnings only, and shows the findings of a refusal', async () => {
    const { fake } = setup([warning]);
    await vi.waitFor(() => expect(submit().disabled).toBe(false));
    fake.api.submitVersion = vi.fn(async () => {
      throw new ApiError(422, 'VALIDATION_FAILED', 'The control lint found 1 error(s)', [], { findings: [error] });
    });
    fireEvent.click(submit());
    await vi.waitFor(() => expect(screen.getByTestId('submit-error').textContent).toContain('The control lint found 1 error'));
    expect(screen.getAllByTestId('lint-finding').map((item) => item.dataset['severity'])).toEqual(['error']);
    expect(submit().disabled).toBe(true);
  });
});
