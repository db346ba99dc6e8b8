import { useContext, useMemo, type ReactNode } from 'react';
import { resolveTheme, themeToCssVars, type ThemeOverrides } from './theme.ts';
import { ThemeContext } from './theme-context.ts';
import './base.css';

/**
 * Applies a theme as CSS variables on a root element; everything inside reads only those variables.
 * A ThemeRoot inside another starts from the enclosing theme (the app's branding reaches the
 * embedded editor page); on its own it starts from the default theme.
 */
export function ThemeRoot({ theme, className, children }: { theme?: ThemeOverrides | undefined; className?: string; children: ReactNode }) {
  const enclosing = useContext(ThemeContext);
  const resolved = useMemo(() => resolveTheme(theme, enclosing), [theme, enclosing]);
  const style = useMemo(() => themeToCssVars(resolved), [resolved]);
  return (
    <ThemeContext.Provider value={resolved}>
      <div className={`cs-root${className ? ` ${className}` : ''}`} style={style}>
        {children}
      </div>
    </ThemeContext.Provider>
  );
}
