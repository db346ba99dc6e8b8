import { TestRunDialog } from '../runs/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import { RunChoiceDialog } from './RunChoiceDialog.tsx';

/** The test run dialogs: the version question when needed, then the input dialog that starts the run. */
export function TestRunLauncher() {
  const store = useEditorStoreApi();
  const dialog = useEditorStore((state) => state.dialog);
  const plan = useEditorStore((state) => state.testRunPlan);
  const busy = useEditorStore((state) => state.runBusy);
  const error = useEditorStore((state) => state.runError);
  if (dialog === 'run-choice') return <RunChoiceDialog />;
  return (
    <TestRunDialog
      open={dialog === 'test-run'}
      initialInput={plan.input}
      busy={busy}
      error={error}
      onClose={() => store.getState().closeDialog()}
      onStart={(input) => void store.getState().startTestRun(input ?? {}, { saveVersionFirst: plan.saveVersionFirst })}
    />
  );
}
