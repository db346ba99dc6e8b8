import { useMemo } from 'react';
import { EvidencePackActions, RunHistory, StatusBadge, stepAttempts, StepInspector } from '../runs/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import { primarySelectedNodeId } from '../store/selection-slice.ts';
import { viewerCan, type VersionViewer } from '../versions/version-status.ts';

/** The Run tab: the shown run (with its evidence pack for those who may read it) and its selected step (input, output, error, attempts), and the run history. */
export function RunPanel({ viewer = {} }: { viewer?: VersionViewer }) {
  const store = useEditorStoreApi();
  const run = useEditorStore((state) => state.run);
  const runs = useEditorStore((state) => state.runs);
  const detail = useEditorStore((state) => state.runDetail);
  const nodeId = useEditorStore(primarySelectedNodeId);
  const label = useEditorStore((state) => (nodeId === null ? '' : (state.nodes.find((node) => node.id === nodeId)?.data.label ?? nodeId)));
  const attempts = useMemo(() => (run && nodeId ? stepAttempts(run.events, nodeId) : []), [run, nodeId]);
  const step = useMemo(() => (detail && nodeId ? detail.steps.filter((candidate) => candidate.nodeId === nodeId).at(-1) : undefined), [detail, nodeId]);

  return (
    <div className="cs-run-panel">
      {run ? (
        <section className="cs-panel-section" aria-label="Shown run">
          <div className="cs-run-panel__head">
            <StatusBadge status={run.status} />
            <code className="cs-muted" title={run.runId}>run {run.runId.slice(0, 8)}</code>
            <button type="button" className="cs-button cs-button--small cs-button--ghost" onClick={() => store.getState().hideRun()}>
              Hide
            </button>
          </div>
          {run.error ? <p className="cs-error-text">{run.error.message}</p> : null}
          {viewerCan(viewer, 'audit.read') ? <EvidencePackActions runId={run.runId} fetchEvidence={store.getState().fetchEvidence} /> : null}
          {nodeId === null ? (
            <p className="cs-muted">Select a node on the canvas or in the timeline to see its input, output and attempts.</p>
          ) : run.steps[nodeId] || step ? (
            <StepInspector step={step} view={run.steps[nodeId]} label={label} attempts={attempts} />
          ) : (
            <p className="cs-muted">“{label}” has not run{run.status === 'running' || run.status === 'queued' ? ' yet' : ' in this run'}.</p>
          )}
        </section>
      ) : null}
      <section className="cs-panel-section" aria-label="Run history">
        <h3 className="cs-panel-heading">Runs</h3>
        <RunHistory runs={runs} activeRunId={run?.runId ?? null} onOpen={(runId) => void store.getState().openPastRun(runId)} />
      </section>
    </div>
  );
}
