/**
 * The sidebar's ad report import: rows into the TTS Ads tab, keyed by day, campaign, ad group or
 * product and report. The same rows again add nothing; changed figures for a day already there
 * come back as revisions and are written only when the seller confirms them. The ad account's
 * clock is remembered for the next import.
 */
import type { AdsImportRequest, AdsImportResult } from '../../core/contract';
import { mergeAdRows } from '../../core/ledger/ads-merge';
import { parseAdClock } from '../../core/read/ad-clock';
import { adLevelOf, adRowKey, type AdRow } from '../../core/read/ad-rows';
import { prefillAdSkus } from '../sheets/ad-skus-sheet';
import { appendAdRows, openAdsTab, replaceAdRows } from '../sheets/ads-sheet';
import { withDocumentLock } from '../sheets/document-lock';
import { AdsImportSchema } from './import-schemas';
import { checkRequest } from './request-check';

const CLOCK_KEY = 'tts.ads.clock';

export function getAdsClock(_arg: null): string {
  return PropertiesService.getDocumentProperties().getProperty(CLOCK_KEY) ?? '';
}

export function importAds(arg: AdsImportRequest): AdsImportResult {
  const request = checkRequest(AdsImportSchema, arg, 'Ads import');
  const clock = parseAdClock(request.clock);
  if (clock === null) throw new Error(`Ads import rejected: clock: expected the ad account's UTC offset such as UTC-07:00, found "${request.clock}".`);
  // Keys and levels are the core's, never the caller's: a hand-made key cannot slip past the duplicate check.
  const rows: AdRow[] = request.rows.map((r) => {
    const row = { ...r, clock };
    return { ...row, level: adLevelOf(row), key: adRowKey(row) };
  });
  return withDocumentLock(() => {
    PropertiesService.getDocumentProperties().setProperty(CLOCK_KEY, clock);
    const tab = openAdsTab();
    const merge = mergeAdRows(tab.rows, rows, new Set(request.replace));
    const importedAt = new Date().toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
    appendAdRows(tab, merge.fresh, importedAt);
    replaceAdRows(tab, merge.replace, importedAt);
    prefillAdSkus(merge.fresh);
    return { written: merge.fresh.length, duplicates: merge.duplicates, replaced: merge.replace.length, revisions: merge.revisions };
  });
}
