import { memo } from 'react';

// 16x16 outline glyphs, drawn with the current text colour (the category accent).
const PATHS: Record<string, string> = {
  trigger: 'M9 1.5 3.5 9H8l-1 5.5L12.5 7H8z',
  flow: 'M3 2.5v4a3 3 0 0 0 3 3h4M3 6.5v7M10 7l3 2.5-3 2.5',
  data: 'M5.5 2.5c-1.5 0-2 .8-2 2v1.5c0 1-.6 2-1.5 2 .9 0 1.5 1 1.5 2v1.5c0 1.2.5 2 2 2M10.5 2.5c1.5 0 2 .8 2 2v1.5c0 1 .6 2 1.5 2-.9 0-1.5 1-1.5 2v1.5c0 1.2-.5 2-2 2',
  connector: 'M2.5 5.5h10l-2.5-2.5M13.5 10.5h-10l2.5 2.5',
  approval: 'M2.5 8.5l3.5 3.5 7.5-8',
  policy: 'M8 1.5 13.5 4v4c0 3.2-2.4 5.6-5.5 6.5C4.9 13.6 2.5 11.2 2.5 8V4z',
  ai: 'M8 1.5l1.6 4.9 4.9 1.6-4.9 1.6L8 14.5l-1.6-4.9L1.5 8l4.9-1.6z',
};
const FALLBACK = 'M3 3h10v10H3z';

/** The glyph of a node category (palette, canvas, side panel). */
export const CategoryIcon = memo(function CategoryIcon({ category, size = 14 }: { category: string; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[category] ?? FALLBACK} />
    </svg>
  );
});
