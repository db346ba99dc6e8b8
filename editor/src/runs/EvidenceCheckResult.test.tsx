import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceCheckResult } from './EvidenceCheckResult.tsx';

afterEach(cleanup);

const passed = [
  { name: 'version graph', ok: true, detail: '' },
  { name: 'audit chain', ok: true, detail: '' },
];

describe('EvidenceCheckResult', () => {
  it('lists the checks that passed', () => {
    render(<EvidenceCheckResult result={{ ok: true, checks: passed, atGeneration: { ok: true, checked: 9 } }} />);
    expect(screen.getByTestId('evidence-verified').dataset['ok']).toBe('true');
    expect(screen.getByTestId('evidence-verified').textContent).toContain('Verified in this browser: version graph, audit chain.');
  });

  it('names the first failed check, and a chain the server found broken even when the pack itself verifies', () => {
    render(<EvidenceCheckResult result={{ ok: false, checks: [passed[0]!, { name: 'audit events', ok: false, detail: 'event 4 does not hash to its recorded hash (changed)' }] }} />);
    expect(screen.getByTestId('evidence-verified').textContent).toContain('The pack does not verify: audit events: event 4 does not hash');
    cleanup();
    render(<EvidenceCheckResult result={{ ok: true, checks: passed, atGeneration: { ok: false, checked: 8, firstBadSeq: 8 } }} />);
    expect(screen.getByTestId('evidence-verified').dataset['ok']).toBe('false');
    expect(screen.getByTestId('evidence-verified').textContent).toContain('audit chain broken at event #8');
  });
});
