import type { CSSProperties } from 'react';

/** A white-label theme: everything visual in the editor reads these values through CSS variables. */
export interface Theme {
  productName: string;
  logoUrl?: string;
  colors: {
    primary: string;
    /** A second brand colour for highlights (the app header's rule, the current page). */
    accent: string;
    text: string;
    muted: string;
    border: string;
    surface: string;
    background: string;
    danger: string;
    success: string;
    warning: string;
  };
  fontFamily: string;
  /** Corner radius in pixels. */
  radius: number;
}

/** A partial theme as a partner passes it (colours may be partial too). */
export type ThemeOverrides = Partial<Omit<Theme, 'colors'>> & { colors?: Partial<Theme['colors']> };

/** The default "Countersign" theme. */
export const DEFAULT_THEME: Theme = {
  productName: 'Countersign',
  colors: {
    primary: '#1f5fbf',
    accent: '#0f766e',
    text: '#1b2430',
    muted: '#5b6675',
    border: '#dde3ea',
    surface: '#ffffff',
    background: '#f5f7fa',
    danger: '#b3261e',
    success: '#1d7a46',
    warning: '#a86200',
  },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  radius: 8,
};

/** A base theme (the default one unless given) with a partner's overrides applied (colours merged one by one). */
export function resolveTheme(overrides?: ThemeOverrides, base: Theme = DEFAULT_THEME): Theme {
  if (!overrides) return base;
  return { ...base, ...overrides, colors: { ...base.colors, ...overrides.colors } };
}

/** Black or white, whichever reads better on a `#rrggbb` background (WCAG relative luminance). */
export function contrastText(background: string): string {
  const match = /^#?([0-9a-f]{6})$/i.exec(background.trim());
  if (!match?.[1]) return '#ffffff';
  const value = Number.parseInt(match[1], 16);
  const channel = (shift: number): number => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance > 0.4 ? '#111111' : '#ffffff';
}

/**
 * The theme as CSS custom properties for the editor's root element: `--cs-<colour>`, font, radius,
 * and the run status colours `--cs-status-<status>` derived from the palette.
 */
export function themeToCssVars(theme: Theme): CSSProperties {
  const { colors } = theme;
  const vars: Record<string, string> = {
    '--cs-primary': colors.primary,
    '--cs-primary-contrast': contrastText(colors.primary),
    '--cs-accent': colors.accent,
    '--cs-accent-contrast': contrastText(colors.accent),
    '--cs-text': colors.text,
    '--cs-muted': colors.muted,
    '--cs-border': colors.border,
    '--cs-surface': colors.surface,
    '--cs-background': colors.background,
    '--cs-bg': colors.background,
    '--cs-danger': colors.danger,
    '--cs-success': colors.success,
    '--cs-warning': colors.warning,
    '--cs-font': theme.fontFamily,
    '--cs-radius': `${theme.radius}px`,
    '--cs-status-queued': colors.muted,
    '--cs-status-running': colors.primary,
    '--cs-status-waiting': colors.warning,
    '--cs-status-succeeded': colors.success,
    '--cs-status-failed': colors.danger,
    '--cs-status-skipped': colors.border,
    '--cs-status-cancelled': colors.muted,
    // Accent of each node category on the canvas and in the palette.
    '--cs-cat-trigger': colors.success,
    '--cs-cat-flow': colors.primary,
    '--cs-cat-data': colors.muted,
    '--cs-cat-connector': colors.warning,
    '--cs-cat-approval': colors.success,
    '--cs-cat-policy': colors.danger,
    '--cs-cat-ai': colors.primary,
  };
  return vars as CSSProperties;
}
