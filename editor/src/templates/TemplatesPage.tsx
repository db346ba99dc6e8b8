import { useCallback, useEffect, useState } from 'react';
import { can, type TemplateDto, type TemplateListDto } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import type { Session } from '../app/session.ts';
import { PublishTemplateDialog } from './PublishTemplateDialog.tsx';
import { TemplateCard } from './TemplateCard.tsx';
import { UseTemplateDialog } from './UseTemplateDialog.tsx';
import '../pages/pages.css';
import './templates.css';

type GalleryState = { kind: 'loading' } | { kind: 'ready'; list: TemplateListDto } | { kind: 'error'; message: string };

const EMPTY: Record<TemplateListDto['viewer'], string> = {
  partner: 'You have not published a template yet. Publish one of your published workflows for your clients.',
  client: 'Your partner has not published a template to you yet.',
  standalone: 'Templates come from a partner: your tenant has none.',
};

/** The template gallery: cards; "Use template" for a client's designers and admins; "Publish as template" for a partner's admins. */
export function TemplatesPage({ api, session, onSignOut }: { api: ApiClient; session: Session; onSignOut(): void }) {
  const [state, setState] = useState<GalleryState>({ kind: 'loading' });
  const [using, setUsing] = useState<TemplateDto | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    let active = true;
    api.listTemplates().then(
      (list) => active && setState({ kind: 'ready', list }),
      (error: unknown) => active && setState({ kind: 'error', message: errorMessage(error) }),
    );
    return () => {
      active = false;
    };
  }, [api]);
  useEffect(load, [load]);

  const viewer = state.kind === 'ready' ? state.list.viewer : null;
  const canUse = viewer === 'client' && can(session.user.roles, 'workflow.write');
  const canPublish = viewer === 'partner' && can(session.user.roles, 'tenant.manage');
  const templates = state.kind === 'ready' ? state.list.items : [];

  return (
    <div className="cs-app-page">
      <AppHeader user={session.user} api={api} current="templates" onSignOut={onSignOut} />
      <main className="cs-list">
        <div className="cs-list__head">
          <h1>Templates</h1>
          {canPublish ? (
            <button type="button" className="cs-button cs-button--primary" data-testid="template-publish-open" onClick={() => setPublishing(true)}>
              Publish as template
            </button>
          ) : null}
        </div>
        {notice ? <p className="cs-template-notice" role="status">{notice}</p> : null}
        {state.kind === 'loading' ? <p className="cs-muted">Loading templates…</p> : null}
        {state.kind === 'error' ? <p className="cs-error-text" role="alert">Templates could not be loaded: {state.message}</p> : null}
        {state.kind === 'ready' && templates.length === 0 ? <p className="cs-card cs-template-empty cs-muted">{EMPTY[state.list.viewer]}</p> : null}
        {templates.length > 0 ? (
          <div className="cs-template-gallery">
            {templates.map((template) => (
              <TemplateCard key={template.id} template={template} onUse={canUse ? setUsing : null} />
            ))}
          </div>
        ) : null}
      </main>
      {using ? <UseTemplateDialog api={api} template={using} onClose={() => setUsing(null)} /> : null}
      {publishing ? (
        <PublishTemplateDialog
          api={api}
          templates={templates}
          onClose={() => setPublishing(false)}
          onPublished={(template) => {
            setPublishing(false);
            setNotice(`Published “${template.name}” v${template.version}.`);
            load();
          }}
        />
      ) : null}
    </div>
  );
}
