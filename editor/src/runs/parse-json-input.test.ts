import { describe, expect, it } from 'vitest';
import { parseJsonInput } from './parse-json-input.ts';

describe('parseJsonInput', () => {
  it('parses JSON, and treats an empty text as no value', () => {
    expect(parseJsonInput('{ "amount": 12.5, "tags": ["a"], "ok": true, "n": null }')).toEqual({ ok: true, empty: false, value: { amount: 12.5, tags: ['a'], ok: true, n: null } });
    expect(parseJsonInput('  \n')).toEqual({ ok: true, empty: true, value: undefined });
  });

  it.each([
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'Expected "," or "}"'],
    ['{\n  "a": 1,\n}', 2, 9, 'Trailing commas are not allowed in JSON'],
    ["{ 'a': 1 }", 1, 3, 'Use double quotes for property names'],
    ['{ "a": }', 1, 8, 'Unexpected "}"'],
    ['[1, 2', 1, 6, 'Unexpected end of input'],
    ['{ "a": "line\nbreak" }', 1, 13, 'Line breaks and control characters must be escaped in strings'],
    ['{ "a": "open', 1, 8, 'Unterminated string'],
    ['{ "a": tru }', 1, 8, 'Unexpected "t"'],
    ['{} x', 1, 4, 'Unexpected text after the JSON value'],
    ['{ "a": 01 }', 1, 9, 'Expected "," or "}"'],
    ['{ "a": "\\x" }', 1, 9, 'Invalid escape in string'],
  ])('locates the error in %j', (text, line, column, message) => {
    expect(parseJsonInput(text)).toMatchObject({ ok: false, line, column, message });
  });
});
