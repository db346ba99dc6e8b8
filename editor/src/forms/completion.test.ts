import { describe, expect, it } from 'vitest';
import { applyCompletion, completionsAt, expressionStartAt } from './completion.ts';

const ctx = { upstreamLabels: ['Fetch invoice', 'Approve', 'Say "hi"'], inputFields: ['amount', 'currency', 'due date'] };

/** Completions with the caret at the `|` of `marked`. */
function at(marked: string) {
  const caret = marked.indexOf('|');
  const text = marked.replace('|', '');
  return { text, caret, completion: completionsAt(text, caret, ctx) };
}

describe('expressionStartAt', () => {
  it('finds the open expression around the caret', () => {
    expect(expressionStartAt('a {{ $x', 7)).toBe(4);
    expect(expressionStartAt('{{ a }} b', 9)).toBe(-1);
    expect(expressionStartAt('{', 1)).toBe(-1);
  });
});

describe('completionsAt', () => {
  it('offers nothing outside {{ }}', () => {
    expect(at('$|').completion).toBeNull();
    expect(at('{{ 1 }} $|').completion).toBeNull();
  });

  it('offers the globals after $ and narrows them as you type', () => {
    expect(at('{{ $| }}').completion?.items.map((i) => i.label)).toEqual(['$input', '$node', '$run', '$now', '$vars']);
    const n = at('x {{ $n| }}');
    expect(n.completion).toMatchObject({ from: 5, to: 7 });
    expect(n.completion?.items.map((i) => i.label)).toEqual(['$node', '$now']);
    expect(at('{{ $input| }}').completion).toBeNull();
    expect(at('{{ a.$| }}').completion).toBeNull();
  });

  it('offers input fields after $input., bracketing names that are not identifiers', () => {
    const { text, completion } = at('{{ $input.| }}');
    expect(completion?.items.map((i) => i.label)).toEqual(['amount', 'currency', 'due date']);
    const due = completion?.items[2];
    if (completion === null || completion === undefined || due === undefined) throw new Error('no completion');
    expect(applyCompletion(text, completion, due).text).toBe('{{ $input["due date"] }}');
    expect(at('{{ $input.cu| }}').completion?.items.map((i) => i.label)).toEqual(['currency']);
    expect(at('{{ $run.att| }}').completion?.items.map((i) => i.label)).toEqual(['attempt']);
  });

  it('offers upstream labels after $node[ or $node[" and inserts the whole reference', () => {
    for (const marked of ['{{ $node[| }}', '{{ $node["| }}', "{{ $node['| }}"]) {
      expect(at(marked).completion?.items.map((i) => i.label)).toEqual(ctx.upstreamLabels);
    }
    const { text, completion } = at('{{ $node["app|"] }}');
    expect(completion?.items.map((i) => i.label)).toEqual(['Approve']);
    const item = completion?.items[0];
    if (!completion || !item) throw new Error('no completion');
    const applied = applyCompletion(text, completion, item);
    expect(applied.text).toBe('{{ $node["Approve"].output }}');
    expect(applied.caret).toBe('{{ $node["Approve"].output'.length);
    expect(completionsAt('{{ $node["', 10, { ...ctx, upstreamLabels: [] })).toBeNull();
  });

  it('escapes quotes in labels the way extractNodeReferences reads them', () => {
    const { completion } = at('{{ $node["Say| }}');
    expect(completion?.items[0]?.insert).toBe('$node["Say \\"hi\\""].output');
  });

  it('ranks prefix matches before substring matches', () => {
    expect(at('{{ $node["e| }}').completion?.items.map((i) => i.label)).toEqual(['Fetch invoice', 'Approve']);
  });
});
