/**
 * The layout ids are one list (LAYOUT_IDS in src/core/types.ts); everything that names layouts must
 * agree with it, so adding a layout in one place and forgetting another fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { amountIdsOf, ledgerHeader, ledgerRowToCells } from '../../src/core/ledger/ledger-format';
import { LAYOUTS, layoutLabel } from '../../src/core/read/layouts';
import { parseSheetRows } from '../../src/core/read/parse-export';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { LAYOUT_IDS, type LayoutId } from '../../src/core/types';
import { BeginImportSchema, LedgerRowSchema } from '../../src/server/import/import-schemas';
import { checkShape } from '../../src/server/import/request-shapes';

const root = new URL('../../', import.meta.url).pathname;
const sample = parseExportFile(
  new Uint8Array(readFileSync(root + 'samples/statement-2026-05.csv')),
  'statement-2026-05.csv',
).files[0];

describe('layout ids', () => {
  it('the layout table describes each layout id once, with a name a seller reads', () => {
    expect(LAYOUTS.map((l) => l.id).sort()).toEqual([...LAYOUT_IDS].sort());
    for (const id of LAYOUT_IDS) expect(layoutLabel(id, []).length, id).toBeGreaterThan(3);
  });

  it('a TTS Ledger row keeps each layout it was imported from; an unknown one reads as the ledger', () => {
    const rows = [...LAYOUT_IDS, 'mystery'].map((layout, i) => ({
      ...sample.rows[i],
      layout: layout as LayoutId,
    }));
    const header = ledgerHeader(amountIdsOf(rows));
    const back = parseSheetRows([header, ...rows.map((r) => ledgerRowToCells(r, header, 'imp-1'))], {
      fileName: 'TTS Ledger',
    });
    expect(back.rejects).toEqual([]);
    expect(back.rows.map((r) => r.layout)).toEqual([...LAYOUT_IDS, 'ledger']);
  });

  it('the import handlers accept each layout id and refuse any other', () => {
    const begin = {
      fileName: 'f.csv',
      layoutLabel: 'x',
      period: { first: '2026-04-01', last: '2026-04-30' },
      rowsTotal: 1,
      rejected: 0,
      settlementCents: 0,
      netSalesCents: 0,
      feesCents: 0,
      reconciliation: 'OK',
      amountIds: [],
      unknownColumns: [],
    };
    const { details: _details, ...row } = sample.rows[0];
    for (const layout of LAYOUT_IDS) {
      expect(checkShape(BeginImportSchema, { ...begin, layout }).ok, layout).toBe(true);
      expect(checkShape(LedgerRowSchema, { ...row, layout }).ok, layout).toBe(true);
    }
    for (const layout of ['Statement', 'statement ', 'unknown', '']) {
      expect(checkShape(BeginImportSchema, { ...begin, layout }).ok, layout).toBe(false);
      expect(checkShape(LedgerRowSchema, { ...row, layout }).ok, layout).toBe(false);
    }
  });
});
