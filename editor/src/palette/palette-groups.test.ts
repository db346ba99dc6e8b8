import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../testing/node-types.fixture.ts';
import { paletteGroups } from './palette-groups.ts';

describe('palette groups', () => {
  it('groups by category in the fixed order, leaving out empty ones', () => {
    const extra = { ...NODE_TYPES[0]!, type: 'zeta.thing', category: 'zeta', title: 'Thing' };
    const groups = paletteGroups([extra, ...NODE_TYPES], '');
    expect(groups.map((group) => group.category)).toEqual(['trigger', 'flow', 'data', 'connector', 'zeta']);
    expect(groups[1]?.items.map((item) => item.title)).toEqual(['If', 'Switch']);
  });

  it('filters by every word of the query and keeps the newest version of a type', () => {
    const v2 = { ...NODE_TYPES[4]!, version: 2, title: 'HTTP request v2' };
    expect(paletteGroups([...NODE_TYPES, v2], 'http').flatMap((group) => group.items.map((item) => item.title))).toEqual(['HTTP request v2']);
    expect(paletteGroups(NODE_TYPES, 'flow sw').flatMap((group) => group.items.map((item) => item.type))).toEqual(['flow.switch']);
    expect(paletteGroups(NODE_TYPES, 'nothing like this')).toEqual([]);
  });
});
