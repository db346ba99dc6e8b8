import { useRef } from 'react';
import { moveItem, removeItem } from './value-path.ts';

/** React keys for list items that follow the items when they move or are removed. */
export interface StableKeys {
  keys: readonly number[];
  remove(index: number): void;
  move(from: number, to: number): void;
}

/**
 * Keys for a list of `length` items. Index keys would hand one item's local state (a half-typed
 * number, an open completion) to its neighbour after a move; these keys move with the item.
 */
export function useStableKeys(length: number): StableKeys {
  const next = useRef(0);
  const keys = useRef<number[]>([]);
  // Items added or dropped from outside (undo, load) get fresh keys or lose theirs at the end.
  while (keys.current.length < length) keys.current.push(next.current++);
  if (keys.current.length > length) keys.current = keys.current.slice(0, length);
  return {
    keys: keys.current,
    remove: (index) => {
      keys.current = removeItem(keys.current, index);
    },
    move: (from, to) => {
      keys.current = moveItem(keys.current, from, to);
    },
  };
}
