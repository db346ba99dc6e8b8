/** A JSON text checked for a form: the value, or where and why it is not JSON (1-based line and column). */
export type JsonInputResult =
  | { ok: true; value: unknown; empty: boolean }
  | { ok: false; message: string; line: number; column: number; offset: number };

/** Thrown inside the scanner only; `parseJsonInput` turns it into data. */
class JsonSyntax {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';

/** Finds the first syntax error of a JSON text (the same grammar as JSON.parse, with readable messages). */
function scan(text: string): void {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new JsonSyntax(at, message);
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const expect = (char: string, message: string): void => {
    space();
    if (text.charAt(i) !== char) fail(i >= text.length ? 'Unexpected end of input' : message);
    i++;
  };
  const string = (): void => {
    const start = i++;
    while (i < text.length && text.charAt(i) !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) fail('Line breaks and control characters must be escaped in strings');
      if (text.charAt(i) === '\\') {
        const next = text.charAt(i + 1);
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (next !== 'u' && ESCAPES.includes(next) && next !== '') i += 2;
        else fail('Invalid escape in string');
      } else i++;
    }
    if (i >= text.length) fail('Unterminated string', start);
    i++;
  };
  const members = (close: string, member: () => void): void => {
    i++;
    space();
    if (text.charAt(i) === close) return void i++;
    for (;;) {
      member();
      space();
      const char = text.charAt(i);
      if (char === close) return void i++;
      if (char !== ',') fail(i >= text.length ? 'Unexpected end of input' : `Expected "," or "${close}"`);
      const comma = i++;
      space();
      if (text.charAt(i) === close) fail('Trailing commas are not allowed in JSON', comma);
    }
  };
  const value = (): void => {
    space();
    const char = text.charAt(i);
    if (char === '{') {
      return members('}', () => {
        space();
        if (text.charAt(i) !== '"') fail(text.charAt(i) === "'" ? 'Use double quotes for property names' : 'Expected a property name in double quotes');
        string();
        expect(':', 'Expected ":" after the property name');
        value();
      });
    }
    if (char === '[') return members(']', value);
    if (char === '"') return string();
    if (char === "'") fail('Use double quotes for strings');
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if ((char === '-' || (char >= '0' && char <= '9')) && number) return void (i += number[0].length);
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    fail(i >= text.length ? 'Unexpected end of input' : `Unexpected "${char}"`);
  };
  value();
  space();
  if (i < text.length) fail('Unexpected text after the JSON value');
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Parses JSON typed by a person; an empty text is valid and means "no value". */
export function parseJsonInput(text: string): JsonInputResult {
  if (text.trim() === '') return { ok: true, value: undefined, empty: true };
  try {
    return { ok: true, value: JSON.parse(text), empty: false };
  } catch (thrown) {
    try {
      scan(text);
    } catch (found) {
      if (found instanceof JsonSyntax) return { ok: false, message: found.message, offset: found.offset, ...position(text, found.offset) };
      throw found;
    }
    // The scanner and JSON.parse disagree (should not happen): keep the engine's own message.
    return { ok: false, message: thrown instanceof Error ? thrown.message : 'Invalid JSON', offset: 0, line: 1, column: 1 };
  }
}
