/**
 * The script run once in every sandbox context right after the bootstrap (which has already replaced the
 * clock and randomness): it removes what could allocate memory outside the heap limit or run code outside
 * a call's time limit, caps `Array.prototype.fill`, and freezes every intrinsic, so one step cannot
 * pollute `Object.prototype`, `Math` or `globalThis` for the next, nor another workflow of the tenant.
 */
export const LOCKDOWN_SOURCE = String.raw`(function lockdown(maxFillElements) {
  'use strict';
  const { defineProperty, freeze, getOwnPropertyDescriptors, getPrototypeOf } = Object;
  const ownKeys = Reflect.ownKeys;

  // --- nothing that allocates outside the heap limit, blocks on shared memory, or runs later (after a
  // GC, outside any call's time limit) ---
  delete globalThis.WebAssembly;
  delete globalThis.SharedArrayBuffer;
  delete globalThis.Atomics;
  delete globalThis.FinalizationRegistry;
  delete globalThis.WeakRef;

  // A fill over a huge sparse array allocates its whole backing store at once, which V8 cannot refuse
  // gracefully: it aborts the host process instead of hitting the isolate's memory limit. Refuse it here.
  const realFill = Array.prototype.fill;
  Array.prototype.fill = function fill(value, start, end) {
    const length = Math.min(Number(this.length) || 0, 4294967295);
    const from = start === undefined ? 0 : Math.trunc(Number(start)) || 0;
    const to = end === undefined ? length : Math.trunc(Number(end)) || 0;
    const count = (to < 0 ? Math.max(length + to, 0) : Math.min(to, length)) - (from < 0 ? Math.max(length + from, 0) : Math.min(from, length));
    if (count > maxFillElements) throw new RangeError('Array.prototype.fill of ' + count + ' elements exceeds the sandbox memory limit');
    return realFill.call(this, value, start, end);
  };

  // --- lockdown: freeze every intrinsic reachable from the global object ---
  // Assigning an own "toString"/"message"/... on an object would hit the frozen prototype's read-only
  // property (the "override mistake"); these few become accessors that define the own property instead.
  function allowOverride(proto, keys) {
    for (const key of keys) {
      const desc = Object.getOwnPropertyDescriptor(proto, key);
      if (!desc || !('value' in desc)) continue;
      const value = desc.value;
      defineProperty(proto, key, {
        configurable: false,
        get() { return value; },
        set(next) {
          if (this === proto) throw new TypeError('Cannot assign to read only property ' + String(key));
          defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
        },
      });
    }
  }
  allowOverride(Object.prototype, ['constructor', 'toString', 'valueOf', 'toLocaleString', 'hasOwnProperty']);
  allowOverride(Error.prototype, ['constructor', 'name', 'message', 'toString']);
  allowOverride(Function.prototype, ['constructor', 'toString']);
  allowOverride(Array.prototype, ['constructor', 'toString']);

  function harden(root) {
    const pending = [root];
    const seen = new Set();
    while (pending.length > 0) {
      const value = pending.pop();
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
      seen.add(value);
      freeze(value);
      pending.push(getPrototypeOf(value));
      const descs = getOwnPropertyDescriptors(value);
      for (const key of ownKeys(descs)) {
        const desc = descs[key];
        pending.push(desc.value, desc.get, desc.set);
      }
    }
  }
  harden(globalThis);
  // Intrinsics not reachable by name from the global object.
  harden(async function () {});
  harden(function* () {});
  harden(async function* () {});
  harden([][Symbol.iterator]());
  harden(new Map()[Symbol.iterator]());
  harden(new Set()[Symbol.iterator]());
  harden(''[Symbol.iterator]());
  harden(/a/[Symbol.matchAll](''));
  harden(Object.getOwnPropertyDescriptor(Function.prototype, 'caller'));
})`;
