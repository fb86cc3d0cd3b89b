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
  /**
   * Set for a function that takes every cost (unit costs, running costs, ads), as the dashboard
   * counts them: the argument typed between `cogs` and `costs` (`"month"`; '' leaves it out).
   */
  costs?: string;
}

/** The functions the sidebar inserts; their labels are the sidebar's (FORMULA_LABELS). */
export const FORMULA_CHOICES: readonly FormulaChoice[] = [
  { fn: 'TTS_NET_PROFIT', costs: '' },
  { fn: 'TTS_PNL', costs: '"month"' },
  { fn: 'TTS_FEES' },
  { fn: 'TTS_SETTLEMENT' },
  { fn: 'TTS_SALES' },
  { fn: 'TTS_THRESHOLD' },
  { fn: 'TTS_RECONCILE' },
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

/**
 * The formula for `fn` over `source`; a function that takes every cost also gets the `cogs`, `costs`
 * (TTS Costs) and `ads` (TTS Ads) tabs that exist, so it gives the dashboard's figures.
 */
export function buildFormula(
  fn: FormulaFunction,
  source: FormulaSource,
  cogs: FormulaSource | null,
  costs: FormulaSource | null = null,
  ads: FormulaSource | null = null,
): string {
  const choice = formulaChoice(fn);
  if (!choice) throw new Error(`Unknown function ${fn}.`);
  const ref = (tab: FormulaSource | null) => (tab ? columnsReference(tab.name, tab.lastColumn) : '');
  const args = [ref(source)];
  if (choice.costs !== undefined) args.push(ref(cogs), choice.costs, ref(costs), ref(ads));
  while (args[args.length - 1] === '') args.pop();
  return `=${fn}(${args.join(', ')})`;
}
