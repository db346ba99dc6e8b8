// Invoice-number normalisation of finance-controls.md: strip non-alphanumerics, O->0, I->1, B->8,
// drop a trailing letter. The order matters and is:
//   1. uppercase;
//   2. strip everything but A-Z and 0-9 (so accented letters go too);
//   3. drop ONE trailing letter, only when a digit precedes it ('INV1001A' -> 'INV1001', but 'ABC' stays);
//   4. map the OCR confusions O->0, I->1, B->8 (in the prefix too: 'INV' -> '1NV', on both sides alike).
// Step 3 comes before step 4 so that a suffix 'B', 'I' or 'O' ('INV-1001B') is dropped as a suffix
// instead of becoming a digit that survives ('1NV10018'). The price: an OCR-misread LAST digit
// ('INV-100O' for 'INV-1000') is dropped rather than mapped, so the two differ by one deletion and the
// distance-1 rule flags them as suspect instead of blocking them.

const OCR_DIGITS: Readonly<Record<string, string>> = { O: '0', I: '1', B: '8' };

/** The comparison key of an invoice number, per the order of operations documented above. */
export function normaliseInvoiceNumber(raw: string): string {
  const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const withoutSuffix = /[0-9][A-Z]$/.test(compact) ? compact.slice(0, -1) : compact;
  return withoutSuffix.replace(/[OIB]/g, (letter) => OCR_DIGITS[letter] ?? letter);
}

/** The raw number uppercased with whitespace removed: equal keys make the rule `exact`. */
export function compactInvoiceNumber(raw: string): string {
  return raw.toUpperCase().replace(/\s+/g, '');
}
