/** Parses one export file's bytes with the core, turning anything thrown into a per-file error. */
import { parseExportFile } from '../core/parse-export';
import type { ParseOutcome } from './parse-protocol';

export function parseBytes(bytes: Uint8Array, fileName: string): ParseOutcome {
  try {
    return parseExportFile(bytes, fileName);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { files: [], errors: [{ fileName, message }] };
  }
}
