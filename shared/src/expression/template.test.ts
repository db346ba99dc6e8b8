import { describe, expect, it } from 'vitest';
import { checkExpressionSyntax, collectTemplates, extractNodeReferences, parseTemplate } from './template.ts';

describe('parseTemplate', () => {
  it('keeps a lone expression raw and splits mixed text', () => {
    expect(parseTemplate('{{ $input.amount }}')).toMatchObject({ single: true, parts: [{ kind: 'expr', source: '$input.amount' }] });
    const mixed = parseTemplate('Invoice {{ $input.id }} from {{$input.vendor}}');
    expect(mixed.single).toBe(false);
    expect(mixed.parts.map((p) => p.kind)).toEqual(['text', 'expr', 'text', 'expr']);
  });

  it('reports an unclosed or empty expression', () => {
    expect(parseTemplate('a {{ $input').error).toMatch(/Unclosed/);
    expect(parseTemplate('{{   }}').error).toMatch(/Empty/);
  });
});

describe('checkExpressionSyntax', () => {
  it('accepts valid code and reports invalid code without running it', () => {
    expect(checkExpressionSyntax('$input.amount > 100 && $input.currency === "EUR"')).toBeNull();
    expect(checkExpressionSyntax('$input.amount >')).toMatch(/Unexpected|end of input/i);
    expect(checkExpressionSyntax('globalThis.__ran = true')).toBeNull();
    expect((globalThis as Record<string, unknown>)['__ran']).toBeUndefined();
  });
});

describe('references and collection', () => {
  it('extracts $node labels in both quote styles', () => {
    expect(extractNodeReferences(`$node["Validate fields"].output.ok && $node['Route'].output`)).toEqual(['Validate fields', 'Route']);
  });

  it('finds templates with their paths', () => {
    const found = collectTemplates({ url: 'https://erp/{{ $input.id }}', headers: { a: 'x' }, list: ['{{ 1 }}'] });
    expect(found).toEqual([
      { path: ['url'], template: 'https://erp/{{ $input.id }}' },
      { path: ['list', 0], template: '{{ 1 }}' },
    ]);
  });
});
