/**
 * ISO 4217 minor-unit exponents that differ from the default of 2. A small table on purpose: it
 * covers the currencies finance teams meet most; anything else is assumed to have cents.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  // No minor unit.
  JPY: 0, KRW: 0, ISK: 0, CLP: 0, VND: 0, XOF: 0, XAF: 0, UGX: 0, PYG: 0,
  // Three decimals (fils, baisa, dinar subdivisions).
  KWD: 3, BHD: 3, OMR: 3, JOD: 3, TND: 3, LYD: 3, IQD: 3,
};

const DEFAULT_EXPONENT = 2;

/** The number of minor-unit digits of a currency (ISO 4217): JPY 0, KWD/BHD 3, most others 2. */
export function minorUnitExponent(currency: string): number {
  return EXPONENTS[currency] ?? DEFAULT_EXPONENT;
}
