import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, isDistanceOne } from './damerau-levenshtein.ts';

describe('damerauLevenshtein (optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(damerauLevenshtein('', '')).toBe(0);
    expect(damerauLevenshtein('1001', '1001')).toBe(0);
    expect(damerauLevenshtein('1001', '1010')).toBe(1);
    expect(damerauLevenshtein('1001', '1002')).toBe(1);
    expect(damerauLevenshtein('1001', '10011')).toBe(1);
    expect(damerauLevenshtein('1001', '101')).toBe(1);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    // OSA, not unrestricted Damerau-Levenshtein (which gives 2).
    expect(damerauLevenshtein('CA', 'ABC')).toBe(3);
  });

  it('isDistanceOne agrees with the dynamic programme on random short strings', () => {
    let seed = 7;
    const next = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const word = (): string => Array.from({ length: Math.floor(next() * 5) }, () => 'AB1'[Math.floor(next() * 3)]).join('');
    for (let i = 0; i < 5_000; i++) {
      const [a, b] = [word(), word()];
      expect(isDistanceOne(a, b), `${a} vs ${b}`).toBe(damerauLevenshtein(a, b) === 1);
    }
  });
});
