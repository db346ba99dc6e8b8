/** The portal's name, shown in its own header. */
export const PORTAL_NAME = 'Northwind Portal';

// A simple "N" on a compass-rose tile, inline so the example has no asset files of its own.
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0f4c5c"/><path d="M16 3l3 10-3-2-3 2z" fill="#f4a259"/><path d="M10 25V11l12 14V11" fill="none" stroke="#fffdf8" stroke-width="2.6" stroke-linejoin="round"/></svg>`;

/** The logo as a data URL (the portal header and the embedded editor use the same one). */
export const LOGO_URL = `data:image/svg+xml;utf8,${encodeURIComponent(LOGO_SVG)}`;

/** Northwind's colours: the portal's CSS and the editor theme read the same values. */
export const COLORS = { primary: '#0f4c5c', accent: '#f4a259', text: '#1d2b30', muted: '#5c6b70', border: '#ded6c6', surface: '#fffdf8', background: '#f4f0e8' };

/** The theme passed to `Countersign.mountEditor`: the editor appears as Northwind's own product. */
export const EDITOR_THEME = {
  productName: 'Northwind Automations',
  logoUrl: LOGO_URL,
  colors: { primary: COLORS.primary, text: COLORS.text, muted: COLORS.muted, border: COLORS.border, surface: COLORS.surface, background: COLORS.background },
  fontFamily: "'Trebuchet MS', 'Segoe UI', system-ui, sans-serif",
  radius: 4,
};
