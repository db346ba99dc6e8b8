import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormHarness } from './form-harness.fixture.tsx';
import { NODE_SCHEMAS } from './node-schemas.fixture.ts';
import { SchemaForm } from './SchemaForm.tsx';

afterEach(cleanup);

const schema = (type: string): Record<string, unknown> => NODE_SCHEMAS[type] ?? {};

function setup(type: string, initial: Record<string, unknown>, extra: Partial<Parameters<typeof FormHarness>[0]> = {}) {
  const spy = vi.fn<(next: Record<string, unknown>) => void>();
  const user = userEvent.setup();
  render(<FormHarness schema={schema(type)} initial={initial} spy={spy} {...extra} />);
  const last = (): Record<string, unknown> | undefined => spy.mock.lastCall?.[0];
  return { spy, user, last };
}

describe('SchemaForm on connector.http', () => {
  it('renders each field kind with its label, bounds, default and help', () => {
    setup('connector.http', { method: 'GET', url: 'https://erp.example.com' });
    const method = screen.getByLabelText(/^Method/) as HTMLSelectElement;
    expect(method.tagName).toBe('SELECT');
    expect(method.value).not.toBe('');
    expect(within(method).getAllByRole('option').map((o) => o.textContent)).toContain('DELETE');
    const url = screen.getByLabelText(/^URL/) as HTMLInputElement;
    expect(url.type).toBe('url');
    expect(url.getAttribute('aria-required')).toBe('true');
    const timeout = screen.getByLabelText(/^Timeout/) as HTMLInputElement;
    expect([timeout.type, timeout.min, timeout.max, timeout.step, timeout.placeholder]).toEqual(['number', '1', '300000', '1', '30000']);
    expect(screen.getByText(/Give up after this long\. Allowed: 1 to 300000\./)).toBeTruthy();
    const fail = screen.getByLabelText(/^Fail on HTTP error/) as HTMLInputElement;
    expect(fail.type).toBe('checkbox');
    expect(fail.checked).toBe(true); // the default, shown while unset
    const headers = screen.getByRole('group', { name: /^Headers/ });
    expect(within(headers).getByRole('button', { name: /Add header/ })).toBeTruthy();
  });

  it('reports edits as new objects: select, text, number, checkbox', async () => {
    const { user, last, spy } = setup('connector.http', { method: 'GET', url: '' });
    await user.selectOptions(screen.getByLabelText(/^Method/), 'POST');
    expect(last()).toEqual({ method: 'POST', url: '' });
    await user.type(screen.getByLabelText(/^URL/), 'https://x.test');
    expect(last()?.url).toBe('https://x.test');
    await user.type(screen.getByLabelText(/^Timeout/), '500');
    expect(last()?.timeoutMs).toBe(500);
    await user.click(screen.getByLabelText(/^Fail on HTTP error/));
    expect(last()?.failOnHttpError).toBe(false);
    const first = spy.mock.calls[0]?.[0];
    expect(first).not.toBe(spy.mock.calls[1]?.[0]);
  });

  it('removes the key when a number is cleared', async () => {
    const { user, last } = setup('connector.http', { method: 'GET', url: 'https://x.test', timeoutMs: 1000 });
    await user.clear(screen.getByLabelText(/^Timeout/));
    expect(last()).toEqual({ method: 'GET', url: 'https://x.test' });
    expect('timeoutMs' in (last() ?? {})).toBe(false);
  });

  it('adds, renames and removes header entries', async () => {
    const { user, last } = setup('connector.http', { method: 'GET', url: 'https://x.test' });
    await user.click(screen.getByRole('button', { name: /Add header/ }));
    expect(last()?.headers).toEqual({ header: '' });
    const name = screen.getByRole('textbox', { name: 'Name of header 1' });
    expect(document.activeElement).toBe(name);
    await user.keyboard('X-Tenant{Enter}'); // the new name is focused and selected: typing replaces it
    expect(last()?.headers).toEqual({ 'X-Tenant': '' });
    await user.type(screen.getByLabelText('Value of X-Tenant'), 'acme');
    expect(last()?.headers).toEqual({ 'X-Tenant': 'acme' });
    await user.click(screen.getByRole('button', { name: /Add header/ }));
    const second = screen.getByRole('textbox', { name: 'Name of header 2' });
    await user.clear(second);
    await user.type(second, 'X-Tenant');
    expect(screen.getByRole('alert').textContent).toMatch(/already used/);
    await user.click(screen.getByRole('button', { name: 'Remove X-Tenant' }));
    expect(last()?.headers).toEqual({ header: '' });
  });

  it('shows issues under their field, and rolls sub-path issues up with a count', () => {
    setup('connector.http', { method: 'GET', url: 'nope', headers: { 'bad key': 'x' } }, {
      issues: [
        { code: 'invalid_config', path: ['url'], message: 'Invalid URL' },
        { code: 'invalid_config', path: ['headers', 'bad key'], message: 'Invalid key in record' },
        { code: 'invalid_config', path: [], message: 'Unrecognized key: "extra"' },
      ],
    });
    const url = screen.getByLabelText(/^URL/);
    expect(url.getAttribute('aria-invalid')).toBe('true');
    const urlAlert = screen.getByText('Invalid URL');
    expect(urlAlert.getAttribute('role')).toBe('alert');
    expect(url.closest('.cs-field')?.contains(urlAlert)).toBe(true);
    const headers = screen.getByRole('group', { name: /^Headers/ });
    expect(headers.querySelector('legend')?.textContent).toMatch(/1 issue inside/);
    const row = screen.getByLabelText('Value of bad key').closest('.cs-field');
    expect(row?.textContent).toMatch(/Invalid key in record/);
    expect(screen.getByText('Unrecognized key: "extra"').getAttribute('role')).toBe('alert');
    expect(screen.getAllByRole('alert')).toHaveLength(3);
  });
});

describe('SchemaForm expressions (fx)', () => {
  it('switches a number to an expression and back', async () => {
    const { user, last } = setup('connector.http', { method: 'GET', url: 'https://x.test', timeoutMs: 1000 });
    await user.click(screen.getByRole('button', { name: 'Expression for Timeout (ms)' }));
    expect(last()?.timeoutMs).toBe('{{ 1000 }}');
    const input = screen.getByLabelText(/^Timeout/) as HTMLInputElement;
    expect(input.type).toBe('text');
    expect(input.getAttribute('role')).toBe('combobox');
    await user.click(screen.getByRole('button', { name: 'Expression for Timeout (ms)' }));
    expect(last()?.timeoutMs).toBe(1000);
    expect((screen.getByLabelText(/^Timeout/) as HTMLInputElement).type).toBe('number');
  });

  it('holds a boolean expression as a string (flow.if)', async () => {
    const { user, last } = setup('flow.if', {});
    const fx = screen.getByRole('button', { name: 'Expression for Condition' });
    expect(fx.getAttribute('aria-pressed')).toBe('false');
    await user.click(fx);
    expect(fx.getAttribute('aria-pressed')).toBe('true');
    await user.type(screen.getByLabelText(/^Condition/), '{{{{ $input.amount > 10000 }}');
    expect(last()).toEqual({ condition: '{{ $input.amount > 10000 }}' });
  });

  it('opens a template value as an expression whatever its schema type', () => {
    setup('connector.http', { method: '{{ $input.verb }}', url: 'https://x/{{ $input.id }}' });
    const method = screen.getByLabelText(/^Method/) as HTMLInputElement;
    expect(method.tagName).toBe('INPUT');
    expect(method.value).toBe('{{ $input.verb }}');
    expect(screen.getByRole('button', { name: 'Expression for URL' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('follows a value replaced from outside (another node, undo) into and out of expression mode', () => {
    const props = { schema: schema('connector.http'), onChange: vi.fn(), issues: [], expressionContext: { upstreamLabels: [], inputFields: [] }, idPrefix: 'o' };
    const { rerender } = render(<SchemaForm {...props} value={{ method: 'GET', url: '{{ $input.url }}' }} />);
    expect(screen.getByLabelText(/^URL/).getAttribute('role')).toBe('combobox');
    rerender(<SchemaForm {...props} value={{ method: 'GET' }} />);
    expect((screen.getByLabelText(/^URL/) as HTMLInputElement).type).toBe('url');
    rerender(<SchemaForm {...props} value={{ method: 'GET', timeoutMs: '{{ $input.t }}' }} />);
    expect((screen.getByLabelText(/^Timeout/) as HTMLInputElement).value).toBe('{{ $input.t }}');
    expect(props.onChange).not.toHaveBeenCalled();
  });

  it('keeps focus in a text field when the user types {{ into it', async () => {
    const { user, last } = setup('connector.http', { method: 'GET', url: '' });
    const url = screen.getByLabelText(/^URL/);
    await user.type(url, 'https://x/{{{{ $input.id }}');
    expect(last()?.url).toBe('https://x/{{ $input.id }}');
    expect(document.activeElement).toBe(url);
  });
});

describe('SchemaForm records, lists and fallbacks', () => {
  it('data.set: fields of any JSON, with a type switch', async () => {
    const { user, last } = setup('data.set', { fields: { amount: 12, note: 'x' } });
    expect((screen.getByLabelText('Value of amount') as HTMLInputElement).type).toBe('number');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type of Value of note' }), 'json');
    expect(last()?.fields).toEqual({ amount: 12, note: 'x' });
    const json = screen.getByLabelText('Value of note');
    await user.clear(json);
    await user.type(json, '{{"a": [[1');
    expect(screen.getByText(/^Not valid JSON/).getAttribute('role')).toBe('alert');
    await user.type(json, ']}');
    expect(last()?.fields).toEqual({ amount: 12, note: { a: [1] } });
    expect(screen.queryByText(/^Not valid JSON/)).toBeNull();
    const keep = screen.getByLabelText(/^Keep input/) as HTMLInputElement;
    expect(keep.checked).toBe(true);
  });

  it('flow.switch: cases render as sub-forms that can be added, edited, moved and removed', async () => {
    const { user, last } = setup('flow.switch', { value: '{{ $input.currency }}', cases: [{ port: 'eur', equals: 'EUR' }] });
    const cases = screen.getByRole('group', { name: /^Cases/ });
    expect(within(cases).getByRole('group', { name: /^Case 1/ })).toBeTruthy();
    expect(within(cases).getByRole('button', { name: 'Remove Case 1' })).toHaveProperty('disabled', true); // minItems 1
    await user.click(within(cases).getByRole('button', { name: /Add case/ }));
    expect(last()?.cases).toEqual([{ port: 'eur', equals: 'EUR' }, { port: '', equals: '' }]);
    const ports = within(cases).getAllByLabelText(/^Port/);
    await user.type(ports[1] as HTMLElement, 'usd');
    await user.click(within(cases).getByRole('button', { name: 'Move Case 2 up' }));
    expect(last()?.cases).toEqual([{ port: 'usd', equals: '' }, { port: 'eur', equals: 'EUR' }]);
    expect((within(cases).getAllByLabelText(/^Port/)[0] as HTMLInputElement).value).toBe('usd');
    await user.click(within(cases).getByRole('button', { name: 'Remove Case 1' }));
    expect(last()?.cases).toEqual([{ port: 'eur', equals: 'EUR' }]);
  });

  it('shows an issue on a list item field and counts it on the list', () => {
    setup('flow.switch', { value: 1, cases: [{ port: '1x', equals: 1 }] }, {
      issues: [{ code: 'invalid_config', path: ['cases', 0, 'port'], message: 'Invalid string: must match pattern' }],
    });
    const port = screen.getByLabelText(/^Port/);
    expect(port.closest('.cs-field')?.querySelector('[role="alert"]')?.textContent).toBe('Invalid string: must match pattern');
    expect(screen.getByRole('group', { name: /^Cases/ }).querySelector('legend')?.textContent).toMatch(/1 issue inside/);
  });

  it('falls back to a JSON text area for schema parts it cannot render', async () => {
    const spy = vi.fn<(next: Record<string, unknown>) => void>();
    const user = userEvent.setup();
    const odd = { type: 'object', properties: { pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] } } };
    render(<FormHarness schema={odd} initial={{ pair: ['a', 1] }} spy={spy} />);
    const area = screen.getByLabelText(/^Pair/) as HTMLTextAreaElement;
    expect(area.tagName).toBe('TEXTAREA');
    expect(JSON.parse(area.value)).toEqual(['a', 1]);
    await user.clear(area);
    await user.type(area, '[[ "b", 2 ]');
    expect(spy.mock.lastCall?.[0]).toEqual({ pair: ['b', 2] });
  });

  it('renders unions as a type switch', async () => {
    const spy = vi.fn<(next: Record<string, unknown>) => void>();
    const user = userEvent.setup();
    const union = { type: 'object', properties: { limit: { title: 'Limit', anyOf: [{ type: 'number' }, { type: 'string', enum: ['none'] }] } } };
    render(<FormHarness schema={union} initial={{ limit: 5 }} spy={spy} />);
    const type = screen.getByRole('combobox', { name: 'Type of Limit' });
    expect((screen.getByLabelText('Limit (Number)') as HTMLInputElement).value).toBe('5');
    await user.selectOptions(type, '1');
    expect(spy.mock.lastCall?.[0]).toEqual({ limit: 'none' });
  });

  it('is read-only when asked', () => {
    setup('connector.http', { method: 'GET', url: 'https://x.test', headers: { A: 'b' } }, { readOnly: true });
    expect(screen.getByLabelText(/^URL/)).toHaveProperty('readOnly', true);
    expect(screen.getByLabelText(/^Method/)).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: /Add header/ })).toBeNull();
  });
});
