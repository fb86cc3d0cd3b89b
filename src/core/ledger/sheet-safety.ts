/**
 * Keeps text from an export file from ever becoming a formula when written to a sheet.
 * Sheets (like Excel) reads a cell that starts with `=`, `+`, `-`, `@`, TAB or CR as a formula;
 * a leading apostrophe forces text and is not shown. Amounts are written as numbers, so a
 * legitimate `-12.50` never reaches this function and is never altered.
 */

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** `text` unchanged, or prefixed with `'` when Sheets would otherwise read it as a formula. */
export function neutralizeFormulaText(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? `'${text}` : text;
}

/** True when `text` would be read by Sheets as a formula if written as is. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]);
}
