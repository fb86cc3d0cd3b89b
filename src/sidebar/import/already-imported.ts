/**
 * Asks the server how many rows of a previewed file the ledger already holds, in batches small
 * enough for one call each, before anything is written.
 */
import type { ParsedExport } from '../../core/types';
import type { LedgerKeysRequest, LedgerKeysResult } from '../../core/contract';

/** The one server call this needs (the sidebar's ServerCaller fits). */
type KeysCaller = (name: 'countInLedger', arg: LedgerKeysRequest) => Promise<LedgerKeysResult>;

/** Keys per call, and characters of keys per call (well under one call's 2 MB). */
const BATCH_KEYS = 20_000;
const BATCH_CHARS = 900_000;

export async function countAlreadyImported(parsed: ParsedExport, call: KeysCaller): Promise<number> {
  let present = 0;
  let batch: string[] = [];
  let chars = 0;
  for (const row of parsed.rows) {
    if (batch.length === BATCH_KEYS || chars + row.key.length > BATCH_CHARS) {
      present += (await call('countInLedger', { keys: batch })).present;
      batch = [];
      chars = 0;
    }
    batch.push(row.key);
    chars += row.key.length + 3;
  }
  if (batch.length > 0) present += (await call('countInLedger', { keys: batch })).present;
  return present;
}
