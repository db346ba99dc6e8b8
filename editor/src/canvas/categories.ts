/** Palette order of the node categories; categories the runtime adds later are listed after these. */
export const CATEGORY_ORDER = ['trigger', 'flow', 'data', 'connector', 'approval', 'policy', 'ai'] as const;

/** Palette heading of each category (colour comes from `--cs-cat-<category>`, the glyph from CategoryIcon). */
export const CATEGORY_TITLES: Record<string, string> = {
  trigger: 'Triggers',
  flow: 'Flow',
  data: 'Data',
  connector: 'Connectors',
  approval: 'Approvals',
  policy: 'Policies',
  ai: 'AI',
};

/** Heading of a category, with a readable fallback for categories added later. */
export function categoryTitle(category: string): string {
  return CATEGORY_TITLES[category] ?? category.charAt(0).toUpperCase() + category.slice(1);
}

/** A category name safe in a CSS class or variable name. */
export function categoryToken(category: string): string {
  return category.replace(/[^a-z0-9-]/gi, '-').toLowerCase();
}
