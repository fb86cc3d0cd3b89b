/**
 * A small SVG renderer for the chart specs the emulator records (column, bar, line, area, combo,
 * stepped area, pie). Playground only: the add-on's charts are drawn by Sheets itself.
 */
import type { ChartSpec } from '../emulator/charts';

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24'];
const W = 520;
const H = 280;
const PAD = { left: 64, right: 16, top: 36, bottom: 48 };

export interface SeriesData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
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
    columns = Array.from({ length: rows }, (_, r) => ({ values: columns.map((c) => c.values[r]), shown: columns.map((c) => c.shown[r]) }));
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
  const base = type === 'COMBO' ? String(spec.options.seriesType ?? 'bars') : type === 'LINE' ? 'line' : type === 'AREA' || type === 'STEPPED_AREA' ? 'area' : 'bars';
  const perSeries = (spec.options.series ?? {}) as Record<string, { type?: string }>;
  return Array.from({ length: count }, (_, i) => perSeries[i]?.type ?? perSeries[String(i)]?.type ?? base);
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((n) => n >= v) ?? v;
}

function shortNumber(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${(n / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`;
  if (a >= 1e3) return `${(n / 1e3).toFixed(a >= 1e4 ? 0 : 1)}K`;
  return String(Math.round(n * 100) / 100);
}

function renderPie(svg: SVGSVGElement, data: SeriesData): void {
  const values = (data.series[0]?.values ?? []).map((v) => Math.max(0, v ?? 0));
  const total = values.reduce((a, b) => a + b, 0);
  const cx = 150, cy = H / 2 + 10, r = 100;
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    if (total === 0 || v === 0) return;
    const sweep = (v / total) * Math.PI * 2;
    const x1 = cx + r * Math.cos(angle), y1 = cy + r * Math.sin(angle);
    angle += sweep;
    const x2 = cx + r * Math.cos(angle), y2 = cy + r * Math.sin(angle);
    const d = sweep >= Math.PI * 2 - 1e-9
      ? `M ${cx - r} ${cy} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0`
      : `M ${cx} ${cy} L ${x1} ${y1} A ${r} ${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2} ${y2} Z`;
    svg.appendChild(el('path', { d, fill: COLORS[i % COLORS.length] }));
    const ly = PAD.top + i * 18;
    svg.appendChild(el('rect', { x: 290, y: ly, width: 10, height: 10, fill: COLORS[i % COLORS.length] }));
    svg.appendChild(el('text', { x: 306, y: ly + 9, 'font-size': 11 }, `${data.categories[i]} (${Math.round((v / total) * 100)}%)`));
  });
}

function renderAxes(svg: SVGSVGElement, spec: ChartSpec, data: SeriesData): void {
  const kinds = seriesKinds(spec, data.series.length);
  const all = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = niceMax(Math.max(0, ...all));
  const min = Math.min(0, ...all) < 0 ? -niceMax(-Math.min(0, ...all)) : 0;
  const plotW = W - PAD.left - PAD.right, plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - ((v - min) / (max - min)) * plotH;
  const n = Math.max(1, data.categories.length);
  const band = plotW / n;
  const x = (i: number) => PAD.left + band * (i + 0.5);

  for (let t = 0; t <= 4; t++) {
    const v = min + ((max - min) * t) / 4;
    svg.appendChild(el('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), stroke: '#e0e0e0' }));
    svg.appendChild(el('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#5f6368' }, shortNumber(v)));
  }
  const every = Math.ceil(n / 12);
  data.categories.forEach((c, i) => {
    if (i % every === 0) svg.appendChild(el('text', { x: x(i), y: H - PAD.bottom + 14, 'text-anchor': 'middle', 'font-size': 10, fill: '#5f6368' }, c.length > 10 ? c.slice(0, 10) : c));
  });

  const bars = data.series.map((_, i) => i).filter((i) => kinds[i] === 'bars');
  const barW = (band * 0.7) / Math.max(1, bars.length);
  data.series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    if (kinds[i] === 'bars') {
      const slot = bars.indexOf(i);
      s.values.forEach((v, j) => {
        if (v === null) return;
        const top = y(Math.max(0, v)), bottom = y(Math.min(0, v));
        svg.appendChild(el('rect', { x: x(j) - (band * 0.35) + slot * barW, y: top, width: Math.max(1, barW - 1), height: Math.max(0.5, bottom - top), fill: color }));
      });
      return;
    }
    const points = s.values.map((v, j) => (v === null ? null : `${x(j)},${y(v)}`)).filter((p): p is string => p !== null);
    if (points.length === 0) return;
    if (kinds[i] === 'area') {
      svg.appendChild(el('polygon', { points: `${x(0)},${y(0)} ${points.join(' ')} ${x(s.values.length - 1)},${y(0)}`, fill: color, 'fill-opacity': 0.3 }));
    }
    svg.appendChild(el('polyline', { points: points.join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
  });
  // Legend: one row, each entry as wide as the chart allows, names shortened to fit.
  const slot = Math.min(130, (W - 24) / Math.max(1, data.series.length));
  const maxChars = Math.max(3, Math.floor((slot - 18) / 6));
  data.series.forEach((s, i) => {
    const lx = 12 + i * slot;
    svg.appendChild(el('rect', { x: lx, y: H - 16, width: 10, height: 10, fill: COLORS[i % COLORS.length] }));
    svg.appendChild(el('text', { x: lx + 14, y: H - 7, 'font-size': 11 }, s.name.length > maxChars ? `${s.name.slice(0, maxChars - 1)}…` : s.name));
  });
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
