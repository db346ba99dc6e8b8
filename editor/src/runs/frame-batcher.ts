/** Schedules a callback once; returns a function that cancels it. */
export type Scheduler = (callback: () => void) => () => void;

/** The next animation frame (a timer where there is none, or while the page is hidden and frames pause). */
export const nextFrame: Scheduler = (callback) => {
  const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
  if (typeof requestAnimationFrame === 'function' && !hidden) {
    const frame = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(frame);
  }
  const timer = setTimeout(callback, hidden ? 250 : 16);
  return () => clearTimeout(timer);
};

/** Collects items and hands them over together, once per scheduled tick. */
export interface Batcher<T> {
  push(items: readonly T[]): void;
  /** Hands over what is collected now. */
  flush(): void;
  /** Drops what is collected and the scheduled tick. */
  cancel(): void;
}

/** A batcher that calls `deliver` at most once per tick of `schedule`, so a burst renders once. */
export function createBatcher<T>(deliver: (items: T[]) => void, schedule: Scheduler = nextFrame): Batcher<T> {
  let items: T[] = [];
  let cancelTick: (() => void) | undefined;
  const flush = (): void => {
    cancelTick?.();
    cancelTick = undefined;
    if (items.length === 0) return;
    const batch = items;
    items = [];
    deliver(batch);
  };
  return {
    push(more) {
      items.push(...more);
      cancelTick ??= schedule(flush);
    },
    flush,
    cancel() {
      cancelTick?.();
      cancelTick = undefined;
      items = [];
    },
  };
}
