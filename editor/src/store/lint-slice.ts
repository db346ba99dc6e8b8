import { canonicalJson, type GraphInput, type LintFinding } from '@countersign/shared';
import { ApiError, errorMessage } from '../api/api-error.ts';
import type { EditorDeps } from './editor-deps.ts';
import type { GetEditorState, SetEditorState } from './editor-state.ts';
import { flowToGraph } from './graph-convert.ts';
import { lintBadges, type LintBadge } from './lint-badges.ts';

/** Where the live control lint stands; `unavailable` when this user may not lint (403) or the runtime has no lint. */
export type LintState = 'idle' | 'linting' | 'ready' | 'error' | 'unavailable';

/** The control lint of the draft as it is edited: findings pinned on nodes and listed with the issues. */
export interface LintSlice {
  lintState: LintState;
  lintFindings: LintFinding[];
  /** Whether an error finding would block submitting this graph for review. */
  lintBlocking: boolean;
  lintBadges: Record<string, LintBadge>;
  lintError: string | null;
  /** (Re)starts the lint debounce after an edit. */
  scheduleLint(): void;
  /** Lints the canvas's graph now. */
  lintNow(): Promise<void>;
  disposeLint(): void;
}

/** The behavioural part of a graph as text: moving a box does not need a new lint. */
function lintKey(graph: GraphInput): string {
  return canonicalJson({ ...graph, nodes: graph.nodes.map(({ position: _position, ...rest }) => rest) });
}

/** Creates the lint slice (debounced by `deps.lintMs`, 500 ms by default; late answers of older graphs are dropped). */
export function createLintSlice(set: SetEditorState, get: GetEditorState, deps: EditorDeps): LintSlice {
  const delay = deps.lintMs ?? 500;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sequence = 0;
  let lastKey: string | null = null;

  const lintNow = async (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const state = get();
    if (state.lintState === 'unavailable' || state.loadState !== 'ready') return;
    const graph = flowToGraph(state.nodes, state.edges, state.settings);
    const key = lintKey(graph);
    if (key === lastKey && state.lintState === 'ready') return;
    const mine = ++sequence;
    set({ lintState: 'linting' });
    try {
      const { findings, blocking } = await deps.api.lintWorkflow(deps.workflowId, graph);
      if (mine !== sequence) return;
      lastKey = key;
      set({ lintState: 'ready', lintFindings: findings, lintBlocking: blocking, lintBadges: lintBadges(findings), lintError: null });
    } catch (error) {
      if (mine !== sequence) return;
      lastKey = null;
      // Not allowed, or a runtime without the lint: stop asking. An invalid draft (422) is shown by the save's issues.
      const off = error instanceof ApiError && (error.status === 403 || error.status === 404);
      set({ lintState: off ? 'unavailable' : 'error', lintError: errorMessage(error), lintFindings: [], lintBlocking: false, lintBadges: {} });
    }
  };

  return {
    lintState: 'idle',
    lintFindings: [],
    lintBlocking: false,
    lintBadges: {},
    lintError: null,
    scheduleLint: () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void lintNow(), delay);
    },
    lintNow,
    disposeLint: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      sequence++;
    },
  };
}
