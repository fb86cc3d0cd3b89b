/**
 * The dashboard's charts. Each refresh removes the charts the add-on drew last time (their
 * ids are kept in document properties) and draws new ones over the fresh data blocks; charts the
 * seller made, on this tab or any other, are never touched.
 */
import { readStored, writeStored } from '../document-store';

const CHART_IDS_KEY = 'tts.dashboardChartIds';

const BLUE = '#4285f4';
const RED = '#db4437';
const GREEN = '#0f9d58';
const MONEY_AXIS = { format: '$#,##0' };

/** Where the data blocks sit on the tab (1-based rows/columns; each block has a header row). */
export interface ChartBlocks {
  /** Month | Sales | Monthly target | Forecast | Low (80%) | High (80%) | Net profit | Fees paid | High − low (80%). */
  table: { row: number; column: number; rows: number; historyRows: number };
  /** Month | Sales this year | Expected | Annual target, 12 rows. */
  year: { row: number; column: number };
  /** Fee category | Fees paid. */
  fees: { row: number; column: number; rows: number };
  /** Column where the charts start (right of every block). */
  chartColumn: number;
}

export interface ChartTitles {
  monthly: string;
  year: string;
  fees: string;
}

/** Axis tops (dollars) for charts whose target is left off the scale (see core/analysis/chart-scale.ts); null: automatic. */
export interface ChartAxisTops {
  monthly: number | null;
  year: number | null;
}

const moneyAxis = (top: number | null) =>
  top === null ? MONEY_AXIS : { ...MONEY_AXIS, viewWindow: { min: 0, max: top } };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * A chart every dashboard block draws the same way: `ranges` with their header row, Sheets chart
 * `options` (title, series, axes, legend…) and its top-left cell at (`row`, `column`).
 */
export function dashboardChart(
  builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  ranges: readonly Range[],
  options: Record<string, unknown>,
  row: number,
  column: number,
): Chart {
  for (const range of ranges) builder.addRange(range);
  builder.setNumHeaders(1);
  for (const [name, value] of Object.entries(options)) builder.setOption(name, value);
  return builder.setPosition(row, column, 0, 0).build();
}

function storedIds(): Set<number> {
  return readStored(CHART_IDS_KEY, new Set<number>(), (ids) =>
    Array.isArray(ids) ? new Set(ids.filter((id): id is number => typeof id === 'number')) : undefined,
  );
}

/** Removes the charts drawn by the previous refresh; returns the ids of the charts left (the seller's). */
function removeOwnCharts(sheet: Sheet): Set<number> {
  const own = storedIds();
  const left = new Set<number>();
  for (const chart of sheet.getCharts()) {
    const id = chart.getChartId();
    if (id !== null && own.has(id)) sheet.removeChart(chart);
    else if (id !== null) left.add(id);
  }
  return left;
}

/** Column of the 80 % range's width in the monthly table (0-based from its first column). */
const BAND_WIDTH_OFFSET = 8;

/**
 * Sales bars, the target and the forecast as lines, and the 80 % range as a shaded band: Sheets
 * draws no band between two lines, so the low bound is a transparent area and the range's width
 * (high − low) a shaded area stacked on it (`isStacked` stacks areas with areas, never the bars).
 */
function monthlyChart(sheet: Sheet, b: ChartBlocks, title: string, top: number | null): Chart {
  const { row, column, rows } = b.table;
  return dashboardChart(
    sheet.newChart().asComboChart(),
    [sheet.getRange(row, column, rows + 1, 5), sheet.getRange(row, column + BAND_WIDTH_OFFSET, rows + 1, 1)],
    {
      title,
      seriesType: 'bars',
      isStacked: true,
      series: {
        0: { type: 'bars', color: BLUE, labelInLegend: 'Sales' },
        1: { type: 'line', color: RED, lineDashStyle: [6, 4], labelInLegend: 'Monthly target' },
        2: { type: 'line', color: GREEN, lineWidth: 3, pointSize: 4, labelInLegend: 'Forecast' },
        3: { type: 'area', color: GREEN, areaOpacity: 0, lineWidth: 0, visibleInLegend: false },
        4: { type: 'area', color: GREEN, areaOpacity: 0.2, lineWidth: 0, labelInLegend: '80% range' },
      },
      vAxis: moneyAxis(top),
      legend: { position: 'bottom' },
    },
    1,
    b.chartColumn,
  );
}

function yearChart(sheet: Sheet, b: ChartBlocks, title: string, top: number | null): Chart {
  return dashboardChart(
    sheet.newChart().asLineChart(),
    [sheet.getRange(b.year.row, b.year.column, 13, 4)],
    {
      title,
      series: {
        0: { color: BLUE, lineWidth: 3 },
        1: { color: GREEN, lineDashStyle: [6, 4] },
        2: { color: RED, lineDashStyle: [2, 3] },
      },
      vAxis: moneyAxis(top),
      legend: { position: 'bottom' },
    },
    1,
    b.chartColumn + 7,
  );
}

function feesChart(sheet: Sheet, b: ChartBlocks, title: string): Chart {
  return dashboardChart(
    sheet.newChart().asBarChart(),
    [sheet.getRange(b.fees.row, b.fees.column, b.fees.rows + 1, 2)],
    { title, colors: [RED], hAxis: MONEY_AXIS, legend: { position: 'none' } },
    20,
    b.chartColumn,
  );
}

/**
 * Replaces the add-on's charts on `sheet` with new ones: the three above, then those `more` draws
 * (profit, costs, ads: each from its own module); returns how many it drew.
 */
export function drawDashboardCharts(
  sheet: Sheet,
  blocks: ChartBlocks,
  titles: ChartTitles,
  tops: ChartAxisTops = { monthly: null, year: null },
  more: ((sheet: Sheet, chartColumn: number) => Chart | Chart[])[] = [],
): number {
  const sellers = removeOwnCharts(sheet);
  const charts = [
    monthlyChart(sheet, blocks, titles.monthly, tops.monthly),
    yearChart(sheet, blocks, titles.year, tops.year),
    feesChart(sheet, blocks, titles.fees),
    ...more.flatMap((draw) => draw(sheet, blocks.chartColumn)),
  ];
  for (const chart of charts) sheet.insertChart(chart);
  // Ids are read back from the sheet: a built chart only gets its id once inserted.
  const ids: number[] = [];
  for (const chart of sheet.getCharts()) {
    const id = chart.getChartId();
    if (id !== null && !sellers.has(id)) ids.push(id);
  }
  writeStored(CHART_IDS_KEY, ids);
  return charts.length;
}
