/**
 * A statement that says which orders are samples (a *Sample order type* column) through the built
 * bundle: TTS_PNL over the export range believes the column, and so does it over the TTS Ledger tab
 * after an import (the ledger keeps the column). Worked by hand:
 *   sale          TANK ×1, net 20.00, referral −1.20, settlement 18.80, type blank (the rule: a sale)
 *   free sample   TANK ×2, gross 40.00 − 40.00 discount, shipping 0 (TikTok paid it), settlement 0
 *   paid sample   TANK ×1, net 15.00, settlement 15.00 (the creator bought it: a sale)
 * TANK costs $5.00. With the column: COGS (1 + 1) × 5 = 10.00, Samples 2 × 5 + 0 = 10.00, gross
 * profit 33.80 − 10.00 = 23.80, net profit 13.80. Without it the free sample has no seller-paid
 * shipping, so the rule takes it for a sale: COGS 4 × 5 = 20.00, Samples 0.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { distCodeFile } from '../helpers/built-bundle';
import { csvOf } from '../core/helpers';
import { exportRows, inSandbox, sheetRange } from '../bundle/custom-functions-sheet';
import { column, ensureBuilt, harness, LEDGER } from './import-harness';

beforeAll(ensureBuilt);

const HEADER = [...STATEMENT_HEADER_2024, 'Sample order type'];
const common = {
  'Statement date (UTC)': '2026/05/20',
  'Statement ID': '7496021845520155399',
  Currency: 'USD',
  Status: 'Paid',
  'Related order ID': '/',
};
const order = (id: string, qty: string, type: string, amounts: Record<string, string>) => ({
  ...common,
  Type: 'Order',
  'Order/adjustment ID': id,
  'SKU ID': '1732440158393635811',
  Quantity: qty,
  'Order created date': '2026/05/02',
  'Sample order type': type,
  ...amounts,
});
const ROWS = exportRows(HEADER, [
  order('577000000000000701', '1', '', {
    'Total settlement amount': '18.80',
    'Net sales': '20.00',
    'Gross sales': '20.00',
    Fees: '-1.20',
    'Referral fee': '-1.20',
  }),
  order('577000000000000702', '2', 'free sample from seller', {
    'Total settlement amount': '0.00',
    'Net sales': '0.00',
    'Gross sales': '40.00',
    'Seller discount': '-40.00',
  }),
  order('577000000000000703', '1', 'paid sample', {
    'Total settlement amount': '15.00',
    'Net sales': '15.00',
    'Gross sales': '15.00',
  }),
]);
const COGS = [
  ['SKU', 'Unit cost'],
  ['1732440158393635811', 5],
];
const pick = (table: unknown[][], names: string[]) => {
  const total = table[table.length - 1];
  return names.map((n) => total[table[0].indexOf(n)]);
};
const NAMES = ['Settlement', 'COGS', 'Gross profit', 'Samples', 'Net profit'];

describe('the Sample order type column', () => {
  it('TTS_PNL over the export believes it; without it the rule decides', () => {
    const rt = loadBundleInVm({ file: distCodeFile });
    const withColumn = rt.call('TTS_PNL', sheetRange(rt, ROWS), inSandbox(rt, COGS)) as unknown[][];
    expect(pick(withColumn, NAMES)).toEqual([33.8, 10, 23.8, 10, 13.8]);
    const withoutColumn = ROWS.map((row) => row.slice(0, -1));
    expect(
      pick(rt.call('TTS_PNL', sheetRange(rt, withoutColumn), inSandbox(rt, COGS)) as unknown[][], NAMES),
    ).toEqual([33.8, 20, 13.8, 0, 13.8]);
  });

  it('survives the import: the ledger keeps the column, and TTS_PNL over the ledger gives the same figures', async () => {
    const parsed = parseExportFile(csvOf(ROWS), 'statement-samples.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.files[0].rows.map((r) => r.sampleType)).toEqual([
      undefined,
      'free sample from seller',
      'paid sample',
    ]);
    const h = harness();
    const [outcome] = await h.importFiles(parsed.files);
    expect(outcome).toMatchObject({ status: 'complete', written: 3 });
    const ledger = h.values(LEDGER);
    expect(column(ledger, 'Sample order type')).toEqual(['', 'free sample from seller', 'paid sample']);
    const rt = loadBundleInVm({ file: distCodeFile, workbook: h.workbook });
    const table = rt.call('TTS_PNL', inSandbox(rt, ledger), inSandbox(rt, COGS)) as unknown[][];
    expect(pick(table, NAMES)).toEqual([33.8, 10, 23.8, 10, 13.8]);
  });
});
