/**
 * Every corpus input gets its required outcome: a correct import (exact rows and settlement, in
 * the ledger of the built bundle, no formula cell, nothing duplicated) or one clear message.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, SIZE_CASES } from '../corpus/expectations';
import {
  checkWorkbookSize,
  FileReadError,
  PIECE_BYTES,
  type ByteSource,
} from '../../src/core/read/files/read-file';
import { parseStreamingRows } from '../../src/sidebar/parsing/parse-file';
import { IMPORTS, LEDGER, column, ensureBuilt, harness } from '../server/import-harness';
import { ledgerCents, parseClassified } from './classify';
import { messageDefect, recordInput } from './record';

beforeAll(ensureBuilt);

const ZIP_SIGNATURE = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);

/** A file of `size` bytes that starts with `head`, the rest line feeds, counting the bytes read from it. */
function sizedSource(size: number, head: Uint8Array): ByteSource & { bytesRead: number } {
  const piece = new Uint8Array(PIECE_BYTES).fill(10);
  const source = {
    size,
    bytesRead: 0,
    read(start: number, end: number): Uint8Array {
      source.bytesRead += end - start;
      const bytes = piece.slice(0, end - start);
      if (start < head.length)
        bytes.set(head.subarray(start, Math.min(head.length, end)).subarray(0, end - start));
      return bytes;
    },
  };
  return source;
}

describe('hostile and broken input corpus', () => {
  it.each(CORPUS.map((entry) => [entry.name, entry] as const))('%s', async (name, entry) => {
    const bytes = entry.bytes();
    const parsed = parseClassified(bytes, name);
    if (parsed.kind === 'crash') {
      recordInput({ suite: 'corpus', input: name, outcome: 'crash', lost: 0, duplicated: 0 });
      throw new Error(
        `${name} crashed the parser: ${String((parsed.error as Error)?.stack ?? parsed.error)}`,
      );
    }
    const { result, defects } = parsed;
    expect(defects, `${name}: unclear messages`).toEqual([]);
    const expected = entry.expected;

    if (expected.outcome === 'rejected') {
      expect(result.files).toEqual([]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0].message).toMatch(expected.message);
      recordInput({ suite: 'corpus', input: name, outcome: 'rejected', lost: 0, duplicated: 0 });
      return;
    }

    expect(result.errors).toEqual([]);
    expect(result.files).toHaveLength(1);
    const file = result.files[0];
    const rejects = file.rejects;
    const rejectedRows = new Set(rejects.map((p) => p.row)).size;
    expect(rejectedRows, rejects.map((p) => p.message).join('\n')).toBe(expected.rejectedRows ?? 0);
    for (const p of rejects) expect(p.message).toMatch(expected.rejectPattern!);
    expect(file.rows).toHaveLength(expected.rows);
    expect(file.totals.settlement).toBe(expected.settlementCents);
    expect(file.reconciliation.mismatches).toEqual([]);
    const notes = file.readNotes ?? [];
    expect(notes).toHaveLength(expected.readNotes?.length ?? 0);
    (expected.readNotes ?? []).forEach((pattern, i) => expect(notes[i]).toMatch(pattern));
    if (expected.prepared) {
      const { totalsRows, ...counts } = expected.prepared;
      expect(file.prepared).toMatchObject(counts);
      expect(file.prepared!.totalsRows).toHaveLength(totalsRows.length);
      totalsRows.forEach((pattern, i) => expect(file.prepared!.totalsRows[i]).toMatch(pattern));
    }

    // The rows the parser accepted go into the ledger of the built bundle, each exactly once.
    const h = harness();
    const [outcome] = await h.importFiles([file], { maxRows: Math.max(3, Math.ceil(file.rows.length / 6)) });
    expect(outcome).toMatchObject({
      status: 'complete',
      written: expected.rows,
      duplicates: 0,
      rejected: rejectedRows,
    });
    const ledger = h.values(LEDGER);
    const keys = ledger.length > 0 ? column(ledger, 'Key') : [];
    const wanted = new Set(file.rows.map((r) => r.key));
    const lost = [...wanted].filter((k) => !keys.includes(k)).length;
    const duplicated = keys.length - new Set(keys).size + keys.filter((k) => !wanted.has(String(k))).length;
    recordInput({
      suite: 'corpus',
      input: name,
      outcome: expected.rows === 0 && rejects.length > 0 ? 'rejected' : 'imported',
      lost,
      duplicated,
    });
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
    // An order export settles nothing: its ledger has no settlement column (and its file no settlement).
    // An On-hold export's settlement is its estimate.
    const settlement = ['Total settlement amount', 'Total estimated settlement amount'].find(
      (label) => ledger.length > 0 && ledger[0].includes(label),
    );
    if (expected.rows > 0 && (settlement || expected.settlementCents !== 0)) {
      expect(ledgerCents(column(ledger, settlement ?? 'Total settlement amount'))).toBe(
        expected.settlementCents,
      );
    }
    // No text from a file is a formula: the only formulas are TTS COGS's own Unit cost totals.
    expect(
      h.workbook
        .formulaCells()
        .filter(
          (f) =>
            !(f.sheet === 'TTS COGS' && /^=IF\(COUNT\(E(\d+):I\1\),SUM\(E\1:I\1\),""\)$/.test(f.formula)),
        ),
    ).toEqual([]);
    expect(column(h.values(IMPORTS), 'Status')).toEqual(['complete']);
    const allText = new Set(ledger.flat().map(String));
    for (const text of expected.texts ?? [])
      expect(allText.has(text), `ledger holds ${JSON.stringify(text)}`).toBe(true);
  });

  it.each(SIZE_CASES.map((c) => [c.name, c] as const))(
    '%s is refused by its size from its first bytes, before it is read whole',
    async (name, sizeCase) => {
      const expected = sizeCase.expected;
      if (expected.outcome !== 'rejected') throw new Error('size cases are rejections');
      let thrown: unknown;
      try {
        checkWorkbookSize(name, sizeCase.size);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(FileReadError);
      expect((thrown as Error).message).toMatch(expected.message);
      expect(messageDefect((thrown as Error).message, name)).toBe('');

      // The worker's reader: the ZIP signature in the first piece, then the refusal.
      const source = sizedSource(sizeCase.size, ZIP_SIGNATURE);
      const outcome = await parseStreamingRows(source, name, { onRows: () => {} });
      expect(outcome.files).toEqual([]);
      expect(outcome.errors).toEqual([{ fileName: name, message: expect.stringMatching(expected.message) }]);
      expect(source.bytesRead).toBeLessThanOrEqual(PIECE_BYTES + 16);
      recordInput({ suite: 'corpus', input: name, outcome: 'rejected', lost: 0, duplicated: 0 });
    },
  );

  it('keeps the same workbook limit as the readers: 100 MB is read, one byte more is not', () => {
    expect(() => checkWorkbookSize('statement.xlsx', 100 * 1024 * 1024)).not.toThrow();
    expect(() => checkWorkbookSize('statement.xlsx', 100 * 1024 * 1024 + 1)).toThrow(FileReadError);
  });

  it('reads a CSV file past 100 MB: its size alone refuses nothing', async () => {
    const header = new TextEncoder().encode('Shopping list,Qty\r\n');
    const source = sizedSource(200 * 1024 * 1024, header);
    const outcome = await parseStreamingRows(source, 'notes.csv', { onRows: () => {} });
    // Read to its end, piece by piece (the rest is blank lines): refused for what it holds, not its size.
    expect(source.bytesRead).toBeGreaterThanOrEqual(200 * 1024 * 1024);
    expect(outcome.errors[0].message).toMatch(/^notes\.csv: no TikTok Shop export header found/);
  });
});
