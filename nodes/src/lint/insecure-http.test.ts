import { describe, expect, it } from 'vitest';
import { configs, findings, graph, node } from './lint-fixture.ts';

const lint = (url: unknown) => findings(graph([node('call', 'connector.http', { ...configs.post, url })]), 'insecure_http');
const severity = (url: unknown) => lint(url).map((finding) => finding.severity);

describe('insecure_http', () => {
  it('refuses plain http to another host, saying to use https', () => {
    expect(lint('http://erp.example.com/api/postings')).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'call', message: expect.stringContaining('use https://erp.example.com/') }),
    ]);
    expect(severity('HTTP://user@erp.example.com:8080')).toEqual(['error']);
  });

  it('allows plain http to this machine, and https anywhere', () => {
    for (const url of ['http://127.0.0.1:3000/demo/erp/invoices', 'http://localhost/x', 'http://[::1]:8080/', 'https://erp.example.com/']) {
      expect(severity(url), url).toEqual([]);
    }
  });

  it('judges a template by its literal host, warns when an expression could change the host, else skips', () => {
    expect(severity('http://erp.example.com/invoices/{{ $input.id }}')).toEqual(['error']);
    expect(severity('http://127.0.0.1:3000/invoices/{{ $input.id }}')).toEqual([]);
    expect(severity('http://{{ $vars.erpHost }}/invoices')).toEqual(['warning']);
    expect(severity('http://localhost:{{ $vars.port }}/x')).toEqual(['warning']);
    expect(severity('{{ $vars.erpUrl }}')).toEqual([]);
    expect(severity(42)).toEqual([]);
  });
});
