import type { NodeTypeInfo } from '@countersign/shared';
import { CATEGORY_ORDER } from '../canvas/categories.ts';

/** One heading of the palette and its node types. */
export interface PaletteGroup {
  category: string;
  items: NodeTypeInfo[];
}

/** Whether a node type matches every word of a search (title, type, description, category). */
export function matchesQuery(info: NodeTypeInfo, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = `${info.title} ${info.type} ${info.description} ${info.category}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

/**
 * The palette: only the newest version of each type, grouped by category in the fixed order
 * (trigger, flow, data, connector, approval, policy, ai, then others A-Z), titles A-Z, empty
 * groups left out.
 */
export function paletteGroups(types: readonly NodeTypeInfo[], query: string): PaletteGroup[] {
  const newest = new Map<string, NodeTypeInfo>();
  for (const info of types) {
    const known = newest.get(info.type);
    if (!known || info.version > known.version) newest.set(info.type, info);
  }
  const byCategory = new Map<string, NodeTypeInfo[]>();
  for (const info of newest.values()) {
    if (!matchesQuery(info, query)) continue;
    byCategory.set(info.category, [...(byCategory.get(info.category) ?? []), info]);
  }
  const known: readonly string[] = CATEGORY_ORDER;
  const rank = (category: string): number => (known.includes(category) ? known.indexOf(category) : known.length);
  return [...byCategory.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([category, items]) => ({ category, items: items.sort((a, b) => a.title.localeCompare(b.title)) }));
}
