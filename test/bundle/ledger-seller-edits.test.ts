/**
 * The nine statement functions on a TTS Ledger tab the seller has edited the way sellers do:
 * rows sorted, a column of notes inserted, the *Superseded by* marks cleared or typed over, a
 * totals row typed under the data, a Key blanked. Each function reads the tab by header and works
 * out which rows count from the rows themselves, so every answer stays what it was, except that a
 * row without a Key is skipped and counted as skipped. Through dist/Code.js on a ledger the import
 * wrote from an On-hold export and the Statement that settles five of its seven order lines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/index';
import { privateBundleCopy } from '../helpers/built-bundle';
import { errorOf } from './custom-functions-sheet';
import { ensureBuilt, harness, LEDGER } from '../server/import-harness';
import { parseClassified } from '../reliability/classify';
import { MARCH, MARCH_CENTS } from '../corpus/workbook-states';
import { baseLines, estimateCents, onHoldCsv, pendingLines } from '../corpus/same-orders';
import { utf8 } from '../corpus/generate';

type Grid = unknown[][];

let rt: GasRuntime;
let ledger: Grid;
let header: unknown[];
const COUNTED_CENTS = MARCH_CENTS + estimateCents(pendingLines(2));
const cents = (dollars: unknown) => Math.round((dollars as number) * 100);
const col = (name: string) => header.indexOf(name);

beforeAll(async () => {
  ensureBuilt();
  const h = harness();
  const files = [
    {
      name: 'onhold_2026-03-15.csv',
      bytes: utf8(onHoldCsv([...baseLines().slice(0, 5), ...pendingLines(2)])),
    },
    { name: MARCH.name, bytes: MARCH.bytes() },
  ];
  for (const file of files) {
    const parsed = parseClassified(file.bytes, file.name);
    if (parsed.kind !== 'parsed') throw parsed.error as Error;
    await h.importFiles(parsed.result.files);
  }
  ledger = h.values(LEDGER);
  header = ledger[0];
  rt = loadBundleInVm({ file: privateBundleCopy(), workbook: h.workbook });
});

/** Unit costs for every SKU of the ledger, $4 each. */
function cogs(grid: Grid): Grid {
  const sku = grid[0].indexOf('SKU ID');
  const skus = [
    ...new Set(
      grid
        .slice(1)
        .map((r) => r[sku])
        .filter((s) => s !== '' && s !== undefined),
    ),
  ];
  return [['SKU ID', 'Unit cost'], ...skus.map((s) => [s, 4])];
}

/** Every function's answer on a ledger range (one COGS table for all: the one of the tab as imported). */
function answers(grid: Grid): Record<string, unknown> {
  const unitCosts = cogs(ledger);
  return {
    TTS_SETTLEMENT: rt.call('TTS_SETTLEMENT', grid),
    TTS_SALES: rt.call('TTS_SALES', grid),
    TTS_SALES_MARCH: rt.call('TTS_SALES', grid, '2026-03', 'net'),
    TTS_FEES: rt.call('TTS_FEES', grid),
    TTS_FEE: rt.call('TTS_FEE', grid, 'Referral fee'),
    TTS_NET_PROFIT: rt.call('TTS_NET_PROFIT', grid, unitCosts),
    TTS_PNL: rt.call('TTS_PNL', grid, unitCosts),
    TTS_PNL_SKU: rt.call('TTS_PNL', grid, unitCosts, 'sku'),
    TTS_COST_DETAIL: rt.call('TTS_COST_DETAIL', grid, unitCosts, '2026-03'),
    TTS_RECONCILE: rt.call('TTS_RECONCILE', grid),
    TTS_THRESHOLD: rt.call('TTS_THRESHOLD', grid, 65000, 1000000, '2026-03-31'),
  };
}

describe('the statement functions on a TTS Ledger tab the seller edited', () => {
  it('count each order line once: the settled Statement rows and the two estimates still on hold', () => {
    expect(ledger).toHaveLength(16);
    expect(cents(rt.call('TTS_SETTLEMENT', ledger))).toBe(COUNTED_CENTS);
    const pnl = rt.call('TTS_PNL', ledger) as unknown[][];
    expect(cents(pnl[pnl.length - 1][pnl[0].indexOf('Settlement')])).toBe(COUNTED_CENTS);
  });

  it('give the same answers with the rows sorted by order ID, descending', () => {
    const order = col('Order/adjustment ID');
    const sorted = [
      header,
      ...ledger.slice(1).sort((a, b) => String(b[order]).localeCompare(String(a[order]))),
    ];
    expect(sorted.slice(1).map((r) => r[order])).not.toEqual(ledger.slice(1).map((r) => r[order]));
    expect(answers(sorted)).toEqual(answers(ledger));
  });

  it('give the same answers with the Key column deleted, or the Layout cells typed in capitals', () => {
    const without = (name: string) => ledger.map((row) => row.filter((_, c) => c !== col(name)));
    expect(cents(rt.call('TTS_SETTLEMENT', without('Key')))).toBe(COUNTED_CENTS);
    const layout = col('Layout');
    const capitals = ledger.map((row, r) =>
      r === 0 ? row : row.map((v, c) => (c === layout ? String(v).toUpperCase() : v)),
    );
    expect(answers(capitals)).toEqual(answers(ledger));
  });

  it('refuse, never count an estimate and its settled row both, without the Layout or order ID column', () => {
    for (const name of ['Layout', 'Order/adjustment ID']) {
      const without = ledger.map((row) => row.filter((_, c) => c !== col(name)));
      for (const fn of ['TTS_SETTLEMENT', 'TTS_SALES'])
        expect(() => rt.call(fn, without), `${fn} without ${name}`).toThrow(
          `The TTS Ledger tab has no *${name}* column in its header row (deleted or renamed). ` +
            `It tells which of an order's rows count. Rename the header back to ${name}, or bring the column ` +
            'back with Edit → Undo or File → Version history',
        );
    }
  });

  it('refuse a Layout cell cleared or typed over, naming its row', () => {
    const layout = col('Layout');
    for (const typed of ['', 'settled'] as const) {
      const edited = ledger.map((row, r) => (r === 3 ? row.map((v, c) => (c === layout ? typed : v)) : row));
      expect(() => rt.call('TTS_SETTLEMENT', edited)).toThrow(
        `TTS Ledger row 4: *Layout* says \`${typed}\`, not a layout TTS Profit writes (statement, onhold…): ` +
          "type it back. It tells which of an order's rows count.",
      );
    }
    const cleared = ledger.map((row, r) => (r === 0 ? row : row.map((v, c) => (c === layout ? '' : v))));
    expect(() => rt.call('TTS_SETTLEMENT', cleared)).toThrow('TTS Ledger row 2: *Layout* says ``');
  });

  it('give the same answers with a column of notes inserted after the Key', () => {
    const withNotes = ledger.map((row, r) => [row[0], r === 0 ? 'Notes' : `checked ${r}`, ...row.slice(1)]);
    expect(answers(withNotes)).toEqual(answers(ledger));
  });

  it('work out superseded estimates from the rows, not from the Superseded by marks the seller edits', () => {
    const marks = col('Superseded by');
    expect(marks).toBeGreaterThan(0);
    expect(ledger.slice(1).filter((r) => r[marks] !== '')).toHaveLength(5);
    const cleared = ledger.map((row, r) => (r === 0 ? row : row.map((c, i) => (i === marks ? '' : c))));
    const typed = ledger.map((row, r) =>
      r === 0 ? row : row.map((c, i) => (i === marks ? 'not this one' : c)),
    );
    expect(answers(cleared)).toEqual(answers(ledger));
    expect(answers(typed)).toEqual(answers(ledger));
  });

  it('skip a totals row typed under the data: the settlement is not doubled', () => {
    const totals: unknown[] = header.map((name) => (name === 'Product name' ? 'Total' : ''));
    totals[col('Total settlement amount')] = COUNTED_CENTS / 100;
    const withTotals = [...ledger, totals];
    expect(cents(rt.call('TTS_SETTLEMENT', withTotals))).toBe(COUNTED_CENTS);
    const fees = rt.call('TTS_FEES', withTotals) as unknown[][];
    expect(fees.slice(0, -1)).toEqual(rt.call('TTS_FEES', ledger));
    expect(fees[fees.length - 1][0]).toBe('1 row without a Key was skipped — it is not an imported row');
  });

  // An imported row keeps its Layout, Import ID and amounts: without its Key it is still a row of the
  // ledger, and skipping it would drop its money from every figure (a single number says nothing).
  it('refuse a row the add-on wrote whose Key the seller blanked, naming the row, instead of dropping it', () => {
    const key = col('Key');
    const layout = col('Layout');
    const settlement = col('Total settlement amount');
    const at = ledger.findIndex((r, i) => i > 0 && r[layout] === 'statement' && cents(r[settlement]) !== 0);
    const blanked = ledger.map((row, r) => (r === at ? row.map((c, i) => (i === key ? '' : c)) : row));
    const refusal =
      `Row ${at + 1}: the *Key* of a row TTS Profit wrote (its Layout says so) was cleared or typed over; ` +
      'type it back, or delete the row and import its file again.';
    for (const fn of ['TTS_SETTLEMENT', 'TTS_RECONCILE', 'TTS_NET_PROFIT'])
      expect(errorOf(() => rt.call(fn, blanked))).toBe(refusal);
  });

  it('refuse a row whose Key the sheet turned into a number, naming what the Key cell says', () => {
    const key = col('Key');
    const at = ledger.findIndex((r, i) => i > 0 && r[col('Layout')] === 'statement');
    const numbered = ledger.map((row, r) => (r === at ? row.map((c, i) => (i === key ? 5.77e17 : c)) : row));
    expect(errorOf(() => rt.call('TTS_SETTLEMENT', numbered))).toBe(
      `Row ${at + 1}: the *Key* of a row TTS Profit wrote (its Layout says so) was cleared or typed over ` +
        '(it says `5.77E+17`); type it back, or delete the row and import its file again.',
    );
  });

  it('give the same answers with stray spaces typed around the Key, IDs and Type', () => {
    const padded = ledger.map((row, r) =>
      r === 0
        ? row
        : row.map((c, i) =>
            typeof c === 'string' &&
            ['Key', 'Order/adjustment ID', 'SKU ID', 'Type'].includes(String(header[i]))
              ? ['\u00a0', ' ', '\t', ''][r % 4] + c + [' ', '', '\u3000', '\n'][r % 4]
              : c,
          ),
    );
    expect(padded[1][col('Key')]).not.toBe(ledger[1][col('Key')]);
    expect(answers(padded)).toEqual(answers(ledger));
  });

  it('count every row of a ledger that holds one kind of file', () => {
    const layout = col('Layout');
    const statementOnly = ledger.filter((r, i) => i === 0 || r[layout] === 'statement');
    expect(statementOnly).toHaveLength(9);
    expect(cents(rt.call('TTS_SETTLEMENT', statementOnly))).toBe(MARCH_CENTS);
  });
});
