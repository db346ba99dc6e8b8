import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TemplateDto, WorkflowDto } from '@countersign/shared';
import { ApiError } from '../api/api-error.ts';
import { UseTemplateDialog } from './UseTemplateDialog.tsx';

afterEach(cleanup);

const template: TemplateDto = {
  id: 'ap',
  partnerTenantId: 'p',
  name: 'AP invoice approval',
  description: '',
  category: 'Accounts payable',
  version: 2,
  sourceWorkflowId: 'src',
  sourceVersion: 3,
  sourceHash: 'h',
  parameters: {
    type: 'object',
    properties: {
      erpUrl: { type: 'string', format: 'uri', title: 'ERP URL' },
      approvalThreshold: { type: 'integer', title: 'Single-approver limit', minimum: 1, default: 1_000_000 },
    },
    required: ['erpUrl'],
  },
  audience: 'all',
  publishedBy: 'u',
  publishedAt: '2026-01-01T00:00:00.000Z',
};

describe('UseTemplateDialog', () => {
  it('generates the form from the parameters schema, without expressions, and sends the values', async () => {
    const instantiateTemplate = vi.fn(async () => ({ id: 'wf-1' }) as WorkflowDto);
    const user = userEvent.setup();
    render(<UseTemplateDialog api={{ instantiateTemplate }} template={template} onClose={() => {}} />);
    const form = screen.getByTestId('template-parameters');
    const url = within(form).getByLabelText(/^ERP URL/) as HTMLInputElement;
    expect(url.type).toBe('url');
    expect((within(form).getByLabelText(/^Single-approver limit/) as HTMLInputElement).value).toBe('1000000');
    expect(within(form).queryByRole('button', { name: /expression/i })).toBeNull();
    await user.type(url, 'https://erp.client.test/in');
    await user.click(screen.getByTestId('template-instantiate'));
    expect(instantiateTemplate).toHaveBeenCalledWith('ap', { parameters: { erpUrl: 'https://erp.client.test/in', approvalThreshold: 1_000_000 }, name: 'AP invoice approval' });
    expect(window.location.pathname).toBe('/workflows/wf-1');
  });

  it("pins the runtime's parameter issues on their fields", async () => {
    const instantiateTemplate = vi.fn(async () => {
      throw new ApiError(422, 'VALIDATION_FAILED', 'invalid', [{ code: 'invalid_format', path: ['body', 'parameters', 'erpUrl'], message: 'ERP URL: expected an absolute URL' }]);
    });
    const user = userEvent.setup();
    render(<UseTemplateDialog api={{ instantiateTemplate }} template={template} onClose={() => {}} />);
    await user.click(screen.getByTestId('template-instantiate'));
    expect(await screen.findByText('ERP URL: expected an absolute URL')).toBeTruthy();
    expect(screen.getAllByRole('alert').some((alert) => /Check the highlighted parameters/.test(alert.textContent ?? ''))).toBe(true);
  });
});
