/** Parses one export file's bytes with the core, turning anything thrown into a per-file error. */
import { parseExportFile, parseExportFileAsync } from '../core/parse-export';
import type { ParseOutcome } from './parse-protocol';

function failure(fileName: string, error: unknown): ParseOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return { files: [], errors: [{ fileName, message }] };
}

export function parseBytes(bytes: Uint8Array, fileName: string): ParseOutcome {
  try {
    return parseExportFile(bytes, fileName);
  } catch (error) {
    return failure(fileName, error);
  }
}

/**
 * `parseBytes` with workbooks inflated by the browser's native decompressor, streamed into the
 * reader: what the parse worker and the in-page fallback use.
 */
export async function parseBytesAsync(bytes: Uint8Array, fileName: string): Promise<ParseOutcome> {
  try {
    return await parseExportFileAsync(bytes, fileName);
  } catch (error) {
    return failure(fileName, error);
  }
}
