/**
 * Leads the seller from an import to the answer: what the import did, then *Refresh dashboard*
 * (the view's one primary action), *Open ledger*, and *Fill unit costs* when new SKUs need one.
 * On opening, it shows whether the dashboard is out of date (the server keeps that, so a message
 * that no longer holds never comes back after a reload).
 */
import type { AddonTab, DashboardFreshness } from '../core/contract';
import { h, replaceChildren } from './dom';
import type { ImportOutcome, ServerCaller } from './import/import-runner';
import { plural } from './format';

export interface NextSteps {
  element: HTMLElement;
  /** After an import run: its outcome and the way on. */
  showImported(outcomes: readonly ImportOutcome[]): void;
  /** Reads the dashboard's state again (on opening the sidebar). */
  refresh(): Promise<void>;
  /** While files wait to be imported, *Import* is the primary action, not *Refresh dashboard*. */
  setImportPending(pending: boolean): void;
  /** After unit costs were written to TTS COGS: the call to fill them no longer holds. */
  costsSaved(saved: number): void;
}

export interface NextStepsOptions {
  call: ServerCaller;
  /** After the dashboard was rebuilt (the forecast panel reads its status again). */
  onRefreshed?: () => void;
}

export function createNextSteps(options: NextStepsOptions): NextSteps {
  const { call, onRefreshed } = options;
  const summary = h('p', { className: 'next-summary' });
  const result = h('p', { className: 'next-result', role: 'status' });
  const refreshButton = h('button', { type: 'button', className: 'action' }, 'Refresh dashboard');
  const ledgerButton = h('button', { type: 'button' }, 'Open ledger');
  const costsButton = h('button', { type: 'button', hidden: true }, 'Fill unit costs');
  const element = h(
    'section',
    { className: 'panel next-steps', 'aria-labelledby': 'next-title', hidden: true },
    h('h2', { id: 'next-title' }, 'Next'),
    summary,
    h('div', { className: 'buttons' }, refreshButton, ledgerButton, costsButton),
    result,
  );
  let busy = false;
  let importPending = false;

  function setBusy(value: boolean): void {
    busy = value;
    for (const b of [refreshButton, ledgerButton, costsButton]) b.disabled = value;
  }

  function show(text: string, stale: boolean): void {
    element.hidden = false;
    summary.textContent = text;
    summary.className = stale ? 'next-summary stale' : 'next-summary';
    refreshButton.classList.toggle('action', !importPending);
  }

  function fail(error: unknown): void {
    result.className = 'next-result failed';
    result.textContent = error instanceof Error ? error.message : String(error);
  }

  async function open(tab: AddonTab): Promise<void> {
    if (busy) return;
    setBusy(true);
    result.className = 'next-result';
    result.textContent = '';
    try {
      const opened = await call('openTab', tab);
      result.textContent = `${opened.name} is open.`;
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function refreshDashboard(): Promise<void> {
    if (busy) return;
    setBusy(true);
    result.className = 'next-result';
    result.textContent = 'Building the TTS Dashboard tab…';
    try {
      const done = await call('refreshDashboard', null);
      result.className = done.charts > 0 ? 'next-result complete' : 'next-result';
      result.textContent = done.message;
      const freshness = await call('getDashboardFreshness', null);
      show(freshness.message, freshness.stale);
      onRefreshed?.();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  refreshButton.addEventListener('click', () => void refreshDashboard());
  ledgerButton.addEventListener('click', () => void open('ledger'));
  costsButton.addEventListener('click', () => void open('cogs'));

  function showImported(outcomes: readonly ImportOutcome[]): void {
    const written = outcomes.reduce((n, o) => n + o.written, 0);
    // An ad report's rows go to TTS Ads, not the ledger.
    const isAds = (o: ImportOutcome) => 'renames' in o;
    const adRows = outcomes.reduce((n, o) => n + (isAds(o) ? o.written : 0), 0);
    const skus = outcomes.reduce((n, o) => n + o.cogsAdded, 0);
    const failed = outcomes.filter((o) => o.status !== 'complete').length;
    const ledgerRows = written - adRows;
    const tabs = [outcomes.some((o) => !isAds(o)) ? 'TTS Ledger' : '', outcomes.some(isAds) ? 'TTS Ads' : '']
      .filter(Boolean)
      .join(' and ');
    const parts = [
      written === 0
        ? `No new rows: everything was already in ${tabs || 'TTS Ledger'}.`
        : [
            ledgerRows > 0 ? `${plural(ledgerRows, 'new row')} in TTS Ledger.` : '',
            adRows > 0 ? `${plural(adRows, 'new row')} in TTS Ads.` : '',
          ]
            .filter(Boolean)
            .join(' '),
    ];
    if (skus > 0) parts.push(`${plural(skus, 'new SKU')} in TTS COGS need a unit cost.`);
    if (failed > 0) parts.push(`${plural(failed, 'file')} did not finish: see its card above.`);
    if (written > 0) parts.push('Refresh the dashboard to see them in your profit and forecast.');
    costsButton.hidden = skus === 0;
    result.textContent = '';
    show(parts.join(' '), written > 0);
  }

  async function refresh(): Promise<void> {
    let freshness: DashboardFreshness;
    try {
      freshness = await call('getDashboardFreshness', null);
    } catch (error) {
      element.hidden = false;
      fail(error);
      return;
    }
    if (freshness.stale) show(freshness.message, true);
    else if (!element.hidden) show(freshness.message, false);
  }

  function setImportPending(pending: boolean): void {
    importPending = pending;
    refreshButton.classList.toggle('action', !pending);
  }

  function costsSaved(saved: number): void {
    if (element.hidden || saved === 0) return;
    costsButton.hidden = true;
    result.textContent = '';
    show(
      `${plural(saved, 'unit cost')} saved in TTS COGS. Refresh the dashboard to see them in your profit.`,
      true,
    );
  }

  replaceChildren(result);
  return { element, showImported, refresh, setImportPending, costsSaved };
}
