import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SchemaForm } from './SchemaForm.tsx';

afterEach(cleanup);

const schema = {
  type: 'object',
  properties: {
    url: { type: 'string', title: 'URL' },
    credentialId: { type: 'string', title: 'Credential' },
  },
};

describe('suggestions in a text field', () => {
  it("offers the tenant's credentials in the credential field only, and still takes any text", async () => {
    const onChange = vi.fn();
    render(
      <SchemaForm
        schema={schema}
        value={{}}
        onChange={onChange}
        issues={[]}
        expressionContext={{ upstreamLabels: [], inputFields: [] }}
        literalFields={['credentialId']}
        suggestions={{ credentialId: [{ value: 'c-1', label: 'ERP token (API token)' }] }}
      />,
    );
    const field = screen.getByLabelText('Credential') as HTMLInputElement;
    const list = document.getElementById(field.getAttribute('list') ?? '');
    expect([...(list?.querySelectorAll('option') ?? [])].map((option) => [option.value, option.label])).toEqual([['c-1', 'ERP token (API token)']]);
    expect((screen.getByLabelText('URL') as HTMLInputElement).getAttribute('list')).toBeNull();
    await userEvent.setup().type(field, 'E');
    expect(onChange).toHaveBeenLastCalledWith({ credentialId: 'E' });
  });
});
