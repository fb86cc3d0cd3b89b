/**
 * The dashboard's product cost, through the built bundle: COGS added up exactly and rounded once
 * per month, and the sold rows whose cost it cannot know (a cleared Quantity, a legacy Income
 * export's rows) named in its facts and refresh message, never costed at $0 in silence.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonRoundTrip, loadBundleInVm, Workbook } from '../../emulator/index';
import type { DashboardResult } from '../../src/core/contract';
import type { LedgerRow } from '../../src/core/types';
import { ensureBuilt } from './import-harness';
import { COGS_TAB, sale, seedCogs, seedLedger } from './dashboard-workbook';
import { inSandbox } from '../bundle/custom-functions-sheet';

beforeAll(ensureBuilt);

const DASHBOARD = 'TTS Dashboard';
const SKU = '1729000000000000001';

function refresh(workbook: Workbook): DashboardResult {
  const rt = loadBundleInVm({ workbook });
  return jsonRoundTrip(rt.call('refreshDashboard', null), 'result') as DashboardResult;
}

/** The profit block's row of `month`, by its header. */
function profitRow(workbook: Workbook, month: string): Record<string, unknown> {
  const values = workbook.valuesOf(DASHBOARD);
  const at = values.findIndex((r) => r[0] === 'Month' && r[1] === 'Settlement');
  const row = values.slice(at + 1).find((r) => r[0] === month)!;
  return Object.fromEntries(values[at].map((label, i) => [label, row[i]]));
}

function unitCostsFact(workbook: Workbook): unknown {
  return workbook.valuesOf(DASHBOARD).find((r) => r[9] === 'Unit costs')?.[10];
}

describe('the dashboard’s product cost', () => {
  it('1,000 one-unit sales at $0.125 cost $125.00 in their month, not 1,000 × $0.13', () => {
    const rows: LedgerRow[] = [];
    for (let i = 0; i < 1000; i++) rows.push(sale(`2026-04-${String(1 + (i % 28)).padStart(2, '0')}`, 3));
    const workbook = new Workbook();
    seedLedger(workbook, rows);
    seedCogs(workbook, [[SKU, 0.125]]);
    refresh(workbook);
    // Settlement: 1,000 × (3.00 − 0.18 referral) = 2,820.00; net profit 2,820.00 − 125.00.
    expect(profitRow(workbook, '2026-04')).toMatchObject({ Settlement: 2820, COGS: 125, 'Net profit': 2695 });
    expect(unitCostsFact(workbook)).toBe('Every sold SKU has a unit cost.');
  });

  it('a sold row whose Quantity was cleared: net profit is before its product cost, and says which row', () => {
    const rows = [sale('2026-04-10', 100, { qty: 2 }), sale('2026-04-11', 100, { qty: 0 })];
    const workbook = new Workbook();
    seedLedger(workbook, rows);
    seedCogs(workbook, [[SKU, 10]]);
    const result = refresh(workbook);
    const text =
      'Net profit is before product cost for 1 row with sales but no *Quantity* (the first: row ' +
      `${rows[1].source.row} of statement.csv): fill it`;
    expect(result.message).toContain(`${text}.`);
    expect(unitCostsFact(workbook)).toBe(text);
    // Only the row with its quantity is costed: 2 × 10.00.
    expect(profitRow(workbook, '2026-04')).toMatchObject({ COGS: 20 });
  });

  it('rows of a legacy Income export have no quantities: the dashboard says so and what to import', () => {
    const income = (day: string, n: number): LedgerRow => ({
      ...sale(day, 50),
      key: `income|57700000000000900${n}|Order|${day}`,
      layout: 'income',
      statementId: '',
      skuId: '',
      sellerSku: '',
      quantity: 0,
      source: { file: 'income_2024.csv', row: n + 1 },
    });
    const workbook = new Workbook();
    seedLedger(workbook, [
      sale('2026-04-10', 100, { qty: 2 }),
      income('2026-04-12', 1),
      income('2026-04-13', 2),
    ]);
    seedCogs(workbook, [[SKU, 10]]);
    const result = refresh(workbook);
    const text =
      'Net profit is before product cost for 2 rows of a legacy Income export (the first: row 2 of ' +
      'income_2024.csv), which has no quantities: import the Statement export of those orders (Finance → ' +
      'Statements) to replace them';
    expect(result.message).toContain(`${text}.`);
    expect(unitCostsFact(workbook)).toBe(text);
  });

  it('a unit cost of $0 (the =SUM of parts not filled in yet) is no unit cost, in every figure', () => {
    // 10 units sold for $300.00, referral −18.00: settlement 282.00. The Unit cost column is filled
    // down with =SUM(E2:I2) and the SKU's parts are blank, so Sheets shows and passes 0.
    const workbook = new Workbook();
    seedLedger(workbook, [sale('2026-05-03', 300, { qty: 10 })]);
    const header = [
      'SKU ID',
      'Product cost',
      'Inbound freight',
      'Duty / tariff',
      'Packaging',
      'Other per unit',
      'Unit cost',
    ];
    workbook.seed(COGS_TAB, [header, [`'${SKU}`, '', '', '', '', '', 0]]);
    const result = refresh(workbook);
    const named = `Net profit is before product cost for 1 sold SKU with no unit cost in TTS COGS: ${SKU}`;
    expect(unitCostsFact(workbook)).toBe(named);
    expect(result.message).toContain(
      'Net profit is before product cost for 1 sold SKU with no unit cost in TTS COGS.',
    );
    const rt = loadBundleInVm({ workbook });
    const tab = (name: string) => inSandbox(rt, workbook.valuesOf(name));
    expect(() => rt.call('TTS_NET_PROFIT', tab('TTS Ledger'), tab(COGS_TAB))).toThrow(
      `No unit cost for 1 sold SKU: ${SKU}.`,
    );
    expect(() => rt.call('TTS_COST_DETAIL', tab('TTS Ledger'), tab(COGS_TAB), '2026-05')).toThrow(
      `No unit cost for 1 sold SKU: ${SKU}.`,
    );
    expect(() => rt.call('TTS_NET_PROFIT', tab('TTS Ledger'), inSandbox(rt, [[SKU, 0]]))).toThrow(
      `No unit cost for 1 sold SKU: ${SKU}.`,
    );
    const missing = jsonRoundTrip(rt.call('getMissingUnitCosts', null), 'result') as {
      skus: { sku: string }[];
    };
    expect(missing.skus.map((s) => s.sku)).toEqual([SKU]);

    // Its product cost filled in: $4.50 a unit, COGS 45.00, net profit 282.00 − 45.00 = 237.00.
    workbook.seed(COGS_TAB, [[4.5, '', '', '', '', 4.5]], 2, 2);
    refresh(workbook);
    expect(unitCostsFact(workbook)).toBe('Every sold SKU has a unit cost.');
    expect(profitRow(workbook, '2026-05')).toMatchObject({ Settlement: 282, COGS: 45, 'Net profit': 237 });
    expect(rt.call('TTS_NET_PROFIT', tab('TTS Ledger'), tab(COGS_TAB))).toBe(237);
  });
});
