/**
 * Exact decimal arithmetic for rate math (percentages, shares, unit costs): a value is an integer
 * coefficient times a power of ten, so nothing passes through a float of dollars. Every rounding is
 * explicit and half away from zero ("half up"). Divisions, and the results a caller asks for, are
 * rounded to a number of significant digits (20 unless stated), as the rate code has always done.
 * BigInt is built with `BigInt(…)` calls: the bundle targets ES2019, which has no `1n` literals.
 */

/** `c × 10^e`. */
export interface Exact {
  readonly c: bigint;
  readonly e: number;
}

const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);
const TEN = BigInt(10);
/** Significant digits kept by a division or by `significant` unless the caller says otherwise. */
export const RATE_DIGITS = 20;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

const POWERS: bigint[] = [];
const pow10 = (n: number): bigint => (n < 64 ? (POWERS[n] ??= TEN ** BigInt(n)) : TEN ** BigInt(n));
const abs = (c: bigint): bigint => (c < ZERO ? -c : c);
const digits = (c: bigint): number => abs(c).toString().length;

/** A decimal text (`-1.25`, `5e-8`) or a finite number, read from its shortest decimal form. */
export function exact(value: number | string): Exact {
  const m = DECIMAL.exec(String(value).trim());
  if (!m || m[2] + (m[3] || '') === '') throw new Error(`Not a decimal number: ${String(value)}`);
  const fraction = m[3] || '';
  const c = BigInt(m[2] + fraction);
  return { c: m[1] === '-' ? -c : c, e: Number(m[4] ?? 0) - fraction.length };
}

function aligned(a: Exact, b: Exact): [bigint, bigint, number] {
  const e = Math.min(a.e, b.e);
  return [a.c * pow10(a.e - e), b.c * pow10(b.e - e), e];
}

export function plus(a: Exact, b: Exact): Exact {
  const [x, y, e] = aligned(a, b);
  return { c: x + y, e };
}

export function minus(a: Exact, b: Exact): Exact {
  const [x, y, e] = aligned(a, b);
  return { c: x - y, e };
}

export function times(a: Exact, b: Exact): Exact {
  return { c: a.c * b.c, e: a.e + b.e };
}

export function compare(a: Exact, b: Exact): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `a` rounded half away from zero to `places` decimals. */
export function roundTo(a: Exact, places: number): Exact {
  if (a.e >= -places) return a;
  const unit = pow10(-places - a.e);
  let q = a.c / unit;
  const r = abs(a.c % unit);
  if (TWO * r >= unit) q += a.c < ZERO ? -ONE : ONE;
  return { c: q, e: -places };
}

/** `a` rounded half away from zero to `sd` significant digits. */
export function significant(a: Exact, sd = RATE_DIGITS): Exact {
  const n = digits(a.c);
  return n <= sd ? a : roundTo(a, sd - n - a.e);
}

/** `a ÷ b`, correctly rounded half away from zero to `sd` significant digits. */
export function divide(a: Exact, b: Exact, sd = RATE_DIGITS): Exact {
  if (b.c === ZERO) throw new Error('Division by zero.');
  if (a.c === ZERO) return { c: ZERO, e: 0 };
  const shift = Math.max(0, sd + digits(b.c) - digits(a.c) + 1);
  const n = abs(a.c) * pow10(shift);
  const d = abs(b.c);
  const drop = digits(n / d) - sd;
  const unit = d * pow10(drop);
  let q = n / unit;
  if (TWO * (n % unit) >= unit) q += ONE;
  return { c: a.c < ZERO !== b.c < ZERO ? -q : q, e: a.e - b.e - shift + drop };
}

/** Digits and exponent of `a` without trailing zeros: `1.50` → `15`, -1. */
function normal(a: Exact): Exact {
  if (a.c === ZERO) return { c: ZERO, e: 0 };
  let { c, e } = a;
  while (c % TEN === ZERO) {
    c /= TEN;
    e++;
  }
  return { c, e };
}

/** Plain decimals, or `5e-8` / `1.5e+21` for a value below 1e-6 or from 1e21 (JavaScript's rule). */
export function toText(a: Exact): string {
  const { c, e } = normal(a);
  const body = abs(c).toString();
  const sign = c < ZERO ? '-' : '';
  const lead = e + body.length - 1;
  if (lead <= -7 || lead >= 21) {
    return `${sign}${body[0]}${body.length > 1 ? `.${body.slice(1)}` : ''}e${lead < 0 ? '-' : '+'}${Math.abs(lead)}`;
  }
  return sign + placed(body, e);
}

/** Digits `body` times 10^e as plain text. */
function placed(body: string, e: number): string {
  if (e >= 0) return body + '0'.repeat(e);
  const whole = body.length + e;
  return whole > 0 ? `${body.slice(0, whole)}.${body.slice(whole)}` : `0.${'0'.repeat(-whole)}${body}`;
}

/** `a` rounded half away from zero to `places` decimals and written with exactly that many. */
export function toFixed(a: Exact, places: number): string {
  const r = roundTo(a, places);
  const body = (abs(r.c) * pow10(r.e + places)).toString().padStart(places + 1, '0');
  return (a.c < ZERO ? '-' : '') + placed(body, -places);
}

export function toNumber(a: Exact): number {
  return Number(toText(a));
}
