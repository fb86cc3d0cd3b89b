/**
 * One ad report's import from its card: refused until the ad account's time zone is chosen, then
 * sent; revised rows are listed on the card with a button that replaces them when pressed, and
 * rows that look like a renamed campaign with a button that adds them.
 */
import type { ParsedExport } from '../../core/types';
import { plural } from '../format';
import type { AdsCard } from './ads-preview';
import { confirmRenames, confirmRevisions, runAdsImport, adsFileName, type AdsOutcome } from './ads-runner';
import type { ServerCaller } from './import-runner';

export async function importAdReport(
  parsed: ParsedExport,
  card: AdsCard,
  call: ServerCaller,
  isCancelled: () => boolean,
): Promise<AdsOutcome> {
  const clock = card.clock();
  if (clock === '') {
    return {
      fileName: adsFileName(parsed),
      layoutLabel: parsed.layoutLabel,
      written: 0,
      duplicates: 0,
      rejected: parsed.rejects.length,
      status: 'failed',
      cogsAdded: 0,
      settledEstimates: 0,
      revisions: [],
      renames: [],
      replaced: 0,
      message:
        "choose the ad account's time zone on the card first (Ads Manager shows it in the account settings; it never changes)",
    };
  }
  const outcome = await runAdsImport(parsed, clock, call, isCancelled);
  const show = (text: string) => {
    const result = card.element.querySelector('.result');
    if (result) result.textContent = text;
  };
  card.showRevisions(outcome.revisions, () => {
    void confirmRevisions(parsed, clock, outcome.revisions, call).then((done) => {
      show(
        done.status === 'complete'
          ? `Replaced ${plural(done.replaced, 'revised row')}.`
          : `Failed: ${done.message ?? 'unknown error'}`,
      );
      card.showRevisions([], () => undefined);
    });
  });
  card.showRenames(outcome.renames, () => {
    void confirmRenames(parsed, clock, outcome.renames, call).then((done) => {
      show(
        done.status === 'complete'
          ? `Added ${plural(done.written, 'row')} as other campaigns.`
          : `Failed: ${done.message ?? 'unknown error'}`,
      );
      card.showRenames([], () => undefined);
    });
  });
  return outcome;
}
