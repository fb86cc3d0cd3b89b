/**
 * Ad report rows → AdRows: the reader parse-export hands an Ads Manager or GMV Max sheet to once
 * its header is found. The header is checked first (a report without a spend, revenue or day
 * column is refused, naming what it found and what it expected); then each row is read into an
 * AdRow or a Problem naming its row and column.
 */
import { adFieldLabel, adFieldOf, adFieldSpellings, type AdField } from './ads-catalog';
import {
  adLevelOf,
  adRowKey,
  AD_LEVELS,
  sameFigures,
  type AdLevel,
  type AdReport,
  type AdRow,
  type ParsedAds,
} from './ad-rows';
import { lookupColumn } from './catalog';
import { parseDateOrNull } from '../dates';
import { moneyProblem, parseCentsOrNaN } from '../money';
import type { CellValue, Problem } from '../types';
import { ADS_HEADER } from '../ledger/ads-format';

export interface AdsReaderOptions {
  fileName: string;
  sheet?: string;
  /** `file` or `file, sheet S`, for file-level messages. */
  where: string;
  report: AdReport;
  header: readonly string[];
  /** 1-based row of the header. */
  headerRow: number;
  /** Date cells → ISO text (a sheet range: the spreadsheet's zone). */
  dateText?: (date: Date) => string;
  /** The ad account's clock for rows that do not carry one, e.g. `UTC-07:00`. */
  clock?: string;
}

export interface AdsReader {
  /** Reads one row; returns the row kept, or null (blank, a Total row, a repeat or a reported problem). */
  push(cells: readonly CellValue[], rowNumber: number): AdRow | null;
  readonly problems: Problem[];
  readonly unknownColumns: string[];
  /** First and last day read, `YYYY-MM-DD` ('' when none). */
  readonly period: { first: string; last: string };
  result(): ParsedAds;
}

export type AdsHeader = { ok: true; reader: AdsReader } | { ok: false; message: string };

const REPORT_NAMES: Record<AdReport, string> = {
  'ads-manager': 'TikTok Ads Manager report',
  'gmv-max': 'GMV Max report',
};
const MAX_TEXT = 500;
const MAX_PROBLEMS = 1000;
const TOTAL_ROW = /^(grand )?total\b/i;
/** The TTS Ads tab's own columns: read back as the add-on's, never kept as a report's unknown column. */
const ADS_TAB_LABELS: ReadonlySet<string> = new Set(ADS_HEADER);
/** `Cost (THB)`: a metric header carrying its currency. */
const CURRENCY_SUFFIX = /^(.*\S)\s*\(([A-Z]{3})\)$/;

type TextField = Exclude<
  AdField,
  'cost' | 'netCost' | 'revenue' | 'orders' | 'impressions' | 'clicks' | 'derived'
>;
type NameField =
  | 'account'
  | 'campaign'
  | 'campaignId'
  | 'adGroup'
  | 'adGroupId'
  | 'ad'
  | 'adId'
  | 'productId'
  | 'productName'
  | 'skuId';
const MONEY_FIELDS = new Set<AdField>(['cost', 'netCost', 'revenue']);
const COUNT_FIELDS = new Set<AdField>(['orders', 'impressions', 'clicks']);
const TOTAL_LABEL_FIELDS = new Set<AdField>([
  'day',
  'account',
  'campaign',
  'campaignId',
  'adGroup',
  'ad',
  'productName',
  'productId',
]);
const ID_FIELDS = new Set<AdField>(['campaignId', 'adGroupId', 'adId', 'productId', 'skuId']);

interface Column {
  index: number;
  name: string;
  field: AdField;
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return (typeof value === 'string' ? value : String(value)).trim();
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}

/** Maps the header; refuses a header without a day, spend or revenue column, or in another currency. */
export function createAdsReader(options: AdsReaderOptions): AdsHeader {
  const columns: Column[] = [];
  const unknownColumns: string[] = [];
  // Unknown columns are kept on each row (AdRow.extra), by header; the add-on's own tab labels are not the report's.
  const kept: Column[] = [];
  const keep = (index: number, name: string): void => {
    unknownColumns.push(name);
    if (!ADS_TAB_LABELS.has(name)) kept.push({ index, name, field: 'derived' });
  };
  const taken = new Set<AdField>();
  const found: string[] = [];
  for (let index = 0; index < options.header.length; index++) {
    const name = cellText(options.header[index]);
    if (name === '') continue;
    found.push(name);
    let def = lookupColumn(name);
    const suffix = def ? null : CURRENCY_SUFFIX.exec(name);
    if (suffix) {
      def = lookupColumn(suffix[1]);
      const field = def && adFieldOf(def);
      if (field && MONEY_FIELDS.has(field) && suffix[2] !== 'USD') {
        return {
          ok: false,
          message: `${options.where}: the column *${name}* is in ${suffix[2]}. TTS Profit reads ad accounts that report in US dollars (USD) only.`,
        };
      }
    }
    const field = def && adFieldOf(def);
    if (!field || field === 'derived') {
      if (!field) keep(index, name);
      continue;
    }
    if (taken.has(field)) {
      keep(index, name);
      continue;
    }
    taken.add(field);
    columns.push({ index, name, field });
  }
  const refusal = headerRefusal(options, taken, found);
  if (refusal) return { ok: false, message: refusal };
  return { ok: true, reader: new Reader(options, columns, unknownColumns, kept) };
}

function headerRefusal(
  options: AdsReaderOptions,
  taken: ReadonlySet<AdField>,
  found: readonly string[],
): string {
  const kind = REPORT_NAMES[options.report];
  const at = `${options.where}: the header on row ${options.headerRow} looks like a ${kind}`;
  const missing: string[] = [];
  if (!taken.has('cost') && !taken.has('netCost'))
    missing.push(
      `a spend column (${[...adFieldSpellings('cost').slice(0, 3), adFieldLabel('netCost')].join(', ')})`,
    );
  if (!taken.has('revenue'))
    missing.push(`a revenue column (${adFieldSpellings('revenue').slice(0, 2).join(', ')})`);
  if (missing.length > 0) {
    const which =
      missing.length === 2
        ? 'spend and revenue columns were'
        : missing[0].startsWith('a spend')
          ? 'spend column was'
          : 'revenue column was';
    const revenueMetric = options.report === 'gmv-max' ? 'Gross revenue' : adFieldLabel('revenue');
    return (
      `${at}, but its ${which} not recognised. ` +
      `Found: ${quoted(found)}. Expected ${missing.join(' and ')}. ` +
      `Add the metrics ${adFieldLabel('cost')} and ${revenueMetric} to the report (English headers) ` +
      'and export it again.'
    );
  }
  if (!taken.has('day')) {
    return (
      `${at}, but it has no day column (${adFieldSpellings('day').slice(0, 2).join(', ')}). Found: ${quoted(found)}. ` +
      'TTS Profit keeps ad spend by day: choose the time breakdown By Day and export the report again.'
    );
  }
  return '';
}

class Reader implements AdsReader {
  readonly problems: Problem[] = [];
  readonly period = { first: '', last: '' };
  private readonly rows: AdRow[] = [];
  private readonly byKey = new Map<string, number>();
  private repeatedRows = 0;
  private totalRows = 0;
  private readonly hasKeyColumn: boolean;
  private readonly present = new Set<AdField>();
  private readonly dayColumn: Column | undefined;
  /** The columns a totals row writes its label in: the day and the names. */
  private readonly dimensions: readonly Column[];

  constructor(
    private readonly options: AdsReaderOptions,
    private readonly columns: readonly Column[],
    readonly unknownColumns: string[],
    private readonly kept: readonly Column[],
  ) {
    for (const c of columns) this.present.add(c.field);
    this.hasKeyColumn = this.present.has('key');
    this.dayColumn = columns.find((c) => c.field === 'day');
    this.dimensions = columns.filter((c) => TOTAL_LABEL_FIELDS.has(c.field));
  }

  private report(row: number, column: string | undefined, message: string): void {
    if (this.problems.length >= MAX_PROBLEMS) return;
    const problem: Problem = { file: this.options.fileName, row, message };
    if (this.options.sheet !== undefined) problem.sheet = this.options.sheet;
    if (column !== undefined) problem.column = column;
    this.problems.push(problem);
  }

  push(cells: readonly CellValue[], rowNumber: number): AdRow | null {
    const first = cells.find((c) => cellText(c) !== '');
    if (first === undefined) return null;
    if (this.isTotalRow(cells)) {
      this.totalRows++;
      return null;
    }
    const row = this.read(cells, rowNumber);
    if (row === null) return null;
    const earlier = this.byKey.get(row.key);
    if (earlier !== undefined) {
      const other = this.rows[earlier];
      if (sameFigures(other, row)) this.repeatedRows++;
      else
        this.report(
          rowNumber,
          undefined,
          `Row ${rowNumber} has the same day, campaign and ${row.level} as row ` +
            `${other.source.row} but other figures; the row was skipped. Add the ID columns (Campaign ` +
            `ID, Ad group ID, Ad ID or Product ID) to the report, or remove extra ` +
            `breakdowns, and export it again.`,
        );
      return null;
    }
    this.byKey.set(row.key, this.rows.length);
    this.rows.push(row);
    if (this.period.first === '' || row.day < this.period.first) this.period.first = row.day;
    if (row.day > this.period.last) this.period.last = row.day;
    return row;
  }

  /**
   * A report's totals row (`Total`, `Total of 12 results`, `Grand total`): a dimension cell says
   * so and the day cell holds no single day (blank, `-`, or the report's date range). A campaign
   * named "Total Body Leggings" on a dated row is data.
   */
  private isTotalRow(cells: readonly CellValue[]): boolean {
    const day = this.dayColumn;
    const value = day === undefined ? undefined : cells[day.index];
    if (value instanceof Date) return false;
    const iso = parseDateOrNull(cellText(value));
    if (iso !== null && iso !== '') return false;
    return this.dimensions.some((c) => TOTAL_ROW.test(cellText(cells[c.index])));
  }

  /** One data row → an AdRow, or null (reported) when a cell cannot be read. */
  private read(cells: readonly CellValue[], rowNumber: number): AdRow | null {
    const row: AdRow = {
      key: '',
      report: this.options.report,
      level: 'account',
      day: '',
      clock: this.options.clock ?? '',
      account: '',
      campaign: '',
      campaignId: '',
      adGroup: '',
      adGroupId: '',
      ad: '',
      adId: '',
      productId: '',
      productName: '',
      skuId: '',
      // A blank figure stays null (not reported); TikTok writes `-` or 0 for none.
      cost: null,
      netCost: null,
      revenue: null,
      orders: null,
      impressions: null,
      clicks: null,
      extra: {},
      source: { file: this.options.fileName, row: rowNumber },
    };
    if (this.options.sheet !== undefined) row.source.sheet = this.options.sheet;
    let key = '';
    let level: AdLevel | undefined;
    let ok = true;
    for (const column of this.columns) {
      const value = cells[column.index];
      const text = cellText(value);
      const fail = (message: string): void => {
        this.report(rowNumber, column.name, `Row ${rowNumber}, column *${column.name}*: ${message}`);
        ok = false;
      };
      const f = column.field;
      if (text === '' && (MONEY_FIELDS.has(f) || COUNT_FIELDS.has(f))) continue;
      if (MONEY_FIELDS.has(f)) {
        const cents = text === '--' ? 0 : parseCentsOrNaN(typeof value === 'string' ? text : value);
        if (Number.isNaN(cents)) fail(moneyProblem(value));
        else row[f as 'cost'] = cents;
      } else if (COUNT_FIELDS.has(f)) {
        const n = countOf(value, text);
        if (n === null) fail(`expected a whole number, found \`${text}\``);
        else row[f as 'orders'] = n;
      } else if (f === 'day') {
        const raw =
          typeof value === 'object' &&
          value !== null &&
          this.options.dateText &&
          Object.prototype.toString.call(value) === '[object Date]'
            ? this.options.dateText(value as Date)
            : value;
        const iso = parseDateOrNull(raw);
        if (iso === null || iso === '')
          fail(
            iso === ''
              ? 'no day; every row of an ad report needs its day.'
              : `expected a day such as 2026-05-01, found \`${text}\``,
          );
        else row.day = iso.slice(0, 10);
      } else if (f === 'sourceRow') {
        const n = countOf(value, text);
        if (n !== null) row.source.row = n;
      } else {
        const field = f as TextField;
        let t = text;
        if (ID_FIELDS.has(field)) {
          const problem = idProblem(value, t);
          if (problem) {
            fail(problem);
            continue;
          }
          if (t.charCodeAt(0) === 39) t = t.slice(1);
        }
        if (t.length > MAX_TEXT) {
          fail(`expected at most ${MAX_TEXT} characters, found ${t.length}.`);
          continue;
        }
        if (field === 'currency') {
          if (t !== '' && t.toUpperCase() !== 'USD')
            fail(
              `the ad account reports in ${t}. TTS Profit reads ad accounts that report in US dollars (USD) only.`,
            );
        } else if (field === 'key') key = t;
        else if (field === 'report') {
          if (t === 'ads-manager' || t === 'gmv-max') row.report = t;
          else fail(`expected ads-manager or gmv-max, found \`${t}\``);
        } else if (field === 'level') {
          if ((AD_LEVELS as readonly string[]).includes(t)) level = t as AdLevel;
        } else if (field === 'sourceFile') row.source.file = t;
        else if (field === 'clock') row.clock = t;
        else row[field as NameField] = t;
      }
    }
    for (const column of this.kept) {
      const text = cellText(cells[column.index]);
      if (text === '') continue;
      if (text.length > MAX_TEXT) {
        this.report(
          rowNumber,
          column.name,
          `Row ${rowNumber}, column *${column.name}*: expected at most ${MAX_TEXT} characters, found ${text.length}.`,
        );
        return null;
      }
      row.extra[column.name] = text;
    }
    if (!ok) return null;
    // A row of the TTS Ads tab without a Key is the seller's own, not the add-on's.
    if (this.hasKeyColumn && key === '') return null;
    row.level = level ?? adLevelOf(row);
    row.key = adRowKey(row);
    return row;
  }

  result(): ParsedAds {
    const sum = (f: 'cost' | 'netCost' | 'revenue' | 'orders'): number | null =>
      this.present.has(f) ? this.rows.reduce((s, r) => s + (r[f] ?? 0), 0) : null;
    return {
      rows: this.rows,
      repeatedRows: this.repeatedRows,
      totalRows: this.totalRows,
      totals: { cost: sum('cost'), netCost: sum('netCost'), revenue: sum('revenue'), orders: sum('orders') },
    };
  }
}

/** `1,234` → 1234; `-` and `--` → 0; null when the cell is not a whole number ≥ 0. */
function countOf(value: CellValue, text: string): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (text === '' || text === '-' || text === '--') return 0;
  const plain = text.replace(/[,\s]/g, '');
  if (!/^\d+$/.test(plain)) return null;
  const n = Number(plain);
  return Number.isSafeInteger(n) ? n : null;
}

/** Why an ID cell cannot be used (a spreadsheet rounded it), or ''. */
function idProblem(value: CellValue, text: string): string {
  const rounded =
    typeof value === 'number' ? !Number.isSafeInteger(value) : /^\d+(\.\d+)?[eE]\+?\d+$/.test(text);
  return rounded
    ? `the ID ${text} lost its last digits (the sheet turned it into a number). Format the column as Plain text and export or paste it again.`
    : '';
}
