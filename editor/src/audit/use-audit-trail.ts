import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { AuditItem } from '../api/audit-page.ts';
import { errorMessage } from '../api/api-error.ts';
import type { AuditFilters } from '../api/change-control-api.ts';

/** The audit trail as loaded so far: newest first, and the cursor of the next (older) page. */
export interface AuditTrailState {
  items: AuditItem[];
  nextBeforeSeq: number | null;
  loading: boolean;
  error: string | null;
  /** Whether the first page has arrived. */
  loaded: boolean;
}

const PAGE_SIZE = 50;

/** Loads the audit trail for the filters (again when they change) and pages back in time with `loadOlder`. */
export function useAuditTrail(api: Pick<ApiClient, 'listAudit'>, filters: AuditFilters) {
  const [state, setState] = useState<AuditTrailState>({ items: [], nextBeforeSeq: null, loading: true, error: null, loaded: false });
  // Answers for earlier filters are dropped.
  const generation = useRef(0);

  const load = useCallback(
    async (beforeSeq: number | undefined): Promise<void> => {
      const mine = generation.current;
      setState((previous) => ({ ...previous, loading: true, error: null }));
      try {
        const page = await api.listAudit({ ...filters, limit: PAGE_SIZE, ...(beforeSeq === undefined ? {} : { beforeSeq }) });
        if (mine !== generation.current) return;
        setState((previous) => ({
          items: beforeSeq === undefined ? page.items : [...previous.items, ...page.items],
          nextBeforeSeq: page.nextBeforeSeq,
          loading: false,
          error: null,
          loaded: true,
        }));
      } catch (error) {
        if (mine !== generation.current) return;
        setState((previous) => ({ ...previous, loading: false, error: errorMessage(error), loaded: true }));
      }
    },
    [api, filters],
  );

  useEffect(() => {
    generation.current++;
    setState({ items: [], nextBeforeSeq: null, loading: true, error: null, loaded: false });
    void load(undefined);
  }, [load]);

  const loadOlder = useCallback(() => {
    if (state.nextBeforeSeq !== null && !state.loading) void load(state.nextBeforeSeq);
  }, [load, state.nextBeforeSeq, state.loading]);
  const reload = useCallback(() => {
    generation.current++;
    void load(undefined);
  }, [load]);
  return { state, loadOlder, reload };
}
