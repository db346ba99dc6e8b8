import { useEffect, useState } from 'react';
import type { HealthResponse } from '@countersign/shared';

/** What the page knows of `GET /api/health`. */
export type HealthState =
  | { kind: 'checking' }
  | { kind: 'ok'; health: HealthResponse; checkedAt: Date }
  | { kind: 'down'; reason: string; checkedAt: Date };

/** Polls `GET /api/health` every `intervalMs` while the page is open. */
export function useHealth(intervalMs = 5000): HealthState {
  const [state, setState] = useState<HealthState>({ kind: 'checking' });

  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();

    const check = async (): Promise<void> => {
      const next = await fetchHealth(controller.signal);
      if (!active) return;
      setState(next);
      timer = setTimeout(() => void check(), intervalMs);
    };
    void check();

    return () => {
      active = false;
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [intervalMs]);

  return state;
}

async function fetchHealth(signal: AbortSignal): Promise<HealthState> {
  const checkedAt = new Date();
  try {
    const response = await fetch('/api/health', { signal, headers: { accept: 'application/json' } });
    if (!response.ok) return { kind: 'down', reason: `HTTP ${response.status}`, checkedAt };
    const body: unknown = await response.json();
    if (!isHealth(body)) return { kind: 'down', reason: 'unexpected response', checkedAt };
    return { kind: 'ok', health: body, checkedAt };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreachable';
    return { kind: 'down', reason, checkedAt };
  }
}

// A hand-written check keeps zod out of this placeholder's bundle.
function isHealth(body: unknown): body is HealthResponse {
  if (typeof body !== 'object' || body === null) return false;
  const { status, database } = body as Record<string, unknown>;
  return status === 'ok' && (database === 'pglite' || database === 'postgres');
}
