import { describe, expect, it } from 'vitest';
import { contrastText, DEFAULT_THEME, resolveTheme, themeToCssVars } from './theme.ts';

describe('theme', () => {
  it('merges a partner theme over the default, colour by colour', () => {
    const theme = resolveTheme({ productName: 'Acme Flow', colors: { primary: '#0a7d32' } });
    expect(theme.productName).toBe('Acme Flow');
    expect(theme.colors.primary).toBe('#0a7d32');
    expect(theme.colors.danger).toBe(DEFAULT_THEME.colors.danger);
  });

  it('exposes colours and run status colours as CSS variables', () => {
    const vars = themeToCssVars(resolveTheme({ colors: { primary: '#ffd400' }, radius: 4 })) as Record<string, string>;
    expect(vars['--cs-primary']).toBe('#ffd400');
    expect(vars['--cs-status-running']).toBe('#ffd400');
    expect(vars['--cs-status-failed']).toBe(DEFAULT_THEME.colors.danger);
    expect(vars['--cs-radius']).toBe('4px');
    expect(vars['--cs-accent']).toBe(DEFAULT_THEME.colors.accent);
    expect(vars['--cs-primary-contrast']).toBe(contrastText('#ffd400'));
    expect(contrastText('#ffd400')).toBe('#111111');
    expect(contrastText('#1f5fbf')).toBe('#ffffff');
  });
});
