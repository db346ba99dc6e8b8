import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { UserDto } from '@countersign/shared';
import { createApiClient } from '../api/api-client.ts';
import { ApiError, errorMessage } from '../api/api-error.ts';
import { ThemeRoot } from '../theme/ThemeRoot.tsx';
import { WorkflowEditor, type WorkflowEditorEvent } from '../WorkflowEditor.tsx';
import { defaultSocketPath, effectiveRestrictions, type MountEditorOptions } from './embed-options.ts';
import { WorkflowPicker } from './WorkflowPicker.tsx';
import './embed.css';

// A token refused this soon after a refresh is not refreshed again (the host keeps signing bad ones).
const REFRESH_GRACE_MS = 10_000;

/**
 * The editor as a host page mounts it: reads the session (`/api/auth/me`: roles and the token's
 * restrictions), shows the tenant's workflows when no workflow is named, and asks the host for a new
 * token when the runtime refuses the current one.
 */
export function EmbeddedEditor({ options }: { options: MountEditorOptions }) {
  const [token, setToken] = useState(options.token);
  const [user, setUser] = useState<UserDto | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const refreshedAt = useRef(0);
  const refreshing = useRef(false);
  const { getToken, onEvent } = options;

  const refresh = useCallback(async () => {
    if (refreshing.current) return;
    if (!getToken || Date.now() - refreshedAt.current < REFRESH_GRACE_MS) {
      setProblem('Your session has ended: reload the page to continue.');
      return;
    }
    refreshing.current = true;
    try {
      const next = await getToken();
      refreshedAt.current = Date.now();
      setToken(next);
    } catch (error) {
      setProblem(`A new session could not be started: ${errorMessage(error)}`);
    } finally {
      refreshing.current = false;
    }
  }, [getToken]);
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  const api = useMemo(() => createApiClient({ baseUrl: options.baseUrl, token, onUnauthorized: () => void refreshRef.current() }), [options.baseUrl, token]);

  useEffect(() => {
    let active = true;
    api.me().then(
      (me) => active && setUser(me),
      (error: unknown) => active && !(error instanceof ApiError && error.status === 401) && setProblem(`The editor could not start: ${errorMessage(error)}`),
    );
    return () => {
      active = false;
    };
  }, [api]);

  const onEditorEvent = useCallback(
    (event: WorkflowEditorEvent) => {
      if (event.type === 'unauthorized') void refreshRef.current();
      onEvent?.(event);
    },
    [onEvent],
  );
  const open = useCallback(
    (workflowId: string) => {
      setPicked(workflowId);
      onEvent?.({ type: 'opened', workflowId });
    },
    [onEvent],
  );

  const workflowId = options.workflowId ?? picked;
  if (problem !== null || user === null || workflowId === null) {
    return (
      <ThemeRoot theme={options.theme} className="cs-embed">
        {problem !== null ? (
          <p className="cs-embed-notice" role="alert">
            {problem}
          </p>
        ) : user === null ? (
          <p className="cs-embed-notice cs-muted">Loading…</p>
        ) : (
          <WorkflowPicker api={api} onOpen={open} />
        )}
      </ThemeRoot>
    );
  }
  const { readOnly, allowedCategories } = effectiveRestrictions(options, user);
  return (
    <WorkflowEditor
      apiBaseUrl={options.baseUrl}
      socketPath={options.socketPath ?? defaultSocketPath(options.baseUrl)}
      token={token}
      workflowId={workflowId}
      theme={options.theme}
      readOnly={readOnly}
      {...(allowedCategories ? { allowedCategories } : {})}
      onEvent={onEditorEvent}
      onBack={options.workflowId === undefined ? () => setPicked(null) : undefined}
      currentUserId={user.id}
      currentUserRoles={user.roles}
    />
  );
}
