import type { Format } from './rule-schema.ts';

/** Whether `text` is a calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Removes the spaces of the printed form (DE89 3704 ...) and upper-cases. */
function compact(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Whether `text` is an IBAN: country, check digits, BBAN, and the ISO 13616 mod-97 checksum equal to 1. */
export function isIban(text: string): boolean {
  const iban = compact(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  // Digit by digit so the number never leaves the safe integer range; letters count as 10..35.
  for (const char of rearranged) {
    const digits = String(parseInt(char, 36));
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** VAT number shapes per EU member state (VIES), by prefix; EL is Greece, XI Northern Ireland. */
const VAT_SHAPES: Record<string, RegExp> = {
  AT: /^U\d{8}$/, BE: /^[01]\d{9}$/, BG: /^\d{9,10}$/, CY: /^\d{8}[A-Z]$/, CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/, DK: /^\d{8}$/, EE: /^\d{9}$/, EL: /^\d{9}$/, ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/, FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/, HR: /^\d{11}$/, HU: /^\d{8}$/,
  IE: /^\d[A-Z0-9+*]\d{5}[A-W][A-IW]?$/, IT: /^\d{11}$/, LT: /^(\d{9}|\d{12})$/, LU: /^\d{8}$/,
  LV: /^\d{11}$/, MT: /^\d{8}$/, NL: /^\d{9}B\d{2}$/, PL: /^\d{10}$/, PT: /^\d{9}$/,
  RO: /^[1-9]\d{1,9}$/, SE: /^\d{10}01$/, SI: /^\d{8}$/, SK: /^\d{10}$/,
  XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** Whether `text` has the shape of an EU VAT identification number (prefix plus national format; no checksum). */
export function isEuVatId(text: string): boolean {
  const vatId = compact(text);
  const shape = VAT_SHAPES[vatId.slice(0, 2)];
  return shape !== undefined && shape.test(vatId.slice(2));
}

/** Whether `text` looks like an email address: one @, no spaces, a dot in the domain. */
export function isEmail(text: string): boolean {
  return text.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text);
}

/** Whether `text` has the shape of an ISO 4217 currency code (three capital letters). */
export function isCurrencyCode(text: string): boolean {
  return /^[A-Z]{3}$/.test(text);
}

/** Compiles a rule's pattern, or returns the reason it is not a valid regular expression. */
export function compilePattern(pattern: string): RegExp | string {
  try {
    return new RegExp(pattern, 'u');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Whether `text` is in `format`; for regex, whether the compiled `regex` matches somewhere in it. */
export function matchesFormat(text: string, format: Format, regex: RegExp | undefined): boolean {
  switch (format) {
    case 'iban':
      return isIban(text);
    case 'email':
      return isEmail(text);
    case 'currency':
      return isCurrencyCode(text);
    case 'date':
      return isIsoDate(text);
    case 'vat-id':
      return isEuVatId(text);
    case 'regex':
      if (regex === undefined) throw new Error('A regex format needs its compiled pattern');
      return regex.test(text);
    default: {
      const unreachable: never = format;
      throw new Error(`Unknown format ${String(unreachable)}`);
    }
  }
}
