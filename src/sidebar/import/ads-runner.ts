/**
 * Sending an ad report's rows to the TTS Ads tab: chunk by chunk with the ad account's clock,
 * collecting the revised rows the server holds back; then, when the seller confirms, the revised
 * rows again with their keys marked to replace.
 */
import type { AdRevision } from '../../core/ledger/ads-merge';
import type { AdRow } from '../../core/read/ad-rows';
import type { ParsedExport } from '../../core/types';
import type { ImportOutcome, ServerCaller } from './import-runner';

/** Rows per call: an ad row is under 1 KB, so a chunk stays far below the 2 MB a call accepts. */
export const ADS_CHUNK_ROWS = 1000;

export interface AdsOutcome extends ImportOutcome {
  revisions: AdRevision[];
  replaced: number;
}

function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

export function adsFileName(parsed: ParsedExport): string {
  return parsed.sheet ? `${parsed.fileName} (${parsed.sheet})` : parsed.fileName;
}

async function send(call: ServerCaller, parsed: ParsedExport, clock: string, rows: readonly AdRow[], replace: readonly string[], outcome: AdsOutcome, isCancelled: () => boolean): Promise<void> {
  for (let i = 0; i < rows.length; i += ADS_CHUNK_ROWS) {
    if (isCancelled()) {
      outcome.status = 'cancelled';
      return;
    }
    const chunk = rows.slice(i, i + ADS_CHUNK_ROWS);
    const keys = new Set(chunk.map((r) => r.key));
    try {
      const result = await call('importAds', { fileName: adsFileName(parsed), clock, rows: chunk, replace: replace.filter((k) => keys.has(k)) });
      outcome.written += result.written;
      outcome.duplicates += result.duplicates;
      outcome.replaced += result.replaced;
      outcome.revisions.push(...result.revisions);
    } catch (error) {
      outcome.status = 'failed';
      outcome.message = errorMessage(error);
      return;
    }
  }
}

/** Imports one ad report; revised rows come back in `revisions`, not written. */
export async function runAdsImport(parsed: ParsedExport, clock: string, call: ServerCaller, isCancelled: () => boolean = () => false): Promise<AdsOutcome> {
  const outcome: AdsOutcome = {
    fileName: adsFileName(parsed), layoutLabel: parsed.layoutLabel, written: 0, duplicates: 0, rejected: parsed.rejects.length,
    status: 'complete', cogsAdded: 0, settledEstimates: 0, revisions: [], replaced: 0,
  };
  await send(call, parsed, clock, parsed.ads?.rows ?? [], [], outcome, isCancelled);
  return outcome;
}

/** Writes the revised rows the seller confirmed over the tab's rows of the same key. */
export async function confirmRevisions(parsed: ParsedExport, clock: string, revisions: readonly AdRevision[], call: ServerCaller): Promise<AdsOutcome> {
  const keys = new Set(revisions.map((r) => r.key));
  const rows = (parsed.ads?.rows ?? []).filter((r) => keys.has(r.key));
  const outcome: AdsOutcome = {
    fileName: adsFileName(parsed), layoutLabel: parsed.layoutLabel, written: 0, duplicates: 0, rejected: 0,
    status: 'complete', cogsAdded: 0, settledEstimates: 0, revisions: [], replaced: 0,
  };
  await send(call, parsed, clock, rows, [...keys], outcome, () => false);
  return outcome;
}
