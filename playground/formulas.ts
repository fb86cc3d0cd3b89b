/**
 * Formula cells in the playground, worked out when the page asks for the workbook: `=TTS_…(…)`
 * runs the custom function in the built bundle (as Sheets would, in custom-function mode, with
 * ranges passed as their values), and the few built-ins the add-on itself writes (SUM, COUNT, IF)
 * are worked out here. A 2-D result spills right and down over empty cells, as in Sheets.
 */
import { parseA1, splitSheetName } from '../emulator/a1';
import { isDate, type CellValue } from '../emulator/cell-values';
import type { Workbook } from '../emulator/workbook';

export type FormulaValue = CellValue | FormulaValue[][];

/** Runs a custom function of the bundle: name and arguments as Sheets passes them. */
export type CustomFunctionCall = (name: string, args: unknown[]) => unknown;

export class FormulaError extends Error {}

type Token = { kind: 'name' | 'string' | 'number' | 'ref' | 'punct'; text: string };

const TOKEN =
  /\s*(?:('(?:[^']|'')+'![$A-Za-z0-9:]+|[A-Za-z_][A-Za-z0-9_ ]*![$A-Za-z0-9:]+)|([A-Za-z_][A-Za-z0-9_.]*)(?=\s*\()|(\$?[A-Za-z]{1,3}\$?\d*(?::\$?[A-Za-z]{1,3}\$?\d*)?)|("(?:[^"]|"")*")|(-?\d+(?:\.\d+)?%?)|([(),;]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new FormulaError(`Formula parse error at “${text.slice(at, at + 12)}”.`);
    if (m[1] ?? m[3]) tokens.push({ kind: 'ref', text: (m[1] ?? m[3]).trim() });
    else if (m[2]) tokens.push({ kind: 'name', text: m[2].toUpperCase() });
    else if (m[4]) tokens.push({ kind: 'string', text: m[4].slice(1, -1).replace(/""/g, '"') });
    else if (m[5]) tokens.push({ kind: 'number', text: m[5] });
    else tokens.push({ kind: 'punct', text: m[6] === ';' ? ',' : m[6] });
  }
  return tokens;
}

type Node = { call: string; args: (Node | undefined)[] } | { value: CellValue } | { ref: string };

function parse(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ''));
  let i = 0;
  const expr = (): Node => {
    const t = tokens[i++];
    if (!t) throw new FormulaError('Formula parse error: it ends too soon.');
    if (t.kind === 'string') return { value: t.text };
    if (t.kind === 'number')
      return { value: t.text.endsWith('%') ? Number(t.text.slice(0, -1)) / 100 : Number(t.text) };
    if (t.kind === 'ref') return { ref: t.text };
    if (t.kind === 'name') {
      if (tokens[i++]?.text !== '(') throw new FormulaError(`Formula parse error after ${t.text}.`);
      const args: (Node | undefined)[] = [];
      if (tokens[i]?.text === ')') {
        i++;
        return { call: t.text, args };
      }
      for (;;) {
        const next = tokens[i];
        args.push(next?.text === ',' || next?.text === ')' ? undefined : expr());
        const sep = tokens[i++];
        if (sep?.text === ')') return { call: t.text, args };
        if (sep?.text !== ',') throw new FormulaError(`Formula parse error in ${t.text}(…).`);
      }
    }
    throw new FormulaError(`Formula parse error at “${t.text}”.`);
  };
  const node = expr();
  if (i !== tokens.length) throw new FormulaError('Formula parse error: something follows the formula.');
  return node;
}

/** A range reference's values, as getValues gives them (whole columns stop at the sheet's last row). */
function rangeValues(workbook: Workbook, currentSheet: string, ref: string): CellValue[][] {
  const { sheetName, range } = splitSheetName(ref);
  const name = sheetName ?? currentSheet;
  const sheet = workbook.sheet(name);
  if (!sheet) throw new FormulaError(`Unresolved sheet name '${name}'.`);
  const r = parseA1(range.replace(/\$/g, ''));
  const startRow = r.startRow ?? 1;
  const startCol = r.startCol ?? 1;
  const endRow = r.endRow ?? Math.max(sheet.lastRow(), startRow);
  const endCol = r.endCol ?? Math.max(sheet.lastColumn(), startCol);
  const values: CellValue[][] = [];
  for (let row = startRow; row <= endRow; row++) {
    const line: CellValue[] = [];
    for (let col = startCol; col <= endCol; col++) line.push(sheet.value(row, col));
    values.push(line);
  }
  return values;
}

const flat = (v: unknown): unknown[] => (Array.isArray(v) ? v.flat(Infinity) : [v]);

/** Works out a formula: the value of its cell, or a 2-D array that spills. */
export function evaluateFormula(
  formula: string,
  workbook: Workbook,
  sheet: string,
  call: CustomFunctionCall,
): FormulaValue {
  const run = (node: Node | undefined): unknown => {
    if (node === undefined) return undefined;
    if ('value' in node) return node.value;
    if ('ref' in node) {
      const values = rangeValues(workbook, sheet, node.ref);
      return values.length === 1 && values[0].length === 1 ? values[0][0] : values;
    }
    const args = node.args.map(run);
    switch (node.call) {
      case 'SUM':
        return args.flatMap(flat).reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0);
      case 'COUNT':
        return args.flatMap(flat).filter((v) => typeof v === 'number' || isDate(v as CellValue)).length;
      case 'IF': {
        const test = args[0];
        const truthy = typeof test === 'number' ? test !== 0 : Boolean(test);
        return truthy ? (args[1] ?? true) : (args[2] ?? false);
      }
      default:
        if (!node.call.startsWith('TTS_'))
          throw new FormulaError(
            `Unknown function: ${node.call}. The playground works out TTS Profit's functions and SUM, COUNT, IF.`,
          );
        return call(node.call, args);
    }
  };
  return run(parse(formula)) as FormulaValue;
}
