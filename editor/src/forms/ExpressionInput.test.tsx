import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpressionInput } from './ExpressionInput.tsx';

afterEach(cleanup);

const context = { upstreamLabels: ['Fetch invoice', 'Approve'], inputFields: ['amount', 'currency'] };

function Controlled({ initial = '', spy }: { initial?: string; spy?: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <ExpressionInput
      id="expr"
      aria-label="Amount"
      value={value}
      onChange={(next) => {
        spy?.(next);
        setValue(next);
      }}
      context={context}
    />
  );
}

function setup(initial?: string) {
  const user = userEvent.setup();
  const spy = vi.fn<(v: string) => void>();
  render(<Controlled initial={initial} spy={spy} />);
  const input = screen.getByRole('combobox', { name: 'Amount' }) as HTMLInputElement;
  return { user, spy, input };
}

describe('ExpressionInput completion', () => {
  it('offers the globals when $ is typed inside {{ }}, as an ARIA listbox', async () => {
    const { user, input } = setup();
    await user.type(input, '{{{{ $');
    const list = screen.getByRole('listbox');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('$input'), expect.stringContaining('$node'), expect.stringContaining('$run'), expect.stringContaining('$now')]),
    );
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-controls')).toBe(list.id);
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]?.id);
  });

  it('offers nothing outside {{ }}', async () => {
    const { user, input } = setup();
    await user.type(input, 'cost $');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('offers upstream labels after $node[" and inserts the reference on Enter', async () => {
    const { user, input, spy } = setup();
    await user.type(input, '{{{{ $node[["');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      expect.stringContaining('Fetch invoice'),
      expect.stringContaining('Approve'),
    ]);
    await user.keyboard('{ArrowDown}');
    const options = screen.getAllByRole('option');
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    await user.keyboard('{Enter}');
    expect(spy).toHaveBeenLastCalledWith('{{ $node["Approve"].output');
    expect(input.selectionStart).toBe('{{ $node["Approve"].output'.length);
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('chains from $node to the labels, and accepts with Tab', async () => {
    const { user, input } = setup();
    await user.type(input, '{{{{ $no');
    await user.keyboard('{Tab}');
    expect(input.value).toBe('{{ $node["');
    expect(screen.getByRole('listbox')).toBeTruthy();
    await user.keyboard('Fe{Tab}');
    expect(input.value).toBe('{{ $node["Fetch invoice"].output');
    expect(document.activeElement).toBe(input);
  });

  it('offers $input fields and closes on Escape', async () => {
    const { user, input } = setup();
    await user.type(input, '{{{{ $input.c');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringContaining('currency')]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input.value).toBe('{{ $input.c');
  });

  it('picks with the mouse without losing focus', async () => {
    const { user, input } = setup();
    await user.type(input, '{{{{ $node[[');
    await user.click(screen.getByRole('option', { name: /Fetch invoice/ }));
    expect(input.value).toBe('{{ $node["Fetch invoice"].output');
  });
});

describe('ExpressionInput diagnostics', () => {
  it('shows a syntax error for {{ $input. }} after a short pause', async () => {
    setup('{{ $input. }}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^\{\{ \$input\. \}\}: /);
    expect(screen.getByRole('combobox').getAttribute('aria-invalid')).toBe('true');
  });

  it('waits ~200 ms before checking what is typed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(<Controlled />);
      await user.type(screen.getByRole('combobox'), '{{{{ 1 + }}');
      expect(screen.queryByRole('alert')).toBeNull();
      act(() => vi.advanceTimersByTime(250));
      expect(screen.getByRole('alert').textContent).toMatch(/1 \+/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports unclosed braces and warns about labels that are not upstream', async () => {
    setup('{{ $node["Ghost"].output }} {{ $input');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Unclosed/);
    cleanup();
    setup('{{ $node["Ghost"].output }}');
    expect((await screen.findByRole('status')).textContent).toBe('No upstream node is labelled "Ghost"');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
