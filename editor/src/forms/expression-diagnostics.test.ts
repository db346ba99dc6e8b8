import { describe, expect, it } from 'vitest';
import { diagnoseTemplate } from './expression-diagnostics.ts';

describe('diagnoseTemplate', () => {
  it('accepts plain text and valid expressions', () => {
    expect(diagnoseTemplate('plain text', [])).toEqual([]);
    expect(diagnoseTemplate('Invoice {{ $input.id }} of {{ $node["Fetch"].output.total }}', ['Fetch'])).toEqual([]);
  });

  it('reports unclosed and empty expressions', () => {
    expect(diagnoseTemplate('{{ $input.id', [])).toEqual([{ severity: 'error', message: 'Unclosed "{{" at position 0' }]);
    expect(diagnoseTemplate('a {{ }}', [])[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('Empty expression') as string });
  });

  it('reports syntax errors per expression', () => {
    const found = diagnoseTemplate('{{ $input. }} and {{ 1 + }}', []);
    expect(found.map((d) => d.severity)).toEqual(['error', 'error']);
    expect(found[0]?.message).toMatch(/^\{\{ \$input\. \}\}: /);
  });

  it('warns once about labels that are not upstream', () => {
    expect(diagnoseTemplate('{{ $node["Gone"].output }} {{ $node[\'Gone\'].x }}', ['Fetch'])).toEqual([
      { severity: 'warning', message: 'No upstream node is labelled "Gone"' },
    ]);
  });
});
