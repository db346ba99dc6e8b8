import { useSyncExternalStore } from 'react';

/** The app's pages. */
export type Route =
  | { name: 'sign-in'; next: string | null }
  | { name: 'workflows' }
  /** `runId` (from `?run=`): a run to show on the canvas, followed live if it is still going. */
  | { name: 'workflow'; workflowId: string; runId: string | null }
  /** The approval inbox; `taskId` is the task open in its detail pane. */
  | { name: 'inbox'; taskId: string | null }
  /** The review screen of a version: its diff against the live version (or the previous one). */
  | { name: 'review'; workflowId: string; version: number }
  /** The tenant's audit trail; `runId` (from `?runId=`) pre-filters it to one run. */
  | { name: 'audit'; runId: string | null }
  /** The template gallery. */
  | { name: 'templates' }
  /** A partner's client tenants: their runs and approval SLAs, new clients, acting in one. */
  | { name: 'clients' }
  /** The tenant's settings: credentials, API keys, branding. */
  | { name: 'settings'; section: 'credentials' | 'api-keys' | 'branding' }
  | { name: 'not-found'; path: string };

/** The route of a location (the runtime serves index.html for every non-API path). */
export function parseRoute(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/sign-in') {
    const next = new URLSearchParams(search).get('next');
    // Only same-site paths: a crafted link must not send a signed-in user elsewhere.
    return { name: 'sign-in', next: next && next.startsWith('/') && !next.startsWith('//') ? next : null };
  }
  if (path === '/' || path === '/workflows') return { name: 'workflows' };
  const match = /^\/workflows\/([^/]+)$/.exec(path);
  if (match?.[1]) return { name: 'workflow', workflowId: decodeURIComponent(match[1]), runId: new URLSearchParams(search).get('run') || null };
  const review = /^\/workflows\/([^/]+)\/review\/([1-9]\d{0,9})$/.exec(path);
  if (review?.[1] && review[2]) return { name: 'review', workflowId: decodeURIComponent(review[1]), version: Number(review[2]) };
  if (path === '/audit') return { name: 'audit', runId: new URLSearchParams(search).get('runId') || null };
  if (path === '/inbox') return { name: 'inbox', taskId: null };
  if (path === '/templates') return { name: 'templates' };
  if (path === '/clients') return { name: 'clients' };
  if (path === '/settings' || path === '/settings/credentials') return { name: 'settings', section: 'credentials' };
  if (path === '/settings/api-keys') return { name: 'settings', section: 'api-keys' };
  if (path === '/settings/branding') return { name: 'settings', section: 'branding' };
  const task = /^\/inbox\/([^/]+)$/.exec(path);
  if (task?.[1]) return { name: 'inbox', taskId: decodeURIComponent(task[1]) };
  return { name: 'not-found', path };
}

/** The path of a task in the inbox. */
export const taskPath = (taskId: string): string => `/inbox/${encodeURIComponent(taskId)}`;

/** The editor page of a workflow, showing a run when `runId` is given. */
export const workflowPath = (workflowId: string, runId?: string): string =>
  `/workflows/${encodeURIComponent(workflowId)}${runId ? `?run=${encodeURIComponent(runId)}` : ''}`;

/** The review screen of a version of a workflow. */
export const reviewPath = (workflowId: string, version: number): string => `/workflows/${encodeURIComponent(workflowId)}/review/${version}`;

/** The audit trail, filtered by run when `runId` is given. */
export const auditPath = (runId?: string): string => (runId ? `/audit?runId=${encodeURIComponent(runId)}` : '/audit');

/** The template gallery. */
export const templatesPath = '/templates';

const CHANGE = 'countersign:navigate';

/** Goes to a path of the app without reloading (history API). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(CHANGE));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const location = (): string => `${window.location.pathname}${window.location.search}`;

/** The current route, re-rendering on navigation and on the browser's back and forward. */
export function useRoute(): Route {
  const href = useSyncExternalStore(subscribe, location, () => '/');
  const url = new URL(href, 'http://app.invalid');
  return parseRoute(url.pathname, url.search);
}
