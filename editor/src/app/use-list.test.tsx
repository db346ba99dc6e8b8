import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { loadFailure, useList } from './use-list.ts';

describe('a list a page loads', () => {
  it('keeps the newest answer when an older request answers last', async () => {
    const answers: ((items: string[]) => void)[] = [];
    const fetch = () => new Promise<string[]>((resolve) => answers.push(resolve));
    const { result } = renderHook(() => useList(fetch));
    act(() => result.current.reload());
    await act(async () => answers[1]?.(['new']));
    await act(async () => answers[0]?.(['old']));
    expect(result.current.state).toEqual({ kind: 'ready', items: ['new'] });
    act(() => result.current.update((items) => [...items, 'added']));
    await waitFor(() => expect(result.current.state).toEqual({ kind: 'ready', items: ['new', 'added'] }));
  });

  it("says a refusal in the runtime's words and anything else after what could not be loaded", () => {
    expect(loadFailure(new ApiError(403, 'FORBIDDEN', 'Your role (designer) does not allow apikey.manage'), 'API keys')).toBe('Your role (designer) does not allow apikey.manage');
    expect(loadFailure(new ApiError(0, 'NETWORK', 'The runtime cannot be reached'), 'API keys')).toBe('API keys could not be loaded: The runtime cannot be reached');
  });
});
