/** A literal of a unary test: numbers, double-quoted strings, true/false. */
export type Literal = number | string | boolean;

/** The type of value a unary test can match. */
export type LiteralType = 'number' | 'string' | 'boolean';

/** A comparison operator; a bare literal means `=`. Ordered operators take numbers only. */
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '=' | '!=';

/** One item of a list: a comparison or a numeric range such as `[500000..5000000)`. */
export type PositiveTest =
  | { kind: 'compare'; op: ComparisonOp; value: Literal }
  | { kind: 'range'; low: number; high: number; lowClosed: boolean; highClosed: boolean };

/** A parsed cell (FEEL unary-test subset): `-`, or a list of tests (any may match), possibly inside `not(...)`. */
export type UnaryTest = { kind: 'any' } | { kind: 'tests'; negated: boolean; type: LiteralType; items: PositiveTest[] };

/** The result of parsing a cell: the test, or a message saying what is wrong where. */
export type ParseResult = { ok: true; test: UnaryTest } | { ok: false; message: string };

class SyntaxProblem extends Error {}

const ORDERED: readonly ComparisonOp[] = ['<=', '>=', '!=', '<', '>', '='];

/** A hand-written scanner: the grammar is small and its messages should point at a column. */
class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text.charAt(this.pos))) this.pos += 1;
  }
  peek(token: string): boolean {
    this.skipSpace();
    return this.text.startsWith(token, this.pos);
  }
  take(token: string): boolean {
    if (!this.peek(token)) return false;
    this.pos += token.length;
    return true;
  }
  expect(token: string): void {
    if (!this.take(token)) this.fail(`Expected "${token}"`);
  }
  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }
  fail(message: string): never {
    const found = this.atEnd() ? 'the end' : `"${this.text.slice(this.pos, this.pos + 8)}"`;
    throw new SyntaxProblem(`${message} at position ${this.pos + 1} (found ${found})`);
  }

  literal(): Literal {
    this.skipSpace();
    const rest = this.text.slice(this.pos);
    const number = /^-?\d+(\.\d+)?(?!\w)/.exec(rest);
    if (number) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    const string = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
    if (string) {
      this.pos += string[0].length;
      return (string[1] ?? '').replace(/\\(.)/g, '$1');
    }
    const boolean = /^(true|false)\b/.exec(rest);
    if (boolean) {
      this.pos += boolean[0].length;
      return boolean[0] === 'true';
    }
    return this.fail('Expected a number, a "quoted string", true or false');
  }

  number(): number {
    const value = this.literal();
    if (typeof value !== 'number') this.fail('Expected a number');
    return value;
  }
}

function positive(scanner: Scanner): PositiveTest {
  const open = scanner.take('[') ? true : scanner.take('(') ? false : undefined;
  if (open !== undefined) {
    const low = scanner.number();
    scanner.expect('..');
    const high = scanner.number();
    const close = scanner.take(']') ? true : scanner.take(')') ? false : scanner.fail('Expected "]" or ")" to close the range');
    if (low > high || (low === high && !(open && close))) scanner.fail(`The range ${low}..${high} is empty`);
    return { kind: 'range', low, high, lowClosed: open, highClosed: close };
  }
  const op = ORDERED.find((candidate) => scanner.take(candidate)) ?? '=';
  const start = scanner.pos;
  const value = scanner.literal();
  if (op !== '=' && op !== '!=' && typeof value !== 'number') {
    scanner.pos = start;
    scanner.fail(`"${op}" compares numbers only`);
  }
  return { kind: 'compare', op, value };
}

function typeOf(item: PositiveTest): LiteralType {
  if (item.kind === 'range') return 'number';
  const type = typeof item.value;
  return type === 'number' ? 'number' : type === 'string' ? 'string' : 'boolean';
}

function tests(scanner: Scanner, negated: boolean): UnaryTest {
  const items = [positive(scanner)];
  while (scanner.take(',')) items.push(positive(scanner));
  const types = new Set(items.map(typeOf));
  const [type] = types;
  if (type === undefined || types.size > 1) throw new SyntaxProblem(`A list mixes ${[...types].join(' and ')} values`);
  return { kind: 'tests', negated, type, items };
}

/** Parses one cell of a decision table, e.g. `< 500000`, `[500000..5000000)`, `"CC10","CC20"`, `not("X")`, `-`. */
export function parseUnaryTest(text: string): ParseResult {
  const scanner = new Scanner(text);
  try {
    if (scanner.atEnd()) return { ok: false, message: 'Empty cell: use "-" to match any value' };
    if (text.trim() === '-') return { ok: true, test: { kind: 'any' } };
    let test: UnaryTest;
    if (scanner.take('not')) {
      scanner.expect('(');
      test = tests(scanner, true);
      scanner.expect(')');
    } else {
      test = tests(scanner, false);
    }
    if (!scanner.atEnd()) scanner.fail('Unexpected text');
    return { ok: true, test };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, message: error.message };
    throw error;
  }
}
