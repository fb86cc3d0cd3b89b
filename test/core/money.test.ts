import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centsToDollars,
  formatCents,
  moneyFailure,
  moneyProblem,
  MoneyParseError,
  parseCents,
  parseCentsOrNaN,
  sumCents,
} from '../../src/core/money';

describe('parseCents', () => {
  it.each([
    ['-1.17', -117],
    ['1,234.50', 123450],
    ['$3.00', 300],
    ['USD 3.00', 300],
    ['US$3', 300],
    ['(2.10)', -210],
    ['($2.10)', -210],
    ['-$3.00', -300],
    ['$-3.00', -300],
    ['/', 0],
    ['', 0],
    ['  15 ', 1500],
    ['.5', 50],
    ['5.', 500],
    ['1.2E+3', 120000],
    ['1.2300', 123],
    ['-0', 0],
    ['3.00 USD', 300],
    // Excel's Accounting format, as a CSV saved from Excel writes it.
    [' $8.18 ', 818],
    [' $(0.81)', -81],
    ['$ (1,234.50) ', -123450],
    [' $-   ', 0],
    ['$ -', 0],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });

  // Excel writes a cached double to 17 digits, in exponent form under 0.1: a whole cent within float noise.
  it.each([
    ['-8.0000000000000002E-2', -8],
    ['-5.0000000000000003E-2', -5],
    ['8.000000000000001E-2', 8],
    ['9.9999999999999995E-3', 1],
    ['1.234E+2', 12340],
  ])('reads %j, an amount in exponent form, as %i cents', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });

  it.each([
    ['1.2345E+0', 'expected an amount in dollars and cents, found `1.2345E+0` (not a whole number of cents)'],
    [
      '4.9999999999999996E-3',
      'expected an amount in dollars and cents, found `4.9999999999999996E-3` (not a whole number of cents)',
    ],
    ['1.23E+20', 'expected an amount, found `1.23E+20` (too large)'],
  ])('refuses %j, in exponent form but no whole cent, with a true message', (text, message) => {
    expect(moneyProblem(text)).toBe(message);
  });

  it('reads blanks as 0', () => {
    expect(parseCents(null)).toBe(0);
    expect(parseCents(undefined)).toBe(0);
  });

  it('rounds sheet numbers half away from zero via their decimal text', () => {
    expect(parseCents(1.005)).toBe(101);
    expect(parseCents(-1.005)).toBe(-101);
    expect(parseCents(13.76)).toBe(1376);
    expect(parseCents(0.1 + 0.2)).toBe(30);
    expect(parseCents(1e3)).toBe(100000);
    expect(parseCents(-735.29)).toBe(-73529);
  });

  it.each([
    ['abc', 'expected an amount, found `abc`'],
    ['NaN', 'expected an amount, found `NaN`'],
    ['Infinity', 'expected an amount, found `Infinity`'],
    ['1.234.5', 'expected an amount, found `1.234.5`'],
    ['12,34', 'expected an amount, found `12,34`'],
    ['1.234', 'expected an amount in dollars and cents, found `1.234` (not a whole number of cents)'],
    ['0.005', 'expected an amount in dollars and cents, found `0.005` (not a whole number of cents)'],
    ['6%', 'expected an amount, found `6%`'],
  ])('rejects %j with a message', (text, message) => {
    expect(Number.isNaN(parseCentsOrNaN(text))).toBe(true);
    expect(moneyProblem(text)).toBe(message);
    expect(() => parseCents(text)).toThrow(MoneyParseError);
  });

  it.each([
    ['GBP 7.28', 'GBP'],
    ['IDR 21.144', 'IDR'],
    ['BRL 35.91', 'BRL'],
    ['-GBP 3.99', 'GBP'],
    ['7.28 GBP', 'GBP'],
  ])('refuses %j as another currency, naming %s', (text, currency) => {
    expect(Number.isNaN(parseCentsOrNaN(text))).toBe(true);
    expect(moneyFailure(text)).toEqual({ reason: 'currency', currency });
    expect(moneyProblem(text)).toBe(
      `expected an amount in US dollars, found \`${text}\` (${currency}); TTS Profit reads US-dollar exports only`,
    );
  });

  it('gives each value its own reason (no state shared between calls)', () => {
    const failures = ['abc', '1.234', 'GBP 1', '1e400', '2.50'].map((text) => moneyFailure(text));
    expect(failures).toEqual([
      { reason: 'not-an-amount' },
      { reason: 'sub-cent' },
      { reason: 'currency', currency: 'GBP' },
      { reason: 'too-large' },
      null,
    ]);
    expect(moneyProblem('1.234')).toContain('not a whole number of cents');
  });

  it('rejects non-numbers and sub-cent numbers instead of returning 0', () => {
    expect(moneyProblem(NaN)).toBe('expected an amount, found `NaN`');
    expect(moneyProblem(Infinity)).toBe('expected an amount, found `Infinity`');
    expect(moneyProblem(true)).toBe('expected an amount, found `true`');
    // A dollar sign alone, or an unclosed Accounting bracket, is not an amount.
    expect(moneyProblem('$')).toBe('expected an amount, found `$`');
    expect(moneyProblem('$(0.81')).toBe('expected an amount, found `$(0.81`');
    expect(moneyProblem('$(-0.81)')).toBe('expected an amount, found `$(-0.81)`');
    expect(moneyProblem(0.004)).toBe(
      'expected an amount in dollars and cents, found `0.004` (not a whole number of cents)',
    );
  });

  it('matches a BigInt reference on random formatted amounts', () => {
    const arb = fc.record({
      cents: fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
      commas: fc.boolean(),
      dollar: fc.boolean(),
      parens: fc.boolean(),
      trailingZeros: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(arb, ({ cents, commas, dollar, parens, trailingZeros }) => {
        const negative = cents < 0n;
        const abs = negative ? -cents : cents;
        let whole = (abs / 100n).toString();
        if (commas) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const body = `${dollar ? '$' : ''}${whole}.${(abs % 100n).toString().padStart(2, '0')}${'0'.repeat(trailingZeros)}`;
        const text = negative ? (parens ? `(${body})` : `-${body}`) : body;
        expect(parseCents(text)).toBe(Number(cents));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips formatCents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (cents) => {
        expect(parseCents(formatCents(cents))).toBe(cents);
        expect(parseCents(formatCents(cents, { dollarSign: true }))).toBe(cents);
        expect(parseCents(centsToDollars(cents))).toBe(cents);
      }),
    );
  });
});

describe('formatting and sums', () => {
  it('formats like a bookkeeper writes', () => {
    expect(formatCents(-123450)).toBe('-1,234.50');
    expect(formatCents(-123450, { dollarSign: true })).toBe('-$1,234.50');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(100000000)).toBe('1,000,000.00');
  });
  it('converts and sums exactly', () => {
    expect(centsToDollars(955671)).toBe(9556.71);
    expect(sumCents([1029200, -73529, -124108, 124108])).toBe(955671);
  });
});
