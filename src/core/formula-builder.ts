/**
 * *Insert formula*: the TTS_ functions a seller can insert from the sidebar and the formula text
 * for a source tab, using the columns that tab really has (a reference past a sheet's last column
 * may not resolve in Sheets, and a tab made by File → Import is exactly as wide as its file). Rows
 * stay open (`A:BL`) so rows added later are counted.
 */

export type FormulaFunction =
  | 'TTS_NET_PROFIT'
  | 'TTS_PNL'
  | 'TTS_FEES'
  | 'TTS_SETTLEMENT'
  | 'TTS_SALES'
  | 'TTS_RECONCILE'
  | 'TTS_THRESHOLD';

export interface FormulaChoice {
  fn: FormulaFunction;
  /** What the seller picks from. */
  label: string;
  /** Whether the formula also reads the unit costs (the TTS COGS tab). */
  usesCogs: boolean;
  /** Arguments after the ranges, as typed in the formula. */
  extra: string[];
  /** True when the result is a table that spills into the cells right and below. */
  spills: boolean;
}

export const FORMULA_CHOICES: readonly FormulaChoice[] = [
  { fn: 'TTS_NET_PROFIT', label: 'Net profit (after unit costs)', usesCogs: true, extra: [], spills: false },
  { fn: 'TTS_PNL', label: 'Profit and loss by month', usesCogs: true, extra: ['"month"'], spills: true },
  { fn: 'TTS_FEES', label: 'Fees by type', usesCogs: false, extra: [], spills: true },
  { fn: 'TTS_SETTLEMENT', label: 'Total settlement', usesCogs: false, extra: [], spills: false },
  { fn: 'TTS_SALES', label: 'Sales for the threshold', usesCogs: false, extra: [], spills: false },
  {
    fn: 'TTS_THRESHOLD',
    label: 'Where you stand against your targets',
    usesCogs: false,
    extra: [],
    spills: true,
  },
  { fn: 'TTS_RECONCILE', label: 'Rows that do not add up', usesCogs: false, extra: [], spills: true },
];

export function formulaChoice(fn: string): FormulaChoice | undefined {
  return FORMULA_CHOICES.find((c) => c.fn === fn);
}

/** 1 → `A`, 64 → `BL`, 104 → `CZ`. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1)
    throw new Error(`A column number starts at 1, found ${column}.`);
  let letters = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

/** `Statement` → `'Statement'`; `Bob's tab` → `'Bob''s tab'` (always quoted: names with spaces or digits need it). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'Statement'!A:BL`: every row of the columns the tab has. */
export function columnsReference(sheetName: string, lastColumn: number): string {
  return `${quoteSheetName(sheetName)}!A:${columnLetters(Math.max(1, lastColumn))}`;
}

export interface FormulaSource {
  name: string;
  lastColumn: number;
}

/** The formula for `fn` over `source` (and `cogs` when the function reads unit costs and a COGS tab exists). */
export function buildFormula(fn: FormulaFunction, source: FormulaSource, cogs: FormulaSource | null): string {
  const choice = formulaChoice(fn);
  if (!choice) throw new Error(`Unknown function ${fn}.`);
  const args = [columnsReference(source.name, source.lastColumn)];
  if (choice.usesCogs) args.push(cogs ? columnsReference(cogs.name, cogs.lastColumn) : '');
  args.push(...choice.extra);
  while (args.length > 1 && args[args.length - 1] === '') args.pop();
  return `=${fn}(${args.join(', ')})`;
}
