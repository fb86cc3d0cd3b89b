/**
 * Import-level properties and fault injection, through the handlers of the built bundle with
 * HtmlService's JSON round trip: however files are split, repeated, reordered or interrupted
 * (a failing write, a lost connection, a busy lock, a closed sidebar), importing again ends with
 * the same ledger, every row exactly once, and the TTS Imports log says what happened.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { GAS_FAILURES } from '../../emulator/index';
import { LEDGER_TAB } from '../../src/core/ledger/ledger-format';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import type { ParsedExport } from '../../src/core/types';
import { runImports, type ServerCaller } from '../../src/sidebar/import/import-runner';
import { IMPORTS, column, ensureBuilt, harness, withRows, type Harness } from '../server/import-harness';
import { recordInput } from './record';

beforeAll(ensureBuilt);

const LOCK_BUSY = 'Another import is writing to this spreadsheet. Wait a minute and try again.';

function statement(rows: number, seed: number): ParsedExport {
  const name = `statement-${seed}.csv`;
  const parsed = parseExportFile(
    new TextEncoder().encode(generateStatementCsv({ rows, seed, start: '2026-01-01', months: 3 }).csv),
    name,
  );
  if (parsed.errors.length > 0) throw new Error(parsed.errors[0].message);
  return parsed.files[0];
}

/** The ledger as a bookkeeper compares two: key → every non-blank cell by header, import IDs aside. */
function ledgerSnapshot(h: Harness): Map<string, Record<string, string>> {
  const values = h.values(LEDGER_TAB);
  const snapshot = new Map<string, Record<string, string>>();
  if (values.length === 0) return snapshot;
  const header = values[0].map(String);
  for (const row of values.slice(1)) {
    const cells: Record<string, string> = {};
    header.forEach((label, i) => {
      const v = row[i];
      if (label === 'Import ID' || v === '' || v === null || v === undefined) return;
      cells[label] = v instanceof Date ? v.toISOString() : String(v);
    });
    snapshot.set(String(cells.Key), cells);
  }
  return snapshot;
}

/** Rows of `files` missing from the ledger, and ledger rows beyond one per key. */
function lossAndDuplicates(h: Harness, files: readonly ParsedExport[]): { lost: number; duplicated: number } {
  const values = h.values(LEDGER_TAB);
  const keys = values.length > 0 ? column(values, 'Key').map(String) : [];
  const wanted = new Set(files.flatMap((f) => f.rows.map((r) => r.key)));
  const present = new Set(keys);
  return {
    lost: [...wanted].filter((k) => !present.has(k)).length,
    duplicated: keys.length - present.size + [...present].filter((k) => !wanted.has(k)).length,
  };
}

async function reference(files: readonly ParsedExport[]): Promise<Map<string, Record<string, string>>> {
  const h = harness();
  await h.importFiles([...files]);
  return ledgerSnapshot(h);
}

/** Checks the final ledger against the reference and records the input for the summary. */
function settle(
  suite: string,
  input: string,
  h: Harness,
  files: readonly ParsedExport[],
  want: Map<string, Record<string, string>>,
): void {
  const counts = lossAndDuplicates(h, files);
  // Column order may differ (new amount columns are added at the right as files arrive): compare by label.
  const canonical = (m: Map<string, Record<string, string>>) =>
    JSON.stringify(
      [...m.keys()]
        .sort()
        .map((k) => Object.entries(m.get(k)!).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    );
  const same = canonical(ledgerSnapshot(h)) === canonical(want);
  recordInput({
    suite,
    input,
    outcome: same && counts.lost === 0 && counts.duplicated === 0 ? 'imported' : 'crash',
    ...counts,
  });
  expect(counts).toEqual({ lost: 0, duplicated: 0 });
  expect([...ledgerSnapshot(h)].sort()).toEqual([...want].sort());
}

const dateOf = (r: ParsedExport['rows'][number]) => r.orderDate || r.statementDate;

describe('import properties', () => {
  it('importing files once, twice, in any order or as overlapping date ranges gives the same ledger', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 4, max: 18 }),
        fc.integer({ min: 4, max: 18 }),
        fc.integer({ min: 1, max: 99_999 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.nat(4),
        fc.array(fc.nat(), { minLength: 2, maxLength: 8 }),
        fc.nat(),
        async (rowsA, rowsB, seed, cuts, overlap, repeats, orderSeed) => {
          const files = [statement(rowsA, seed), statement(rowsB, seed + 1)];
          const want = await reference(files);
          // Each file as date windows that overlap by `overlap` rows, plus whole files again.
          const pieces: ParsedExport[] = [];
          for (const file of files) {
            const byDate = [...file.rows].sort((a, b) =>
              dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0,
            );
            const bounds = [...new Set([0, ...cuts.map((c) => c % byDate.length), byDate.length])].sort(
              (a, b) => a - b,
            );
            for (let i = 0; i + 1 < bounds.length; i++)
              pieces.push(withRows(file, byDate.slice(Math.max(0, bounds[i] - overlap), bounds[i + 1])));
          }
          for (const r of repeats.slice(0, 3))
            pieces.push(r % 2 === 0 ? files[r % files.length] : pieces[r % pieces.length]);
          const order = pieces
            .map((p, i) => ({ p, k: (i * 7919 + orderSeed) % 104_729 }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.p);
          const h = harness();
          const outcomes = await h.importFiles(order, { maxRows: 5 });
          expect(outcomes.every((o) => o.status === 'complete')).toBe(true);
          expect(outcomes.reduce((n, o) => n + o.written, 0)).toBe(want.size);
          settle(
            'import-order',
            `${order.length} overlapping pieces of seeds ${seed}, ${seed + 1}`,
            h,
            files,
            want,
          );
        },
      ),
      { numRuns: 6 },
    );
  });

  it('a file split into any chunk sizes gives the same ledger', async () => {
    const file = statement(24, 4242);
    const want = await reference([file]);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1500, max: 1_000_000 }),
        async (maxRows, maxBytes) => {
          const h = harness();
          const [outcome] = await runImports([file], { call: h.call, limits: { maxRows, maxBytes } });
          expect(outcome).toMatchObject({ status: 'complete', written: file.rows.length, duplicates: 0 });
          settle(
            'chunk-sizes',
            `${file.rows.length} rows in chunks of ${maxRows} rows / ${maxBytes} bytes`,
            h,
            [file],
            want,
          );
        },
      ),
      { numRuns: 8 },
    );
  });
});

/** A caller that passes every call to the bundle, except that `fault` may replace one. */
function callerWith(
  h: Harness,
  fault: (name: string, arg: unknown, n: number) => Promise<unknown> | undefined,
): ServerCaller {
  const counts = new Map<string, number>();
  return (async (name: string, arg: unknown) => {
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    const replaced = fault(name, arg, n);
    if (replaced !== undefined) return replaced;
    return h.run(name, arg);
  }) as ServerCaller;
}

describe('fault injection', () => {
  const file = statement(20, 777);
  let want: Map<string, Record<string, string>>;
  beforeAll(async () => {
    want = await reference([file]);
  });

  it('a write that fails anywhere in an import (quota, timeout, service error) is finished by importing again', async () => {
    // How many setValues a clean import makes, so the failure can land on any of them.
    const probe = harness();
    await probe.importFiles([file], { maxRows: 4 });
    const writes = probe.workbook.calls.count('Range.setValues');
    const messages = [
      GAS_FAILURES.serviceError,
      GAS_FAILURES.maxExecutionTime,
      GAS_FAILURES.timedOut('sheet'),
      'Exceeded maximum rate of writes (quota)',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: writes }),
        fc.constantFrom(...messages),
        async (nth, message) => {
          const h = harness();
          h.workbook.calls.failOnCall('Range.setValues', nth, message);
          const [first] = await h.importFiles([file], { maxRows: 4 });
          h.workbook.calls.clearFailures();
          const log = h.values(IMPORTS);
          if (first.status === 'failed') {
            expect(first.message).toBe(message);
            // The file's log row (if its first write went in) says it failed and why.
            if (log.length > 1) {
              expect(column(log, 'Status')).toEqual(['failed']);
              expect(column(log, 'Message')).toEqual([message]);
            }
          } else {
            // Only the log update failed: the rows are in and the seller is told.
            expect(first.message).toMatch(/^Rows were written, but the import log could not be updated: /);
          }
          const [again] = await h.importFiles([file], { maxRows: 4 });
          expect(again).toMatchObject({
            status: 'complete',
            written: file.rows.length - first.written,
            duplicates: first.written,
          });
          expect(column(h.values(IMPORTS), 'Status').at(-1)).toBe('complete');
          settle('faults', `setValues call ${nth} fails: ${message}`, h, [file], want);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('a chunk written whose answer never reaches the sidebar (lost connection) is skipped on the next import', async () => {
    for (const lostChunk of [1, 3, 5]) {
      const h = harness();
      const call = callerWith(h, (name, arg, n) => {
        if (name !== 'importChunk' || n !== lostChunk) return undefined;
        h.run(name, arg);
        return Promise.reject(new Error('NetworkError: Connection failure due to HTTP 0'));
      });
      const [first] = await runImports([file], { call, limits: { maxRows: 4, maxBytes: 1_000_000 } });
      expect(first).toMatchObject({
        status: 'failed',
        message: 'NetworkError: Connection failure due to HTTP 0',
      });
      expect(column(h.values(IMPORTS), 'Status')).toEqual(['failed']);
      expect(column(h.values(LEDGER_TAB), 'Key')).toHaveLength(4 * lostChunk);
      const [again] = await h.importFiles([file], { maxRows: 4 });
      expect(again).toMatchObject({
        status: 'complete',
        written: file.rows.length - 4 * lostChunk,
        duplicates: 4 * lostChunk,
      });
      settle('faults', `connection lost after chunk ${lostChunk} was written`, h, [file], want);
    }
  });

  it('a busy document lock gives a clear message and leaves nothing half-written', async () => {
    for (const busyAt of ['beginImport', 'importChunk', 'finishImport'] as const) {
      const h = harness();
      const call = callerWith(h, (name, arg, n) =>
        name === busyAt && n === (busyAt === 'importChunk' ? 3 : 1)
          ? Promise.resolve().then(() =>
              h.run(name, arg, (rt) => rt.services.locks.holdByAnotherUser('document')),
            )
          : undefined,
      );
      const [first] = await runImports([file], { call, limits: { maxRows: 4, maxBytes: 1_000_000 } });
      const ledger = h.values(LEDGER_TAB);
      const keys = ledger.length > 0 ? column(ledger, 'Key') : [];
      if (busyAt === 'beginImport') {
        expect(first).toMatchObject({ status: 'failed', message: LOCK_BUSY, written: 0 });
        expect(keys).toEqual([]);
        expect(h.values(IMPORTS)).toEqual([]);
      } else if (busyAt === 'importChunk') {
        expect(first).toMatchObject({ status: 'failed', message: LOCK_BUSY, written: 8 });
        expect(keys).toHaveLength(8);
        expect(column(h.values(IMPORTS), 'Message')).toEqual([LOCK_BUSY]);
      } else {
        expect(first).toMatchObject({
          status: 'complete',
          written: file.rows.length,
          message: `Rows were written, but the import log could not be updated: ${LOCK_BUSY}`,
        });
      }
      // Every row written is whole: each equals the same row of a clean import.
      for (const [key, cells] of ledgerSnapshot(h)) expect(cells).toEqual(want.get(key));
      const [again] = await h.importFiles([file], { maxRows: 4 });
      expect(again.status).toBe('complete');
      settle('faults', `document lock busy at ${busyAt}`, h, [file], want);
    }
  });

  it('a sidebar closed mid-import leaves whole chunks; the next import logs it as interrupted and adds the rest', async () => {
    for (const closedAfter of [0, 2, 4]) {
      const h = harness();
      const call = callerWith(h, (name, _arg, n) =>
        (name === 'importChunk' && n > closedAfter) || name === 'finishImport'
          ? new Promise(() => {})
          : undefined,
      );
      void runImports([file], { call, limits: { maxRows: 4, maxBytes: 1_000_000 } });
      for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
      const ledger = h.values(LEDGER_TAB);
      expect(ledger.length > 0 ? column(ledger, 'Key') : []).toHaveLength(4 * closedAfter);
      for (const [key, cells] of ledgerSnapshot(h)) expect(cells).toEqual(want.get(key));
      expect(column(h.values(IMPORTS), 'Status')).toEqual(['in progress']);

      // Eleven minutes later the seller opens the sidebar and imports the file again.
      const props = h.workbook.properties.document;
      for (const key of Object.keys(props).filter((k) => k.startsWith('tts.import.'))) {
        const state = JSON.parse(props[key]) as { updatedAt: number };
        state.updatedAt -= 11 * 60 * 1000;
        props[key] = JSON.stringify(state);
      }
      const [again] = await h.importFiles([file], { maxRows: 4 });
      expect(again, again.message).toMatchObject({
        status: 'complete',
        written: file.rows.length - 4 * closedAfter,
        duplicates: 4 * closedAfter,
      });
      const log = h.values(IMPORTS);
      expect(column(log, 'Status')).toEqual(['interrupted', 'complete']);
      expect(column(log, 'New rows')).toEqual([4 * closedAfter, file.rows.length - 4 * closedAfter]);
      expect(String(column(log, 'Message')[0])).toMatch(
        /^The sidebar stopped after \d+ new rows\. Import the file again to add the rest/,
      );
      settle('faults', `sidebar closed after chunk ${closedAfter}`, h, [file], want);
    }
  });

  it('a cancelled import says so in the log and a re-import adds the rest', async () => {
    const h = harness();
    let chunks = 0;
    const call = callerWith(h, (name) => {
      if (name === 'importChunk') chunks++;
      return undefined;
    });
    const [first] = await runImports([file], {
      call,
      limits: { maxRows: 4, maxBytes: 1_000_000 },
      isCancelled: () => chunks >= 2,
    });
    expect(first, first.message).toMatchObject({ status: 'cancelled', written: 8 });
    expect(column(h.values(IMPORTS), 'Status')).toEqual(['cancelled']);
    const [again] = await h.importFiles([file], { maxRows: 4 });
    expect(again).toMatchObject({ status: 'complete', written: file.rows.length - 8, duplicates: 8 });
    settle('faults', 'cancelled after chunk 2', h, [file], want);
  });
});
