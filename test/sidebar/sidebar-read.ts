/** As the sidebar reads a file: the worker's streaming parse, rows put back, made ready for the ledger. */
import { expect } from 'vitest';
import { parseStreamingRows } from '../../src/sidebar/parsing/parse-file';
import { readyFiles } from '../../src/core/ledger/ready-to-import';
import type { LedgerRow, ParsedExport } from '../../src/core/types';

export async function sidebarRead(text: string | Uint8Array, name: string): Promise<ParsedExport> {
  const parsed = await sidebarReadAll(text, name);
  expect(parsed.errors).toEqual([]);
  return parsed.files[0];
}

/** {@link sidebarRead} with the file's errors, for files that are refused. */
export async function sidebarReadAll(
  text: string | Uint8Array,
  name: string,
): Promise<{ files: ParsedExport[]; errors: { fileName: string; message: string }[] }> {
  const rows: LedgerRow[] = [];
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const outcome = await parseStreamingRows(bytes, name, {
    onRows: (_s, batch) => rows.push(...batch),
    onRestart: () => (rows.length = 0),
  });
  if (outcome.errors.length > 0) return { files: [], errors: outcome.errors };
  const ready = readyFiles(outcome.files.map((f) => ({ ...f, rows })));
  return { files: ready.files, errors: ready.errors };
}
