/**
 * Ad rows arriving against the rows the TTS Ads tab holds: new keys are added, the same figures
 * are duplicates, and changed figures for a day already there (ad platforms revise recent days)
 * are revisions, shown to the seller and written only once confirmed.
 */
import { formatCents } from '../money';
import { AD_FIGURES, type AdFigure, type AdRow } from '../read/ad-rows';

export interface AdChange {
  /** `Cost`, `Gross revenue`, … or `Clock`. */
  what: string;
  before: string;
  after: string;
}

export interface AdRevision {
  key: string;
  day: string;
  /** Campaign, and the ad group, ad or product, as the seller names them. */
  what: string;
  changes: AdChange[];
}

export interface AdsMerge {
  fresh: AdRow[];
  duplicates: number;
  /** Rows whose revision the seller confirmed: they replace the tab's row of the same key. */
  replace: AdRow[];
  /** Changed rows not confirmed: shown, not written. */
  revisions: AdRevision[];
}

const FIGURE_NAMES: Record<AdFigure, string> = {
  cost: 'Cost', netCost: 'Net cost', revenue: 'Gross revenue', orders: 'Orders', impressions: 'Impressions', clicks: 'Clicks',
};
const MONEY = new Set<AdFigure>(['cost', 'netCost', 'revenue']);

function shown(figure: AdFigure, value: number | null): string {
  if (value === null) return '(none)';
  return MONEY.has(figure) ? formatCents(value, { dollarSign: true }) : String(value);
}

/** What changed between the tab's row and the incoming one (a figure the incoming report lacks is kept, not a change). */
export function adChanges(held: AdRow, incoming: AdRow): AdChange[] {
  const changes: AdChange[] = [];
  for (const f of AD_FIGURES) {
    if (incoming[f] !== null && held[f] !== incoming[f]) changes.push({ what: FIGURE_NAMES[f], before: shown(f, held[f]), after: shown(f, incoming[f]) });
  }
  if (held.clock !== incoming.clock && held.clock !== '' && incoming.clock !== '') changes.push({ what: 'Clock', before: held.clock, after: incoming.clock });
  return changes;
}

function describe(row: AdRow): string {
  const unit = [row.adGroup || row.adGroupId, row.ad || row.adId, row.productName || row.productId].filter((p) => p !== '');
  return [row.campaign || row.campaignId || '(whole account)', ...unit].join(' / ');
}

/** Splits `incoming` against the tab's rows by key; `confirmed` keys are revisions the seller accepted. */
export function mergeAdRows(held: ReadonlyMap<string, AdRow>, incoming: readonly AdRow[], confirmed: ReadonlySet<string>): AdsMerge {
  const merge: AdsMerge = { fresh: [], duplicates: 0, replace: [], revisions: [] };
  const seen = new Set<string>();
  for (const row of incoming) {
    if (seen.has(row.key)) {
      merge.duplicates++;
      continue;
    }
    seen.add(row.key);
    const old = held.get(row.key);
    if (!old) {
      merge.fresh.push(row);
      continue;
    }
    const changes = adChanges(old, row);
    if (changes.length === 0) merge.duplicates++;
    else if (confirmed.has(row.key)) merge.replace.push(row);
    else merge.revisions.push({ key: row.key, day: row.day, what: describe(row), changes });
  }
  return merge;
}
