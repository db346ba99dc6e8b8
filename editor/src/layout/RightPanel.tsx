import { useId, useMemo, type KeyboardEvent } from 'react';
import { RunPanel } from '../run-panel/RunPanel.tsx';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import type { RightTab } from '../store/ui-slice.ts';
import { ConfigPanel } from './ConfigPanel.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';

const TABS: { id: RightTab; title: string }[] = [
  { id: 'config', title: 'Config' },
  { id: 'run', title: 'Run' },
  { id: 'versions', title: 'Versions' },
];

/** Props of {@link RightPanel}: who is looking (for the version actions) and how to open a review. */
export interface RightPanelProps {
  currentUserId?: string | undefined;
  currentUserRoles?: readonly string[] | undefined;
  onOpenReview?: ((version: number) => void) | undefined;
}

/** The right panel with its tabs: Config / Run / Versions (arrow keys move between tabs). */
export function RightPanel({ currentUserId, currentUserRoles, onOpenReview }: RightPanelProps) {
  const store = useEditorStoreApi();
  const tab = useEditorStore((state) => state.rightTab);
  const runStatus = useEditorStore((state) => state.run?.status ?? null);
  const id = useId();
  const viewer = useMemo(() => ({ userId: currentUserId, roles: currentUserRoles }), [currentUserId, currentUserRoles]);
  const onKeyDown = (event: KeyboardEvent): void => {
    const index = TABS.findIndex((candidate) => candidate.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (next) {
      store.getState().setRightTab(next.id);
      document.getElementById(`${id}-tab-${next.id}`)?.focus();
    }
  };
  return (
    <aside className="cs-right" aria-label="Details">
      <div className="cs-tabs" role="tablist" aria-label="Panels" onKeyDown={onKeyDown}>
        {TABS.map((candidate) => (
          <button
            key={candidate.id}
            id={`${id}-tab-${candidate.id}`}
            type="button"
            role="tab"
            className="cs-tabs__tab"
            aria-selected={tab === candidate.id}
            aria-controls={`${id}-panel`}
            tabIndex={tab === candidate.id ? 0 : -1}
            onClick={() => store.getState().setRightTab(candidate.id)}
          >
            {candidate.title}
            {candidate.id === 'run' && runStatus ? <span className="cs-tabs__dot" data-cs-status={runStatus} aria-label={`run ${runStatus}`} /> : null}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} className="cs-right__body" role="tabpanel" aria-labelledby={`${id}-tab-${tab}`}>
        {tab === 'config' ? <ConfigPanel /> : tab === 'run' ? <RunPanel viewer={viewer} /> : <VersionsPanel viewer={viewer} onOpenReview={onOpenReview} />}
      </div>
    </aside>
  );
}
