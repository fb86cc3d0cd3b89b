/**
 * TTS_BREAKEVEN_ROAS over ranges through the built dist/Code.js: a column of prices answers row by
 * row exactly what the function gives each row's cells one at a time; a blank row answers blank, and
 * a row that loses money before ads, or has a cell it cannot use (a price still "TBD"), answers why
 * on its own row while the other rows answer. A single value is read once, and one it cannot read
 * says why on every row that is not blank.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { codeFile, ensureBuilt, errorOf, inSandbox } from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

type Cell = string | number;

/** The answer, or the error message a seller would read. */
function answer(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return `Error: ${(error as Error).message}`;
  }
}

/**
 * What the range call must give: each row's cells passed one at a time; a row whose range cells are
 * all blank answers blank, and any other failure answers its message on its own row.
 */
function rowByRow(columns: (Cell[] | Cell)[], rows: number): unknown {
  const out: (number | string)[][] = [];
  for (let r = 0; r < rows; r++) {
    const cells = columns.map((c) => (Array.isArray(c) ? c[r] : c));
    const one = answer(() => rt.call('TTS_BREAKEVEN_ROAS', ...cells));
    if (typeof one !== 'string') out.push([one as number]);
    else if (columns.every((c) => !Array.isArray(c) || c[r] === '')) out.push(['']);
    else out.push([one.slice('Error: '.length)]);
  }
  return out;
}

function asRange(column: Cell[] | Cell): unknown {
  return Array.isArray(column)
    ? inSandbox(
        rt,
        column.map((c) => [c]),
      )
    : column;
}

describe('TTS_BREAKEVEN_ROAS over ranges', () => {
  it('answers each row as the single-cell call does, blank or why for a row, each on its own row', () => {
    const price = fc.oneof(
      fc.integer({ min: 1, max: 100_000 }).map((c) => c / 100),
      fc.constantFrom<Cell>(0, -5, '$24.99', '1,299.00', 'abc', '', 19.99),
    );
    const cost = fc.oneof(
      fc.integer({ min: 0, max: 5_000 }).map((c) => c / 100),
      fc.constantFrom<Cell>('', '4.50', 'n/a', 1e308, -2),
    );
    const rate = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((p) => p / 100),
      fc.constantFrom<Cell>('8%', '', 6, 1, -0.1, 'ten', 0.999),
    );
    const column = <T extends Cell>(cell: fc.Arbitrary<T>, rows: number) =>
      fc.oneof(cell, fc.array(cell, { minLength: rows, maxLength: rows }));
    const call = fc
      .integer({ min: 2, max: 6 })
      .chain((rows) =>
        fc.tuple(
          fc.constant(rows),
          fc.array(price, { minLength: rows, maxLength: rows }),
          column(cost, rows),
          column(rate, rows),
          column(rate, rows),
          column(cost, rows),
        ),
      );
    fc.assert(
      fc.property(call, ([rows, prices, unitCosts, feeRates, affiliateRates, otherCosts]) => {
        const columns = [prices, unitCosts, feeRates, affiliateRates, otherCosts];
        const got = answer(() => rt.call('TTS_BREAKEVEN_ROAS', ...columns.map(asRange)));
        expect(got).toEqual(rowByRow(columns, rows));
      }),
      { numRuns: 400 },
    );
  });

  it('a single value it cannot read says why on every row that is not blank', () => {
    const percent = 'fee_rate 6 looks like a percent: type it as 6% or as the fraction 0.06.';
    expect(rt.call('TTS_BREAKEVEN_ROAS', inSandbox(rt, [[20], [''], [30]]), 5, 6)).toEqual([
      [percent],
      [''],
      [percent],
    ]);
    expect(
      rt.call('TTS_BREAKEVEN_ROAS', inSandbox(rt, [['abc'], [30]]), 5, 0.06, 0.1, 'two dollars'),
    ).toEqual([
      ['price must be a number, found "abc".'],
      ['other_cost must be a number, found "two dollars".'],
    ]);
  });

  it('a price list as a seller keeps it: a "TBD" price, a free sample at 0 and a header say why on their own rows', () => {
    // 29.99 × (1 − 0.06 − 0.15) − 8 = 15.6921: 1.91; 19.99 × 0.79 − 8 = 7.7921: 2.57.
    const costs = inSandbox(rt, [[8], [8], [8]]);
    expect(
      rt.call('TTS_BREAKEVEN_ROAS', inSandbox(rt, [[29.99], ['TBD'], [19.99]]), costs, 0.06, 0.15),
    ).toEqual([[1.91], ['price must be a number, found "TBD".'], [2.57]]);
    expect(rt.call('TTS_BREAKEVEN_ROAS', inSandbox(rt, [[29.99], [0], [19.99]]), costs, 0.06, 0.15)).toEqual([
      [1.91],
      ['The price must be a positive amount, found 0.'],
      [2.57],
    ]);
    expect(
      rt.call(
        'TTS_BREAKEVEN_ROAS',
        inSandbox(rt, [['Price'], [29.99], [19.99]]),
        inSandbox(rt, [['Cost'], [8], [8]]),
        0.06,
        0.15,
      ),
    ).toEqual([['price must be a number, found "Price".'], [1.91], [2.57]]);
  });

  it('spills a two-column range row by row, and blank optional cells count as 0', () => {
    const prices = inSandbox(rt, [
      [20, 30],
      [40, 50],
    ]);
    const costs = inSandbox(rt, [
      [5, 10],
      [8, 9],
    ]);
    // 20 ÷ (18.80 − 5) = 1.45; 30 ÷ (28.20 − 10) = 1.65; 40 ÷ (37.60 − 8) = 1.35; 50 ÷ (47 − 9) = 1.32
    expect(rt.call('TTS_BREAKEVEN_ROAS', prices, costs, 0.06)).toEqual([
      [1.45, 1.65],
      [1.35, 1.32],
    ]);
    const blanks = inSandbox(rt, [
      ['', ''],
      ['', ''],
    ]);
    expect(rt.call('TTS_BREAKEVEN_ROAS', prices, costs, 0.06, blanks, blanks)).toEqual([
      [1.45, 1.65],
      [1.35, 1.32],
    ]);
  });
});

describe('numbers typed as text', () => {
  it('read commas only as thousands separators: `29,99` is refused, never read as 2,999', () => {
    // 29.99 × (1 − 0.06) − 8 = 20.1906: 1.49. Read as 2,999, the ROAS would be 1.07.
    expect(rt.call('TTS_BREAKEVEN_ROAS', '29.99', 8, 0.06)).toBe(1.49);
    expect(errorOf(() => rt.call('TTS_BREAKEVEN_ROAS', '29,99', 8, 0.06))).toBe(
      'price must be a number, found "29,99".',
    );
    expect(rt.call('TTS_BREAKEVEN_ROAS', ' $ 2,999.00 ', 8, 0.06)).toBe(
      rt.call('TTS_BREAKEVEN_ROAS', 2999, 8, 0.06),
    );
  });
});
