import type { DelegationDto } from '@countersign/shared';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';

/** The delegations in force as loaded. */
export type DelegationsState = { kind: 'loading' } | { kind: 'ready'; items: DelegationDto[] } | { kind: 'error'; message: string };

/** The tenant's delegations in force now, and a way to load them again after a change. */
export function useDelegations(api: Pick<ApiClient, 'listDelegations'>): { state: DelegationsState; reload(): void } {
  const [state, setState] = useState<DelegationsState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let active = true;
    api.listDelegations({ active: true }).then(
      (items) => active && setState({ kind: 'ready', items }),
      (error: unknown) => active && setState({ kind: 'error', message: errorMessage(error) }),
    );
    return () => {
      active = false;
    };
  }, [api, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { state, reload };
}
