/**
 * Ad rows arriving against the rows the TTS Ads tab holds: new keys are added, the same figures
 * are duplicates, and changed figures for a day already there (ad platforms revise recent days)
 * are revisions, shown to the seller and written only once confirmed. A new key whose day, level
 * and figures match a row the tab holds under another name is likely a renamed campaign (a report
 * keyed by names): held back too, and added only when the seller says it is another campaign.
 */
import { formatCents } from '../money';
import { AD_FIGURES, AD_MONEY, adNameKey, sameFigures, type AdFigure, type AdRow } from '../read/ad-rows';
import { ADS_FIGURE_LABELS } from './ads-format';

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

/** A new row that matches a row the tab holds under another name: the same day, level and figures. */
export interface AdRename {
  key: string;
  day: string;
  /** The incoming row, as the seller names it. */
  what: string;
  /** The row already in TTS Ads. */
  was: string;
  /** Its spend, e.g. `$40.00`. */
  spend: string;
}

export interface AdsMerge {
  fresh: AdRow[];
  duplicates: number;
  /** Rows whose revision the seller confirmed: each replaces the tab's row of `heldKey` (its own key, or the name key it met). */
  replace: { row: AdRow; heldKey: string }[];
  /** Changed rows not confirmed: shown, not written. */
  revisions: AdRevision[];
  /** Likely renames not confirmed as other campaigns: shown, not written. */
  renames: AdRename[];
}

/** Keys the seller confirmed on the card. */
export interface AdConfirmations {
  /** Revised rows: they replace the tab's row of the same key. */
  replace: ReadonlySet<string>;
  /** Suspected renames the seller says are other campaigns: added. */
  add: ReadonlySet<string>;
}

export const NOTHING_CONFIRMED: AdConfirmations = { replace: new Set(), add: new Set() };

function shown(figure: AdFigure, value: number | null): string {
  if (value === null) return '(none)';
  return AD_MONEY.has(figure) ? formatCents(value, { dollarSign: true }) : String(value);
}

/** What changed between the tab's row and the incoming one (a figure the incoming report lacks is kept, not a change). */
export function adChanges(held: AdRow, incoming: AdRow): AdChange[] {
  const changes: AdChange[] = [];
  for (const f of AD_FIGURES) {
    if (incoming[f] !== null && held[f] !== incoming[f])
      changes.push({ what: ADS_FIGURE_LABELS[f], before: shown(f, held[f]), after: shown(f, incoming[f]) });
  }
  if (held.clock !== incoming.clock && held.clock !== '' && incoming.clock !== '')
    changes.push({ what: 'Clock', before: held.clock, after: incoming.clock });
  return changes;
}

function describe(row: AdRow): string {
  const unit = [row.adGroup || row.adGroupId, row.ad || row.adId, row.productName || row.productId].filter(
    (p) => p !== '',
  );
  return [row.campaign || row.campaignId || '(whole account)', ...unit].join(' / ');
}

/**
 * Splits `incoming` against the tab's rows by key. `present`: every Key the tab's Key column holds,
 * rows it could not read included (a key there is never added twice).
 */
export function mergeAdRows(
  held: ReadonlyMap<string, AdRow>,
  incoming: readonly AdRow[],
  confirmed: AdConfirmations = NOTHING_CONFIRMED,
  present: ReadonlySet<string> = new Set(),
): AdsMerge {
  const merge: AdsMerge = { fresh: [], duplicates: 0, replace: [], revisions: [], renames: [] };
  const seen = new Set<string>();
  const candidates: AdRow[] = [];
  const sameByName = nameMatcher(held);
  for (const row of incoming) {
    if (seen.has(row.key)) {
      merge.duplicates++;
      continue;
    }
    seen.add(row.key);
    const old = held.get(row.key) ?? sameByName(row);
    if (old) seen.add(old.key);
    if (!old) {
      if (present.has(row.key)) merge.duplicates++;
      else candidates.push(row);
      continue;
    }
    const changes = adChanges(old, row);
    if (changes.length === 0) merge.duplicates++;
    else if (confirmed.replace.has(row.key)) merge.replace.push({ row, heldKey: old.key });
    else merge.revisions.push({ key: row.key, day: row.day, what: describe(row), changes });
  }
  const renamed = renameMatcher(held, seen);
  for (const row of candidates) {
    const was = confirmed.add.has(row.key) ? undefined : renamed(row);
    if (was)
      merge.renames.push({
        key: row.key,
        day: row.day,
        what: describe(row),
        was: describe(was),
        spend: shown('cost', spendOf(row)),
      });
    else merge.fresh.push(row);
  }
  return merge;
}

/** Fields that tell two rows of the same names apart when both have them. */
const ID_FIELDS = ['account', 'campaignId', 'adGroupId', 'adId', 'productId'] as const;

/**
 * The held row a new key stands for when one of the two reports had IDs and the other only names:
 * the same report, day and names, and no ID that differs. A name two held rows share is no match.
 */
function nameMatcher(held: ReadonlyMap<string, AdRow>): (row: AdRow) => AdRow | undefined {
  let index: Map<string, AdRow | null> | undefined;
  return (row) => {
    const name = adNameKey(row);
    if (name === null) return undefined;
    if (!index) {
      index = new Map();
      for (const old of held.values()) {
        const k = adNameKey(old);
        if (k !== null) index.set(k, index.has(k) ? null : old);
      }
    }
    const old = index.get(name);
    if (!old || ID_FIELDS.some((f) => old[f] !== '' && row[f] !== '' && old[f] !== row[f])) return undefined;
    return old;
  };
}

function spendOf(row: AdRow): number | null {
  return row.cost ?? row.netCost;
}

/**
 * Finds, for a new row, a held row of the same report, day and level with the same spend and
 * figures that this import does not send again (each held row matched once). Rows without spend
 * are never matched: many campaigns share a day of zeros.
 */
function renameMatcher(
  held: ReadonlyMap<string, AdRow>,
  sent: ReadonlySet<string>,
): (row: AdRow) => AdRow | undefined {
  let index: Map<string, AdRow[]> | undefined;
  const slot = (row: AdRow) => `${row.report}|${row.day}|${row.level}|${spendOf(row)}`;
  return (row) => {
    const spend = spendOf(row);
    if (spend === null || spend === 0) return undefined;
    if (!index) {
      index = new Map();
      for (const old of held.values()) {
        if (sent.has(old.key) || !spendOf(old)) continue;
        const list = index.get(slot(old));
        if (list) list.push(old);
        else index.set(slot(old), [old]);
      }
    }
    const list = index.get(slot(row));
    const at = list ? list.findIndex((old) => sameFigures(old, row) && sameFigures(row, old)) : -1;
    return at < 0 ? undefined : list!.splice(at, 1)[0];
  };
}
