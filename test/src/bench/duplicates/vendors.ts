// Synthetic vendors: each has its own numbering scheme, how sparse its numbers are for us (a vendor
// with many customers skips many numbers between two of our invoices), a currency and an amount profile.
import type { Prng } from './prng.ts';

/** How a vendor writes its invoice numbers. */
export type NumberingScheme = 'yearly' | 'series' | 'numeric' | 'prefixed' | 'dashed';

/** One synthetic vendor. */
export interface Vendor {
  id: string;
  entities: readonly string[];
  currency: string;
  scheme: NumberingScheme;
  /** Letter of a 'series' scheme ('A/123/26'). */
  series: string;
  firstNumber: number;
  /** Largest gap between two consecutive numbers that we receive. */
  maxGap: number;
  /** Relative share of the invoice stream. */
  weight: number;
  /** Median amount in minor units, and whether amounts are whole currency units. */
  medianAmount: number;
  roundAmounts: boolean;
  /** A fixed monthly fee in minor units (rent, subscriptions), or 0. */
  monthlyFee: number;
}

const SCHEMES: readonly NumberingScheme[] = ['yearly', 'series', 'numeric', 'prefixed', 'dashed'];

/** Formats the vendor's n-th number in its scheme. */
export function formatNumber(vendor: Vendor, n: number): string {
  switch (vendor.scheme) {
    case 'yearly':
      return `INV-2026-${String(n).padStart(6, '0')}`;
    case 'series':
      return `${vendor.series}/${n}/26`;
    case 'numeric':
      return String(n).padStart(6, '0');
    case 'prefixed':
      return `RE${n}`;
    case 'dashed':
      return `2026-${String(n).padStart(4, '0')}`;
    default: {
      const unreachable: never = vendor.scheme;
      throw new Error(`unknown scheme ${String(unreachable)}`);
    }
  }
}

/** `count` vendors; entity DE01 pays in EUR (one GBP vendor), US01 in USD; two vendors serve both. */
export function createVendors(prng: Prng, count: number): Vendor[] {
  return Array.from({ length: count }, (_, i): Vendor => {
    const american = i % 4 === 3;
    const both = i === 5 || i === 10;
    const scheme = SCHEMES[i % SCHEMES.length] ?? 'numeric';
    return {
      id: `V${String(i + 1).padStart(2, '0')}`,
      entities: both ? ['DE01', 'US01'] : american ? ['US01'] : ['DE01'],
      currency: american || both ? 'USD' : i === 7 ? 'GBP' : 'EUR',
      scheme,
      series: prng.pick(['A', 'K', 'R', 'S']),
      firstNumber: scheme === 'prefixed' ? prng.int(10_000, 40_000) : scheme === 'series' ? prng.int(1, 400) : prng.int(100, 5_000),
      maxGap: prng.pick([3, 10, 40, 200, 1_000]),
      weight: 1 / (i + 1) ** 0.8, // a few large vendors, a long tail
      medianAmount: Math.round(10 ** prng.int(4, 6) * (1 + prng.next() * 4)),
      roundAmounts: prng.chance(0.3),
      monthlyFee: i % 6 === 2 ? prng.int(50, 900) * 1_000 : 0,
    };
  });
}
