/**
 * Ad report rows → AdRows: the reader parse-export hands an Ads Manager or GMV Max sheet to once
 * its header is found. The header is checked first (a report without a spend, revenue or day
 * column is refused, naming what it found and what it expected); then each row is read into an
 * AdRow or a Problem naming its row and column.
 */
import { adFieldLabel, adFieldOf, adFieldSpellings, type AdField } from './ads-catalog';
import { cellText, idText } from '../cell-text';
import { centsOfCell, countOf, dayReader, idProblem, MAX_TEXT, tooLong, type DayRead } from './ad-cells';
import {
  adLevelOf,
  adRowKey,
  AdRowIndex,
  AD_LEVELS,
  AD_MONEY,
  type AD_FIGURES,
  sameFigures,
  type AdFigure,
  type AdLevel,
  type AdReport,
  type AdRow,
  type AdRowFields,
  type ParsedAds,
} from './ad-rows';
import { lookupColumn } from './catalog';
import { DateOrderWatch } from './date-order';
import type { DayOrder } from '../dates';
import { moneyProblem } from '../money';
import type { CellValue, Problem } from '../types';
import { ADS_FIGURE_LABELS, ADS_HEADER, ADS_TAB } from '../ledger/ads-format';
import { AMOUNTS_READ_AS_0, lostColumnsMessage, missingColumns } from '../ledger/ledger-columns';
import { lostKeyText } from '../ledger/lost-key';

const USD_ONLY = 'TTS Profit reads ad accounts that report in US dollars (USD) only.';

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
  /** Rows handed on instead of kept (a formula sums them): no AdRow is made. */
  stream?: AdRowStream;
  /** How a first reading found the day column writes slash dates (the file is being read again). */
  dayOrders?: Readonly<Record<string, DayOrder>>;
}

export interface AdRowStream {
  /** Each row read (none is kept: `result()` has no rows and sums none); the row is refilled for the next one. */
  onRow: (row: AdRowFields) => void;
  /** The cells of a row pushed earlier, by its number: a repeated row is compared with the row it repeats. */
  rowAt: (rowNumber: number) => readonly CellValue[];
}

export interface AdsReader {
  /** Reads one row; returns the row kept, or null (blank, a Total row, a repeat, a reported problem, or handed to `onRow`). */
  push(cells: readonly CellValue[], rowNumber: number): AdRow | null;
  readonly problems: Problem[];
  /** Which way the day column writes slash dates, as its values showed. */
  readonly dayOrder: DateOrderWatch;
  /** Rows skipped for a problem, every one (problems keeps the first 1,000 messages). */
  readonly rejectedRows: number;
  readonly unknownColumns: string[];
  /** First and last day read, `YYYY-MM-DD` ('' when none). */
  readonly period: { first: string; last: string };
  result(): ParsedAds;
}

export type AdsHeader = { ok: true; reader: AdsReader } | { ok: false; message: string };

/** Whether a cell of the TTS Ads tab's Report column names a report the add-on writes. */
const isAdReport = (text: string): text is AdReport => text === 'ads-manager' || text === 'gmv-max';

const REPORT_NAMES: Record<AdReport, string> = {
  'ads-manager': 'TikTok Ads Manager report',
  'gmv-max': 'GMV Max report',
};
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
const MONEY_FIELDS = AD_MONEY as ReadonlySet<AdField>;
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
          message: `${options.where}: the column *${name}* is in ${suffix[2]}. ${USD_ONLY}`,
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
  // The TTS Ads tab (it has a Key column) with a money column renamed or deleted: its rows would read as no spend.
  const lost = taken.has('key')
    ? missingColumns(
        options.header,
        [...AD_MONEY].map((f) => ADS_FIGURE_LABELS[f]),
      )
    : [];
  if (lost.length > 0) return { ok: false, message: lostColumnsMessage(ADS_TAB, lost, AMOUNTS_READ_AS_0) };
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

/** How a mapped column's cell is read (see Reader.readCell). */
const enum Kind {
  Money,
  Count,
  Day,
  SourceRow,
  Text,
}

interface Column {
  index: number;
  name: string;
  field: AdField;
}

/** A mapped column and how its cells are read. */
interface ReadColumn extends Column {
  kind: Kind;
  /** Its field's place in FIELDS (-1: not a field of the row). */
  slot: number;
  /** An ID column: a spreadsheet may have rounded it; a leading `'` is dropped. */
  id: boolean;
}

/** A row's fields in an AdRow's order, as Draft.fill sets them: each cell read is kept at its field's place. */
type Fields = [
  'report',
  'level',
  'day',
  'clock',
  'account',
  'campaign',
  'campaignId',
  'adGroup',
  'adGroupId',
  'ad',
  'adId',
  'productId',
  'productName',
  'skuId',
  ...typeof AD_FIGURES,
];
type ValuesOf<T extends readonly unknown[]> = { [I in keyof T]: AdRowFields[T[I] & keyof AdRowFields] };
type Values = ValuesOf<Fields>;

/**
 * The row being read, refilled for every row: kept rows become AdRows (its fields, in an AdRow's
 * order, spread into one), streamed ones are handed on as they are.
 */
class Draft implements AdRowFields {
  report!: AdReport;
  level!: AdLevel;
  day!: string;
  clock!: string;
  account!: string;
  campaign!: string;
  campaignId!: string;
  adGroup!: string;
  adGroupId!: string;
  ad!: string;
  adId!: string;
  productId!: string;
  productName!: string;
  skuId!: string;
  cost!: number | null;
  netCost!: number | null;
  revenue!: number | null;
  orders!: number | null;
  impressions!: number | null;
  clicks!: number | null;

  /**
   * The fields from the values read, each by name (a store through a field's name in a variable is
   * several times slower), in an AdRow's order: the order they are made in on the first row.
   */
  fill(v: Values): this {
    this.report = v[0];
    this.level = v[1];
    this.day = v[2];
    this.clock = v[3];
    this.account = v[4];
    this.campaign = v[5];
    this.campaignId = v[6];
    this.adGroup = v[7];
    this.adGroupId = v[8];
    this.ad = v[9];
    this.adId = v[10];
    this.productId = v[11];
    this.productName = v[12];
    this.skuId = v[13];
    this.cost = v[14];
    this.netCost = v[15];
    this.revenue = v[16];
    this.orders = v[17];
    this.impressions = v[18];
    this.clicks = v[19];
    return this;
  }
}

/** Each field's place among a row's values: the order Draft.fill sets them in. */
const FIELDS = Object.keys(new Draft().fill([] as unknown as Values));

/** A row's cells of the TTS Ads tab's own columns: Level, Source file and Source row. */
interface TabCells {
  level: string;
  file: string;
  row: number;
}

class Reader implements AdsReader {
  readonly problems: Problem[] = [];
  rejectedRows = 0;
  private lastRejected = 0;
  readonly dayOrder: DateOrderWatch;
  /** The row being read, for the day column's order. */
  private rowNumber = 0;
  readonly period = { first: '', last: '' };
  private readonly rows: AdRow[] = [];
  /** Where the row of each key is: a kept row's index, or a streamed row's number. */
  private readonly byKey = new AdRowIndex();
  private repeatedRows = 0;
  private totalRows = 0;
  private keylessRows = 0;
  /** The Key column (the TTS Ads tab's). */
  private readonly keyColumn?: Column;
  /** The Report and Source file columns (−1 when absent): a row the add-on wrote fills both. */
  private readonly writtenBy: number[];
  private readonly present = new Set<AdField>();
  private readonly columns: readonly ReadColumn[];
  /** The day column's index: a report without one is refused before it is read. */
  private readonly dayIndex: number;
  private readonly readDay: (value: CellValue) => DayRead;
  /** The columns a totals row writes its label in: the day and the names. */
  private readonly labelColumns: readonly Column[];
  private readonly draft = new Draft();
  /** A row's values before its cells are read: no names, no figures (a blank figure stays null, not reported; TikTok writes `-` or 0 for none). */
  private readonly blank: Values;
  private readonly values: Values;
  private readonly tab: TabCells = { level: '', file: '', row: 0 };
  private ok = true;

  constructor(
    private readonly options: AdsReaderOptions,
    columns: readonly Column[],
    readonly unknownColumns: string[],
    private readonly kept: readonly Column[],
  ) {
    for (const c of columns) this.present.add(c.field);
    this.keyColumn = columns.find((c) => c.field === 'key');
    this.writtenBy = (['report', 'sourceFile'] as const).map(
      (f) => columns.find((c) => c.field === f)?.index ?? -1,
    );
    const day = columns.find((c) => c.field === 'day')!;
    this.dayIndex = day.index;
    this.labelColumns = columns.filter((c) => TOTAL_LABEL_FIELDS.has(c.field));
    this.dayOrder = new DateOrderWatch(day.name, options.dayOrders?.[day.name]);
    this.readDay = dayReader(options.dateText, (text) => this.dayOrder.orderFor(text, this.rowNumber));
    // The Key is the tab's own: only whether it is blank is read (see push).
    this.columns = columns.filter((c) => c.field !== 'key').map(readColumn);
    this.blank = [
      options.report,
      'account',
      '',
      options.clock || '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      null,
      null,
      null,
      null,
      null,
      null,
    ];
    this.values = [...this.blank];
  }

  private report(row: number, column: string | undefined, message: string): void {
    // Every problem skips its row; a row with several is one row.
    if (row !== this.lastRejected) this.rejectedRows++;
    this.lastRejected = row;
    if (this.problems.length >= MAX_PROBLEMS) return;
    const problem: Problem = { file: this.options.fileName, row, message };
    if (this.options.sheet !== undefined) problem.sheet = this.options.sheet;
    if (column !== undefined) problem.column = column;
    this.problems.push(problem);
  }

  private fail(rowNumber: number, column: Column, message: string): void {
    this.report(rowNumber, column.name, `Row ${rowNumber}, column *${column.name}*: ${message}`);
    this.ok = false;
  }

  /** Whether the add-on wrote the row: an ad report's name in Report, and a Source file. */
  private wrote(cells: readonly CellValue[]): boolean {
    const [report, source] = this.writtenBy;
    return (
      report >= 0 && source >= 0 && isAdReport(cellText(cells[report])) && cellText(cells[source]) !== ''
    );
  }

  push(cells: readonly CellValue[], rowNumber: number): AdRow | null {
    if (isBlank(cells)) return null;
    this.rowNumber = rowNumber;
    // A row of the TTS Ads tab without a Key (a note, a total, a cost typed in) is the seller's: skipped, and counted.
    if (this.keyColumn && cellText(cells[this.keyColumn.index]) === '') {
      // A row the add-on wrote (its Report and Source file are there) lost its Key: refused, not skipped,
      // or its spend would drop out of every figure.
      if (this.wrote(cells)) this.report(rowNumber, 'Key', `Row ${rowNumber}: ${lostKeyText('', 'report')}`);
      else this.keylessRows++;
      return null;
    }
    const day = cells[this.dayIndex];
    if (this.isTotalRow(cells, this.readDay(day))) {
      this.totalRows++;
      return null;
    }
    const row = this.read(cells, rowNumber, this.draft);
    if (row === null) return null;
    row.level =
      this.tab.level && (AD_LEVELS as readonly string[]).includes(this.tab.level)
        ? (this.tab.level as AdLevel)
        : adLevelOf(row);
    const stream = this.options.stream;
    const earlier = this.byKey.firstAt(row, stream ? rowNumber : this.rows.length);
    if (earlier >= 0) {
      this.repeated(this.earlierRow(earlier), row, rowNumber);
      return null;
    }
    this.count(row);
    if (stream) {
      stream.onRow(row);
      return null;
    }
    const kept = this.adRow(row, cells, adRowKey(row));
    this.rows.push(kept);
    return kept;
  }

  /**
   * The row a repeat repeats, from where `push` remembered it: a kept row's index, or a streamed
   * row's number, whose cells are read again (they were read without a problem the first time).
   */
  private earlierRow(at: number): Pick<AdRow, AdFigure> & { sourceRow: number } {
    const stream = this.options.stream;
    // Read again into a draft of its own; its Source row (the tab's, else its number) is then in `tab`.
    if (stream) return { ...this.read(stream.rowAt(at), at, new Draft())!, sourceRow: this.tab.row };
    const kept = this.rows[at];
    return { ...kept, sourceRow: kept.source.row };
  }

  /** A second row of a day and key: the same figures once more are counted, other figures are a problem. */
  private repeated(
    earlier: Pick<AdRow, AdFigure> & { sourceRow: number },
    row: Draft,
    rowNumber: number,
  ): void {
    if (sameFigures(earlier, row)) {
      this.repeatedRows++;
      return;
    }
    this.report(
      rowNumber,
      undefined,
      `Row ${rowNumber} has the same day, campaign and ${row.level} as row ` +
        `${earlier.sourceRow} but other figures; the row was skipped. Add the ID columns (Campaign ` +
        `ID, Ad group ID, Ad ID or Product ID) to the report, or remove extra ` +
        `breakdowns, and export it again.`,
    );
  }

  /** A row kept: the period it widens. */
  private count(row: Draft): void {
    if (this.period.first === '' || row.day < this.period.first) this.period.first = row.day;
    if (row.day > this.period.last) this.period.last = row.day;
  }

  /**
   * A report's totals row (`Total`, `Total of 12 results`, `Grand total`): a dimension cell says
   * so and the day cell holds no single day (blank, `-`, or the report's date range). A campaign
   * named "Total Body Leggings" on a dated row is data. So is a row with figures and no label at
   * all, as a seller's =SUM under the Cost column makes.
   */
  private isTotalRow(cells: readonly CellValue[], dayRead: DayRead): boolean {
    if (dayRead.single) return false;
    let labelled = false;
    for (const c of this.labelColumns) {
      const text = cellText(cells[c.index]);
      if (TOTAL_ROW.test(text)) return true;
      labelled ||= text !== '';
    }
    return !labelled;
  }

  /** One data row into the draft, or null (reported) when a cell cannot be read or the row is not the add-on's. */
  private read(cells: readonly CellValue[], rowNumber: number, row: Draft): Draft | null {
    const values = this.values;
    for (let i = 0; i < values.length; i++) values[i] = this.blank[i];
    const tab = this.tab;
    tab.level = '';
    tab.file = this.options.fileName;
    tab.row = rowNumber;
    this.ok = true;
    for (let i = 0; i < this.columns.length; i++) this.readCell(values, this.columns[i], cells, rowNumber);
    for (const column of this.kept) {
      const text = cellText(cells[column.index]);
      if (text.length > MAX_TEXT) {
        this.report(rowNumber, column.name, `Row ${rowNumber}, column *${column.name}*: ${tooLong(text)}`);
        return null;
      }
    }
    return this.ok ? row.fill(values) : null;
  }

  private readCell(values: Values, column: ReadColumn, cells: readonly CellValue[], rowNumber: number): void {
    const value = cells[column.index];
    const row: unknown[] = values;
    switch (column.kind) {
      case Kind.Money: {
        const cents = centsOfCell(value);
        if (cents === null) return;
        if (Number.isNaN(cents)) this.fail(rowNumber, column, moneyProblem(value));
        else row[column.slot] = cents;
        return;
      }
      case Kind.Count: {
        // A number is read as it is; text is trimmed first, and blank text leaves the figure null.
        const text = typeof value === 'number' ? '-' : cellText(value);
        if (text === '') return;
        const n = countOf(value, text);
        if (n === null) this.fail(rowNumber, column, `expected a whole number, found \`${cellText(value)}\``);
        else row[column.slot] = n;
        return;
      }
      case Kind.Day: {
        const read = this.readDay(value);
        if (read.problem) this.fail(rowNumber, column, read.problem);
        else row[column.slot] = read.day;
        return;
      }
      case Kind.SourceRow: {
        const n = countOf(value, cellText(value));
        if (n !== null) this.tab.row = n;
        return;
      }
      case Kind.Text: {
        let text = cellText(value);
        if (column.id) {
          text = idText(text);
          const problem = idProblem(value, text);
          if (problem) return this.fail(rowNumber, column, problem);
        }
        if (text.length > MAX_TEXT) this.fail(rowNumber, column, tooLong(text));
        else this.setText(row, column, text, rowNumber);
      }
    }
  }

  private setText(row: unknown[], column: ReadColumn, t: string, rowNumber: number): void {
    const field = column.field as TextField;
    if (field === 'currency') {
      if (t !== '' && t.toUpperCase() !== 'USD')
        this.fail(rowNumber, column, `the ad account reports in ${t}. ${USD_ONLY}`);
    } else if (field === 'report') {
      if (isAdReport(t)) row[column.slot] = t;
      else this.fail(rowNumber, column, `expected ads-manager or gmv-max, found \`${t}\``);
    } else if (field === 'level') this.tab.level = t;
    else if (field === 'sourceFile') this.tab.file = t;
    else row[column.slot] = t;
  }

  /** The draft as an AdRow of its own, with the report's unknown columns and where it came from. */
  private adRow(row: Draft, cells: readonly CellValue[], key: string): AdRow {
    const extra: Record<string, string> = {};
    for (const column of this.kept) {
      const text = cellText(cells[column.index]);
      if (text !== '') extra[column.name] = text;
    }
    const adRow: AdRow = { key, ...row, extra, source: { file: this.tab.file, row: this.tab.row } };
    if (this.options.sheet !== undefined) adRow.source.sheet = this.options.sheet;
    return adRow;
  }

  result(): ParsedAds {
    const sum = (f: 'cost' | 'netCost' | 'revenue' | 'orders'): number | null =>
      this.present.has(f) ? this.rows.reduce((s, r) => s + (r[f] || 0), 0) : null;
    return {
      rows: this.rows,
      repeatedRows: this.repeatedRows,
      totalRows: this.totalRows,
      keylessRows: this.keylessRows,
      totals: { cost: sum('cost'), netCost: sum('netCost'), revenue: sum('revenue'), orders: sum('orders') },
    };
  }
}

/** Whether every cell is blank (a loop: a callback here is made anew for every row). */
function isBlank(cells: readonly CellValue[]): boolean {
  for (const cell of cells) if (cellText(cell) !== '') return false;
  return true;
}

function readColumn(column: Column): ReadColumn {
  const f = column.field;
  const kind = MONEY_FIELDS.has(f)
    ? Kind.Money
    : COUNT_FIELDS.has(f)
      ? Kind.Count
      : f === 'day'
        ? Kind.Day
        : f === 'sourceRow'
          ? Kind.SourceRow
          : Kind.Text;
  return { ...column, kind, slot: FIELDS.indexOf(f), id: ID_FIELDS.has(f) };
}
