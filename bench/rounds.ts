/**
 * Timings taken in interleaved rounds: a task's time is the median of its rounds, and the ratio
 * of two tasks the median of their ratios within a round (a slow spell of the machine then
 * weighs on both sides of a ratio alike).
 */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median, over the rounds both ran in, of `numerators[r] / denominators[r]`. */
export function medianRatio(numerators: readonly number[], denominators: readonly number[]): number {
  const rounds = Math.min(numerators.length, denominators.length);
  return median(numerators.slice(0, rounds).map((value, round) => value / denominators[round]));
}
