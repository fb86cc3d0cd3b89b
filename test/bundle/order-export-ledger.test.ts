/**
 * An order export imported through the sidebar's reader, then the Statement that settles two of its
 * order lines (the preview: test/sidebar/order-export-preview.test.ts): the ledger readers count its sales
 * until a settled row supersedes the line, and never both. Refunds
 * without a return take the sale out of sales and units sold but keep the goods' cost. Every
 * figure is worked by hand in test/corpus/order-export.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/index';
import { privateBundleCopy } from '../helpers/built-bundle';
import { ensureBuilt, harness, LEDGER, type Harness } from '../server/import-harness';
import { outcomeText } from '../../src/sidebar/import/file-preview';
import {
  BOTH_EXPECTED,
  ORDER_EXPORT_EXPECTED,
  ORDER_EXPORT_FILE,
  orderExportCsv,
  STATEMENT_FILE,
  STATEMENT_SETTLEMENT,
  statementCsv,
  UNIT_COSTS,
} from '../corpus/order-export';

let bundle = '';
beforeAll(() => {
  ensureBuilt();
  bundle = privateBundleCopy();
});

import { sidebarRead } from '../sidebar/sidebar-read';

const dollars = (cents: number) => cents / 100;
const COGS_RANGE = [['SKU', 'Unit cost'], ...UNIT_COSTS];

/** The functions a seller would point at the ledger tab, through dist/Code.js. */
function figures(h: Harness) {
  const rt: GasRuntime = loadBundleInVm({ file: bundle, workbook: h.workbook });
  const ledger = h.values(LEDGER);
  const bySku = rt.call('TTS_PNL', ledger, COGS_RANGE, 'sku') as (string | number)[][];
  const header = bySku[0];
  const total = bySku.find((r) => r[0] === 'Total')!;
  return {
    gross: rt.call('TTS_SALES', ledger) as number,
    net: rt.call('TTS_SALES', ledger, '', 'net') as number,
    april: rt.call('TTS_SALES', ledger, '2026-04') as number,
    settlement: rt.call('TTS_SETTLEMENT', ledger) as number,
    units: total[header.indexOf('Units sold')],
    cogs: total[header.indexOf('COGS')],
    netProfit: rt.call('TTS_NET_PROFIT', ledger, COGS_RANGE) as number,
  };
}

describe('an order export, then the Statement of the same orders', () => {
  it('counts the order export alone: sales, units sold, and COGS of every unit that did not come back', async () => {
    const h = harness();
    const [outcome] = await h.importFiles([await sidebarRead(orderExportCsv(), ORDER_EXPORT_FILE)]);
    expect(outcome.status, outcome.message).toBe('complete');
    expect(outcome.written).toBe(5);
    const f = figures(h);
    // Gross kept 72.50 (B refunded, C's returned unit and D cancelled out); net 66.50.
    expect(f.gross).toBe(dollars(ORDER_EXPORT_EXPECTED.grossKept));
    expect(f.april).toBe(72.5);
    expect(f.net).toBe(dollars(ORDER_EXPORT_EXPECTED.netSales));
    expect(f.settlement).toBe(0);
    // Units sold 2 + 0 + 2 + 0 + 1 = 5; COGS: A 2 × $5 + B 1 × $4 (refunded, goods kept) + C 2 × $5 + E 1 × $4 = $28.
    expect(f.units).toBe(ORDER_EXPORT_EXPECTED.unitsSold);
    expect(f.cogs).toBe(28);
    expect(f.netProfit).toBe(-28);
    // The dashboard's April sales are the same 72.50.
    h.run('refreshDashboard', null);
    const april = h.values('TTS Dashboard').find((r) => r[0] === '2026-04')!;
    expect(april[1]).toBe(72.5);
  });

  it('counts each order line once when the Statement arrives: settled lines from the Statement, the rest from the order export', async () => {
    const h = harness();
    await h.importFiles([await sidebarRead(orderExportCsv(), ORDER_EXPORT_FILE)]);
    const [outcome] = await h.importFiles([await sidebarRead(statementCsv(), STATEMENT_FILE)]);
    expect(outcome.status, outcome.message).toBe('complete');
    expect(outcome.written).toBe(2);
    expect(outcome.settledEstimates).toBe(2);
    expect(outcomeText(outcome)).toContain('2 estimated rows now settled');
    const f = figures(h);
    // 62.50 gross kept, 57.50 net (doubling would give 72.50 + 40.00 + 10.00 = 122.50).
    expect(f.gross).toBe(dollars(BOTH_EXPECTED.grossKept));
    expect(f.net).toBe(dollars(BOTH_EXPECTED.netSales));
    expect(f.settlement).toBe(dollars(STATEMENT_SETTLEMENT));
    // Units sold A 2 + C 1 + E 1 = 4; COGS A $10 + B $4 + C $5 + E $4 = $23; net profit 42.30 − 23 = 19.30.
    expect(f.units).toBe(BOTH_EXPECTED.unitsSold);
    expect(f.cogs).toBe(23);
    expect(f.netProfit).toBe(19.3);
    h.run('refreshDashboard', null);
    const april = h.values('TTS Dashboard').find((r) => r[0] === '2026-04')!;
    expect(april[1]).toBe(62.5);
    // Importing the order export again adds nothing and changes nothing.
    const [again] = await h.importFiles([await sidebarRead(orderExportCsv(), ORDER_EXPORT_FILE)]);
    expect(again.written).toBe(0);
    expect(figures(h).gross).toBe(62.5);
  });
});
