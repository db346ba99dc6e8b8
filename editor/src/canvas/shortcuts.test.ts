import { describe, expect, it } from 'vitest';
import { matchShortcut, type KeyInput } from './shortcuts.ts';

const press = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key, code: mods.code ?? '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('maps Ctrl and Cmd the same way', () => {
    expect(matchShortcut(press('z', { ctrlKey: true }))).toBe('undo');
    expect(matchShortcut(press('z', { metaKey: true }))).toBe('undo');
    expect(matchShortcut(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(matchShortcut(press('y', { ctrlKey: true }))).toBe('redo');
    expect(matchShortcut(press('c', { metaKey: true }))).toBe('copy');
    expect(matchShortcut(press('v', { ctrlKey: true }))).toBe('paste');
  });

  it('knows delete, fit, help and escape', () => {
    expect(matchShortcut(press('Backspace'))).toBe('delete');
    expect(matchShortcut(press('Delete'))).toBe('delete');
    expect(matchShortcut(press('!', { shiftKey: true, code: 'Digit1' }))).toBe('fit');
    expect(matchShortcut(press('?', { shiftKey: true }))).toBe('help');
    expect(matchShortcut(press('Escape'))).toBe('escape');
    expect(matchShortcut(press('a'))).toBeNull();
  });
});
