import type { GraphInput, LintResponseDto } from '@countersign/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { storeHarness } from '../testing/store-harness.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A harness whose lint answers come from `answer` (called with the linted graph). */
function lintHarness(answer: (graph: GraphInput | undefined) => Promise<LintResponseDto>) {
  const harness = storeHarness();
  const lintWorkflow = vi.fn((_id: string, graph?: GraphInput) => answer(graph));
  harness.fake.api.lintWorkflow = lintWorkflow;
  harness.store.setState({ loadState: 'ready' });
  return { ...harness, lintWorkflow };
}

describe('the live control lint', () => {
  it('lints the edited draft once edits pause for 500 ms, and pins the findings on their nodes', async () => {
    const { store, lintWorkflow } = lintHarness(async (graph) => ({
      findings: [{ code: 'insecure_http', severity: 'warning', nodeId: graph?.nodes[0]?.id ?? '', message: 'Plain http' }],
      blocking: false,
    }));
    const id = store.getState().addNode('connector.http', { x: 0, y: 0 }) as string;
    await vi.advanceTimersByTimeAsync(300);
    store.getState().addNode('data.set', { x: 0, y: 200 });
    await vi.advanceTimersByTimeAsync(300);
    expect(lintWorkflow).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(lintWorkflow).toHaveBeenCalledTimes(1);
    expect(lintWorkflow.mock.calls[0]?.[1]?.nodes).toHaveLength(2);
    expect(store.getState().lintState).toBe('ready');
    expect(store.getState().lintBadges).toEqual({ [id]: { severity: 'warning', count: 1, tooltip: 'Warning: Plain http' } });
  });

  it('does not lint again for a move, and drops the answer for an older graph', async () => {
    let release: (value: LintResponseDto) => void = () => undefined;
    let calls = 0;
    // The first lint hangs until released; later ones find nothing.
    const { store, lintWorkflow } = lintHarness(() =>
      calls++ === 0 ? new Promise<LintResponseDto>((resolve) => (release = resolve)) : Promise.resolve({ findings: [], blocking: false }),
    );
    const id = store.getState().addNode('connector.http', { x: 0, y: 0 }) as string;
    await vi.advanceTimersByTimeAsync(500);
    // A second edit while the first lint is out: its answer is the one that counts.
    store.getState().renameNode(id, 'Post to ERP');
    await vi.advanceTimersByTimeAsync(500);
    release({ findings: [{ code: 'posting_without_approval', severity: 'error', nodeId: id, message: 'stale' }], blocking: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().lintFindings).toEqual([]);
    expect(store.getState().lintBlocking).toBe(false);
    expect(lintWorkflow).toHaveBeenCalledTimes(2);
    store.getState().onNodesChange([{ type: 'position', id, position: { x: 80, y: 0 } }]);
    await vi.advanceTimersByTimeAsync(600);
    expect(lintWorkflow).toHaveBeenCalledTimes(2);
  });

  it('stops asking when the user may not lint', async () => {
    const { store, lintWorkflow } = lintHarness(async () => {
      throw new ApiError(403, 'FORBIDDEN', 'Not allowed');
    });
    store.getState().addNode('connector.http', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(500);
    expect(store.getState().lintState).toBe('unavailable');
    store.getState().addNode('data.set', { x: 0, y: 200 });
    await vi.advanceTimersByTimeAsync(500);
    expect(lintWorkflow).toHaveBeenCalledTimes(1);
  });
});
