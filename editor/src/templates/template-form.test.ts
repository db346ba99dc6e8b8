import { describe, expect, it } from 'vitest';
import type { GraphDiffDto } from '@countersign/shared';
import { diffSummary, initialParameterValues, parameterFormIssues, parseJsonText } from './template-form.ts';

describe('template form helpers', () => {
  it('starts the form with the defaults', () => {
    expect(
      initialParameterValues({ type: 'object', properties: { erpUrl: { type: 'string', format: 'uri' }, limit: { type: 'integer', default: 100 }, strict: { type: 'boolean', default: false } } }),
    ).toEqual({ limit: 100, strict: false });
  });

  it('pins issues at body.parameters.<name> on the field and keeps the others as messages', () => {
    expect(
      parameterFormIssues([
        { code: 'required', path: ['body', 'parameters', 'erpUrl'], message: 'ERP URL is required' },
        { code: 'invalid_config', path: ['template', 'nodes', 3, 'config'], message: 'Bad' },
      ]),
    ).toEqual({ fields: [{ code: 'required', path: ['erpUrl'], message: 'ERP URL is required' }], general: ['Bad'] });
  });

  it('parses JSON text of the expected kind', () => {
    expect(parseJsonText('{"type":"object"}', 'object')).toEqual({ value: { type: 'object' } });
    expect(parseJsonText('[]', 'object')).toEqual({ error: 'Expected a JSON object' });
    expect(parseJsonText('[1]', 'array')).toEqual({ value: [1] });
    expect('error' in parseJsonText('{', 'array')).toBe(true);
  });

  it('sums up an upgrade diff node by node', () => {
    const diff: GraphDiffDto = {
      nodesAdded: [{ id: 'n9', label: 'Notify', type: 'connector.http' }],
      nodesRemoved: [],
      nodesChanged: [
        { id: 'p', label: 'Post to ERP', type: 'connector.http', layoutOnly: false, changes: [{ path: 'config.timeoutMs', after: 20000 }] },
        { id: 'o', label: 'Approval overdue', type: 'data.set', layoutOnly: false, renamed: { before: 'Overdue', after: 'Approval overdue' }, changes: [] },
        { id: 'm', label: 'Moved', type: 'data.set', layoutOnly: true, changes: [] },
      ],
      edgesAdded: [{ id: 'e', source: 'p', sourcePort: 'out', target: 'n9', targetPort: 'in' }],
      edgesRemoved: [],
      settingsChanged: [],
      behaviourUnchanged: false,
    };
    expect(diffSummary(diff)).toEqual(['Adds step "Notify"', '"Post to ERP": changes config.timeoutMs', '"Approval overdue": renames "Overdue" to "Approval overdue"', 'Rewires 1 connection']);
    expect(diffSummary({ ...diff, nodesAdded: [], nodesChanged: [], edgesAdded: [], behaviourUnchanged: true })).toEqual(['Nothing changes but the layout']);
  });
});
