import { describe, expect, it } from 'vitest';
import { evidenceFileName, withScriptsBlocked } from './evidence-files.ts';

describe('evidence files', () => {
  it('puts a script-blocking policy right after the doctype, or first', () => {
    expect(withScriptsBlocked('<!DOCTYPE html><html><body>x</body></html>')).toMatch(/^<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'none'">\s*<html>/);
    expect(withScriptsBlocked('<html></html>')).toMatch(/^<meta http-equiv="Content-Security-Policy"/);
  });

  it('names the files after the run, without path characters', () => {
    expect(evidenceFileName('run-1', 'json')).toBe('evidence-run-1.json');
    expect(evidenceFileName('a/b c', 'html')).toBe('evidence-a_b_c.html');
  });
});
