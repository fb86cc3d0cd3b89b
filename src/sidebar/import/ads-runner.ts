/**
 * Sending an ad report's rows to the TTS Ads tab: chunk by chunk with the ad account's clock,
 * collecting the revised rows and suspected renames the server holds back; then, when the seller
 * confirms, those rows again with their keys marked to replace or to add. Every send is one row
 * of the TTS Imports tab, opened by the first chunk and closed by the last.
 */
import type { AdsImportRequest } from '../../core/contract';
import type { AdRename, AdRevision } from '../../core/ledger/ads-merge';
import type { AdRow } from '../../core/read/ad-rows';
import type { ParsedExport } from '../../core/types';
import type { ImportOutcome, ServerCaller } from './import-runner';
import { chunkRows } from './chunks';

/** Rows per call, and bytes: the report's own columns kept on each row can make a row several KB. */
export const ADS_CHUNK_LIMITS = { maxRows: 1000, maxBytes: 900_000 };

export interface AdsOutcome extends ImportOutcome {
  revisions: AdRevision[];
  renames: AdRename[];
  replaced: number;
}

/** Keys the seller confirmed on the card. */
interface Confirmed {
  replace: readonly string[];
  add: readonly string[];
}

const NONE: Confirmed = { replace: [], add: [] };

function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

export function adsFileName(parsed: ParsedExport): string {
  return parsed.sheet ? `${parsed.fileName} (${parsed.sheet})` : parsed.fileName;
}

function fileOf(parsed: ParsedExport, rows: number): AdsImportRequest['file'] {
  return {
    layoutLabel: parsed.layoutLabel,
    period: { ...parsed.period },
    rowsTotal: rows,
    rejected: parsed.rejects.length,
  };
}

async function send(
  call: ServerCaller,
  parsed: ParsedExport,
  clock: string,
  rows: readonly AdRow[],
  confirmed: Confirmed,
  outcome: AdsOutcome,
  isCancelled: () => boolean,
): Promise<void> {
  let importId = '';
  const file = fileOf(parsed, rows.length);
  const request = (chunk: readonly AdRow[], end: AdsImportRequest['end']): AdsImportRequest => {
    const keys = new Set(chunk.map((r) => r.key));
    return {
      fileName: adsFileName(parsed),
      clock,
      rows: [...chunk],
      importId,
      file,
      end,
      replace: confirmed.replace.filter((k) => keys.has(k)),
      add: confirmed.add.filter((k) => keys.has(k)),
    };
  };
  const chunks = rows.length === 0 ? [[]] : chunkRows(rows, ADS_CHUNK_LIMITS);
  for (let i = 0; i < chunks.length; i++) {
    if (isCancelled()) {
      outcome.status = 'cancelled';
      // Closes the file's TTS Imports row (nothing else is written).
      if (importId !== '') await call('importAds', request([], 'cancelled')).catch(() => undefined);
      return;
    }
    try {
      const result = await call('importAds', request(chunks[i], i === chunks.length - 1 ? 'last' : 'more'));
      importId = result.importId;
      outcome.written += result.written;
      outcome.duplicates += result.duplicates;
      outcome.replaced += result.replaced;
      outcome.revisions.push(...result.revisions);
      outcome.renames.push(...result.renames);
    } catch (error) {
      outcome.status = 'failed';
      outcome.message = errorMessage(error);
      return;
    }
  }
}

function newOutcome(parsed: ParsedExport, rejected: number): AdsOutcome {
  return {
    fileName: adsFileName(parsed),
    layoutLabel: parsed.layoutLabel,
    written: 0,
    duplicates: 0,
    rejected,
    status: 'complete',
    cogsAdded: 0,
    settledEstimates: 0,
    revisions: [],
    renames: [],
    replaced: 0,
  };
}

/** Imports one ad report; revised rows and suspected renames come back in `revisions` and `renames`, not written. */
export async function runAdsImport(
  parsed: ParsedExport,
  clock: string,
  call: ServerCaller,
  isCancelled: () => boolean = () => false,
): Promise<AdsOutcome> {
  const outcome = newOutcome(parsed, parsed.rejects.length);
  await send(call, parsed, clock, parsed.ads?.rows ?? [], NONE, outcome, isCancelled);
  return outcome;
}

/** Writes the revised rows the seller confirmed over the tab's rows of the same key. */
export async function confirmRevisions(
  parsed: ParsedExport,
  clock: string,
  revisions: readonly AdRevision[],
  call: ServerCaller,
): Promise<AdsOutcome> {
  const keys = new Set(revisions.map((r) => r.key));
  const outcome = newOutcome(parsed, 0);
  await send(
    call,
    parsed,
    clock,
    (parsed.ads?.rows ?? []).filter((r) => keys.has(r.key)),
    { replace: [...keys], add: [] },
    outcome,
    () => false,
  );
  return outcome;
}

/** Adds the rows the seller says are other campaigns, not renamed ones. */
export async function confirmRenames(
  parsed: ParsedExport,
  clock: string,
  renames: readonly AdRename[],
  call: ServerCaller,
): Promise<AdsOutcome> {
  const keys = new Set(renames.map((r) => r.key));
  const outcome = newOutcome(parsed, 0);
  await send(
    call,
    parsed,
    clock,
    (parsed.ads?.rows ?? []).filter((r) => keys.has(r.key)),
    { replace: [], add: [...keys] },
    outcome,
    () => false,
  );
  return outcome;
}
