import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createApiClient } from './api/api-client.ts';
import { perfMark } from './canvas/use-perf-marks.ts';
import { limitNodeTypes } from './embed/limit-node-types.ts';
import { EditorShell, type ShellSlots } from './layout/EditorShell.tsx';
import { createSocketClient, useConnectionState, useRunStream, type SocketClient } from './runs/index.ts';
import { createEditorStore } from './store/create-editor-store.ts';
import { EditorStoreProvider, useEditorStore } from './store/editor-context.tsx';
import type { EditorEvent } from './store/editor-deps.ts';
import { ThemeRoot } from './theme/ThemeRoot.tsx';
import type { ThemeOverrides } from './theme/theme.ts';

/** What `<WorkflowEditor>` reports to its host: editor events, and `unauthorized` when the token is refused. */
export type WorkflowEditorEvent = EditorEvent | { type: 'unauthorized' };

/** Props of the embeddable editor. */
export interface WorkflowEditorProps extends ShellSlots {
  /** Where the runtime is, with the prefix it is mounted under, e.g. `https://portal.example/countersign` ('' for this page's origin). */
  apiBaseUrl: string;
  /** socket.io path on the runtime's server (default `/socket.io`; e.g. `/countersign/socket.io` when mounted under a prefix). */
  socketPath?: string;
  /** Bearer token of the signed-in user. */
  token: string;
  workflowId: string;
  /** A run to show once the workflow is loaded: followed live if it is still going, else replayed. */
  runId?: string;
  /** Branding: product name, logo, colours, font, radius (merged over the default theme). */
  theme?: ThemeOverrides;
  readOnly?: boolean;
  /** Node categories the palette offers (all when absent), e.g. from an embed token's restrictions. */
  allowedCategories?: readonly string[];
  onEvent?(event: WorkflowEditorEvent): void;
}

/**
 * The workflow editor as a self-contained component: its own store, React Flow provider, API
 * client and socket, so two can live on one page. The Countersign app uses it for its editor page.
 */
export function WorkflowEditor(props: WorkflowEditorProps) {
  return (
    <ThemeRoot theme={props.theme} className="cs-editor-root">
      {/* A new runtime, user or workflow is a new editor instance (fresh store and socket). */}
      <EditorInstance key={`${props.apiBaseUrl}\n${props.token}\n${props.workflowId}\n${props.allowedCategories?.join(',') ?? '*'}`} {...props} />
    </ThemeRoot>
  );
}

function EditorInstance({ apiBaseUrl, socketPath, token, workflowId, runId, readOnly = false, allowedCategories, onEvent, ...slots }: WorkflowEditorProps) {
  const listener = useRef(onEvent);
  useLayoutEffect(() => {
    listener.current = onEvent;
  });
  const [store] = useState(() => {
    const emit = (event: WorkflowEditorEvent): void => listener.current?.(event);
    const api = createApiClient({ baseUrl: apiBaseUrl, token, onUnauthorized: () => emit({ type: 'unauthorized' }) });
    const created = createEditorStore({ api, workflowId, readOnly, onEvent: emit });
    limitNodeTypes(created, allowedCategories);
    return created;
  });
  const [socket, setSocket] = useState<SocketClient | null>(null);
  const unauthorized = useCallback(() => listener.current?.({ type: 'unauthorized' }), []);

  useEffect(() => {
    const client = createSocketClient({ baseUrl: apiBaseUrl, token, ...(socketPath ? { path: socketPath } : {}) });
    setSocket(client);
    return () => client.close();
  }, [apiBaseUrl, socketPath, token]);

  useEffect(() => {
    perfMark('load-start');
    void store.getState().load();
    return () => {
      const state = store.getState();
      state.disposeSave();
      state.disposeLint();
      // Leaving with a pending, valid edit: send it now rather than only keeping the local copy.
      if (state.saveState === 'unsaved' && state.issues.length === 0) void state.saveNow();
    };
  }, [store]);

  useEffect(() => {
    if (store.getState().readOnly !== readOnly) store.setState({ readOnly });
  }, [store, readOnly]);

  // A run asked for by the host (e.g. "Open run" in the inbox): shown once the workflow has loaded.
  useEffect(() => {
    if (!runId) return;
    const open = (): void => void store.getState().openPastRun(runId);
    if (store.getState().loadState === 'ready') return open();
    const unsubscribe = store.subscribe((state) => {
      if (state.loadState !== 'ready') return;
      unsubscribe();
      open();
    });
    return unsubscribe;
  }, [store, runId]);

  return (
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <RunStream socket={socket} onUnauthorized={unauthorized} />
        <EditorShell {...slots} />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

/** Follows the run the store asks for over the socket and folds its events into the run slice. */
function RunStream({ socket, onUnauthorized }: { socket: SocketClient | null; onUnauthorized(): void }) {
  const runId = useEditorStore((state) => state.streamRunId);
  const apply = useEditorStore((state) => state.applyRunEvents);
  const connection = useConnectionState(socket);
  const { error } = useRunStream(socket, runId, apply);
  const toast = useEditorStore((state) => state.toast);
  useEffect(() => {
    if (connection === 'unauthorized') onUnauthorized();
  }, [connection, onUnauthorized]);
  useEffect(() => {
    if (error) toast('error', `Live run events: ${error.message}`);
  }, [error, toast]);
  return null;
}
