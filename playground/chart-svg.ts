/**
 * A small SVG renderer for the chart specs the emulator records (column, bar, line, area, combo,
 * stepped area, pie). Playground only: the add-on's charts are drawn by Sheets itself.
 */
import type { ChartSpec } from '../emulator/charts';
import { niceStep } from '../src/core/analysis/chart-scale';

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24'];
const W = 520;
const H = 280;
const PAD = { left: 64, right: 16, top: 44 };

export interface SeriesData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Columns of all ranges side by side (MERGE_COLUMNS): first column = categories, the rest = series. */
export function seriesOf(spec: ChartSpec): SeriesData {
  const height = Math.max(0, ...spec.ranges.map((r) => r.values.length));
  let columns: { values: (string | number | boolean)[]; shown: string[] }[] = [];
  for (const range of spec.ranges) {
    const width = range.values[0]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      columns.push({
        values: Array.from({ length: height }, (_, r) => range.values[r]?.[c] ?? ''),
        shown: Array.from({ length: height }, (_, r) => range.displayValues[r]?.[c] ?? ''),
      });
    }
  }
  if (spec.transpose && columns.length > 0) {
    const rows = columns[0].values.length;
    columns = Array.from({ length: rows }, (_, r) => ({
      values: columns.map((c) => c.values[r]),
      shown: columns.map((c) => c.shown[r]),
    }));
  }
  const headers = spec.numHeaders >= 0 ? spec.numHeaders : typeof columns[1]?.values[0] === 'string' ? 1 : 0;
  const [cat, ...rest] = columns;
  return {
    categories: cat ? cat.shown.slice(headers) : [],
    series: rest.map((col, i) => ({
      name: headers > 0 ? String(col.shown[0] || `Series ${i + 1}`) : `Series ${i + 1}`,
      values: col.values.slice(headers).map((v) => (typeof v === 'number' ? v : null)),
    })),
  };
}

function seriesKinds(spec: ChartSpec, count: number): string[] {
  const type = spec.type.toUpperCase();
  const base =
    type === 'COMBO'
      ? String(spec.options.seriesType ?? 'bars')
      : type === 'LINE'
        ? 'line'
        : type === 'AREA' || type === 'STEPPED_AREA'
          ? 'area'
          : 'bars';
  const perSeries = (spec.options.series ?? {}) as Record<string, { type?: string }>;
  return Array.from({ length: count }, (_, i) => perSeries[i]?.type ?? perSeries[String(i)]?.type ?? base);
}

/** Axis from `lo` to `hi` on round ticks, 0 always included. */
export function axisTicks(lo: number, hi: number, count = 5): number[] {
  const min = Math.min(0, lo);
  const max = Math.max(0, hi);
  const step = niceStep(max - min || 1, count);
  const first = Math.floor(min / step) * step;
  const last = Math.max(first + step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = first; v <= last + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

function shortNumber(n: number, money: boolean): string {
  const a = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  const unit = money ? '$' : '';
  const trim = (v: number) => String(Math.round(v * 10) / 10);
  if (a >= 1e6) return `${sign}${unit}${trim(a / 1e6)}M`;
  if (a >= 1e3) return `${sign}${unit}${trim(a / 1e3)}K`;
  return `${sign}${unit}${Math.round(a * 100) / 100}`;
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-05` → `May 26`; other categories as they are. */
export function categoryLabel(category: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(category);
  return m ? `${MONTH_ABBR[Number(m[2]) - 1]} ${m[1].slice(2)}` : category;
}

/** Width of a text at `size` px in the playground's sans-serif, close enough to lay labels out. */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.58;
}

function renderPie(svg: SVGSVGElement, data: SeriesData): void {
  const values = (data.series[0]?.values ?? []).map((v) => Math.max(0, v ?? 0));
  const total = values.reduce((a, b) => a + b, 0);
  const cx = 150,
    cy = H / 2 + 10,
    r = 100;
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    if (total === 0 || v === 0) return;
    const sweep = (v / total) * Math.PI * 2;
    const x1 = cx + r * Math.cos(angle),
      y1 = cy + r * Math.sin(angle);
    angle += sweep;
    const x2 = cx + r * Math.cos(angle),
      y2 = cy + r * Math.sin(angle);
    const d =
      sweep >= Math.PI * 2 - 1e-9
        ? `M ${cx - r} ${cy} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0`
        : `M ${cx} ${cy} L ${x1} ${y1} A ${r} ${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2} ${y2} Z`;
    svg.appendChild(el('path', { d, fill: COLORS[i % COLORS.length] }));
    const ly = PAD.top + i * 18;
    svg.appendChild(el('rect', { x: 290, y: ly, width: 10, height: 10, fill: COLORS[i % COLORS.length] }));
    svg.appendChild(
      el(
        'text',
        { x: 306, y: ly + 9, 'font-size': 11 },
        `${data.categories[i]} (${Math.round((v / total) * 100)}%)`,
      ),
    );
  });
}

type SeriesOptions = Record<
  string,
  {
    color?: string;
    lineDashStyle?: unknown;
    labelInLegend?: string;
    areaOpacity?: number;
    lineWidth?: number;
    visibleInLegend?: boolean;
  }
>;

/**
 * Each area series' floor, as Sheets stacks them with `isStacked`: the sum of the area series
 * before it (a blank counts 0); without stacking every area starts at 0. Bars and lines never stack
 * with areas.
 */
function areaFloors(data: SeriesData, kinds: string[], stacked: boolean): Map<number, number[]> {
  const floors = new Map<number, number[]>();
  let running = data.categories.map(() => 0);
  data.series.forEach((s, i) => {
    if (kinds[i] !== 'area') return;
    floors.set(i, stacked ? running : data.categories.map(() => 0));
    if (stacked) running = running.map((base, j) => base + (s.values[j] ?? 0));
  });
  return floors;
}

/**
 * Flat lines (a target) above the chart's own axis top, or, without one, more than 2.5 times
 * everything else (a target a small shop is nowhere near): left off the scale and named in a note.
 */
function offScaleLines(data: SeriesData, kinds: string[], axisTop: number | undefined): Set<number> {
  const out = new Set<number>();
  const peak = (i: number) => Math.max(0, ...data.series[i].values.filter((v): v is number => v !== null));
  data.series.forEach((s, i) => {
    const values = s.values.filter((v): v is number => v !== null);
    if (kinds[i] !== 'line' || values.length === 0 || values.some((v) => v !== values[0])) return;
    const others = Math.max(0, ...data.series.map((_, j) => (j === i ? 0 : peak(j))));
    if (axisTop !== undefined ? values[0] > axisTop : others > 0 && values[0] > 2.5 * others) out.add(i);
  });
  return out;
}

/** Gviz `lineDashStyle` ([6, 4]) as an SVG dash array. */
function dashOf(option: unknown): string | undefined {
  return Array.isArray(option) ? option.join(' ') : undefined;
}

interface LegendEntry {
  name: string;
  color: string;
  kind: 'box' | 'band';
}

/** Legend entries laid out in rows as wide as the chart; names are never cut. */
function layoutLegend(entries: LegendEntry[]): { x: number; row: number; entry: LegendEntry }[] {
  const placed: { x: number; row: number; entry: LegendEntry }[] = [];
  let x = 12;
  let row = 0;
  for (const entry of entries) {
    const width = 14 + textWidth(entry.name, 11) + 14;
    if (x + width > W - 8 && x > 12) {
      row++;
      x = 12;
    }
    placed.push({ x, row, entry });
    x += width;
  }
  return placed;
}

function renderAxes(svg: SVGSVGElement, spec: ChartSpec, data: SeriesData): void {
  const kinds = seriesKinds(spec, data.series.length);
  const options = (spec.options.series ?? {}) as SeriesOptions;
  const colorOf = (i: number) =>
    options[i]?.color ?? (spec.options.colors as string[] | undefined)?.[i] ?? COLORS[i % COLORS.length];
  const nameOf = (i: number) => options[i]?.labelInLegend ?? data.series[i].name;
  const floors = areaFloors(data, kinds, spec.options.isStacked === true);
  const top = (i: number, j: number) => (floors.get(i)?.[j] ?? 0) + (data.series[i].values[j] ?? 0);
  const axis = (spec.options.vAxis ?? {}) as { viewWindow?: { min?: number; max?: number } };
  const axisTop = typeof axis.viewWindow?.max === 'number' ? axis.viewWindow.max : undefined;
  const offScale = offScaleLines(data, kinds, axisTop);

  const legend: LegendEntry[] = [];
  const drawn = (i: number) => data.series[i].values.some((v) => v !== null);
  data.series.forEach((_, i) => {
    if (!drawn(i) || options[i]?.visibleInLegend === false) return;
    if (kinds[i] === 'area') legend.push({ name: nameOf(i), color: colorOf(i), kind: 'band' });
    else
      legend.push({
        name: offScale.has(i) ? `${nameOf(i)} (above the chart)` : nameOf(i),
        color: colorOf(i),
        kind: 'box',
      });
  });
  const showLegend = (spec.options.legend as { position?: string } | undefined)?.position !== 'none';
  const placed = showLegend ? layoutLegend(legend) : [];
  const legendRows = placed.length > 0 ? placed[placed.length - 1].row + 1 : 0;
  const bottom = 30 + legendRows * 16;

  // Stacked bars (Sheets' isStacked): one column per month, the positive parts up from 0, the negative down.
  const stacked = spec.options.isStacked === true;
  const bars = data.series.map((_, i) => i).filter((i) => kinds[i] === 'bars');
  const barSums = (sign: 1 | -1) =>
    data.categories.map(
      (_, j) => bars.reduce((sum, i) => sum + Math.max(0, sign * (data.series[i].values[j] ?? 0)), 0) * sign,
    );
  const scaled = data.series.flatMap((s, i) =>
    offScale.has(i) || (stacked && kinds[i] === 'bars')
      ? []
      : s.values.flatMap((v, j) => (v === null ? [] : [kinds[i] === 'area' ? top(i, j) : v])),
  );
  if (stacked && bars.length > 0) scaled.push(...barSums(1), ...barSums(-1));
  const ticks = axisTicks(Math.min(0, ...scaled), axisTop ?? Math.max(0, ...scaled));
  const min = ticks[0];
  const max = ticks[ticks.length - 1];
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - bottom;
  const y = (v: number) => PAD.top + plotH - ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * plotH;
  const n = Math.max(1, data.categories.length);
  const band = plotW / n;
  const x = (i: number) => PAD.left + band * (i + 0.5);
  const money = JSON.stringify(spec.options.vAxis ?? spec.options.hAxis ?? {}).includes('$');

  for (const v of ticks) {
    svg.appendChild(
      el('line', {
        x1: PAD.left,
        x2: W - PAD.right,
        y1: y(v),
        y2: y(v),
        stroke: v === 0 ? '#9aa0a6' : '#e0e0e0',
      }),
    );
    svg.appendChild(
      el(
        'text',
        { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#5f6368' },
        shortNumber(v, money),
      ),
    );
  }
  // Month labels: as many as fit side by side with a gap, evenly spaced.
  const labels = data.categories.map(categoryLabel);
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, 10)));
  const every = Math.max(1, Math.ceil((widest + 8) / band));
  labels.forEach((label, i) => {
    if (i % every === 0)
      svg.appendChild(
        el(
          'text',
          { x: x(i), y: H - bottom + 14, 'text-anchor': 'middle', 'font-size': 10, fill: '#5f6368' },
          label,
        ),
      );
  });

  // Areas first, so bars and lines stay on top: each between its floor and its top, where it has a value.
  for (const [i, floor] of floors) {
    const idx = data.series[i].values.map((_, j) => j).filter((j) => data.series[i].values[j] !== null);
    const opacity = options[i]?.areaOpacity ?? 0.3;
    if (idx.length === 0 || opacity === 0) continue;
    const upper = idx.map((j) => `${x(j)},${y(top(i, j))}`);
    const lower = idx
      .slice()
      .reverse()
      .map((j) => `${x(j)},${y(floor[j])}`);
    svg.appendChild(
      el('polygon', {
        points: [...upper, ...lower].join(' '),
        fill: colorOf(i),
        'fill-opacity': opacity,
        class: 'band',
      }),
    );
  }

  const barW = (band * 0.7) / (stacked ? 1 : Math.max(1, bars.length));
  const up = data.categories.map(() => 0);
  const down = data.categories.map(() => 0);
  data.series.forEach((s, i) => {
    const color = colorOf(i);
    if (offScale.has(i)) return;
    if (kinds[i] === 'bars') {
      const slot = stacked ? 0 : bars.indexOf(i);
      s.values.forEach((v, j) => {
        if (v === null) return;
        let from = 0;
        if (stacked) {
          from = v >= 0 ? up[j] : down[j];
          if (v >= 0) up[j] += v;
          else down[j] += v;
        }
        const top = y(Math.max(from, from + v)),
          bottomY = y(Math.min(from, from + v));
        svg.appendChild(
          el('rect', {
            x: x(j) - band * 0.35 + slot * barW,
            y: top,
            width: Math.max(1, barW - 1),
            height: Math.max(0.5, bottomY - top),
            fill: color,
          }),
        );
      });
      return;
    }
    const points = s.values
      .map((v, j) => (v === null ? null : `${x(j)},${y(kinds[i] === 'area' ? top(i, j) : v)}`))
      .filter((p): p is string => p !== null);
    if (points.length === 0 || options[i]?.lineWidth === 0) return;
    const dash = dashOf(options[i]?.lineDashStyle);
    svg.appendChild(
      el('polyline', {
        points: points.join(' '),
        fill: 'none',
        stroke: color,
        'stroke-width': 2,
        ...(dash ? { 'stroke-dasharray': dash } : {}),
      }),
    );
  });
  if (offScale.size > 0) {
    const names = [...offScale].map(
      (i) => `${nameOf(i)} ${shortNumber(data.series[i].values.find((v) => v !== null) as number, money)}`,
    );
    svg.appendChild(
      el(
        'text',
        {
          x: W - PAD.right,
          y: PAD.top - 6,
          'text-anchor': 'end',
          'font-size': 10,
          fill: '#5f6368',
          class: 'off-scale-note',
        },
        `${names.join(', ')}: above the chart`,
      ),
    );
  }
  for (const { x: lx, row, entry } of placed) {
    const ly = H - bottom + 24 + row * 16;
    if (entry.kind === 'band')
      svg.appendChild(
        el('rect', { x: lx, y: ly, width: 10, height: 10, fill: entry.color, 'fill-opacity': 0.25 }),
      );
    else svg.appendChild(el('rect', { x: lx, y: ly, width: 10, height: 10, fill: entry.color }));
    svg.appendChild(el('text', { x: lx + 14, y: ly + 9, 'font-size': 11, class: 'legend' }, entry.name));
  }
}

export function renderChart(spec: ChartSpec): SVGSVGElement {
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', class: 'chart' });
  const title = String(spec.options.title ?? '');
  svg.appendChild(el('title', {}, title || `${spec.type} chart`));
  svg.appendChild(el('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff', stroke: '#dadce0' }));
  if (title) svg.appendChild(el('text', { x: 12, y: 22, 'font-size': 14, 'font-weight': 500 }, title));
  const data = seriesOf(spec);
  if (spec.type.toUpperCase() === 'PIE') renderPie(svg, data);
  else renderAxes(svg, spec, data);
  return svg;
}
