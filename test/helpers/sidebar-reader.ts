/**
 * A file through the sidebar's reader as the page ends up with it: `parseStreamingRows` (the
 * worker's code, and the page's when a browser blocks workers), its row batches put back into the
 * files they belong to.
 */
import { fileSource } from '../../src/sidebar/parsing/file-source';
import { parseStreamingRows } from '../../src/sidebar/parsing/parse-file';
import type { LedgerRow } from '../../src/core/types';
import type { ParseOutcome } from '../../src/sidebar/parsing/parse-protocol';

/** `asFile`: read from a Blob a piece at a time, as a dropped file is; else from the bytes in memory. */
export async function parsedBySidebar(
  bytes: Uint8Array,
  fileName: string,
  { asFile = false } = {},
): Promise<ParseOutcome> {
  const rows = new Map<string | undefined, LedgerRow[]>();
  const source = asFile ? fileSource(new Blob([bytes.slice()]), fileName) : bytes;
  const outcome = await parseStreamingRows(source, fileName, {
    onRows: (sheet, batch) => {
      const kept = rows.get(sheet);
      if (kept) kept.push(...batch);
      else rows.set(sheet, [...batch]);
    },
    onRestart: () => rows.clear(),
  });
  return { ...outcome, files: outcome.files.map((file) => ({ ...file, rows: rows.get(file.sheet) ?? [] })) };
}
