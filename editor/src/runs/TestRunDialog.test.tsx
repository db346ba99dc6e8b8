import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestRunDialog } from './TestRunDialog.tsx';

afterEach(cleanup);

function setup(props: Partial<Parameters<typeof TestRunDialog>[0]> = {}) {
  const onStart = vi.fn();
  const onClose = vi.fn();
  render(<TestRunDialog open initialInput={{ invoice: { amount: 120 } }} onStart={onStart} onClose={onClose} {...props} />);
  const textarea = screen.getByLabelText<HTMLTextAreaElement>('Input JSON');
  const start = screen.getByRole<HTMLButtonElement>('button', { name: /^Start/ });
  return { onStart, onClose, textarea, start };
}

describe('TestRunDialog', () => {
  it('is a modal pre-filled with the last input, pretty-printed, and focuses it', () => {
    const { textarea } = setup();
    const dialog = screen.getByRole('dialog', { name: 'Test run' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(textarea.value).toBe('{\n  "invoice": {\n    "amount": 120\n  }\n}');
    expect(document.activeElement).toBe(textarea);
    expect(screen.getByText('Valid JSON.')).toBeTruthy();
  });

  it('shows where invalid JSON breaks and disables Start run', () => {
    const { textarea, start, onStart } = setup();
    fireEvent.change(textarea, { target: { value: '{\n  "a": 1\n  "b": 2\n}' } });
    expect(start.disabled).toBe(true);
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Line 3, column 3: Expected "," or "}"')).toBeTruthy();
    fireEvent.keyDown(textarea, { key: 'Enter', ctrlKey: true });
    expect(onStart).not.toHaveBeenCalled();
    fireEvent.change(textarea, { target: { value: '{ "a": 1 }' } });
    expect(start.disabled).toBe(false);
  });

  it('submits the parsed input with Ctrl+Enter, Cmd+Enter and the button', () => {
    const { textarea, start, onStart } = setup();
    fireEvent.change(textarea, { target: { value: '{ "amount": 5 }' } });
    fireEvent.keyDown(textarea, { key: 'Enter', ctrlKey: true });
    expect(onStart).toHaveBeenLastCalledWith({ amount: 5 });
    fireEvent.keyDown(textarea, { key: 'Enter', metaKey: true });
    fireEvent.click(start);
    expect(onStart).toHaveBeenCalledTimes(3);
    fireEvent.keyDown(textarea, { key: 'Enter' });
    expect(onStart).toHaveBeenCalledTimes(3);
  });

  it('closes on Escape and traps Tab inside', () => {
    const { textarea, start, onClose } = setup();
    start.focus();
    fireEvent.keyDown(start, { key: 'Tab' });
    expect(document.activeElement).toBe(textarea);
    fireEvent.keyDown(textarea, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(start);
    fireEvent.keyDown(textarea, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('waits while busy and shows why a start failed', () => {
    const { start, textarea, onStart } = setup({ busy: true, error: 'The workflow has no saved version' });
    expect(start.disabled).toBe(true);
    expect(start.textContent).toBe('Starting…');
    expect(screen.getByRole('alert').textContent).toBe('The workflow has no saved version');
    fireEvent.keyDown(textarea, { key: 'Enter', ctrlKey: true });
    expect(onStart).not.toHaveBeenCalled();
  });

  it('renders nothing when closed and gives focus back when it closes', () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const { rerender } = render(<TestRunDialog open={false} initialInput={undefined} onStart={() => undefined} onClose={() => undefined} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    rerender(<TestRunDialog open initialInput={undefined} onStart={() => undefined} onClose={() => undefined} />);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Input JSON').value).toBe('{}');
    act(() => rerender(<TestRunDialog open={false} initialInput={undefined} onStart={() => undefined} onClose={() => undefined} />));
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});
