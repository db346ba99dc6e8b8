import type { LintFinding } from '@countersign/shared';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { useEditorStoreApi } from '../store/editor-context.tsx';

/** The control lint of a saved version before it is submitted. */
export type VersionLintState =
  | { kind: 'checking' }
  | { kind: 'checked'; findings: LintFinding[]; blocking: boolean }
  /** The lint could not run here: submitting still lints on the runtime. */
  | { kind: 'unknown'; message: string };

/** Lints a draft version once (and again when `generation` changes); `refuse` records findings the submission itself returned. */
export function useVersionLint(version: number) {
  const store = useEditorStoreApi();
  const [state, setState] = useState<VersionLintState>({ kind: 'checking' });
  useEffect(() => {
    let active = true;
    store
      .getState()
      .lintVersion(version)
      .then(
        ({ findings, blocking }) => active && setState({ kind: 'checked', findings, blocking }),
        (error: unknown) => active && setState({ kind: 'unknown', message: errorMessage(error) }),
      );
    return () => {
      active = false;
    };
  }, [store, version]);
  const refuse = (findings: LintFinding[]): void => {
    if (findings.length > 0) setState({ kind: 'checked', findings, blocking: findings.some((finding) => finding.severity === 'error') });
  };
  return { state, refuse };
}
