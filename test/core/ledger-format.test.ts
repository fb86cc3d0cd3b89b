import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  amountIdsOf,
  LEDGER_FIXED_HEADER,
  ledgerHeader,
  ledgerRowToCells,
} from '../../src/core/ledger/ledger-format';
import { parseSheetRows } from '../../src/core/read/parse-export';
import { parseExportFile } from '../../src/core/read/parse-export-file';

const root = new URL('../../', import.meta.url).pathname;

describe('TTS Ledger tab format', () => {
  const parsed = parseExportFile(
    new Uint8Array(readFileSync(root + 'samples/statement-2026-05.csv')),
    'statement-2026-05.csv',
  ).files[0];

  it('writes fixed columns then only the amount columns that are non-zero somewhere', () => {
    const ids = amountIdsOf(parsed.rows);
    expect(ids).toContain('referral_fee');
    expect(ids).not.toContain('transaction_fee');
    const header = ledgerHeader(ids);
    expect(header.slice(0, LEDGER_FIXED_HEADER.length)).toEqual([
      'Key',
      'Import ID',
      'Source file',
      'Source row',
      'Layout',
      'Type',
      'Statement ID',
      'Order/adjustment ID',
      'Related order ID',
      'SKU ID',
      'Seller SKU',
      'Product name',
      'SKU name',
      'Quantity',
      'Order date',
      'Statement date',
      'Currency',
    ]);
    expect(header).toContain('Total settlement amount');
    const cells = ledgerRowToCells(parsed.rows[0], header, 'imp-1');
    expect(cells[1]).toBe('imp-1');
    expect(cells[14]).toBe(parsed.rows[0].orderDate);
  });

  it('round-trips through the same layout detection', () => {
    const header = ledgerHeader(amountIdsOf(parsed.rows));
    const sheet = [header, ...parsed.rows.map((r) => ledgerRowToCells(r, header, 'imp-1'))];
    const back = parseSheetRows(sheet, { fileName: 'TTS Ledger' });
    expect(back.layout).toBe('ledger');
    expect(back.rejects).toEqual([]);
    expect(back.rows).toHaveLength(parsed.rows.length);
    back.rows.forEach((row, i) => {
      const original = parsed.rows[i];
      const { details: _d, ...rest } = original;
      expect(row).toEqual({ ...rest, importId: 'imp-1' });
    });
    expect(back.totals).toEqual(parsed.totals);
    expect(back.reconciliation.ok).toBe(true);
  });
});

describe('TTS Ledger tab read back', () => {
  it('keeps a row whose key is longer than an ID: an adjustment with a long type', () => {
    // Statement ID | adjustment ID | adjustment ID | type: 19 + 18 + 18 + 3 separators + the type.
    const type =
      'Logistics reimbursement for a parcel lost in transit after the carrier confirmed the loss, second claim of the quarter';
    const header = [
      'Statement date (UTC)',
      'Statement ID',
      'Type',
      'Order/adjustment ID',
      'Total settlement amount',
      'Adjustment amount',
    ];
    const file = parseSheetRows(
      [header, ['2026/05/05', '7496021845520155393', type, '577389150020120001', '12.50', '12.50']],
      { fileName: 'statement.csv' },
    );
    expect(file.rejects).toEqual([]);
    expect(file.rows[0].key.length).toBeGreaterThan(100);
    const ledger = ledgerHeader(amountIdsOf(file.rows));
    const back = parseSheetRows([ledger, ledgerRowToCells(file.rows[0], ledger, 'imp-1')], {
      fileName: 'TTS Ledger',
    });
    expect(back.rejects).toEqual([]);
    expect(back.rows[0].key).toBe(file.rows[0].key);
    expect(back.rows[0].type).toBe(type);
  });
});
