import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VerifyResult } from './VerifyResult.tsx';

afterEach(cleanup);

describe('VerifyResult', () => {
  it('says the chain is intact with the number of events checked', () => {
    render(<VerifyResult server={{ ok: true, checked: 13 }} local={{ ok: true, checked: 4 }} />);
    const result = screen.getByTestId('audit-verify-result');
    expect(result.dataset['ok']).toBe('true');
    expect(result.textContent).toContain('Chain intact: 13 events checked');
    expect(result.textContent).toContain('The 4 events on screen were also re-hashed in this browser');
  });

  it('says where the chain breaks and why, from the server or from this browser', () => {
    render(<VerifyResult server={{ ok: false, checked: 5, firstBadSeq: 5, reason: 'event 5 was changed after it was recorded' }} local={null} />);
    expect(screen.getByTestId('audit-verify-result').dataset['ok']).toBe('false');
    expect(screen.getByTestId('audit-verify-result').textContent).toContain('Broken at event #5: event 5 was changed after it was recorded');
    cleanup();
    render(<VerifyResult server={{ ok: true, checked: 9 }} local={{ ok: false, checked: 2, firstBadSeq: 8, reason: 'hash mismatch' }} />);
    expect(screen.getByTestId('audit-verify-result').textContent).toContain('Broken at event #8 (found in this browser): hash mismatch');
  });
});
