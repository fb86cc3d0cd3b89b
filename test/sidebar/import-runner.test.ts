// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ImportChunkRequest } from '../../src/core/contract';
import { beginRequestOf, runImports } from '../../src/sidebar/import/import-runner';
import { fakeServer } from './fake-server';
import { parsedExport } from './parsed-fixture';

const SMALL = { maxRows: 100, maxBytes: 1_000_000 };

describe('runImports', () => {
  it('announces the file, sends 250 rows as chunks of 100, 100, 50 one at a time, then closes it', async () => {
    const server = fakeServer();
    const progress: number[] = [];
    const [outcome] = await runImports([parsedExport(250)], {
      call: server.call,
      limits: SMALL,
      onProgress: (sent) => progress.push(sent),
    });
    expect(server.calls.map((c) => c.name)).toEqual([
      'beginImport',
      'importChunk',
      'importChunk',
      'importChunk',
      'finishImport',
    ]);
    expect(
      server.calls
        .filter((c) => c.name === 'importChunk')
        .map((c) => (c.arg as ImportChunkRequest).rows.length),
    ).toEqual([100, 100, 50]);
    expect(server.maxInFlight).toBe(1);
    expect(progress).toEqual([100, 200, 250]);
    expect(outcome).toMatchObject({ written: 250, duplicates: 0, status: 'complete', cogsAdded: 1 });
    expect(server.calls[4].arg).toEqual({ importId: expect.any(String), status: 'complete' });
  });

  it('counts rows the ledger already holds as duplicates on a second import', async () => {
    const server = fakeServer();
    await runImports([parsedExport(120)], { call: server.call, limits: SMALL });
    const [again] = await runImports([parsedExport(150)], { call: server.call, limits: SMALL });
    expect(again).toMatchObject({ written: 30, duplicates: 120, status: 'complete' });
  });

  it('stops after the chunk in flight when Cancel is pressed, and closes the import as cancelled', async () => {
    const server = fakeServer();
    let cancelled = false;
    server.beforeChunk = (i) => {
      if (i === 1) cancelled = true;
    };
    const outcomes = await runImports([parsedExport(350), parsedExport(10, { fileName: 'second.csv' })], {
      call: server.call,
      limits: SMALL,
      isCancelled: () => cancelled,
    });
    expect(server.calls.filter((c) => c.name === 'importChunk')).toHaveLength(2);
    expect(outcomes[0]).toMatchObject({ written: 200, status: 'cancelled' });
    expect(outcomes[1]).toMatchObject({ written: 0, status: 'cancelled' });
    expect(server.calls.at(-1)).toEqual({
      name: 'finishImport',
      arg: { importId: expect.any(String), status: 'cancelled' },
    });
    expect(server.calls.filter((c) => c.name === 'beginImport')).toHaveLength(1);
  });

  it('closes a file as failed with the server message and still imports the next file', async () => {
    const server = fakeServer();
    server.failChunk = {
      n: 1,
      message: 'Another import is writing to this spreadsheet. Wait a minute and try again.',
    };
    const other = parsedExport(5, {
      fileName: 'june.csv',
      rows: parsedExport(5).rows.map((r) => ({ ...r, key: `june-${r.key}` })),
    });
    const outcomes = await runImports([parsedExport(250), other], { call: server.call, limits: SMALL });
    expect(outcomes[0]).toMatchObject({
      written: 100,
      status: 'failed',
      message: 'Another import is writing to this spreadsheet. Wait a minute and try again.',
    });
    expect(outcomes[1]).toMatchObject({ written: 5, status: 'complete' });
    const finishes = server.calls.filter((c) => c.name === 'finishImport').map((c) => c.arg);
    expect(finishes[0]).toMatchObject({
      status: 'failed',
      message: 'Another import is writing to this spreadsheet. Wait a minute and try again.',
    });
  });

  it('sends nothing the HtmlService serializer would break: no Date, no undefined', async () => {
    const server = fakeServer();
    await runImports([parsedExport(3)], { call: server.call, limits: SMALL });
    const chunk = server.calls.find((c) => c.name === 'importChunk')!.arg as ImportChunkRequest;
    expect(JSON.parse(JSON.stringify(chunk))).toEqual(chunk);
  });
});

describe('beginRequestOf', () => {
  it('summarises the file for the TTS Imports tab', () => {
    const parsed = parsedExport(4, {
      rejects: [{ file: 'x.csv', row: 9, message: 'bad' }],
      reconciliation: {
        rowsChecked: 4,
        ok: false,
        unclassifiedColumns: [],
        totalChecks: [],
        mismatches: [
          {
            source: { file: 'x.csv', row: 2 },
            orderId: '1',
            type: 'Order',
            settlement: 1,
            sumOfParts: 0,
            difference: 1,
          },
          {
            source: { file: 'x.csv', row: 3 },
            orderId: '2',
            type: 'Order',
            settlement: 1,
            sumOfParts: 0,
            difference: 1,
          },
        ],
      },
    });
    expect(beginRequestOf(parsed)).toEqual({
      fileName: 'statement-2026-05.csv',
      layout: 'statement',
      layoutLabel: 'US Statement export (2024 CSV)',
      period: { first: '2026-05-01', last: '2026-05-31' },
      rowsTotal: 4,
      // No row of the file repeats another.
      repeats: '',
      rejected: 1,
      settlementCents: 7368,
      netSalesCents: 10000,
      feesCents: -2632,
      reconciliation: '2 rows differ',
      amountIds: ['total_settlement_amount', 'gross_sales', 'transaction_fee', 'referral_fee'],
      unknownColumns: [],
      skuIds: [...new Set(parsed.rows.map((r) => r.skuId))],
    });
  });
});
