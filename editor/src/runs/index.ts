// The "Test run" and live-run parts of the editor: event folding, socket streaming, status styling
// data for the canvas, and the dialog, timeline, inspector and history components.
import './runs.css';

export { createSocketClient, type RunSocket, type RunSocketLike, type SocketClient, type SocketClientOptions } from '../api/socket-client.ts';
export { CONNECTION_STATE_LABEL, nextConnectionState, type ConnectionSignal, type ConnectionState } from './connection-state.ts';
export { firedEdgeIds } from './fired-edges.ts';
export { EvidencePackActions, type EvidencePackActionsProps } from './EvidencePackActions.tsx';
export { elapsedMs, formatDuration, formatTime } from './format.ts';
export type { Scheduler } from './frame-batcher.ts';
export { JsonTree } from './JsonTree.tsx';
export { parseJsonInput, type JsonInputResult } from './parse-json-input.ts';
export { reduceRunEvents } from './reduce-run-events.ts';
export { RunHistory, type RunHistoryProps } from './RunHistory.tsx';
export { RunTimeline, type RunTimelineProps } from './RunTimeline.tsx';
export { DEFAULT_SOURCE_PORT, emptyRunView, isRunFinished, type RunEdge, type RunView, type StepView } from './run-view.ts';
export type { RunListener, SubscriptionError } from './run-subscriptions.ts';
export { StatusBadge } from './StatusBadge.tsx';
export { FIRED_EDGE_CLASS, nodeRunClassName, nodeRunStatus, STEP_STATUS_META, statusColor, type StatusMeta } from './status-meta.ts';
export { stepAttempts, type StepAttempt } from './step-attempts.ts';
export { StepInspector, type StepInspectorProps } from './StepInspector.tsx';
export { TestRunDialog, type TestRunDialogProps } from './TestRunDialog.tsx';
export { useConnectionState } from './use-connection-state.ts';
export { useFocusTrap } from './use-focus-trap.ts';
export { useRunStream, type RunStreamOptions } from './use-run-stream.ts';
