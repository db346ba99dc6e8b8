import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';

describe('loadEnv', () => {
  it('applies defaults for an empty environment', () => {
    expect(loadEnv({})).toMatchObject({ PORT: 3000, COUNTERSIGN_DATA_DIR: './data', COUNTERSIGN_ROLE: 'all', COUNTERSIGN_LEASE_MS: 15_000, COUNTERSIGN_SEED: true });
  });

  it('stops the start with a message naming every bad variable', () => {
    expect(() => loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', COUNTERSIGN_ROLE: 'boss' })).toThrow(/PORT[\s\S]*DATABASE_URL: must be a postgres[\s\S]*COUNTERSIGN_ROLE/);
    expect(() => loadEnv({ COUNTERSIGN_DEMO_PASSWORD: 'short' })).toThrow(/COUNTERSIGN_DEMO_PASSWORD: must be at least 8 characters/);
  });

  it('treats an empty DATABASE_URL as unset (embedded database)', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
