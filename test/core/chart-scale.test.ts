import { describe, expect, it } from 'vitest';
import { axisTopWithoutTarget, niceStep, roundAxisTop } from '../../src/core/analysis/chart-scale';

describe('chart scale: a target far above the sales stays off the chart', () => {
  it('leaves the scale alone while the target is within 2.5 times the highest value', () => {
    expect(axisTopWithoutTarget([2_000_000, 3_000_000, null], 6_500_000)).toBeNull();
    expect(axisTopWithoutTarget([2_600_000], 6_500_000)).toBeNull(); // exactly 2.5 times
    expect(axisTopWithoutTarget([], 6_500_000)).toBeNull();
  });

  it('otherwise tops the axis at a round amount just above the sales (in dollars)', () => {
    // The growing shop of the samples: about $11,200 at the top of its 80 % band against $65,000.
    expect(axisTopWithoutTarget([672_000, 1_119_100, null], 6_500_000)).toBe(12_500);
    expect(roundAxisTop(10_389)).toBe(12_500);
    expect(roundAxisTop(95_000)).toBe(100_000);
    expect(roundAxisTop(4_000)).toBe(5_000);
  });

  it('steps are 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(65_000, 5)).toBe(20_000);
    expect(niceStep(12_500, 5)).toBe(2_500);
    expect(niceStep(10, 5)).toBe(2);
  });
});
