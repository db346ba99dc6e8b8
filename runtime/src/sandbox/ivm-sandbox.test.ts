import { afterAll, describe, expect, it } from 'vitest';
import { CountersignError } from '@countersign/shared';
import type { ExpressionScope } from './expression-sandbox.ts';
import { createIvmSandbox } from './ivm-sandbox.ts';

const scope: ExpressionScope = {
  input: { amount: 150, vendor: { name: 'Acme' }, lines: [{ sku: 'A1', qty: 2 }] },
  nodes: { 'Fetch invoice': { output: { id: 'inv-1', total: 150 } } },
  run: { id: 'run-1', workflowId: 'wf-1', versionHash: 'abc', isTest: false, attempt: 1 },
  now: '2024-05-01T10:00:00.000Z',
};

const sandbox = createIvmSandbox();
afterAll(() => sandbox.dispose());

/** The CountersignError thrown by `run`, or a failure if it did not throw one. */
function thrown(run: () => unknown): CountersignError {
  try {
    run();
  } catch (error) {
    if (error instanceof CountersignError) return error;
    throw error;
  }
  throw new Error('expected a CountersignError');
}

async function rejected(run: () => Promise<unknown>): Promise<CountersignError> {
  const error: unknown = await run().then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  if (error instanceof CountersignError) return error;
  throw error;
}

describe('evaluate', () => {
  it('computes values from the scope', () => {
    expect(sandbox.evaluate('t1', '$input.amount > 100', scope)).toBe(true);
    expect(sandbox.evaluate('t1', '$input.lines.map((l) => l.qty * 2)', scope)).toEqual([4]);
    expect(sandbox.evaluate('t1', '$node["Fetch invoice"].output', scope)).toEqual({ id: 'inv-1', total: 150 });
    expect(sandbox.evaluate('t1', '$run.id + "/" + $run.attempt', scope)).toBe('run-1/1');
    expect(sandbox.evaluate('t1', '$vars', scope)).toEqual({});
  });

  it('returns JSON data: undefined stays undefined, a function is an error', () => {
    expect(sandbox.evaluate('t1', 'undefined', scope)).toBeUndefined();
    expect(sandbox.evaluate('t1', '$now', scope)).toBe('2024-05-01T10:00:00.000Z');
    expect(thrown(() => sandbox.evaluate('t1', '() => 1', scope)).code).toBe('EXPRESSION_ERROR');
    expect(thrown(() => sandbox.evaluate('t1', 'Symbol("s")', scope)).code).toBe('EXPRESSION_ERROR');
  });

  it('injects the clock: $now, new Date(), Date.now() and Date() all read scope.now', () => {
    expect(sandbox.evaluate('t1', '$now.toISOString()', scope)).toBe(scope.now);
    expect(sandbox.evaluate('t1', 'new Date().getTime() === $now.getTime()', scope)).toBe(true);
    expect(sandbox.evaluate('t1', 'Date.now()', scope)).toBe(Date.parse(scope.now));
    expect(sandbox.evaluate('t1', 'new Date(0).constructor.now()', scope)).toBe(Date.parse(scope.now));
    expect(sandbox.evaluate('t1', 'new Date("2020-01-01T00:00:00Z").getUTCFullYear()', scope)).toBe(2020);
    const later = { ...scope, now: '2025-01-01T00:00:00.000Z' };
    expect(sandbox.evaluate('t1', 'new Date().toISOString()', later)).toBe(later.now);
  });

  it('seeds Math.random from the run id', () => {
    const first = sandbox.evaluate('t1', '[Math.random(), Math.random()]', scope) as number[];
    expect(sandbox.evaluate('t1', '[Math.random(), Math.random()]', scope)).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
    const other = { ...scope, run: { ...scope.run, id: 'run-2' } };
    expect(sandbox.evaluate('t1', '[Math.random(), Math.random()]', other)).not.toEqual(first);
  });

  it('reports syntax and runtime errors as EXPRESSION_ERROR with the source', () => {
    const syntax = thrown(() => sandbox.evaluate('t1', '1 +', scope));
    expect(syntax.code).toBe('EXPRESSION_ERROR');
    expect(syntax.message).toMatch(/^Expression "1 \+": SyntaxError/);
    const runtime = thrown(() => sandbox.evaluate('t1', '$input.missing.deep', scope));
    expect(runtime.code).toBe('EXPRESSION_ERROR');
    expect(runtime.message).toContain("Cannot read properties of undefined (reading 'deep')");
    expect(thrown(() => sandbox.evaluate('t1', '(() => { throw new Error("nope") })()', scope)).message).toBe('Expression "(() => { throw new Error("nope") })()": nope');
  });

  it('does not let an expression break out of its function body', () => {
    expect(thrown(() => sandbox.evaluate('t1', '1); (function () { return 2', scope)).code).toBe('EXPRESSION_ERROR');
  });

  it('stops an infinite loop with EXPRESSION_TIMEOUT, and the tenant keeps working', () => {
    const error = thrown(() => sandbox.evaluate('t1', '(() => { while (true) {} })()', scope));
    expect(error.code).toBe('EXPRESSION_TIMEOUT');
    expect(sandbox.evaluate('t1', '$input.amount', scope)).toBe(150);
  });

  it('reaches nothing of the host', () => {
    expect(sandbox.evaluate('t1', 'typeof process', scope)).toBe('undefined');
    expect(sandbox.evaluate('t1', 'typeof require', scope)).toBe('undefined');
    expect(sandbox.evaluate('t1', 'globalThis.process', scope)).toBeUndefined();
    expect(sandbox.evaluate('t1', '[typeof fetch, typeof setTimeout, typeof WebAssembly, typeof FinalizationRegistry]', scope)).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    expect(thrown(() => sandbox.evaluate('t1', 'this.constructor.constructor("return process")()', scope)).code).toBe('EXPRESSION_ERROR');
    expect(thrown(() => sandbox.evaluate('t1', '$input.constructor.constructor("return process")()', scope)).message).toContain('process is not defined');
    // Function('return this') is the isolate's own global: isolate-local, not the host's.
    expect(sandbox.evaluate('t1', 'typeof Function("return this")().process', scope)).toBe('undefined');
  });

  it('keeps the scope read-only', () => {
    expect(thrown(() => sandbox.evaluate('t1', '($input.amount = 1)', scope)).code).toBe('EXPRESSION_ERROR');
    expect(scope.input).toEqual({ amount: 150, vendor: { name: 'Acme' }, lines: [{ sku: 'A1', qty: 2 }] });
  });

  it('leaks nothing between evaluations or tenants: globals and intrinsics are frozen', () => {
    expect(thrown(() => sandbox.evaluate('tenant-a', '(globalThis.leak = 42)', scope)).code).toBe('EXPRESSION_ERROR');
    expect(thrown(() => sandbox.evaluate('tenant-a', '(Object.prototype.isApproved = true)', scope)).code).toBe('EXPRESSION_ERROR');
    expect(thrown(() => sandbox.evaluate('tenant-a', '(Math.random = () => 0)', scope)).code).toBe('EXPRESSION_ERROR');
    expect(sandbox.evaluate('tenant-a', 'typeof leak + ({}).isApproved', scope)).toBe('undefinedundefined');
    expect(sandbox.evaluate('tenant-b', 'typeof globalThis.leak', scope)).toBe('undefined');
    // Ordinary code that shadows inherited properties still works on the frozen prototypes.
    expect(sandbox.evaluate('t1', '(() => { const e = new Error("a"); e.message = "b"; const o = {}; o.toString = () => "o"; return e.message + o; })()', scope)).toBe('bo');
  });
});

describe('memory limit', () => {
  const roomy = createIvmSandbox({ expressionTimeoutMs: 10_000, codeTimeoutMs: 10_000 });
  afterAll(() => roomy.dispose());
  const bomb = '(() => { const a = []; while (true) a.push(new Array(1e6).fill(1)); })()';

  it('stops a memory bomb with EXPRESSION_MEMORY, and the tenant gets a fresh isolate', () => {
    expect(thrown(() => roomy.evaluate('t1', bomb, scope)).code).toBe('EXPRESSION_MEMORY');
    expect(roomy.evaluate('t1', '$input.amount * 2', scope)).toBe(300);
  });

  it('stops a memory bomb in data.code too', async () => {
    const body = 'const a = []; while (true) a.push(new Array(1e6).fill(1));';
    expect((await rejected(() => roomy.runFunction('t1', body, scope))).code).toBe('EXPRESSION_MEMORY');
    await expect(roomy.runFunction('t1', 'return $input.amount', scope)).resolves.toBe(150);
  });

  it('refuses a fill too large for the heap (V8 would abort the process instead)', () => {
    expect(thrown(() => roomy.evaluate('t1', 'new Array(4e7).fill(1).length', scope)).message).toContain('exceeds the sandbox memory limit');
    expect(roomy.evaluate('t1', 'new Array(3).fill(0)', scope)).toEqual([0, 0, 0]);
  });
});

describe('resolveConfig', () => {
  it('keeps raw values for single expressions and interpolates mixed strings', () => {
    const config = {
      amount: '{{ $input.amount }}',
      vendor: '  {{ $input.vendor }}  ',
      url: 'https://erp.example/invoices/{{ $node["Fetch invoice"].output.id }}?v={{ $input.vendor }}&n={{ null }}',
      nested: { list: ['{{ $input.lines[0].sku }}', 7, true, null], plain: 'no braces' },
    };
    expect(sandbox.resolveConfig('t1', config, scope)).toEqual({
      amount: 150,
      vendor: { name: 'Acme' },
      url: 'https://erp.example/invoices/inv-1?v={"name":"Acme"}&n=',
      nested: { list: ['A1', 7, true, null], plain: 'no braces' },
    });
  });

  it('leaves literal fields untouched and does not mutate the config', () => {
    const config = { template: 'Dear {{ $input.vendor.name }}', subject: 'Invoice {{ $node["Fetch invoice"].output.id }}' };
    expect(sandbox.resolveConfig('t1', config, scope, ['template'])).toEqual({ template: 'Dear {{ $input.vendor.name }}', subject: 'Invoice inv-1' });
    expect(config.subject).toBe('Invoice {{ $node["Fetch invoice"].output.id }}');
  });

  it('copies a "__proto__" key as data, not as a prototype', () => {
    const config = JSON.parse('{"__proto__": {"x": "{{ 1 + 1 }}"}}') as Record<string, unknown>;
    const out = sandbox.resolveConfig('t1', config, scope);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ x: 2 });
  });

  it('names the config path in errors', () => {
    const error = thrown(() => sandbox.resolveConfig('t1', { request: { headers: [{ value: '{{ nope }}' }] } }, scope));
    expect(error.code).toBe('EXPRESSION_ERROR');
    expect(error.message).toBe('config.request.headers[0].value: Expression "nope": ReferenceError: nope is not defined');
    expect(error.details).toEqual({ path: ['request', 'headers', 0, 'value'] });
    const unclosed = thrown(() => sandbox.resolveConfig('t1', { url: 'x{{ $input' }, scope));
    expect(unclosed.message).toBe('config.url: Unclosed "{{" at position 1');
    expect(thrown(() => sandbox.resolveConfig('t1', { loop: '{{ (() => { for (;;) {} })() }}' }, scope)).code).toBe('EXPRESSION_TIMEOUT');
  });
});

describe('runFunction', () => {
  it('runs an async body and returns its JSON result', async () => {
    const body = 'await null; return { total: $input.amount * 2, run: $run.id, at: $now.toISOString(), today: new Date().getTime() === $now.getTime() };';
    await expect(sandbox.runFunction('t1', body, scope)).resolves.toEqual({ total: 300, run: 'run-1', at: scope.now, today: true });
  });

  it('turns a throw into CODE_ERROR with its message', async () => {
    const error = await rejected(() => sandbox.runFunction('t1', 'throw new Error("Invoice has no lines")', scope));
    expect(error.code).toBe('CODE_ERROR');
    expect(error.message).toBe('Invoice has no lines');
    expect((await rejected(() => sandbox.runFunction('t1', 'return (', scope))).code).toBe('CODE_ERROR');
  });

  it('times out a loop and a promise that never settles', async () => {
    const quick = createIvmSandbox({ codeTimeoutMs: 100 });
    try {
      expect((await rejected(() => quick.runFunction('t1', 'while (true) {}', scope))).code).toBe('EXPRESSION_TIMEOUT');
      expect((await rejected(() => quick.runFunction('t1', 'await new Promise(() => {});', scope))).code).toBe('EXPRESSION_TIMEOUT');
      await expect(quick.runFunction('t1', 'return 1', scope)).resolves.toBe(1);
    } finally {
      quick.dispose();
    }
  });

  it('does not disturb a resolveConfig running meanwhile on the same tenant', async () => {
    const other = { ...scope, input: { amount: 1 }, now: '2030-01-01T00:00:00.000Z' };
    const pending = sandbox.runFunction('t1', 'return [$input.amount, new Date().toISOString()]', other);
    expect(sandbox.resolveConfig('t1', { a: '{{ $input.amount }}', b: '{{ new Date().toISOString() }}' }, scope)).toEqual({ a: 150, b: scope.now });
    await expect(pending).resolves.toEqual([1, other.now]);
  });
});

describe('pooling', () => {
  it('keeps at most maxIsolates tenants warm and recreates an evicted one', () => {
    const small = createIvmSandbox({}, { maxIsolates: 2 });
    try {
      for (const tenant of ['a', 'b', 'c', 'a']) expect(small.evaluate(tenant, '$input.amount', scope)).toBe(150);
    } finally {
      small.dispose();
    }
  });

  it('lets running data.code finish when its tenant is evicted', async () => {
    const single = createIvmSandbox({}, { maxIsolates: 1 });
    try {
      const pending = single.runFunction('a', 'let n = 0; for (let i = 0; i < 3e7; i++) n += i; await null; return n;', scope);
      expect(single.evaluate('b', '$input.amount', scope)).toBe(150);
      await expect(pending).resolves.toBe(449999985000000);
    } finally {
      single.dispose();
    }
  });

  it('evaluates in microseconds, not milliseconds (no isolate per expression)', () => {
    const config = { a: '{{ $input.amount > 100 }}', b: '{{ $input.vendor.name }}', c: 'n={{ $input.lines.length }}' };
    for (let i = 0; i < 200; i++) sandbox.resolveConfig('t1', config, scope);
    const started = performance.now();
    for (let i = 0; i < 1000; i++) sandbox.resolveConfig('t1', config, scope);
    const perConfigMs = (performance.now() - started) / 1000;
    expect(perConfigMs).toBeLessThan(1);
  });
});
