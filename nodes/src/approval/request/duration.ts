const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A duration such as `90s`, `30m`, `48h` or `5d`. */
export const DURATION_PATTERN = /^(\d{1,6})(s|m|h|d)$/;

/** Milliseconds of a duration matching {@link DURATION_PATTERN}. */
export function durationMs(text: string): number {
  const match = DURATION_PATTERN.exec(text);
  if (!match) throw new Error(`Not a duration: ${text}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
