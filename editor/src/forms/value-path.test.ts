import { describe, expect, it } from 'vitest';
import { freshKey, getIn, moveItem, removeItem, renameKey, setIn } from './value-path.ts';

describe('value paths', () => {
  it('reads nested values and undefined for missing steps', () => {
    const root = { a: { b: [10, { c: 'x' }] } };
    expect(getIn(root, ['a', 'b', 1, 'c'])).toBe('x');
    expect(getIn(root, ['a', 'zz', 0])).toBeUndefined();
    expect(getIn(root, [])).toBe(root);
    expect(getIn({}, ['toString'])).toBeUndefined();
  });

  it('sets without mutating, sharing untouched branches', () => {
    const root = { a: { b: 1 }, keep: { deep: true } };
    const next = setIn(root, ['a', 'b'], 2) as typeof root;
    expect(next).toEqual({ a: { b: 2 }, keep: { deep: true } });
    expect(root.a.b).toBe(1);
    expect(next.keep).toBe(root.keep);
  });

  it('removes object keys for undefined, nulls array items, and creates missing containers', () => {
    expect(setIn({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
    expect(setIn({ list: [1, 2] }, ['list', 0], undefined)).toEqual({ list: [null, 2] });
    expect(setIn({}, ['x', 'y'], 3)).toEqual({ x: { y: 3 } });
  });

  it('renames keys in place and refuses to overwrite', () => {
    const record = { a: 1, b: 2, c: 3 };
    expect(Object.keys(renameKey(record, 'b', 'z'))).toEqual(['a', 'z', 'c']);
    expect(renameKey(record, 'b', 'c')).toBe(record);
    expect(freshKey({ key: 1, key2: 2 }, 'key')).toBe('key3');
  });

  it('moves and removes list items', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a'], 3, 0)).toEqual(['a']);
    expect(removeItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });
});
