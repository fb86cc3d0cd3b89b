// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../emulator/charts';
import { renderChart, seriesOf } from '../../playground/chart-svg';

function spec(type: string, options: Record<string, unknown> = {}): ChartSpec {
  const values = [['Month', 'Gross sales', 'Target'], ['2026-04', 41000, 65000], ['2026-05', 70500, 65000]];
  return {
    chartId: 1, sheet: 'TTS Dashboard', type, options, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    numHeaders: 1, mergeStrategy: 'MERGE_COLUMNS', transpose: false,
    ranges: [{ a1: "'TTS Dashboard'!A1:C3", values, displayValues: values.map((r) => r.map(String)) }],
  };
}

describe('the playground chart renderer', () => {
  it('reads categories from the first column and one series per other column', () => {
    expect(seriesOf(spec('COLUMN'))).toEqual({
      categories: ['2026-04', '2026-05'],
      series: [{ name: 'Gross sales', values: [41000, 70500] }, { name: 'Target', values: [65000, 65000] }],
    });
  });

  it('draws a combo chart as bars plus a target line, with its title', () => {
    const svg = renderChart(spec('COMBO', { title: 'Sales vs target', seriesType: 'bars', series: { 1: { type: 'line' } } }));
    expect(svg.querySelectorAll('rect[fill="#4285f4"]').length).toBeGreaterThanOrEqual(2);
    expect(svg.querySelectorAll('polyline')).toHaveLength(1);
    expect(svg.textContent).toContain('Sales vs target');
  });

  it('draws a pie with one slice per category', () => {
    const svg = renderChart(spec('PIE'));
    expect(svg.querySelectorAll('path')).toHaveLength(2);
  });
});
