/**
 * Money as integer cents. Text is scanned character by character straight to cents (no float
 * step, no regex, no allocation) because this runs on every amount cell of every import.
 *
 * Rules:
 * - Accepted text: `-1.17`, `+2`, `1,234.50`, `$3.00`, `-$3.00`, `$-3.00`, `US$3`, `USD 3.00`,
 *   `3.00 USD`, `(2.10)` (= −2.10), `.5`, `5.`, `1.2E+3`; surrounding spaces/NBSP ignored;
 *   Excel's Accounting format: `$(2.10)`, and `$ -` for zero.
 * - Another currency's code (`GBP 7.28`, `IDR 21.144`) is an error naming the currency: TTS
 *   Profit sums US dollars only, and `IDR 21.144` is 21,144 rupiah, not $21.14.
 *   `''`, `/`, `-`, null and undefined mean "not applicable" and are 0.
 * - Text amounts must be exact to the cent: `1.230` is fine, `1.234` or `0.005` is an error
 *   (TikTok writes 2 decimals; more digits mean a rate, a weight or a wrong column, and a
 *   sub-cent amount must never silently vanish). In exponent form, as Excel writes a workbook's
 *   doubles to 17 digits (`-8.0000000000000002E-2`), an amount within float noise of a whole cent
 *   is that cent; `1.2345E+0` is still an error.
 * - Numbers (sheet cells) carry binary noise, so they are rounded half away from zero using the
 *   shortest decimal text of the number (`String(1.005)` is `"1.005"` → 101 cents, which is what
 *   the seller sees), not its binary value (1.00499999…). A non-zero number below half a cent is
 *   an error rather than 0.
 * - Booleans, dates, NaN, Infinity, `abc`, `1.234.5`, `12,34` are errors.
 */
import type { CellValue } from './types';
import { isDateCell } from './date-cell';

export class MoneyParseError extends Error {
  constructor(
    /** The offending value as text, for messages. */
    readonly input: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'MoneyParseError';
  }
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

/** Why a value is not an amount in US dollars; `currency` names another currency's code. */
export interface MoneyFailure {
  readonly reason: 'not-an-amount' | 'sub-cent' | 'too-large' | 'currency';
  readonly currency?: string;
}

const NOT_AN_AMOUNT: MoneyFailure = { reason: 'not-an-amount' };
const SUB_CENT: MoneyFailure = { reason: 'sub-cent' };
const TOO_LARGE: MoneyFailure = { reason: 'too-large' };

/** Cents, or why not (the scan's result: a failure is returned, never kept aside). */
type Scanned = number | MoneyFailure;

/** Codes that mean US dollars (`USD 3`, `US$3`). */
function isDollarCode(s: string, start: number, end: number): boolean {
  if (end - start === 2) return s.charCodeAt(start) === 85 && s.charCodeAt(start + 1) === 83;
  return (
    end - start === 3 &&
    s.charCodeAt(start) === 85 &&
    s.charCodeAt(start + 1) === 83 &&
    s.charCodeAt(start + 2) === 68
  );
}

function foreign(s: string, start: number, end: number): MoneyFailure {
  return { reason: 'currency', currency: s.slice(start, end) };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 160 || c === 10 || c === 13 || c === 0x3000;
}

/**
 * Scans `s` to cents. `round` = round half away from zero instead of rejecting sub-cent digits.
 * Returns the failure when `s` is not an amount in dollars.
 */
function scan(s: string, round: boolean): Scanned {
  let i = 0;
  let end = s.length;
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  while (end > i && isSpace(s.charCodeAt(end - 1))) end--;
  if (i === end) return 0;
  let c = s.charCodeAt(i);
  if (end - i === 1 && (c === 47 /* / */ || c === 45) /* - */) return 0;

  let negative = false;
  let paren = false;
  if (c === 40 /* ( */) {
    if (s.charCodeAt(end - 1) !== 41) return NOT_AN_AMOUNT;
    paren = true;
    negative = true;
    i++;
    end--;
  }
  // Sign and currency, in either order: -$3, $-3, USD -3, -USD 3, US$3.
  let sawSign = false;
  let sawCurrency = false;
  for (let guard = 0; guard < 3 && i < end; guard++) {
    c = s.charCodeAt(i);
    if ((c === 45 || c === 43) && !sawSign && !paren) {
      negative = c === 45;
      sawSign = true;
      i++;
    } else if (c === 36 /* $ */ && !sawCurrency) {
      sawCurrency = true;
      i++;
    } else if (c === 40 /* ( */ && !paren && !sawSign) {
      // `$(0.81)`: Excel's Accounting format puts the bracket after the dollar sign.
      if (s.charCodeAt(end - 1) !== 41) return NOT_AN_AMOUNT;
      paren = negative = true;
      i++;
      end--;
    } else if (c >= 65 && c <= 90 && !sawCurrency) {
      // A 2–3 letter currency code, optionally followed by `$` (US$).
      let j = i;
      while (j < end && j - i < 3 && s.charCodeAt(j) >= 65 && s.charCodeAt(j) <= 90) j++;
      if (j - i < 2) return NOT_AN_AMOUNT;
      if (!isDollarCode(s, i, j)) return foreign(s, i, j);
      if (j < end && s.charCodeAt(j) === 36) j++;
      sawCurrency = true;
      i = j;
    } else break;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
  }
  // `$ -`: a dash with no digits after the dollar sign is Excel's Accounting zero.
  if (i === end && sawSign && sawCurrency && negative) return 0;

  let mantissa = 0; // all significant digits as an integer
  let fracLen = 0; // digits of `mantissa` after the decimal point
  let pendingZeros = 0; // fraction zeros not yet multiplied in (trailing zeros are free)
  let digits = 0;
  let sawDot = false;
  let groupDigits = -1; // digits since the last thousands comma, -1 = no comma seen
  for (; i < end; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (sawDot) {
        if (c === 48) {
          pendingZeros++;
          continue;
        }
        while (pendingZeros > 0) {
          mantissa *= 10;
          fracLen++;
          pendingZeros--;
        }
        fracLen++;
      } else if (groupDigits >= 0) groupDigits++;
      mantissa = mantissa * 10 + (c - 48);
    } else if (c === 46 /* . */) {
      if (sawDot || (groupDigits >= 0 && groupDigits !== 3)) return NOT_AN_AMOUNT;
      sawDot = true;
    } else if (c === 44 /* , */) {
      if (sawDot || digits === 0 || (groupDigits >= 0 && groupDigits !== 3)) return NOT_AN_AMOUNT;
      groupDigits = 0;
    } else break;
  }
  if (digits === 0) return NOT_AN_AMOUNT;
  if (groupDigits >= 0 && !sawDot && groupDigits !== 3) return NOT_AN_AMOUNT;

  let exponent = 0;
  const scientific = i < end && (s.charCodeAt(i) | 32) === 101;
  if (scientific) {
    i++;
    let expNegative = false;
    if (i < end && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) {
      expNegative = s.charCodeAt(i) === 45;
      i++;
    }
    const expStart = i;
    while (i < end && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
      exponent = exponent * 10 + (s.charCodeAt(i) - 48);
      if (exponent > 400) return TOO_LARGE;
      i++;
    }
    if (i === expStart) return NOT_AN_AMOUNT;
    if (expNegative) exponent = -exponent;
  }
  // Trailing currency code (`3.00 USD`) is tolerated; anything else is not an amount.
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  if (i < end && !sawCurrency) {
    let j = i;
    while (j < end && s.charCodeAt(j) >= 65 && s.charCodeAt(j) <= 90) j++;
    if (j - i === 3 && j === end && !isDollarCode(s, i, j)) return foreign(s, i, j);
    if (j - i === 3) i = j;
  }
  if (i !== end) return NOT_AN_AMOUNT;

  if (mantissa === 0) return 0;
  const shift = exponent - fracLen + 2; // cents = mantissa × 10^shift
  let cents: number;
  if (mantissa > MAX_SAFE || (scientific && shift < 0 && mantissa % POW10[-shift] !== 0)) {
    // Excel writes a double to 17 digits, under 0.1 in exponent form (`-8.0000000000000002E-2`):
    // within float noise of a whole cent, that cent is what the cell holds.
    if (!scientific) return TOO_LARGE;
    const scaled = mantissa * 10 ** shift;
    cents = Math.round(scaled);
    if (!(cents <= MAX_SAFE)) return TOO_LARGE;
    if (cents === 0 || Math.abs(scaled - cents) > scaled * 1e-12) return SUB_CENT;
  } else if (shift >= 0) {
    if (shift > 16) return TOO_LARGE;
    cents = mantissa * POW10[shift];
    if (cents > MAX_SAFE) return TOO_LARGE;
  } else {
    if (-shift > 16) return SUB_CENT; // far below a cent: never silently 0
    const divisor = POW10[-shift];
    const whole = Math.floor(mantissa / divisor);
    const rest = mantissa - whole * divisor;
    if (rest !== 0) {
      if (!round) return SUB_CENT;
      cents = rest * 2 >= divisor ? whole + 1 : whole;
      if (cents === 0) return SUB_CENT;
    } else cents = whole;
  }
  return negative ? -cents : cents;
}

function numberToCents(n: number): Scanned {
  if (!isFinite(n)) return NOT_AN_AMOUNT;
  if (n === 0) return 0;
  const scaled = n * 100;
  const rounded = Math.round(scaled);
  // Fast path: a 2-decimal value whose float product lands within noise of an integer.
  if (Math.abs(rounded) < 1e13 && Math.abs(scaled - rounded) < 1e-6 && rounded !== 0) return rounded;
  return scan(String(n), true);
}

/**
 * `-12.34`, `0.00`, `1234.5`, `7`: how exports write nearly every amount, read in one short
 * loop. NaN for anything else (spaces, `$`, commas, more digits…), which {@link scan} then reads.
 */
function plainCents(s: string): number {
  const length = s.length;
  if (length > 12) return NaN; // 12 characters stay far below 2^53 cents
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  let whole = 0;
  for (; i < length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  if (i === start) return NaN;
  let cents: number;
  if (i === length) cents = whole * 100;
  else if (s.charCodeAt(i) !== 46) return NaN;
  else if (i + 3 === length) {
    const d1 = s.charCodeAt(i + 1) - 48;
    const d2 = s.charCodeAt(i + 2) - 48;
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NaN;
    cents = whole * 100 + d1 * 10 + d2;
  } else if (i + 2 === length) {
    const d1 = s.charCodeAt(i + 1) - 48;
    if (d1 < 0 || d1 > 9) return NaN;
    cents = whole * 100 + d1 * 10;
  } else return NaN;
  return start === 1 && cents !== 0 ? -cents : cents;
}

/** Cents, or why the value is not an amount in dollars. */
function scanValue(value: CellValue): Scanned {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') {
    // Most amount cells of an export are `0` or `/`: answer those without scanning.
    if (value.length === 1) {
      const c = value.charCodeAt(0);
      if (c === 48 || c === 47 || c === 45 || c === 32) return 0;
    }
    if (value.length === 0) return 0;
    const plain = plainCents(value);
    return plain === plain ? plain : scan(value, false);
  }
  if (typeof value === 'number') return numberToCents(value);
  return NOT_AN_AMOUNT;
}

/**
 * Hot-path parser: cents, or NaN when the value is not an amount (call {@link moneyProblem}
 * for the reason). Never throws, never allocates for an amount.
 */
export function parseCentsOrNaN(value: CellValue): number {
  const scanned = scanValue(value);
  return typeof scanned === 'number' ? scanned : NaN;
}

/** Why a value is not an amount in dollars, or null when it is one. */
export function moneyFailure(value: CellValue): MoneyFailure | null {
  const scanned = scanValue(value);
  return typeof scanned === 'number' ? null : scanned;
}

/** The seller-facing reason a value is not an amount, e.g. "expected an amount, found `abc`". */
export function moneyProblem(value: CellValue): string {
  const failure = moneyFailure(value);
  if (failure === null) return '';
  const shown = showValue(value);
  if (failure.reason === 'sub-cent')
    return `expected an amount in dollars and cents, found \`${shown}\` (not a whole number of cents)`;
  if (failure.reason === 'too-large') return `expected an amount, found \`${shown}\` (too large)`;
  if (failure.reason === 'currency')
    return `expected an amount in US dollars, found \`${shown}\` (${failure.currency}); TTS Profit reads US-dollar exports only`;
  return `expected an amount, found \`${shown}\``;
}

function showValue(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (isDateCell(value)) return (value as Date).toISOString().slice(0, 10);
  const text = String(value).trim();
  return text.length > 40 ? text.slice(0, 37) + '…' : text;
}

/** Parses an amount to integer cents; throws {@link MoneyParseError} when it is not one. */
export function parseCents(value: CellValue): number {
  const cents = parseCentsOrNaN(value);
  if (Number.isNaN(cents)) throw new MoneyParseError(showValue(value), moneyProblem(value));
  return cents;
}

/** `-123450` → `"-1,234.50"`; with `{ dollarSign: true }` → `"-$1,234.50"`. */
export function formatCents(cents: number, options: { dollarSign?: boolean } = {}): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatCents expects integer cents, got ${cents}`);
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const whole = String(Math.floor(abs / 100));
  const frac = abs % 100;
  let grouped = '';
  for (let i = whole.length; i > 0; i -= 3) {
    const part = whole.slice(Math.max(0, i - 3), i);
    grouped = grouped ? part + ',' + grouped : part;
  }
  return (
    (negative ? '-' : '') + (options.dollarSign ? '$' : '') + grouped + '.' + (frac < 10 ? '0' : '') + frac
  );
}

/** Cents → dollars for writing back to a sheet; `x / 100` is the closest double to the 2-dp decimal. */
export function centsToDollars(cents: number): number {
  return cents / 100;
}

/** Sum of integer cents (exact while the total stays under ±2^53). */
export function sumCents(values: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
