/**
 * *Insert formula*: pick a TTS_ function and the tab it reads; the server writes the formula into
 * the selected cell with that tab's real columns (and the cost tabs'), so nobody types a range. A cell
 * that holds something is replaced only after *Replace*.
 */
import type { FormulaSources, InsertFormulaResult } from '../core/contract';
import { FORMULA_CHOICES, type FormulaFunction } from '../core/formula-builder';
import { h, replaceChildren } from './dom';
import type { ServerCaller } from './import/import-runner';

/** What the seller picks from (the server needs the functions only, so the words stay here). */
const FORMULA_LABELS: Record<FormulaFunction, string> = {
  TTS_NET_PROFIT: 'Net profit (after every cost)',
  TTS_PNL: 'Profit and loss by month',
  TTS_FEES: 'Fees by type',
  TTS_SETTLEMENT: 'Total settlement',
  TTS_SALES: 'Sales for the threshold',
  TTS_THRESHOLD: 'Where you stand against your targets',
  TTS_RECONCILE: 'Rows that do not add up',
};

export interface InsertFormulaPanel {
  element: HTMLElement;
  /** Reads the tabs again (after an import adds the ledger, say). */
  refresh(): Promise<void>;
}

export function createInsertFormulaPanel(options: { call: ServerCaller }): InsertFormulaPanel {
  const { call } = options;
  const fnSelect = h(
    'select',
    { id: 'formula-function' },
    ...FORMULA_CHOICES.map((c) => h('option', { value: c.fn }, FORMULA_LABELS[c.fn])),
  );
  const sourceSelect = h('select', { id: 'formula-source' });
  const insertButton = h('button', { type: 'button' }, 'Insert');
  const reloadButton = h('button', { type: 'button' }, 'Reload tabs');
  const where = h('p', { className: 'note' }, 'The formula goes into the cell selected in the sheet.');
  const result = h('div', { className: 'formula-result', role: 'status' });
  const element = h(
    'section',
    { className: 'panel formula-panel', 'aria-labelledby': 'formula-title' },
    h('h2', { id: 'formula-title' }, 'Insert formula'),
    h(
      'div',
      { className: 'settings-form' },
      h('label', { for: fnSelect.id }, 'Function'),
      fnSelect,
      h('label', { for: sourceSelect.id }, 'Reads the tab'),
      sourceSelect,
    ),
    where,
    h('div', { className: 'buttons' }, insertButton, reloadButton),
    result,
  );
  let busy = false;

  function setBusy(value: boolean): void {
    busy = value;
    insertButton.disabled = value || sourceSelect.options.length === 0;
    reloadButton.disabled = value;
    fnSelect.disabled = value;
    sourceSelect.disabled = value;
  }

  function message(text: string, kind: '' | 'complete' | 'failed' = ''): void {
    replaceChildren(
      result,
      h('p', { className: kind ? `formula-message ${kind}` : 'formula-message' }, text),
    );
  }

  function showSources(found: FormulaSources): void {
    const keep = sourceSelect.value;
    replaceChildren(
      sourceSelect,
      ...found.sources.map((s) => h('option', { value: s.name }, `${s.name} (${s.layout})`)),
    );
    if (found.sources.some((s) => s.name === keep)) sourceSelect.value = keep;
    where.textContent = `The formula goes into the selected cell (now ${found.cell}).`;
    if (found.sources.length === 0)
      message(
        'No tab holds an export yet: import one above, or paste an export into a tab, then Reload tabs.',
      );
  }

  async function refresh(): Promise<void> {
    setBusy(true);
    try {
      showSources(await call('listFormulaSources', null));
    } catch (error) {
      message(`Could not list the tabs: ${error instanceof Error ? error.message : String(error)}`, 'failed');
    } finally {
      setBusy(false);
    }
  }

  function confirmReplace(found: Extract<InsertFormulaResult, { status: 'confirm' }>): void {
    const replace = h('button', { type: 'button' }, 'Replace');
    const cancel = h('button', { type: 'button' }, 'Cancel');
    replace.addEventListener('click', () => void insert(true));
    cancel.addEventListener('click', () => message('Nothing was changed.'));
    replaceChildren(
      result,
      h(
        'p',
        { className: 'formula-message warn' },
        `${found.cell} holds ${found.existing}. Replace it with ${found.formula}?`,
      ),
      h('div', { className: 'buttons' }, replace, cancel),
    );
    replace.focus();
  }

  async function insert(overwrite: boolean): Promise<void> {
    if (busy || !sourceSelect.value) return;
    setBusy(true);
    replaceChildren(result);
    try {
      const done = await call('insertFormula', { fn: fnSelect.value, source: sourceSelect.value, overwrite });
      if (done.status === 'confirm') confirmReplace(done);
      else message(`Inserted in ${done.cell}: ${done.formula}`, 'complete');
    } catch (error) {
      message(error instanceof Error ? error.message : String(error), 'failed');
    } finally {
      setBusy(false);
    }
  }

  insertButton.addEventListener('click', () => void insert(false));
  reloadButton.addEventListener('click', () => void refresh());
  void refresh();
  return { element, refresh };
}
