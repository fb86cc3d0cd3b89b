/**
 * A JSON-safe picture of the whole workbook for the playground to draw: each tab's used block
 * as displayed text, its layout, and its charts' specs.
 */
import { chartSpec, type ChartSpec } from './charts';
import { displayValue } from './number-format';
import type { Workbook } from './workbook';

export interface SheetSnapshot {
  name: string;
  hidden: boolean;
  active: boolean;
  frozenRows: number;
  maxRows: number;
  maxColumns: number;
  columnWidths: Record<number, number>;
  /** Displayed text of rows 1..lastRow, columns 1..lastColumn (capped by `maxRowsShown`). */
  displayValues: string[][];
  lastRow: number;
  lastColumn: number;
  boldCells: string[];
  charts: ChartSpec[];
}

export function workbookSnapshot(
  wb: Workbook,
  maxRowsShown = 500,
): { name: string; timeZone: string; sheets: SheetSnapshot[] } {
  return {
    name: wb.name,
    timeZone: wb.timeZone,
    sheets: wb.sheets.map((s) => {
      const lastRow = s.lastRow();
      const lastColumn = s.lastColumn();
      const displayValues: string[][] = [];
      const boldCells: string[] = [];
      for (let r = 1; r <= Math.min(lastRow, maxRowsShown); r++) {
        const line: string[] = [];
        for (let c = 1; c <= lastColumn; c++) {
          line.push(displayValue(s.value(r, c), s.numberFormat(r, c), wb.timeZone));
          if (s.style(r, c)?.fontWeight === 'bold') boldCells.push(`${r}:${c}`);
        }
        displayValues.push(line);
      }
      return {
        name: s.name,
        hidden: s.hidden,
        active: s.sheetId === wb.activeSheetId,
        frozenRows: s.frozenRows,
        maxRows: s.maxRows,
        maxColumns: s.maxColumns,
        columnWidths: { ...s.columnWidths },
        displayValues,
        lastRow,
        lastColumn,
        boldCells,
        charts: s.charts.map((c) => chartSpec(wb, s, c)),
      };
    }),
  };
}
