import { describe, expect, it } from 'vitest';
import { applyHitPolicy, type RuleMatch } from './hit-policy.ts';

const match = (index: number, level: number): RuleMatch => ({ index, id: `r${index + 1}`, outputs: { level } });
const both = [match(0, 1), match(2, 2)];

describe('hit policies', () => {
  it('returns undefined when nothing matched, whatever the policy', () => {
    expect(applyHitPolicy('UNIQUE', [])).toBeUndefined();
    expect(applyHitPolicy('COLLECT', [])).toBeUndefined();
  });

  it('UNIQUE allows one match and names both rules of a conflict', () => {
    expect(applyHitPolicy('UNIQUE', [match(1, 2)])).toEqual({ result: { level: 2 }, matchedRules: ['r2'] });
    expect(() => applyHitPolicy('UNIQUE', both)).toThrow(expect.objectContaining({ code: 'POLICY_ERROR', message: 'Rules r1 and r3 both match (hit policy UNIQUE)' }));
  });

  it('FIRST takes the first match in rule order', () => {
    expect(applyHitPolicy('FIRST', both)).toEqual({ result: { level: 1 }, matchedRules: ['r1'] });
  });

  it('ANY needs the matches to agree', () => {
    expect(applyHitPolicy('ANY', [match(0, 1), match(3, 1)])).toEqual({ result: { level: 1 }, matchedRules: ['r1', 'r4'] });
    expect(() => applyHitPolicy('ANY', both)).toThrow(/Rules r1 and r3 both match but give different outputs \(hit policy ANY\)/);
  });

  it('RULE ORDER and COLLECT return every match in rule order', () => {
    const expected = { result: [{ level: 1 }, { level: 2 }], matchedRules: ['r1', 'r3'] };
    expect(applyHitPolicy('RULE ORDER', both)).toEqual(expected);
    expect(applyHitPolicy('COLLECT', both)).toEqual(expected);
  });
});
