/**
 * Asks the server how many rows of a previewed file the ledger already holds, in batches small
 * enough for one call each, before anything is written.
 */
import type { ParsedExport } from '../../core/types';
import type { LedgerKeysRequest, LedgerKeysResult } from '../../core/contract';
import { settlementOf } from '../../core/ledger/ledger-repeats';

/** The one server call this needs (the sidebar's ServerCaller fits). */
type KeysCaller = (name: 'countInLedger', arg: LedgerKeysRequest) => Promise<LedgerKeysResult>;

/** Keys per call, and characters of keys per call (well under one call's 2 MB). */
const BATCH_KEYS = 20_000;
const BATCH_CHARS = 900_000;

/** How many of the file's rows Import would skip as already in the ledger (the server decides, as Import does). */
export async function countAlreadyImported(parsed: ParsedExport, call: KeysCaller): Promise<number> {
  return (await countInLedgerRows(parsed, call)).present;
}

/** {@link countAlreadyImported}, and how many rows hold a key the ledger holds with another settlement. */
export async function countInLedgerRows(parsed: ParsedExport, call: KeysCaller): Promise<LedgerKeysResult> {
  const sum: LedgerKeysResult = { present: 0, another: 0 };
  let batch: LedgerKeysRequest = { keys: [], settlements: [] };
  let chars = 0;
  const send = async () => {
    const { present, another } = await call('countInLedger', batch);
    sum.present += present;
    sum.another += another;
  };
  for (const row of parsed.rows) {
    if (batch.keys.length === BATCH_KEYS || chars + row.key.length > BATCH_CHARS) {
      await send();
      batch = { keys: [], settlements: [] };
      chars = 0;
    }
    batch.keys.push(row.key);
    batch.settlements.push(settlementOf(row.amounts));
    chars += row.key.length + 20;
  }
  if (batch.keys.length > 0) await send();
  return sum;
}
