/**
 * The sidebar's ad report import: rows into the TTS Ads tab, keyed by day, campaign, ad group or
 * product and report. The same rows again add nothing; changed figures for a day already there,
 * and rows that look like a renamed campaign, come back to be confirmed and are written only then.
 * The ad account's clock is remembered for the next import. Each file gets its TTS Imports row,
 * opened by its first chunk and completed by its last.
 */
import type { AdsImportRequest, AdsImportResult } from '../../core/contract';
import { mergeAdRows } from '../../core/ledger/ads-merge';
import { parseAdClock } from '../../core/read/ad-clock';
import { adLevelOf, adRowKey, type AdRow } from '../../core/read/ad-rows';
import { markLedgerChanged } from '../dashboard/dashboard-freshness';
import { prefillAdSkus } from '../sheets/ad-skus-sheet';
import { appendAdRows, openAdsTab, replaceAdRows } from '../sheets/ads-sheet';
import { withDocumentLock } from '../sheets/document-lock';
import { checkImportsTab, logAdReportStarted, logImportFinished } from '../sheets/imports-log';
import { AdsImportSchema, MAX_CHUNK_CHARS } from './import-schemas';
import { CANCELLED, newImportId } from './import-state';
import { checkRequest } from './request-check';
import { documentProperties } from '../document-store';
import { plural } from '../../core/words';

const CLOCK_KEY = 'tts.ads.clock';
/** Counts of an ad report's chunks so far, by import id (deleted when its last chunk is in). */
const TALLY_PREFIX = 'tts.ads.import.';

interface AdsTally {
  written: number;
  duplicates: number;
  replaced: number;
  revisions: number;
  renames: number;
}

export function getAdsClock(_arg: null): string {
  return documentProperties().getProperty(CLOCK_KEY) || '';
}

export function importAds(arg: AdsImportRequest): AdsImportResult {
  const request = checkRequest(AdsImportSchema, arg, 'Ads import', MAX_CHUNK_CHARS);
  const clock = parseAdClock(request.clock);
  if (clock === null)
    throw new Error(
      `Ads import rejected: clock: expected the ad account's UTC offset such as UTC-07:00, found "${request.clock}".`,
    );
  // Keys and levels are the core's, never the caller's: a hand-made key cannot slip past the duplicate check.
  const rows: AdRow[] = request.rows.map((r) => {
    const row = { ...r, clock };
    return { ...row, level: adLevelOf(row), key: adRowKey(row) };
  });
  return withDocumentLock(() => {
    const properties = documentProperties();
    const now = new Date();
    let importId = request.importId;
    if (importId === '') {
      checkImportsTab();
      importId = newImportId(now);
      logAdReportStarted(importId, { ...request.file, fileName: request.fileName }, now);
    }
    properties.setProperty(CLOCK_KEY, clock);
    const tab = openAdsTab(extraColumnsOf(rows));
    const merge = mergeAdRows(
      tab.rows,
      rows,
      { replace: new Set(request.replace), add: new Set(request.add) },
      tab.keyCells,
    );
    const importedAt = now.toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
    appendAdRows(tab, merge.fresh, importedAt);
    replaceAdRows(tab, merge.replace, importedAt);
    prefillAdSkus(merge.fresh);

    const counts: AdsTally = {
      written: merge.fresh.length,
      duplicates: merge.duplicates,
      replaced: merge.replace.length,
      revisions: merge.revisions.length,
      renames: merge.renames.length,
    };
    // This chunk's counts added to the file's so far (the first chunk starts them).
    const raw = properties.getProperty(TALLY_PREFIX + importId);
    const tally: AdsTally = raw ? (JSON.parse(raw) as AdsTally) : { ...counts };
    if (raw) for (const count of Object.keys(counts) as (keyof AdsTally)[]) tally[count] += counts[count];
    if (request.end === 'more') properties.setProperty(TALLY_PREFIX + importId, JSON.stringify(tally));
    else properties.deleteProperty(TALLY_PREFIX + importId);
    const status =
      request.end === 'more' ? 'in progress' : request.end === 'cancelled' ? 'cancelled' : 'complete';
    logImportFinished(importId, tally, status, logMessage(clock, tally, request.end));
    if (request.end !== 'more') markLedgerChanged(request.fileName, tally.written + tally.replaced, now);
    return { ...counts, importId, revisions: merge.revisions, renames: merge.renames };
  });
}

/** The report columns the rows keep, first seen first. */
function extraColumnsOf(rows: readonly AdRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const header in row.extra) seen.add(header);
  return [...seen];
}

/** The TTS Imports row's message: the clock the days are in, what was replaced, what waits for the seller. */
function logMessage(clock: string, tally: AdsTally, end: AdsImportRequest['end']): string {
  const parts = [`Days in the ad account's clock, ${clock}.`];
  if (tally.replaced > 0) parts.push(`${plural(tally.replaced, 'row')} revised by the report replaced.`);
  if (tally.revisions > 0)
    parts.push(
      `${plural(tally.revisions, 'row')} with revised figures kept as they were until confirmed on the card.`,
    );
  if (tally.renames > 0)
    parts.push(
      `${plural(tally.renames, 'row')} matching a row under another name (a renamed campaign?) not added until confirmed on the card.`,
    );
  if (end === 'cancelled') parts.push(CANCELLED);
  return parts.join(' ');
}
