/** A Map bounded to `max` entries that drops the least recently used one, calling `onEvict` for it. */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly max: number,
    private readonly onEvict: (value: V, key: K) => void = () => {},
  ) {}

  /** The value for `key`, now marked most recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Re-inserting moves the key to the end of Map's insertion order: the most recent end.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value` as the most recently used entry, evicting the oldest when full. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [K, V];
      this.entries.delete(oldestKey);
      this.onEvict(oldest, oldestKey);
    }
  }

  /** Removes `key` without calling `onEvict`. */
  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Every stored value. */
  values(): IterableIterator<V> {
    return this.entries.values();
  }

  /** Removes every entry without calling `onEvict`. */
  clear(): void {
    this.entries.clear();
  }

  /** How many entries are stored. */
  get size(): number {
    return this.entries.size;
  }
}
