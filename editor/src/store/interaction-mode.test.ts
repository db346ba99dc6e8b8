import { describe, expect, it } from 'vitest';
import { acceptsShortcuts, nextMode } from './interaction-mode.ts';

describe('interaction mode machine', () => {
  it('enters one mode at a time and leaves it by its own end or cancel', () => {
    expect(nextMode('idle', 'connectStart')).toBe('connecting');
    expect(nextMode('connecting', 'dragStart')).toBe('connecting');
    expect(nextMode('connecting', 'connectEnd')).toBe('idle');
    expect(nextMode('dragging', 'panEnd')).toBe('dragging');
    expect(nextMode('dragging', 'cancel')).toBe('idle');
    expect(nextMode('placing', 'placeEnd')).toBe('idle');
  });

  it('accepts keyboard edits only when the pointer is free', () => {
    expect(acceptsShortcuts('idle')).toBe(true);
    expect(acceptsShortcuts('connecting')).toBe(false);
    expect(acceptsShortcuts('dragging')).toBe(false);
  });
});
