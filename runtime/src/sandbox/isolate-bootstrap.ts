/**
 * The script run once in every fresh sandbox context. It is plain JavaScript kept as a string (not a
 * function's `toString()`), so no transpiler helper can slip into the isolate.
 *
 * It replaces the clock and randomness with injected values and evaluates to a hidden
 * `{ setScope, compileExpression, compileCode }` object that the host holds by reference: nothing of it
 * is reachable from user code. The lockdown script (isolate-lockdown.ts) runs right after it.
 *
 * Time: `new Date()`, `Date()`, `Date.now()` and `Intl.DateTimeFormat#format()` read the scope's `now`.
 * Randomness: `Math.random` is a small PRNG (sfc32) seeded from the run id and restarted for every
 * expression and code run, so a value never depends on what ran before it in the isolate and replays
 * identically; there is no other source of entropy in the isolate.
 */
export const BOOTSTRAP_SOURCE = String.raw`(function bootstrap(expressionGlobals) {
  'use strict';
  const RealDate = Date;
  const RealFunction = Function;
  const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
  const jsonParse = JSON.parse;
  const jsonStringify = JSON.stringify;
  const { defineProperty, freeze } = Object;
  const isArray = Array.isArray;
  const construct = Reflect.construct;

  let scope = null;
  let nowMs = NaN;

  // --- clock: every "current time" is the injected $now ---
  const SandboxDate = { Date: function (...args) {
    if (new.target === undefined) return new RealDate(nowMs).toString();
    return construct(RealDate, args.length === 0 ? [nowMs] : args, new.target);
  } }.Date;
  defineProperty(SandboxDate, 'length', { value: 7 });
  defineProperty(SandboxDate, 'prototype', { value: RealDate.prototype, writable: false });
  SandboxDate.now = function now() { return nowMs; };
  SandboxDate.parse = RealDate.parse;
  SandboxDate.UTC = RealDate.UTC;
  defineProperty(RealDate.prototype, 'constructor', { value: SandboxDate, writable: true, configurable: true });
  globalThis.Date = SandboxDate;

  const dtf = Intl.DateTimeFormat.prototype;
  const formatGetter = Object.getOwnPropertyDescriptor(dtf, 'format').get;
  defineProperty(dtf, 'format', { configurable: true, get() {
    const format = formatGetter.call(this);
    return (date) => format(date === undefined ? nowMs : date);
  } });
  const formatToParts = dtf.formatToParts;
  dtf.formatToParts = function (date) { return formatToParts.call(this, date === undefined ? nowMs : date); };

  // --- randomness: seeded per run id ---
  let a = 0, b = 0, c = 0, d = 0;
  let seedA = 0, seedB = 0, seedC = 0, seedD = 0;
  function seed(text) {
    let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
    for (let i = 0; i < text.length; i++) {
      const k = text.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    seedA = h1 >>> 0; seedB = h2 >>> 0; seedC = h3 >>> 0; seedD = h4 >>> 0;
    restartRandom();
  }
  function restartRandom() {
    a = seedA; b = seedB; c = seedC; d = seedD;
  }
  Math.random = function random() {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };

  // --- per-step scope ---
  // Freshly parsed JSON: a tree of plain objects and arrays, none inheriting enumerable keys.
  function deepFreeze(value) {
    if (typeof value !== 'object' || value === null) return value;
    freeze(value);
    if (isArray(value)) {
      for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    } else {
      for (const key in value) deepFreeze(value[key]);
    }
    return value;
  }
  const vars = freeze({});
  function setScope(json) {
    const next = deepFreeze(jsonParse(json));
    scope = next;
    nowMs = RealDate.parse(next.now);
    seed(String(next.run && next.run.id));
  }

  function toJson(value, what) {
    if (value === undefined) return undefined;
    const type = typeof value;
    if (type === 'function' || type === 'symbol') throw new TypeError(what + ' returned a ' + type + ', which is not JSON data');
    return jsonStringify(value);
  }

  const named = { $input: (s) => s.input, $node: (s) => s.nodes, $run: (s) => s.run, $now: () => new SandboxDate(nowMs), $vars: () => vars };
  const pickers = expressionGlobals.map((name) => {
    const pick = Object.hasOwn(named, name) ? named[name] : undefined;
    if (pick === undefined) throw new Error('Unknown expression global ' + name);
    return pick;
  });

  /** Compiles an expression body (see expressionBody) into a no-argument runner over the current scope. */
  function compileExpression(body) {
    const fn = new RealFunction(...expressionGlobals, body);
    return function runExpression() {
      const s = scope;
      restartRandom();
      const args = new Array(pickers.length);
      for (let i = 0; i < pickers.length; i++) args[i] = pickers[i](s);
      return toJson(fn.apply(undefined, args), 'The expression');
    };
  }

  /** Compiles a data.code body into a runner that installs its own scope (it may be queued behind others). */
  function compileCode(body) {
    const fn = new AsyncFunction('$input', '$run', '$now', '"use strict";\n' + body);
    return async function runCode(json) {
      setScope(json);
      const s = scope;
      return toJson(await fn(s.input, s.run, new SandboxDate(nowMs)), 'The code');
    };
  }

  return { setScope, compileExpression, compileCode };
})`;
