// How each kind of injected duplicate changes its original's invoice number. Each returns undefined
// when the number does not allow the change (no 0/1/8 digit for OCR, no two different adjacent
// digits to transpose), and the generator then picks another original.
import type { Prng } from './prng.ts';

/** The kinds of duplicate injected into the synthetic stream. */
export const DUPLICATE_KINDS = ['exact', 'formatting', 'ocr', 'trailing-letter', 'transposition', 'amount-date'] as const;

/** One kind of injected duplicate. */
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

const OCR_LETTERS: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '8': 'B' };

/** Re-keyed with other separators, spaces or case; never the same string. */
export function reformat(number: string, prng: Prng): string | undefined {
  const variants = [
    number.toLowerCase(),
    number.replace(/[-/]/g, ''),
    number.replace(/[-/]/g, ' '),
    number.replace(/[-/]/g, '.'),
    number.replace(/^([A-Za-z]*)(\d)/, '$1 $2'),
    number.replace(/(\d{3})$/, '-$1'),
  ].filter((variant) => variant !== number);
  return variants.length > 0 ? prng.pick(variants) : undefined;
}

/** One or two of the digits 0, 1, 8 read as the letters O, I, B. */
export function ocrConfuse(number: string, prng: Prng): string | undefined {
  const positions = [...number].flatMap((char, i) => (char in OCR_LETTERS ? [i] : []));
  if (positions.length === 0) return undefined;
  const chars = [...number];
  for (let n = prng.chance(0.3) ? 2 : 1; n > 0; n--) {
    const at = prng.pick(positions);
    chars[at] = OCR_LETTERS[chars[at] ?? ''] ?? chars[at] ?? '';
  }
  return chars.join('');
}

/** A revision letter appended, with or without a dash ('INV-1001A', '004512-B'). */
export function appendLetter(number: string, prng: Prng): string {
  return `${number}${prng.chance(0.5) ? '-' : ''}${prng.pick(['A', 'B', 'C', 'a'])}`;
}

/** Two different adjacent digits swapped. */
export function transposeDigits(number: string, prng: Prng): string | undefined {
  const positions = [...number].flatMap((char, i) => {
    const following = number[i + 1];
    return /\d/.test(char) && following !== undefined && /\d/.test(following) && following !== char ? [i] : [];
  });
  if (positions.length === 0) return undefined;
  const at = prng.pick(positions);
  return number.slice(0, at) + number.charAt(at + 1) + number.charAt(at) + number.slice(at + 2);
}
