/**
 * Workbook ⇄ JSON, and atomic save/load to a file (the playground keeps its workbook between runs).
 * Dates are tagged `{ "$date": ISO }` so they come back as Dates.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type CellValue, isDate } from './cell-values';
import {
  type CellStyle,
  type ChartState,
  type ProtectionState,
  type RowData,
  SheetModel,
  Workbook,
} from './workbook';
import type { ValidationRule } from './data-validation';

export const WORKBOOK_FORMAT_VERSION = 1;

type JsonCell = string | number | boolean | null | { $date: string };

interface SheetJson {
  name: string;
  sheetId: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  columnWidths: Record<number, number>;
  autoResized: number[];
  /** Only rows that hold something: `[rowNumber, row]`. */
  rows: [
    number,
    {
      v: JsonCell[];
      f?: (string | null)[];
      nf?: (string | null)[];
      st?: (CellStyle | null)[];
      n?: (string | null)[];
      dv?: (ValidationRule | null)[];
      hidden?: boolean;
    },
  ][];
  charts: ChartState[];
  protections: ProtectionState[];
}

export interface WorkbookJson {
  version: number;
  id: string;
  name: string;
  timeZone: string;
  addonName: string;
  activeSheetId: number;
  nextSheetId: number;
  nextChartId: number;
  properties: Workbook['properties'];
  sheets: SheetJson[];
}

const encodeCell = (v: CellValue | undefined): JsonCell =>
  v === undefined || v === '' ? null : isDate(v) ? { $date: v.toISOString() } : v;
const decodeCell = (v: JsonCell): CellValue =>
  v === null ? '' : typeof v === 'object' ? new Date(v.$date) : v;
const dense = <T>(arr: (T | undefined)[] | undefined): (T | null)[] | undefined =>
  arr && Array.from(arr, (x) => (x === undefined ? null : x));
const sparse = <T>(arr: (T | null)[] | undefined): (T | undefined)[] | undefined =>
  arr && arr.map((x) => (x === null ? undefined : x));

export function workbookToJson(wb: Workbook): WorkbookJson {
  return {
    version: WORKBOOK_FORMAT_VERSION,
    id: wb.id,
    name: wb.name,
    timeZone: wb.timeZone,
    addonName: wb.addonName,
    activeSheetId: wb.activeSheetId,
    nextSheetId: wb.nextSheetId,
    nextChartId: wb.nextChartId,
    properties: structuredClone(wb.properties),
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      sheetId: s.sheetId,
      maxRows: s.maxRows,
      maxColumns: s.maxColumns,
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      hidden: s.hidden,
      columnWidths: { ...s.columnWidths },
      autoResized: [...s.autoResized],
      rows: s.rows.flatMap((row, i) =>
        row
          ? [
              [
                i + 1,
                {
                  v: Array.from(row.v, encodeCell),
                  ...(row.f ? { f: dense(row.f) } : {}),
                  ...(row.nf ? { nf: dense(row.nf) } : {}),
                  ...(row.st ? { st: dense(row.st) } : {}),
                  ...(row.n ? { n: dense(row.n) } : {}),
                  ...(row.dv ? { dv: dense(row.dv) } : {}),
                  ...(row.hidden ? { hidden: true } : {}),
                },
              ] as SheetJson['rows'][number],
            ]
          : [],
      ),
      charts: structuredClone(s.charts),
      protections: structuredClone(s.protections),
    })),
  };
}

export function workbookFromJson(json: WorkbookJson): Workbook {
  if (json.version !== WORKBOOK_FORMAT_VERSION) {
    throw new Error(
      `Workbook file version ${json.version} is not supported (expected ${WORKBOOK_FORMAT_VERSION}).`,
    );
  }
  const wb = new Workbook({
    id: json.id,
    name: json.name,
    timeZone: json.timeZone,
    addonName: json.addonName,
    sheetNames: [],
  });
  wb.activeSheetId = json.activeSheetId;
  wb.nextSheetId = json.nextSheetId;
  wb.nextChartId = json.nextChartId;
  Object.assign(wb.properties.document, json.properties.document);
  Object.assign(wb.properties.user, json.properties.user);
  Object.assign(wb.properties.script, json.properties.script);
  for (const sj of json.sheets) {
    const s = new SheetModel(sj.name, sj.sheetId, sj.maxRows, sj.maxColumns);
    s.frozenRows = sj.frozenRows;
    s.frozenColumns = sj.frozenColumns;
    s.hidden = sj.hidden;
    s.columnWidths = { ...sj.columnWidths };
    s.autoResized = [...sj.autoResized];
    for (const [rowNumber, row] of sj.rows) {
      const data: RowData = { v: row.v.map(decodeCell) };
      if (row.f) data.f = sparse(row.f);
      if (row.nf) data.nf = sparse(row.nf);
      if (row.st) data.st = sparse(row.st);
      if (row.n) data.n = sparse(row.n);
      if (row.dv) data.dv = sparse(row.dv);
      if (row.hidden) data.hidden = true;
      s.rows[rowNumber - 1] = data;
    }
    s.charts = structuredClone(sj.charts);
    s.protections = structuredClone(sj.protections);
    wb.sheets.push(s);
  }
  return wb;
}

/** Writes to a temporary file beside the target, then renames: a crash never leaves half a file. */
export function saveWorkbook(wb: Workbook, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, JSON.stringify(workbookToJson(wb)));
  renameSync(temp, path);
}

export function loadWorkbook(path: string): Workbook {
  return workbookFromJson(JSON.parse(readFileSync(path, 'utf8')) as WorkbookJson);
}
