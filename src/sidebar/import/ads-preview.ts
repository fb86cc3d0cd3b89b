/**
 * The card of an ad report: what was read (days in the ad account's clock, spend, attributed
 * revenue), the ad account's time zone to choose (remembered), and after import the revised days
 * with a button that replaces them only when the seller asks.
 */
import type { AdRename, AdRevision } from '../../core/ledger/ads-merge';
import { keysFollowNames } from '../../core/read/ad-rows';
import { AD_CLOCKS } from '../../core/read/ad-clock';
import type { ParsedExport } from '../../core/types';
import { roas } from '../../core/analysis/ads';
import { h, replaceChildren } from '../dom';
import { count, money, period, plural, problem } from '../format';
import { LIST_LIMIT } from './file-preview';

export interface AdsCard {
  element: HTMLElement;
  /** The chosen UTC offset, or '' while none is chosen. */
  clock(): string;
  setClock(clock: string): void;
  /** Shows revised rows with a *Replace* button calling `onReplace`. */
  showRevisions(revisions: readonly AdRevision[], onReplace: () => void): void;
  /** Shows suspected renames with an *Add* button calling `onAdd`. */
  showRenames(renames: readonly AdRename[], onAdd: () => void): void;
}

function fact(label: string, value: string, num = false): HTMLElement {
  return h('div', { className: num ? 'fact num' : 'fact' }, h('dt', {}, label), h('dd', {}, value));
}

let cardCount = 0;

export function renderAdsPreview(parsed: ParsedExport): AdsCard {
  const ads = parsed.ads!;
  const spend = ads.totals.cost ?? ads.totals.netCost ?? 0;
  const revenue = ads.totals.revenue ?? 0;
  const ratio = roas(revenue, spend);
  const id = `ads-clock-${++cardCount}`;
  const select = h(
    'select',
    { id, className: 'ads-clock' },
    h('option', { value: '' }, 'Choose…'),
    ...AD_CLOCKS.map((c) => h('option', { value: c }, c)),
  );
  const revisions = h('div', { className: 'revisions' });
  const renames = h('div', { className: 'renames' });
  const title = parsed.sheet ? `${parsed.fileName} — ${parsed.sheet}` : parsed.fileName;
  const notes: string[] = [];
  if (ads.totalRows > 0)
    notes.push(`${plural(ads.totalRows, 'Total row')} of the report left out (sums of the rows above).`);
  if (ads.repeatedRows > 0)
    notes.push(`${plural(ads.repeatedRows, 'row')} repeated inside this file will be written once.`);
  const names = keysFollowNames(ads.rows);
  if (names.length > 0) {
    notes.push(
      `This report has no ID beside ${names.join(', ')}: rows are keyed by name, so a campaign renamed in Ads Manager will look new. ` +
        ('Add Campaign ID (and Ad group ID, Ad ID) to the report to key rows by ' +
          'ID. A row that matches one already imported under another name is held ' +
          'back for you to confirm.'),
    );
  }
  const element = h(
    'article',
    { className: 'file-card ads-card', 'data-file': parsed.fileName },
    h('h3', {}, title),
    h(
      'dl',
      { className: 'facts' },
      fact('Layout', parsed.layoutLabel),
      fact('Days', `${period(parsed.period)} (ad account's clock)`),
      fact('Rows', count(ads.rows.length)),
      fact('Spend', money(spend), true),
      fact('Attributed revenue', money(revenue), true),
      fact(parsed.layout === 'gmv-max' ? 'ROI' : 'ROAS', ratio === null ? '—' : ratio.toFixed(2), true),
    ),
    h('p', { className: 'field' }, h('label', { for: id }, 'Ad account time zone '), select),
    h(
      'p',
      { className: 'hint' },
      "Ad reports are dated in the ad account's time zone, statements in UTC: TTS Profit sets them side by side by month, never day by day.",
    ),
    ...notes.map((n) => h('p', { className: 'note' }, n)),
    parsed.rejects.length > 0
      ? h(
          'div',
          { className: 'check warn rejects' },
          h('p', {}, `${plural(parsed.rejects.length, 'row')} cannot be imported:`),
          h('ul', {}, ...parsed.rejects.slice(0, LIST_LIMIT).map((p) => h('li', {}, problem(p)))),
        )
      : null,
    parsed.unknownColumns.length > 0
      ? h(
          'p',
          { className: 'note' },
          `Kept in TTS Ads as they are, not used in the figures: ${parsed.unknownColumns.join(', ')}`,
        )
      : null,
    h('p', { className: 'result', 'aria-live': 'polite' }),
    revisions,
    renames,
  );
  return {
    element,
    clock: () => select.value,
    setClock: (clock) => {
      if (AD_CLOCKS.includes(clock)) select.value = clock;
    },
    showRevisions(list, onReplace) {
      if (list.length === 0) {
        replaceChildren(revisions);
        return;
      }
      const button = h(
        'button',
        { type: 'button', className: 'action' },
        `Replace ${plural(list.length, 'revised row')}`,
      );
      button.addEventListener('click', () => {
        button.disabled = true;
        onReplace();
      });
      replaceChildren(
        revisions,
        h(
          'div',
          { className: 'check warn' },
          h(
            'p',
            {},
            `${plural(list.length, 'row')} already in TTS Ads ${list.length === 1 ? 'has' : 'have'}` +
              ` other figures in this file (ad platforms revise recent days). Kept as they ` +
              `were:`,
          ),
          h(
            'ul',
            {},
            ...list
              .slice(0, LIST_LIMIT)
              .map((r) =>
                h(
                  'li',
                  {},
                  `${r.day} ${r.what}: ${r.changes.map((c) => `${c.what} ${c.before} → ${c.after}`).join(', ')}`,
                ),
              ),
            list.length > LIST_LIMIT
              ? h('li', { className: 'more' }, `and ${count(list.length - LIST_LIMIT)} more`)
              : null,
          ),
          button,
        ),
      );
    },
    showRenames(list, onAdd) {
      if (list.length === 0) {
        replaceChildren(renames);
        return;
      }
      const button = h('button', { type: 'button' }, `Add ${plural(list.length, 'row')} as other campaigns`);
      button.addEventListener('click', () => {
        button.disabled = true;
        onAdd();
      });
      replaceChildren(
        renames,
        h(
          'div',
          { className: 'check warn' },
          h(
            'p',
            {},
            `${plural(list.length, 'row')} of this file ${list.length === 1 ? 'has' : 'have'}` +
              ` the same day, spend and figures as a row already in TTS Ads under ` +
              `another name: a renamed campaign? Not added, so the spend is not counted twice:`,
          ),
          h(
            'ul',
            {},
            ...list
              .slice(0, LIST_LIMIT)
              .map((r) => h('li', {}, `${r.day} ${r.what} (${r.spend}) matches ${r.was}`)),
            list.length > LIST_LIMIT
              ? h('li', { className: 'more' }, `and ${count(list.length - LIST_LIMIT)} more`)
              : null,
          ),
          h('p', {}, 'If they are other campaigns that happen to match, add them:'),
          button,
        ),
      );
    },
  };
}
