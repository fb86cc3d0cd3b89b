/**
 * The playground's seller path without a Google account: the sample statement imported, unit costs
 * and a running cost typed into TTS COGS and TTS Costs cell by cell (validation as in Sheets), and a
 * cell holding =TTS_NET_PROFIT(…) worked out through the built bundle.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type Playground } from '../../playground/server.ts';
import type { SheetView } from '../../playground/workbook-view';
import { ensureBuilt, repoRoot } from '../helpers/built-bundle';
import { harness, sampleStatement } from '../server/import-harness';
import { saveWorkbook } from '../../emulator/persist';

let pg: Playground;
const workbookFile = join(mkdtempSync(join(tmpdir(), 'tts-pg-')), 'workbook.json');

beforeAll(async () => {
  ensureBuilt();
  const h = harness();
  await h.importFiles([sampleStatement()]);
  h.run('refreshDashboard', null); // makes TTS Costs
  saveWorkbook(h.workbook, workbookFile);
  pg = await startPlayground({ port: 0, root: repoRoot, workbookFile });
});
afterAll(() => pg?.close());

const typeInto = (sheet: string, row: number, column: number, input: string) =>
  fetch(`${pg.url}api/cell`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sheet, row, column, input }),
  });
const view = async (sheet: string) =>
  (await (await fetch(`${pg.url}api/workbook?sheet=${encodeURIComponent(sheet)}`)).json()) as SheetView;

describe('editing cells in the playground', () => {
  it('types unit costs, a running cost and a formula; the formula answers through the bundle', async () => {
    const cogs = await view('TTS COGS');
    expect(cogs.editable).toBe(true);
    // Every SKU at $5.00 (Product cost), one at 0.125: the total column's formula shows the sum.
    for (let r = 2; r <= cogs.lastRow; r++)
      expect((await typeInto('TTS COGS', r, 5, r === 2 ? '0.125' : '5')).status).toBe(200);
    const after = await view('TTS COGS');
    expect(after.rows[1][9]).toBe('$0.125');
    expect(after.rows[2][9]).toBe('$5.00');
    expect(after.formulas['2,10']).toBe('=IF(COUNT(E2:I2),SUM(E2:I2),"")');

    // Validation as in Sheets: a negative cost is refused with the help text.
    const refused = await typeInto('TTS COGS', 3, 6, '-1');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toContain('0 or more');

    for (const [c, text] of ['Software', '30', 'month', '', '', '2026-01-01'].entries())
      if (text) expect((await typeInto('TTS Costs', 2, c + 1, text)).status).toBe(200);
    expect(
      (
        await typeInto(
          'Sheet1',
          1,
          1,
          "=TTS_NET_PROFIT('TTS Ledger'!A:CZ, 'TTS COGS'!A:K, , 'TTS Costs'!A:G)",
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await typeInto(
          'Sheet1',
          3,
          1,
          "=TTS_PNL('TTS Ledger'!A:CZ, 'TTS COGS'!A:K, \"month\", 'TTS Costs'!A:G)",
        )
      ).status,
    ).toBe(200);
    const sheet1 = await view('Sheet1');
    // Settlement 4,613.85; units: SKU …5550021 (row 2 of the tab) is not necessarily the 0.125 one, so
    // the net profit is checked against the P&L table the same formula language spills below it.
    const table = sheet1.values.slice(2);
    expect(table[0].slice(0, 2)).toEqual(['Month', 'Gross sales']);
    const total = table.find((r) => r[0] === 'Total')!;
    const at = (name: string) => total[table[0].indexOf(name)] as number;
    // January to May at $30.00 each: the software runs from 1 January, before the first sale in April.
    expect(at('Running costs')).toBe(150);
    expect(sheet1.values[0][0]).toBe(at('Net profit'));
    expect(at('Net profit')).toBeCloseTo(4613.85 - at('COGS') - 150, 2);
  });

  it('leaves the add-on’s own tabs read-only', async () => {
    const res = await typeInto('TTS Ledger', 2, 1, 'x');
    expect(res.status).toBe(400);
    expect((await view('TTS Ledger')).editable).toBe(false);
  });
});
