/**
 * Before Import, the sidebar asks how many of a file's rows the ledger already holds, so the
 * preview can say "1,453 of 1,453 rows already imported" instead of the seller finding out after:
 * by the rule Import writes by (core/ledger/ledger-repeats.ts).
 */
import type { LedgerKeysRequest, LedgerKeysResult } from '../../core/contract';
import { list, object, text } from './request-shapes';
import { cents } from './import-schemas';
import { ROW_FIELDS } from '../../core/read/row-fields';
import { ledgerKeyFor } from '../../core/ledger/ledger-repeats';
import { ledgerKeys, openLedger, settlementsByKey } from '../sheets/ledger-sheet';
import { checkRequest } from './request-check';

/** Keys per call: a 1 MB batch of the longest keys the import accepts. */
export const MAX_KEYS_PER_CALL = 20_000;

const LedgerKeysSchema = object({
  keys: list(text({ max: ROW_FIELDS.key.maxChars }), MAX_KEYS_PER_CALL),
  settlements: list(cents, MAX_KEYS_PER_CALL),
});

/** How many of the rows the TTS Ledger tab holds (0 when there is no ledger yet); reads the Key column once. */
export function countInLedger(arg: LedgerKeysRequest): LedgerKeysResult {
  const request = checkRequest(LedgerKeysSchema, arg, 'Ledger check');
  const tab = openLedger();
  if (!tab) return { present: 0, another: 0 };
  const keys = ledgerKeys(tab);
  // ledgerKeyFor adds each row's key to `keys`: a key held before the file is the ledger's own.
  const held = new Set(keys);
  let settled: Map<string, number[]> | undefined;
  const result = { present: 0, another: 0 };
  request.keys.forEach((key, i) => {
    const written = ledgerKeyFor(
      key,
      request.settlements[i],
      keys,
      () => (settled = settled || settlementsByKey(tab)),
    );
    if (written === null) result.present++;
    else if (held.has(key)) result.another++;
  });
  return result;
}
