/**
 * The typed call contract between the sidebar and the server. Every `google.script.run` target
 * the sidebar may call is listed here with its one argument and its result; the server's handler
 * table is typed against it (src/server/handlers.ts, the table src/server/index.ts exports them
 * from) and so is the sidebar's wrapper (src/sidebar/server-client.ts), so a misspelt handler name
 * is a type error on both sides.
 *
 * Everything here crosses HtmlService's serializer: plain objects, arrays, strings, numbers,
 * booleans, null. Never `Date` (send ISO text) and never `undefined` inside arrays.
 */
import type { AdRename, AdRevision } from './ledger/ads-merge';
import type { AdRow } from './read/ad-rows';
import type { LayoutId, LedgerRow } from './types';
import type { CostChange, CostTableEntry } from './analysis/cost-import';

/** Settings the seller keeps per spreadsheet (document properties). */
export interface Settings {
  /** Monthly sales target in dollars (default 65,000). */
  monthlyTarget: number;
  /** Annual sales target in dollars (default 1,000,000). */
  annualTarget: number;
  /** Which sales figure counts toward the targets. */
  metric: SalesMetric;
}

export type SalesMetric = 'gross' | 'net' | 'settlement';

export const DEFAULT_SETTINGS: Settings = { monthlyTarget: 65_000, annualTarget: 1_000_000, metric: 'gross' };

/** Announces one file before its rows are sent. */
export interface BeginImportRequest {
  fileName: string;
  layout: LayoutId;
  layoutLabel: string;
  period: { first: string; last: string };
  rowsTotal: number;
  /** Rows repeated inside the file and written once, with the settlement they held, in words ('' or absent: none). */
  repeats?: string;
  /** Rows of the file the ledger does not hold yet, as the sidebar counted them (cells are budgeted for these). */
  rowsNew?: number;
  rejected: number;
  settlementCents: number;
  netSalesCents: number;
  feesCents: number;
  /** `OK`, or e.g. `3 rows differ` (shown as is in the TTS Imports tab). */
  reconciliation: string;
  /** Catalog ids of the amount columns that are non-zero in at least one row of the file. */
  amountIds: string[];
  /** Headers of columns the catalog does not know, kept as text columns in the ledger. */
  unknownColumns: string[];
  /** The file's distinct SKU IDs: those TTS COGS lacks are pre-filled, so their rows are budgeted too. */
  skuIds?: string[];
}

export interface BeginImportResult {
  importId: string;
}

/** One chunk of normalized rows (well under 2 MB); sent one at a time. */
export interface ImportChunkRequest {
  importId: string;
  chunkIndex: number;
  rows: LedgerRow[];
}

export interface ImportChunkResult {
  /** Rows of this chunk appended to the ledger. */
  written: number;
  /** Rows of this chunk skipped because their key is already in the ledger (or earlier in the chunk). */
  duplicates: number;
}

export interface FinishImportRequest {
  importId: string;
  status: 'complete' | 'cancelled' | 'failed';
  message?: string;
}

export interface ImportSummary {
  importId: string;
  fileName: string;
  written: number;
  duplicates: number;
  rejected: number;
  status: FinishImportRequest['status'];
  /** New SKUs added to the TTS COGS tab for the seller to fill in. */
  cogsAdded: number;
  /** Ledger rows (estimates, report rows) counted until this import and now superseded by its settled rows. */
  settledEstimates: number;
}

/** Keys of a previewed file, sent before Import (in batches) to learn how many rows the ledger holds already. */
export interface LedgerKeysRequest {
  keys: string[];
  /** Each key's row's own settlement in cents (core/ledger/ledger-repeats.ts): a key held with another is not a repeat. */
  settlements: number[];
}

export interface LedgerKeysResult {
  /** How many of the rows the TTS Ledger tab holds (their key, in the current or an older format, with their settlement). */
  present: number;
  /**
   * How many hold a key the tab holds with another settlement: written as another line of that
   * key (`…#2`), a line split in two or a row TikTok revised, which the preview says.
   */
  another: number;
}

/** What *Refresh dashboard* did, for the sidebar and the menu's toast. */
export interface DashboardResult {
  message: string;
  months: number;
  charts: number;
}

/**
 * How the chance of reaching this month's target was worked out:
 * - `forecast`: the month is under way; the forecast's predictive distribution for the whole month,
 *   scaled to the days still to come (mean × f, variance × f, f = days left / days in month), plus
 *   the month to date. On the first day this is the forecast's own P(month ≥ target).
 * - `target-met`: the month to date already reaches the target (chance 1).
 * - `month-closed`: the last day of the month is in the ledger (chance 1 or 0).
 * - `too-little-history`: fewer than three full months before this one; no chance is given.
 */
export type ChanceBasis = 'forecast' | 'target-met' | 'month-closed' | 'too-little-history';

/**
 * The sidebar's Forecast card. "This month" is the month of the latest dated row in the ledger
 * (statements arrive days after the sales, so today's date would understate the month). Money is
 * integer cents.
 */
export interface ForecastStatus {
  /** false when the ledger holds no dated sales; then only `message`, the targets and the metric are meaningful. */
  hasData: boolean;
  /** Latest date in the ledger, `YYYY-MM-DD` (or ''). */
  asOf: string;
  /** `YYYY-MM` of `asOf`. */
  month: string;
  metric: SalesMetric;
  monthlyTargetCents: number;
  annualTargetCents: number;
  monthToDateCents: number;
  daysElapsed: number;
  daysLeft: number;
  /** This month projected at the pace so far (weekday-weighted with eight weeks of history). */
  paceCents: number;
  /**
   * This month's expected total: the month to date plus the forecast for the days left (the pace
   * without a forecast). The chance, the first month at target and `paceLine` all judge by it.
   */
  expectedMonthCents: number;
  /** Still needed per remaining day to reach the monthly target (0 once met or when the month is over). */
  neededPerDayCents: number;
  /** 0…1, or null when it cannot be worked out (see `chanceBasis`). */
  chanceThisMonth: number | null;
  chanceBasis: ChanceBasis;
  /** First month (this one included) whose expected sales reach the monthly target, or null. */
  firstMonthAtTarget: string | null;
  /** Month the calendar year's sales (actual, then expected) reach the annual target; null if not this year. */
  annualCrossingMonth: string | null;
  yearToDateCents: number;
  /** The calendar year's expected total: the dashboard's expected figure for December. */
  projectedYearCents: number;
  /** The forecasting method in plain words (e.g. `straight-line trend`), or '' without a forecast. */
  method: string;
  /**
   * How the methods did on the seller's past months: mean absolute % error of the method shown and
   * of the by-hand forecasts, each past month forecast up to `horizon` months ahead.
   */
  backtest: {
    origins: number;
    horizon: number;
    modelMape: number | null;
    naiveMape: number | null;
    seasonalNaiveMape: number | null;
  };
  /** False when no method beat "same as last month" (or "same month last year"), which is then shown. */
  beatsNaive: boolean;
  /**
   * This month against the target, judged by `expectedMonthCents`, e.g. `Behind: expected $58,000
   * this month, …`; TTS_THRESHOLD's Status line (see `monthStatus`).
   */
  paceLine: string;
  /** The forecast's summary in plain words, or why there is none (e.g. too little history). */
  forecastMessage: string;
  /** One line for the card's header or the menu's toast. */
  message: string;
}

/** What the TTS Imports tab says about an ad report (sent with each of its chunks). */
export interface AdsImportFile {
  layoutLabel: string;
  /** First and last day, in the ad account's clock. */
  period: { first: string; last: string };
  rowsTotal: number;
  rejected: number;
}

/** One chunk of an ad report's rows for the TTS Ads tab. */
export interface AdsImportRequest {
  fileName: string;
  /** The ad account's UTC offset, e.g. `UTC-07:00`: the clock of the report's days (remembered). */
  clock: string;
  rows: AdRow[];
  /** Keys of revised rows the seller confirmed: they replace the tab's rows of the same key. */
  replace: string[];
  /** Keys of suspected renames the seller says are other campaigns: they are added. */
  add: string[];
  /** The file's TTS Imports row: '' on the first chunk, then the `importId` its result gave. */
  importId: string;
  file: AdsImportFile;
  /** `last` closes the file's TTS Imports row; `cancelled` (no rows) closes it when the seller stopped. */
  end: 'more' | 'last' | 'cancelled';
}

export interface AdsImportResult {
  importId: string;
  written: number;
  duplicates: number;
  replaced: number;
  /** Rows already in TTS Ads whose figures changed: not written until confirmed. */
  revisions: AdRevision[];
  /** New rows matching a row of TTS Ads under another name (a renamed campaign?): not written until confirmed. */
  renames: AdRename[];
}

/** Unit costs read from a cost table the seller dropped (or typed in the sidebar), to add to TTS COGS. */
export interface UnitCostsRequest {
  fileName: string;
  entries: CostTableEntry[];
  /** Replace costs that differ from the tab's for the same SKU and date (the seller saw them first). */
  replaceChanged?: boolean;
}

/** What adding the unit costs does (see core/analysis/cost-import.ts). Costs in ten-thousandths of a dollar. */
export interface UnitCostsPreview {
  fileName: string;
  entries: number;
  /** SKUs listed in TTS COGS whose cost was still blank. */
  fills: number;
  /** New rows: new SKUs and new effective dates. */
  appends: number;
  newSkus: string[];
  changes: CostChange[];
  unchanged: number;
  /** SKUs of the file that no imported statement sold. */
  neverSold: string[];
}

export interface UnitCostsResult extends UnitCostsPreview {
  written: number;
  replaced: number;
  message: string;
}

/** Sold SKUs that have no unit cost yet, for the sidebar to offer filling them in. */
export interface MissingUnitCosts {
  skus: { sku: string; sellerSku: string; productName: string; skuName: string }[];
}

/** The add-on's tabs the sidebar can open for the seller. */
export type AddonTab = 'ledger' | 'imports' | 'cogs' | 'dashboard';

export interface OpenTabResult {
  /** The tab's name, e.g. `TTS Ledger`. */
  name: string;
}

/** Whether the TTS Dashboard tab still shows everything in the ledger. */
export interface DashboardFreshness {
  /** false until the first *Refresh dashboard*. */
  exists: boolean;
  /** true when rows were imported after the last refresh. */
  stale: boolean;
  /** What the dashboard says about itself, e.g. `Out of date: 195 new rows from 1 import since 2026-12-06 14:05 …`. */
  message: string;
}

/** A tab *Insert formula* can read, with the columns it really has. */
export interface FormulaSourceTab {
  name: string;
  lastColumn: number;
  /** The export layout found in the tab's first rows (`US Statement export (2024 CSV)`), or '' if none. */
  layout: string;
}

export interface FormulaSources {
  /** Tabs holding an export (or the TTS Ledger), best first. */
  sources: FormulaSourceTab[];
  /** The TTS COGS tab (its name and width) when it holds something. */
  cogs: { name: string; lastColumn: number } | null;
  /** The selected cell, e.g. `Sheet1!B2`. */
  cell: string;
}

export interface InsertFormulaRequest {
  /** One of FORMULA_CHOICES (src/core/formula-builder.ts). */
  fn: string;
  /** Name of the source tab. */
  source: string;
  /** The seller confirmed replacing what the selected cell holds. */
  overwrite: boolean;
}

export type InsertFormulaResult =
  | { status: 'inserted'; cell: string; formula: string }
  /** The selected cell is not empty: nothing was written; ask before replacing `existing`. */
  | { status: 'confirm'; cell: string; formula: string; existing: string };

/** Every sidebar → server call: name → (argument) => result. */
export interface ServerApi {
  refreshDashboard(arg: null): DashboardResult;
  getForecastStatus(arg: null): ForecastStatus;
  getSettings(arg: null): Settings;
  saveSettings(arg: Settings): Settings;
  beginImport(arg: BeginImportRequest): BeginImportResult;
  importChunk(arg: ImportChunkRequest): ImportChunkResult;
  finishImport(arg: FinishImportRequest): ImportSummary;
  importAds(arg: AdsImportRequest): AdsImportResult;
  /** The ad account's UTC offset last used, or '' before the first ad import. */
  getAdsClock(arg: null): string;
  countInLedger(arg: LedgerKeysRequest): LedgerKeysResult;
  previewUnitCosts(arg: UnitCostsRequest): UnitCostsPreview;
  saveUnitCosts(arg: UnitCostsRequest): UnitCostsResult;
  getMissingUnitCosts(arg: null): MissingUnitCosts;
  openTab(arg: AddonTab): OpenTabResult;
  getDashboardFreshness(arg: null): DashboardFreshness;
  listFormulaSources(arg: null): FormulaSources;
  insertFormula(arg: InsertFormulaRequest): InsertFormulaResult;
}

export type ServerHandlerName = keyof ServerApi;
