// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../emulator/charts';
import { axisTicks, renderChart, seriesOf, textWidth } from '../../playground/chart-svg';
import { niceStep } from '../../src/core/analysis/chart-scale';

function spec(type: string, options: Record<string, unknown> = {}): ChartSpec {
  const values = [
    ['Month', 'Gross sales', 'Target'],
    ['2026-04', 41000, 65000],
    ['2026-05', 70500, 65000],
  ];
  return {
    chartId: 1,
    sheet: 'TTS Dashboard',
    type,
    options,
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    numHeaders: 1,
    mergeStrategy: 'MERGE_COLUMNS',
    transpose: false,
    ranges: [{ a1: "'TTS Dashboard'!A1:C3", values, displayValues: values.map((r) => r.map(String)) }],
  };
}

describe('the playground chart renderer', () => {
  it('reads categories from the first column and one series per other column', () => {
    expect(seriesOf(spec('COLUMN'))).toEqual({
      categories: ['2026-04', '2026-05'],
      series: [
        { name: 'Gross sales', values: [41000, 70500] },
        { name: 'Target', values: [65000, 65000] },
      ],
    });
  });

  it('stacks bars as Sheets does with isStacked: one column a month, each part on the one before', () => {
    const stackedSpec = spec('COLUMN', { isStacked: true, colors: ['#111111', '#222222'] });
    const svg = renderChart(stackedSpec);
    const rect = (fill: string) =>
      [...svg.querySelectorAll(`rect[fill="${fill}"]`)].filter((r) => r.getAttribute('width') !== '10');
    const [april1, may1] = rect('#111111');
    const [april2] = rect('#222222');
    // April: 41,000 from 0, then 65,000 on top of it (to 106,000), in the same column.
    expect(april2.getAttribute('x')).toBe(april1.getAttribute('x'));
    expect(Number(april2.getAttribute('y')) + Number(april2.getAttribute('height'))).toBeCloseTo(
      Number(april1.getAttribute('y')),
      6,
    );
    expect(Number(april2.getAttribute('height')) / Number(april1.getAttribute('height'))).toBeCloseTo(
      65_000 / 41_000,
      6,
    );
    expect(Number(may1.getAttribute('height')) / Number(april1.getAttribute('height'))).toBeCloseTo(
      70_500 / 41_000,
      6,
    );
  });

  it('draws a combo chart as bars plus a target line, with its title', () => {
    const svg = renderChart(
      spec('COMBO', { title: 'Sales vs target', seriesType: 'bars', series: { 1: { type: 'line' } } }),
    );
    expect(svg.querySelectorAll('rect[fill="#4285f4"]').length).toBeGreaterThanOrEqual(2);
    expect(svg.querySelectorAll('polyline')).toHaveLength(1);
    expect(svg.textContent).toContain('Sales vs target');
  });

  it('draws a pie with one slice per category', () => {
    const svg = renderChart(spec('PIE'));
    expect(svg.querySelectorAll('path')).toHaveLength(2);
  });
});

/** The dashboard's monthly chart as the add-on builds it: Month … Low (80%), then the range's width stacked on the low. */
function monthlySpec(target: number, months = 24, options: Record<string, unknown> = {}): ChartSpec {
  const header = ['Month', 'Sales', 'Monthly target', 'Forecast', 'Low (80%)'];
  const rows: (string | number)[][] = [header];
  const widths: (string | number)[][] = [['High − low (80%)']];
  for (let i = 0; i < months; i++) {
    const month = `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const past = i < months - 8;
    const sales = 2_000 + 250 * i;
    rows.push([month, past ? sales : '', target, past ? '' : sales, past ? '' : sales * 0.8]);
    widths.push([past ? '' : sales * 0.45]);
  }
  return {
    chartId: 1,
    sheet: 'TTS Dashboard',
    type: 'COMBO',
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    numHeaders: 1,
    mergeStrategy: 'MERGE_COLUMNS',
    transpose: false,
    options: {
      title: 'Monthly sales with forecast',
      seriesType: 'bars',
      isStacked: true,
      vAxis: { format: '$#,##0' },
      legend: { position: 'bottom' },
      series: {
        1: { type: 'line', lineDashStyle: [6, 4], labelInLegend: 'Monthly target' },
        2: { type: 'line', labelInLegend: 'Forecast' },
        3: { type: 'area', areaOpacity: 0, lineWidth: 0, visibleInLegend: false },
        4: { type: 'area', areaOpacity: 0.2, lineWidth: 0, labelInLegend: '80% range' },
      },
      ...options,
    },
    ranges: [
      { a1: "'TTS Dashboard'!A1:E25", values: rows, displayValues: rows.map((r) => r.map(String)) },
      { a1: "'TTS Dashboard'!I1:I25", values: widths, displayValues: widths.map((r) => r.map(String)) },
    ],
  };
}

const texts = (svg: SVGSVGElement, selector: string) =>
  [...svg.querySelectorAll(selector)].map((t) => t.textContent ?? '');

describe('the playground chart renderer, read as a seller reads it', () => {
  it('writes month labels as “May 26”, spaced so that no two overlap', () => {
    const svg = renderChart(monthlySpec(9_000));
    const labels = [...svg.querySelectorAll('text')].filter((t) =>
      /^[A-Z][a-z]{2} \d{2}$/.test(t.textContent ?? ''),
    );
    expect(labels.length).toBeGreaterThanOrEqual(6);
    expect(labels[0].textContent).toBe('Jan 25');
    for (let i = 1; i < labels.length; i++) {
      const gap = Number(labels[i].getAttribute('x')) - Number(labels[i - 1].getAttribute('x'));
      expect(gap).toBeGreaterThan(textWidth(labels[i].textContent!, 10) + 4);
    }
  });

  it('shows every legend name whole, wrapping to a second row rather than cutting it', () => {
    const svg = renderChart(monthlySpec(9_000));
    const legend = texts(svg, 'text.legend');
    expect(legend).toEqual(['Sales', 'Monthly target', 'Forecast', '80% range']);
    for (const t of svg.querySelectorAll('text.legend')) {
      expect(Number(t.getAttribute('x')) + textWidth(t.textContent!, 11)).toBeLessThanOrEqual(520);
    }
    expect(legend.join('')).not.toContain('…');
  });

  it('puts the axis ticks on round amounts, in dollars', () => {
    const svg = renderChart(monthlySpec(9_000));
    const ticks = texts(svg, 'text').filter((t) => /^\$[\d.]+K?$/.test(t));
    expect(ticks[0]).toBe('$0');
    const values = ticks.map((t) => Number(t.replace(/[$K]/g, '')) * (t.endsWith('K') ? 1000 : 1));
    const step = values[1] - values[0];
    expect([1, 2, 2.5, 5].some((m) => Math.abs(step / 10 ** Math.floor(Math.log10(step)) - m) < 1e-9)).toBe(
      true,
    );
    values.forEach((v, i) => expect(v).toBeCloseTo(i * step, 6));
    expect(axisTicks(0, 10_389)).toEqual([0, 2_500, 5_000, 7_500, 10_000, 12_500]);
    expect(niceStep(65_000, 5)).toBe(20_000);
  });

  it('draws the 80 % range as one shaded band: the width stacked on the transparent low bound, from low to high', () => {
    const spec = monthlySpec(9_000);
    const svg = renderChart(spec);
    const band = svg.querySelectorAll('polygon.band');
    expect(band).toHaveLength(1); // the low bound's own area is transparent: not drawn
    const points = band[0]
      .getAttribute('points')!
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(16); // 8 forecast months, high then low
    // The last month: sales 2,000 + 250 × 23 = 7,750; low 6,200, width 3,487.50, so the top is the high 9,687.50.
    const ys = svg.querySelectorAll('polyline');
    expect(ys).toHaveLength(2); // target and forecast; no low/high lines
    const forecastY = Number(ys[1].getAttribute('points')!.split(' ').at(-1)!.split(',')[1]);
    const [, topY] = points[7];
    const [, lowY] = points[8];
    // On a linear axis the forecast 7,750 sits (7,750 − 6,200) ÷ 3,487.5 = 0.444 of the way up the band.
    expect((lowY - forecastY) / (lowY - topY)).toBeCloseTo(1_550 / 3_487.5, 3);
    expect(band[0].getAttribute('fill-opacity')).toBe('0.2');
  });

  it('keeps a small shop’s bars visible: a target far above them goes off the scale, with a note', () => {
    const svg = renderChart(monthlySpec(65_000));
    expect(texts(svg, 'text.off-scale-note')).toEqual(['Monthly target $65K: above the chart']);
    expect(texts(svg, 'text.legend')).toContain('Monthly target (above the chart)');
    const heights = [...svg.querySelectorAll('rect')]
      .filter((r) => r.getAttribute('fill') === '#4285f4')
      .map((r) => Number(r.getAttribute('height')));
    const plotHeight = 280 - 44 - 30 - 16 * 2;
    expect(Math.max(...heights)).toBeGreaterThan(plotHeight / 2);
    expect(svg.querySelectorAll('polyline')).toHaveLength(1);
  });

  it('follows the axis range the chart spec sets (vAxis.viewWindow)', () => {
    const svg = renderChart(
      monthlySpec(65_000, 24, { vAxis: { format: '$#,##0', viewWindow: { min: 0, max: 10_000 } } }),
    );
    const ticks = texts(svg, 'text').filter((t) => /^\$[\d.]+K?$/.test(t));
    expect(ticks.at(-1)).toBe('$10K');
    expect(texts(svg, 'text.off-scale-note')).toEqual(['Monthly target $65K: above the chart']);
  });
});
