import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayValue } from '../../emulator/index';
import type { LedgerRow } from '../../src/core/types';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { readyToImport } from '../../src/core/ledger/ready-to-import';
import {
  COGS,
  IMPORTS,
  LEDGER,
  column,
  ensureBuilt,
  harness,
  sampleStatement,
  withRows,
} from './import-harness';

beforeAll(ensureBuilt);

describe('importing the sample statement into TTS Ledger', () => {
  it('writes one ledger row per source row, with IDs as text, dates as dates and money in dollars', async () => {
    const parsed = sampleStatement();
    const h = harness();
    const [outcome] = await h.importFiles([parsed]);
    expect(outcome).toMatchObject({
      status: 'complete',
      written: parsed.rows.length,
      duplicates: 0,
      rejected: 0,
    });

    const ledger = h.values(LEDGER);
    expect(ledger).toHaveLength(parsed.rows.length + 1);
    expect(ledger[0].slice(0, 5)).toEqual(['Key', 'Import ID', 'Source file', 'Source row', 'Layout']);
    const sheet = h.workbook.sheet(LEDGER)!;
    expect(sheet.frozenRows).toBe(1);

    const first = parsed.rows[0];
    const orderIds = column(ledger, 'Order/adjustment ID');
    expect(orderIds[0]).toBe(first.orderId); // 18 digits kept as text, not 5.77E+17
    expect(column(ledger, 'SKU ID')[0]).toBe(first.skuId);
    const idCol = ledger[0].indexOf('Order/adjustment ID') + 1;
    expect(sheet.numberFormat(2, idCol)).toBe('@');

    const dateCol = ledger[0].indexOf('Order date') + 1;
    const orderDate = sheet.value(2, dateCol);
    expect(Object.prototype.toString.call(orderDate)).toBe('[object Date]');
    expect(displayValue(orderDate, sheet.numberFormat(2, dateCol), h.workbook.timeZone)).toBe(
      first.orderDate,
    );

    // Money: cents → dollars exactly, blank where the row has no amount.
    expect(column(ledger, 'Total settlement amount')[0]).toBe(first.amounts.total_settlement_amount / 100);
    const settlementTotal = column(ledger, 'Total settlement amount').reduce(
      (sum: number, v) => sum + Math.round(Number(v || 0) * 100),
      0,
    );
    expect(settlementTotal).toBe(parsed.totals.settlement);

    const log = h.values(IMPORTS);
    expect(log).toHaveLength(2);
    expect(column(log, 'File')[0]).toBe('statement-2026-05.csv');
    expect(column(log, 'New rows')[0]).toBe(parsed.rows.length);
    expect(column(log, 'Status')[0]).toBe('complete');
    expect(column(log, 'Settlement')[0]).toBe(4613.85);
    expect(column(log, 'Reconciliation')[0]).toBe('OK');
    expect(column(log, 'Period')[0]).toBe('2026-04-01 – 2026-05-28');
  });

  it('adds nothing when the same file is imported again, and only the new rows of an overlapping file', async () => {
    const parsed = sampleStatement();
    const h = harness();
    await h.importFiles([withRows(parsed, parsed.rows.slice(0, 120))], { maxRows: 50 });
    const [overlap] = await h.importFiles([withRows(parsed, parsed.rows.slice(80))], { maxRows: 50 });
    expect(overlap).toMatchObject({ written: parsed.rows.length - 120, duplicates: 40 });
    const [again] = await h.importFiles([parsed], { maxRows: 50 });
    expect(again).toMatchObject({ written: 0, duplicates: parsed.rows.length, status: 'complete' });

    const keys = column(h.values(LEDGER), 'Key');
    expect(keys).toHaveLength(parsed.rows.length);
    expect(new Set(keys).size).toBe(parsed.rows.length);
    expect(column(h.values(IMPORTS), 'New rows')).toEqual([120, parsed.rows.length - 120, 0]);
  });

  it('writes each chunk with exactly one setValues and reads the Key column once per chunk', async () => {
    const parsed = sampleStatement();
    const h = harness();
    h.run('beginImport', {
      fileName: 'x.csv',
      layout: 'statement',
      layoutLabel: 'x',
      period: { first: '', last: '' },
      rowsTotal: 0,
      rejected: 0,
      settlementCents: 0,
      netSalesCents: 0,
      feesCents: 0,
      reconciliation: 'OK',
      amountIds: [],
      unknownColumns: [],
    });
    const counts: number[] = [];
    const reads: number[] = [];
    const call = h.call;
    const counting = (async (name: string, arg: unknown) => {
      const before = h.workbook.calls.count('Range.setValues');
      const readsBefore = h.workbook.calls.count('Range.getValues');
      const result = await call(name as 'importChunk', arg as never);
      if (name === 'importChunk') {
        counts.push(h.workbook.calls.count('Range.setValues') - before);
        reads.push(h.workbook.calls.count('Range.getValues') - readsBefore);
      }
      return result;
    }) as typeof call;
    const { runImports } = await import('../../src/sidebar/import/import-runner');
    await runImports([parsed], { call: counting, limits: { maxRows: 40, maxBytes: 1_000_000 } });
    expect(counts).toEqual([1, 1, 1, 1, 1]); // 195 rows in chunks of 40
    expect(reads).toEqual([1, 2, 2, 2, 2]); // the header row, then the Key column once rows exist
    expect(h.workbook.calls.count('Range.setValue')).toBe(0);
  });

  it('keeps every text from a file as text: no formula, and the value reads back as written', async () => {
    const triggers = [
      '=HYPERLINK("http://x","click")',
      '+1+2',
      '-3+4',
      '@SUM(A1:A2)',
      '\t=1+1',
      '\r=1+1',
      "'quoted",
      '=1',
    ];
    const base = sampleStatement();
    const rows: LedgerRow[] = triggers.map((text, i) => ({
      ...base.rows[0],
      key: `${text}|${i}`,
      type: text,
      statementId: text,
      orderId: text,
      relatedOrderId: text,
      skuId: text,
      sellerSku: text,
      productName: text,
      skuName: text,
      currency: text,
      unknown: { 'Buyer note': text },
      source: { file: text, row: i + 2 },
    }));
    const h = harness();
    const [outcome] = await h.importFiles([withRows({ ...base, fileName: '=evil.csv' }, rows)]);
    expect(outcome.status).toBe('complete');
    // The only formulas are the add-on's own: each TTS COGS row's Unit cost, the sum of its parts.
    const cogsRows = h.values(COGS).length;
    expect(h.workbook.formulaCells()).toEqual(
      Array.from({ length: cogsRows - 1 }, (_, i) => ({
        sheet: COGS,
        a1: `J${i + 2}`,
        formula: `=IF(COUNT(E${i + 2}:I${i + 2}),SUM(E${i + 2}:I${i + 2}),"")`,
      })),
    );
    const ledger = h.values(LEDGER);
    for (const label of [
      'Key',
      'Type',
      'Statement ID',
      'Order/adjustment ID',
      'Related order ID',
      'SKU ID',
      'Seller SKU',
      'Product name',
      'SKU name',
      'Currency',
      'Source file',
      'Buyer note',
    ]) {
      const expected = label === 'Key' ? triggers.map((t, i) => `${t}|${i}`) : triggers;
      expect(column(ledger, label), label).toEqual(expected);
    }
    expect(column(h.values(IMPORTS), 'File')).toEqual(['=evil.csv']);
    // TTS COGS lists SKUs by trimmed ID: `\t=1+1` and `\r=1+1` are one SKU there.
    expect(column(h.values(COGS), 'Product name')).toEqual(triggers.filter((t) => t !== '\r=1+1'));
  });

  it('refuses to write while another import holds the lock, and writes nothing', async () => {
    const parsed = sampleStatement();
    const h = harness();
    const { importId } = h.run('beginImport', {
      fileName: 'a.csv',
      layout: 'statement',
      layoutLabel: 'x',
      period: { first: '', last: '' },
      rowsTotal: 3,
      rejected: 0,
      settlementCents: 0,
      netSalesCents: 0,
      feesCents: 0,
      reconciliation: 'OK',
      amountIds: ['total_settlement_amount'],
      unknownColumns: [],
    }) as { importId: string };
    const ledgerBefore = h.values(LEDGER);
    const writesBefore = h.workbook.calls.countMatching('Range.set');
    expect(() =>
      h.run('importChunk', { importId, chunkIndex: 0, rows: parsed.rows.slice(0, 3) }, (rt) =>
        rt.services.locks.holdByAnotherUser('document'),
      ),
    ).toThrow('Another import is writing to this spreadsheet. Wait a minute and try again.');
    expect(h.values(LEDGER)).toEqual(ledgerBefore);
    expect(h.workbook.calls.countMatching('Range.set')).toBe(writesBefore);
    // Once the lock is free the same chunk goes in.
    expect(h.run('importChunk', { importId, chunkIndex: 0, rows: parsed.rows.slice(0, 3) })).toEqual({
      written: 3,
      duplicates: 0,
    });
  });

  it('adds a new amount column at the end of the header, leaving earlier rows blank in it', async () => {
    const parsed = sampleStatement();
    const withoutAffiliate = parsed.rows.filter((r) => !r.amounts.affiliate_commission);
    const withAffiliate = parsed.rows.filter((r) => r.amounts.affiliate_commission);
    expect(withAffiliate.length).toBeGreaterThan(0);
    const h = harness();
    await h.importFiles([withRows(parsed, withoutAffiliate)]);
    const headerBefore = h.values(LEDGER)[0];
    expect(headerBefore).not.toContain('Affiliate commission');
    await h.importFiles([withRows(parsed, withAffiliate)]);
    const ledger = h.values(LEDGER);
    const added = ledger[0].slice(headerBefore.length);
    expect(ledger[0].slice(0, headerBefore.length)).toEqual(headerBefore);
    expect(added).toContain('Affiliate commission');
    expect(added.filter((label) => headerBefore.includes(label))).toEqual([]);
    const affiliate = column(ledger, 'Affiliate commission');
    expect(affiliate.slice(0, withoutAffiliate.length).every((v) => v === '')).toBe(true);
    expect(affiliate.slice(withoutAffiliate.length)).toEqual(
      withAffiliate.map((r) => r.amounts.affiliate_commission / 100),
    );
  });

  it('does not write amount columns that are zero in every row', async () => {
    const parsed = sampleStatement();
    const h = harness();
    await h.importFiles([parsed]);
    const header = h.values(LEDGER)[0];
    const used = new Set(parsed.rows.flatMap((r) => Object.keys(r.amounts)));
    expect(used.has('tiktok_shop_commission_fee')).toBe(false);
    expect(header).not.toContain('TikTok Shop commission fee');
    expect(header).toContain('Referral fee');
  });

  it('pre-fills TTS COGS with new SKUs and never touches the rows the seller filled in', async () => {
    const parsed = sampleStatement();
    const skus = [...new Set(parsed.rows.map((r) => r.skuId).filter(Boolean))];
    const first = parsed.rows.find((r) => r.skuId === skus[0])!;
    const h = harness();
    h.workbook.seed(COGS, [
      ['SKU ID', 'Seller SKU', 'Product name', 'SKU name', 'Unit cost', 'Effective from'],
      [`'${first.skuId}`, 'MY-SKU', 'My own name for it', 'as I like', 2.35, '2026-01-01'],
    ]);
    const [outcome] = await h.importFiles([parsed]);
    expect(outcome.cogsAdded).toBe(skus.length - 1);
    const cogs = h.values(COGS);
    expect(cogs[1]).toEqual([
      first.skuId,
      'MY-SKU',
      'My own name for it',
      'as I like',
      2.35,
      expect.any(Date),
    ]);
    expect(column(cogs, 'SKU ID')).toEqual(skus);
    expect(
      column(cogs, 'Unit cost')
        .slice(1)
        .every((v) => v === ''),
    ).toBe(true);
    const [again] = await h.importFiles([parsed]);
    expect(again.cogsAdded).toBe(0);
    expect(h.values(COGS)).toEqual(cogs);
  });

  it('logs a failed chunk and completes the rest on a second import, without duplicates', async () => {
    const parsed = sampleStatement();
    const h = harness();
    // begin: header + log row; chunk 1: one write; chunk 2: fails.
    let chunks = 0;
    const failing = (async (name: string, arg: unknown) => {
      if (name === 'importChunk' && ++chunks === 2) {
        return h.run(name, arg, (rt) =>
          rt.workbook.calls.failOnCall('Range.setValues', 1, 'Service error: Spreadsheets'),
        );
      }
      return h.call(name as 'importChunk', arg as never);
    }) as typeof h.call;
    const { runImports } = await import('../../src/sidebar/import/import-runner');
    const [failed] = await runImports([parsed], {
      call: failing,
      limits: { maxRows: 50, maxBytes: 1_000_000 },
    });
    h.workbook.calls.clearFailures();
    expect(failed).toMatchObject({ status: 'failed', written: 50, message: 'Service error: Spreadsheets' });
    expect(column(h.values(IMPORTS), 'Status')).toEqual(['failed']);
    expect(column(h.values(IMPORTS), 'Message')).toEqual(['Service error: Spreadsheets']);
    expect(column(h.values(LEDGER), 'Key')).toHaveLength(50);

    const [retry] = await h.importFiles([parsed], { maxRows: 50 });
    expect(retry).toMatchObject({ status: 'complete', written: parsed.rows.length - 50, duplicates: 50 });
    expect(new Set(column(h.values(LEDGER), 'Key')).size).toBe(parsed.rows.length);
  });
});

describe('the TTS Imports log', () => {
  it('logs every rejected row, also when their problems pass the 1,000 the card lists', async () => {
    // Every 0.00 of the May statement made unreadable: 191 of its 195 rows have a bad amount, most several.
    const text = readFileSync('samples/statement-2026-05.csv', 'utf8').replace(/,0\.00(?=,|\r?\n)/g, ',n/a');
    const parsed = readyToImport(parseExportFile(new TextEncoder().encode(text), 'bad.csv').files[0]);
    expect(parsed.rejects).toHaveLength(1000);
    const h = harness();
    const [outcome] = await h.importFiles([parsed]);
    expect(outcome).toMatchObject({ written: 4, rejected: 191 });
    const log = h.values(IMPORTS);
    expect([column(log, 'Rows in file'), column(log, 'Rejected')]).toEqual([[4], [191]]);
  });

  it('records a cancelled import with what was written', async () => {
    const parsed = sampleStatement();
    const h = harness();
    // Cancel is pressed once the first chunk is in the ledger.
    const [outcome] = await h.importFiles([parsed], {
      maxRows: 100,
      isCancelled: () => (h.workbook.sheet(LEDGER)?.lastRow() ?? 0) > 1,
    });
    expect(outcome).toMatchObject({ status: 'cancelled', written: 100 });
    const log = h.values(IMPORTS);
    expect(column(log, 'Status')).toEqual(['cancelled']);
    expect(column(log, 'New rows')).toEqual([100]);
    expect(column(log, 'Message')).toEqual([
      'Cancelled in the sidebar; import the file again to add the rest.',
    ]);
  });

  it('closes an import whose sidebar vanished when the next import starts', async () => {
    const parsed = sampleStatement();
    const h = harness();
    const begin = {
      fileName: 'lost.csv',
      layout: 'statement',
      layoutLabel: 'x',
      period: { first: '', last: '' },
      rowsTotal: 195,
      rejected: 0,
      settlementCents: 0,
      netSalesCents: 0,
      feesCents: 0,
      reconciliation: 'OK',
      amountIds: [],
      unknownColumns: [],
    };
    const { importId } = h.run('beginImport', begin) as { importId: string };
    h.run('importChunk', { importId, chunkIndex: 0, rows: parsed.rows.slice(0, 30) });
    // Eleven minutes later, with no finishImport:
    const props = h.workbook.properties.document;
    const key = `tts.import.${importId}`;
    props[key] = JSON.stringify({ ...JSON.parse(props[key]), updatedAt: Date.now() - 11 * 60 * 1000 });
    h.run('beginImport', { ...begin, fileName: 'next.csv' });
    const log = h.values(IMPORTS);
    expect(column(log, 'File')).toEqual(['lost.csv', 'next.csv']);
    expect(column(log, 'Status')).toEqual(['interrupted', 'in progress']);
    expect(column(log, 'New rows')[0]).toBe(30);
    expect(column(log, 'Message')[0]).toBe(
      'The sidebar stopped after 30 new rows. Import the file again to add the rest; rows already written are skipped.',
    );
    expect(props[key]).toBeUndefined();
    expect(column(h.values(COGS), 'SKU ID').length).toBeGreaterThan(0);
  });
});

describe('import handlers check their argument', () => {
  it('rejects a malformed chunk with the field and what was expected', () => {
    const h = harness();
    expect(() =>
      h.run('importChunk', {
        importId: '20260515-120000-abcd',
        chunkIndex: 0,
        rows: [{ key: 'k', orderId: 577 }],
      }),
    ).toThrow(/^Import chunk rejected: rows\[0\]\.layout: expected one of/);
    expect(() => h.run('importChunk', null)).toThrow(
      'Import chunk rejected: the request: expected object, found null.',
    );
    expect(() => h.run('beginImport', { fileName: '' })).toThrow(
      /^Import rejected: fileName: expected at least 1 characters/,
    );
    expect(() => h.run('finishImport', { importId: '../etc', status: 'complete' })).toThrow(
      /^Finish import rejected: importId/,
    );
  });

  it('rejects a chunk for an import that was never started', () => {
    const h = harness();
    const row = sampleStatement().rows[0];
    expect(() =>
      h.run('importChunk', { importId: '20260515-120000-abcd', chunkIndex: 0, rows: [row] }),
    ).toThrow(
      'Import 20260515-120000-abcd is not open (it was finished, or never started). Start the import again; rows already written are skipped.',
    );
  });

  it('rejects more rows than one chunk may carry', () => {
    const h = harness();
    const row = sampleStatement().rows[0];
    expect(() =>
      h.run('importChunk', {
        importId: '20260515-120000-abcd',
        chunkIndex: 0,
        rows: Array.from({ length: 5001 }, () => row),
      }),
    ).toThrow(/Import chunk rejected: (it holds \d+ characters|rows: expected at most 5000 items)/);
  });
});
