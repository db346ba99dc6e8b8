import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SchemaForm, type ExpressionContext } from '../forms/index.ts';
import { CategoryIcon } from '../canvas/CategoryIcon.tsx';
import { typeKey } from '../canvas/ports.ts';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import { fieldIssuesOf, nodeLevelIssuesOf } from '../store/issues.ts';
import { upstreamOf } from '../store/upstream.ts';
import { LabelField } from './LabelField.tsx';
import { kindLabel } from '../credentials/credential-form.ts';
import type { CredentialDto } from '@countersign/shared';

/** The tenant's credentials offered in each credential field of a node type (by id, labelled by name and kind). */
function credentialSuggestions(fields: readonly string[], credentials: readonly Pick<CredentialDto, 'id' | 'name' | 'kind' | 'headerName'>[]): Record<string, { value: string; label: string }[]> {
  const options = credentials.map((credential) => ({ value: credential.id, label: `${credential.name} (${kindLabel(credential)})` }));
  return Object.fromEntries(fields.map((field) => [field, options]));
}

/** Field names of a node's input in the shown run, for `$input.` completion. */
function inputFields(input: unknown): string[] {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? Object.keys(input) : [];
}

/** The Config tab for one node: label, type, description, node issues, control findings and the form generated from its schema. */
export function NodeConfig({ nodeId }: { nodeId: string }) {
  const store = useEditorStoreApi();
  const formId = `cs-${useId().replace(/[^\w-]/g, '')}-${nodeId}`;
  const data = useEditorStore((state) => state.nodes.find((node) => node.id === nodeId)?.data);
  const info = useEditorStore((state) => (data ? state.nodeTypes[typeKey(data.type, data.typeVersion)] : undefined));
  const readOnly = useEditorStore((state) => state.readOnly);
  const issues = useEditorStore((state) => state.issues);
  const lintText = useEditorStore((state) => state.lintBadges[nodeId]?.tooltip ?? '');
  const upstreamLabels = useEditorStore(
    useShallow((state) => {
      const ids = upstreamOf(nodeId, state.edges);
      return state.nodes.filter((node) => ids.has(node.id)).map((node) => node.data.label);
    }),
  );
  const fields = useEditorStore(useShallow((state) => inputFields(state.runDetail?.steps.find((step) => step.nodeId === nodeId)?.input)));
  const context = useMemo<ExpressionContext>(() => ({ upstreamLabels, inputFields: fields }), [upstreamLabels, fields]);
  const fieldIssues = useMemo(() => fieldIssuesOf(issues, nodeId), [issues, nodeId]);
  const credentials = useEditorStore((state) => state.credentials);
  const suggestions = useMemo(() => credentialSuggestions(info?.credentialFields ?? [], credentials), [info, credentials]);
  const nodeIssues = useMemo(() => nodeLevelIssuesOf(issues, nodeId), [issues, nodeId]);

  if (!data) return null;
  return (
    <div className="cs-node-config">
      <div className="cs-node-config__type">
        <span className={`cs-node-config__icon cs-node--cat-${info?.category ?? 'unknown'}`}>
          <CategoryIcon category={info?.category ?? ''} size={18} />
        </span>
        <div>
          <div className="cs-node-config__title">{info?.title ?? 'Unknown node type'}</div>
          <code className="cs-muted">
            {data.type} · v{data.typeVersion}
          </code>
        </div>
        {info ? <span className={`cs-chip cs-chip--${info.effect}`} title={effectHint(info.effect)}>{info.effect}</span> : null}
      </div>
      {info?.description ? <p className="cs-node-config__desc">{info.description}</p> : null}
      <LabelField nodeId={nodeId} label={data.label} readOnly={readOnly} />
      {nodeIssues.length > 0 ? (
        <ul className="cs-node-config__issues" aria-label="Issues of this node">
          {nodeIssues.map((issue, index) => (
            <li key={`${issue.code}-${index}`}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      {lintText ? (
        <ul className="cs-node-config__lint" aria-label="Control lint findings of this node">
          {lintText.split('\n').map((line, index) => (
            <li key={index} data-severity={line.startsWith('Error') ? 'error' : 'warning'}>
              {line}
            </li>
          ))}
        </ul>
      ) : null}
      {info ? (
        <SchemaForm
          key={nodeId}
          literalFields={info.literalFields}
          suggestions={suggestions}
          schema={info.configSchema}
          value={data.config}
          onChange={(config) => store.getState().updateConfig(nodeId, config)}
          issues={fieldIssues}
          expressionContext={context}
          readOnly={readOnly}
          idPrefix={formId}
        />
      ) : (
        <p className="cs-error-text">The runtime does not know this node type, so its config cannot be edited here.</p>
      )}
    </div>
  );
}

function effectHint(effect: string): string {
  if (effect === 'pure') return 'No side effect: safe to re-run';
  if (effect === 'external') return 'Talks to another system (runs with an idempotency key)';
  return 'Waits (approval or timer) without holding a worker';
}
