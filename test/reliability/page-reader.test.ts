/**
 * Where a browser blocks workers, the page runs the worker's reader on the dropped File itself.
 * Every real TikTok export, every sample and the statements a seller re-saved in Excel, dropped
 * into that page reader: each gives exactly what the worker's code gives for the same bytes (every
 * row once, the same totals and messages), or is refused with a clear message naming the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileParser } from '../../src/sidebar/parsing/parse-in-worker';
import type { ParseOutcome } from '../../src/sidebar/parsing/parse-protocol';
import type { ParsedExport } from '../../src/core/types';
import { parsedBySidebar } from '../helpers/sidebar-reader';
import { messageDefect, recordInput } from './record';

const FOLDERS = ['test/fixtures/real', 'samples', 'test/fixtures/excel-resaved', 'test/fixtures/ads'];
const FILES = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => /\.(csv|xlsx)$/i.test(name))
    .map((name) => join(folder, name)),
);

const noWorker = () =>
  createFileParser(() => {
    throw new Error('Workers are blocked by policy');
  });

/** A file's ledger rows, or its ad rows for an ad report, by key. */
const keysOf = (file: ParsedExport): string[] => [
  ...file.rows.map((r) => r.key),
  ...(file.ads?.rows ?? []).map((r) => r.key),
];

/** What a seller sees of an outcome: each file's rows by key, totals and reconciliation, and the messages. */
function seen(outcome: ParseOutcome) {
  return {
    files: outcome.files.map((f) => ({
      sheet: f.sheet,
      layout: f.layout,
      keys: keysOf(f),
      totals: f.totals,
      period: f.period,
      reconciled: f.reconciliation.ok,
      rejects: f.rejects,
      unknownColumns: f.unknownColumns,
    })),
    errors: outcome.errors,
  };
}

describe('the page reader, when a browser blocks workers, on files nobody here generated', () => {
  it.each(FILES)('%s', async (path) => {
    const name = path.split('/').pop()!;
    const bytes = new Uint8Array(readFileSync(path));
    const inPage = await noWorker().parse(new File([bytes], name));
    const reference = await parsedBySidebar(bytes, name);
    expect(seen(inPage)).toEqual(seen(reference));
    for (const error of inPage.errors) expect(messageDefect(error.message, name)).toBe('');
    const keys = inPage.files.flatMap(keysOf);
    const wanted = new Set(reference.files.flatMap(keysOf));
    recordInput({
      suite: 'page-reader',
      input: name,
      outcome: inPage.files.length > 0 ? 'imported' : 'rejected',
      lost: [...wanted].filter((k) => !keys.includes(k)).length,
      duplicated: keys.length - new Set(keys).size,
    });
  });
});
