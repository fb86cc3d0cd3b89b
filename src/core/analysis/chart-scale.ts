/**
 * Whether a chart's target line may set its scale. A shop selling $6,000 a month against a $65,000
 * target would see its bars squashed into the bottom tenth of the chart; past a ratio of
 * TARGET_OFF_SCALE the chart is scaled to the sales instead and its title says the target is above.
 */

/** A target more than this many times the highest value drawn is left off the scale. */
export const TARGET_OFF_SCALE = 2.5;

/** A round step (1, 2, 2.5 or 5 × 10^k) that splits `span` into at most `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((step) => step >= raw * (1 - 1e-9)) as number;
}

/** The first round tick (of about five) at or above `peak` plus 5 % headroom. */
export function roundAxisTop(peak: number): number {
  if (!(peak > 0)) return 1;
  const step = niceStep(peak * 1.05, 5);
  return Math.ceil((peak * 1.05) / step) * step;
}

/**
 * The axis top in dollars when `targetCents` is off the chart for `valuesCents` (nulls ignored),
 * or null when the target line fits with the data.
 */
export function axisTopWithoutTarget(
  valuesCents: readonly (number | null)[],
  targetCents: number,
): number | null {
  const peak = Math.max(0, ...valuesCents.filter((v): v is number => v !== null));
  if (peak <= 0 || targetCents <= TARGET_OFF_SCALE * peak) return null;
  return roundAxisTop(peak / 100);
}
