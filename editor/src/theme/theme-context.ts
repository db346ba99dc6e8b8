import { createContext, useContext } from 'react';
import { DEFAULT_THEME, type Theme } from './theme.ts';

/** The resolved theme of the enclosing {@link ThemeRoot} (product name and logo are read from it). */
export const ThemeContext = createContext<Theme>(DEFAULT_THEME);

/** The theme of the enclosing editor or app. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
