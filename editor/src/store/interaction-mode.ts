/** What the pointer is doing on the canvas; one mode at a time (a state machine, not a pile of flags). */
export type InteractionMode = 'idle' | 'connecting' | 'dragging' | 'panning' | 'placing';

/** Inputs of the interaction state machine. */
export type InteractionEvent =
  | 'connectStart'
  | 'connectEnd'
  | 'dragStart'
  | 'dragEnd'
  | 'panStart'
  | 'panEnd'
  | 'placeStart'
  | 'placeEnd'
  | 'cancel';

const TRANSITIONS: Record<InteractionMode, Partial<Record<InteractionEvent, InteractionMode>>> = {
  idle: { connectStart: 'connecting', dragStart: 'dragging', panStart: 'panning', placeStart: 'placing' },
  connecting: { connectEnd: 'idle', cancel: 'idle' },
  dragging: { dragEnd: 'idle', cancel: 'idle' },
  panning: { panEnd: 'idle', cancel: 'idle', dragStart: 'dragging', connectStart: 'connecting' },
  placing: { placeEnd: 'idle', cancel: 'idle' },
};

/** The next mode; events that make no sense in the current mode leave it unchanged. */
export function nextMode(mode: InteractionMode, event: InteractionEvent): InteractionMode {
  return TRANSITIONS[mode][event] ?? mode;
}

/** Whether keyboard editing (delete, paste, undo) is allowed: only when the pointer is not busy. */
export function acceptsShortcuts(mode: InteractionMode): boolean {
  return mode === 'idle' || mode === 'panning';
}
