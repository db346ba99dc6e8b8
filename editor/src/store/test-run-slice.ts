import type { RunDto, RunEvent, RunSummaryDto } from '@countersign/shared';
import { errorMessage } from '../api/api-error.ts';
import type { EditorDeps } from './editor-deps.ts';
import type { GetEditorState, SetEditorState } from './editor-state.ts';
import { hasUnversionedChanges } from './workflow-slice.ts';

/** Test runs from the editor and past runs: starting, following, replaying, and their details. */
export interface TestRunSlice {
  runs: RunSummaryDto[];
  /** The shown run with inputs and outputs of its steps (GET /api/runs/:id), for the step inspector. */
  runDetail: RunDto | null;
  /** The run followed live over the socket (null when replaying a finished one). */
  streamRunId: string | null;
  lastRunInput: unknown;
  runBusy: boolean;
  runError: string | null;
  /** What the test run dialog starts from, and whether the draft becomes a version first. */
  testRunPlan: { input: unknown; saveVersionFirst: boolean };
  /** "Test run": pre-fills the input from the last run; asks first when the draft has changes not in a version. */
  prepareTestRun(): Promise<void>;
  /** Answer to that question: save a version first, or run the latest version as it is. */
  chooseTestRunVersion(saveVersionFirst: boolean): void;
  refreshRuns(): Promise<void>;
  refreshRunDetail(): Promise<void>;
  /** The input of the last run, to pre-fill the test run dialog (`{}` when there is none). */
  loadLastRunInput(): Promise<unknown>;
  /** Starts a run of the latest version (saving the draft as a version first when asked); returns its id. */
  startTestRun(input: unknown, options: { saveVersionFirst: boolean }): Promise<string | null>;
  /** Shows a past run: replays its events on the canvas, or follows it live if it is still going. */
  openPastRun(runId: string): Promise<void>;
  /** Removes the run overlay. */
  hideRun(): void;
}

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);
/** A replay shows at most this many frames, so long runs replay as quickly as short ones. */
const REPLAY_FRAMES = 24;
const REPLAY_FRAME_MS = 90;

/** Creates the test run slice. */
export function createTestRunSlice(set: SetEditorState, get: GetEditorState, deps: EditorDeps): TestRunSlice {
  const { api, workflowId } = deps;
  let replay: ReturnType<typeof setTimeout> | null = null;
  const stopReplay = (): void => {
    if (replay !== null) clearTimeout(replay);
    replay = null;
  };
  const replayEvents = (runId: string, events: RunEvent[]): void => {
    const size = Math.max(1, Math.ceil(events.length / REPLAY_FRAMES));
    let index = 0;
    const frame = (): void => {
      if (get().run?.runId !== runId) return;
      get().applyRunEvents(events.slice(index, index + size));
      index += size;
      replay = index < events.length ? setTimeout(frame, REPLAY_FRAME_MS) : null;
    };
    frame();
  };

  return {
    runs: [],
    runDetail: null,
    streamRunId: null,
    lastRunInput: undefined,
    runBusy: false,
    runError: null,
    testRunPlan: { input: {}, saveVersionFirst: false },

    prepareTestRun: async () => {
      const input = await get().loadLastRunInput();
      const state = get();
      const ask = hasUnversionedChanges(state);
      set({ testRunPlan: { input, saveVersionFirst: ask && state.versions.length === 0 }, runError: null });
      state.openDialog(ask ? 'run-choice' : 'test-run');
    },

    chooseTestRunVersion: (saveVersionFirst) => {
      set({ testRunPlan: { ...get().testRunPlan, saveVersionFirst }, dialog: 'test-run' });
    },

    refreshRuns: async () => {
      try {
        set({ runs: await api.listRuns({ workflowId, limit: 30 }) });
      } catch (error) {
        get().toast('error', `Runs: ${errorMessage(error)}`);
      }
    },

    refreshRunDetail: async () => {
      const runId = get().run?.runId;
      if (!runId) return;
      try {
        const detail = await api.getRun(runId);
        if (get().run?.runId === runId) set({ runDetail: detail });
      } catch {
        // The overlay still shows statuses from events; details come with the next refresh.
      }
    },

    loadLastRunInput: async () => {
      const known = get().lastRunInput;
      if (known !== undefined) return known;
      const latest = get().runs[0];
      if (!latest) return {};
      try {
        const input = (await api.getRun(latest.id)).input ?? {};
        set({ lastRunInput: input });
        return input;
      } catch {
        return {};
      }
    },

    startTestRun: async (input, { saveVersionFirst }) => {
      if (get().runBusy) return null;
      set({ runBusy: true, runError: null });
      try {
        if (saveVersionFirst && (await get().saveVersion()) === null) {
          set({ runError: 'The draft could not be saved as a version; fix its issues first.' });
          return null;
        }
        // A test run of the latest version, published or not: the runtime marks it as a test.
        const { runId } = await api.startRun(workflowId, { input, test: true });
        stopReplay();
        get().openRun(runId);
        set({ streamRunId: runId, runDetail: null, lastRunInput: input, dialog: 'none', rightTab: 'run' });
        deps.onEvent?.({ type: 'run-started', workflowId, runId });
        void get().refreshRuns();
        return runId;
      } catch (error) {
        set({ runError: errorMessage(error) });
        return null;
      } finally {
        set({ runBusy: false });
      }
    },

    openPastRun: async (runId) => {
      stopReplay();
      get().openRun(runId);
      set({ streamRunId: null, runDetail: null, rightTab: 'run' });
      // A run older than the listed ones (e.g. opened from the inbox): ask for its status.
      let status = get().runs.find((item) => item.id === runId)?.status;
      if (status === undefined) {
        status = await api.getRun(runId).then((run) => run.status, () => undefined);
        if (get().run?.runId !== runId) return;
      }
      if (status !== undefined && !FINISHED.has(status)) {
        set({ streamRunId: runId });
        return;
      }
      try {
        const events = await api.allRunEvents(runId);
        if (get().run?.runId === runId) replayEvents(runId, events);
        void get().refreshRunDetail();
      } catch (error) {
        get().toast('error', `Could not load the run: ${errorMessage(error)}`);
      }
    },

    hideRun: () => {
      stopReplay();
      get().closeRun();
      set({ streamRunId: null, runDetail: null });
    },
  };
}
