/** Runs the core parser the way the sidebar does and sorts what came out: imported, rejected or crash. */
import { parseExportFile, type ParseFileResult } from '../../src/core/read/parse-export-file';
import { messageDefect } from './record';
import { readyFiles } from '../../src/core/ledger/ready-to-import';

export type ParseClass =
  { kind: 'parsed'; result: ParseFileResult; defects: string[] } | { kind: 'crash'; error: unknown };

/** Parses `bytes`; any exception is a crash. `defects` lists every message that is not clear. */
export function parseClassified(bytes: Uint8Array, fileName: string): ParseClass {
  let result: ParseFileResult;
  try {
    // As the sidebar reads a file: parse, then make each data sheet ready for the ledger.
    const parsed = parseExportFile(bytes, fileName);
    const ready = readyFiles(parsed.files);
    result = { ...parsed, files: ready.files, errors: [...parsed.errors, ...ready.errors] };
  } catch (error) {
    return { kind: 'crash', error };
  }
  const defects: string[] = [];
  for (const e of result.errors) {
    const defect = messageDefect(e.message, fileName);
    if (defect) defects.push(`${e.message.slice(0, 120)}: ${defect}`);
  }
  for (const file of result.files) {
    for (const p of file.rejects) {
      // A row problem names its file in `file` (shown beside it) and its row in the message.
      const defect =
        p.file !== fileName
          ? `names ${p.file}`
          : !p.message.includes(`Row ${p.row}`)
            ? 'does not name its row'
            : messageDefect(p.message);
      if (defect) defects.push(`${p.message.slice(0, 120)}: ${defect}`);
    }
  }
  return { kind: 'parsed', result, defects };
}

/** Settlement cents of rows as the ledger holds them (dollars back to cents). */
export function ledgerCents(values: unknown[]): number {
  return values.reduce<number>((sum, v) => sum + Math.round(Number(v === '' ? 0 : v) * 100), 0);
}
