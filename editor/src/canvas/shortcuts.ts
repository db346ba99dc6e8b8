/** Editor commands reachable from the keyboard. */
export type ShortcutCommand = 'delete' | 'copy' | 'cut' | 'paste' | 'undo' | 'redo' | 'fit' | 'layout' | 'selectAll' | 'save' | 'help' | 'escape';

/** One entry of the shortcut list shown in the help popover. */
export interface ShortcutHelp {
  keys: string[];
  description: string;
}

/** What a key event looks like to the matcher (a KeyboardEvent satisfies it). */
export interface KeyInput {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The editor command a key press means, or null. Ctrl and Cmd are the same modifier. */
export function matchShortcut(event: KeyInput): ShortcutCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.altKey) return null;
  if (mod) {
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !event.shiftKey) return 'redo';
    if (key === 'c' && !event.shiftKey) return 'copy';
    if (key === 'x' && !event.shiftKey) return 'cut';
    if (key === 'v' && !event.shiftKey) return 'paste';
    if (key === 'a' && !event.shiftKey) return 'selectAll';
    if (key === 's' && !event.shiftKey) return 'save';
    return null;
  }
  if (event.shiftKey && event.code === 'Digit1') return 'fit';
  if (event.shiftKey && key === 'l') return 'layout';
  if (key === 'delete' || key === 'backspace') return 'delete';
  if (key === '?') return 'help';
  if (key === 'escape') return 'escape';
  return null;
}

/** The shortcut list of the help popover (`mod` is Ctrl, or ⌘ on a Mac). */
export function shortcutHelp(mod: string): ShortcutHelp[] {
  return [
    { keys: ['Delete', 'Backspace'], description: 'Delete the selection' },
    { keys: [`${mod}+C`, `${mod}+X`, `${mod}+V`], description: 'Copy, cut, paste nodes' },
    { keys: [`${mod}+Z`], description: 'Undo' },
    { keys: [`Shift+${mod}+Z`, 'Ctrl+Y'], description: 'Redo' },
    { keys: [`${mod}+A`], description: 'Select all nodes' },
    { keys: ['Shift+1'], description: 'Zoom to fit' },
    { keys: ['Shift+L'], description: 'Auto-layout left to right' },
    { keys: [`${mod}+S`], description: 'Save the draft now' },
    { keys: ['Shift+drag'], description: 'Select with a box' },
    { keys: ['Enter'], description: 'Add the focused palette item' },
    { keys: ['?'], description: 'Show these shortcuts' },
    { keys: ['Esc'], description: 'Close, cancel, or clear the selection' },
  ];
}

/** Whether a key event comes from a text field, where keys belong to the field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
}
