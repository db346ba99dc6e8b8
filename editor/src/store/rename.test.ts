import { describe, expect, it } from 'vitest';
import { storeHarness } from '../testing/store-harness.ts';

describe('renaming the workflow', () => {
  it('stores the new name and keeps the old one with a toast when the runtime refuses', async () => {
    const { store } = storeHarness();
    await store.getState().load();
    expect(await store.getState().rename('  Vendor onboarding  ')).toBe(true);
    expect(store.getState().workflow?.name).toBe('Vendor onboarding');
    expect(await store.getState().rename('taken')).toBe(false);
    expect(store.getState().workflow?.name).toBe('Vendor onboarding');
    expect(store.getState().toasts.at(-1)).toMatchObject({ kind: 'error', message: 'Could not rename: A workflow has this name' });
    expect(await store.getState().rename('   ')).toBe(false);
  });
});
