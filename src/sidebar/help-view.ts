/**
 * Help, from the facts in src/core/help.ts and src/core/analysis/cost-tabs.ts: the seller's steps,
 * where each export lives in Seller Center, how to keep IDs as text, the cost tabs' columns and
 * rules, and the rules Sheets sets for the TTS_ functions. Shown whole in the Help dialog (menu
 * *Help*) and folded at the bottom of the sidebar.
 */
import {
  EXPORT_GUIDE,
  FUNCTIONS_NOT_FOUND,
  IDS_AS_TEXT_STEPS,
  KEYLESS_ROWS_RULE,
  VOLATILE_ARGUMENTS_RULE,
} from '../core/help';
import { COGS_HEADER, COGS_NOTES, COSTS_NOTES, COST_RULES } from '../core/analysis/cost-tabs';
import { COSTS_HEADER } from '../core/analysis/running-costs';
import { h } from './dom';

const STEPS: readonly string[] = [
  'Extensions → TTS Profit → Open, then choose or drop your exports. The preview checks every row before anything is written.',
  'Import adds the new rows to the TTS Ledger tab; rows already there are skipped.',
  'Fill the unit cost of each SKU in the TTS COGS tab.',
  'Refresh dashboard shows net profit, fees and your sales against your targets, with a forecast.',
];

/** The help sections: headings at `level` (h2 in the dialog, h3 inside the sidebar's fold). */
export function helpSections(level: 'h2' | 'h3'): HTMLElement[] {
  return [
    h(level, {}, 'Get started'),
    h('ol', {}, ...STEPS.map((s) => h('li', {}, s))),
    h(level, {}, 'Where your exports are'),
    h(
      'dl',
      { className: 'export-guide' },
      ...EXPORT_GUIDE.flatMap((e) => [
        h('dt', {}, e.name),
        h('dd', {}, e.where, h('span', { className: 'note' }, e.gives)),
      ]),
    ),
    h(level, {}, 'Keep IDs as text'),
    h('p', {}, 'Order IDs have 18 digits and SKU IDs 19; Sheets keeps only 15 digits of a number.'),
    h('ul', {}, ...IDS_AS_TEXT_STEPS.map((s) => h('li', {}, s))),
    h(level, {}, 'Your costs: TTS COGS and TTS Costs'),
    h('ul', {}, ...COST_RULES.map((rule) => h('li', {}, rule))),
    columnGuide('TTS COGS columns', COGS_HEADER, COGS_NOTES),
    columnGuide('TTS Costs columns', COSTS_HEADER, COSTS_NOTES),
    h(level, {}, 'Functions in cells'),
    h(
      'p',
      {},
      'Insert formula (in the sidebar) writes a TTS_ formula with the real range of the tab you pick.',
    ),
    h(
      'ul',
      {},
      ...[VOLATILE_ARGUMENTS_RULE, FUNCTIONS_NOT_FOUND, KEYLESS_ROWS_RULE].map((rule) => h('li', {}, rule)),
    ),
    h(level, {}, 'Your data'),
    h(
      'p',
      {},
      'Files are read in your browser and rows are written to this spreadsheet only; TTS Profit makes no outside calls.',
    ),
  ];
}

/** A tab's columns, each with what it holds (the notes on the tab's header). */
function columnGuide<C extends string>(
  title: string,
  columns: readonly C[],
  notes: Record<C, string>,
): HTMLElement {
  return h(
    'details',
    { className: 'column-guide' },
    h('summary', {}, title),
    h('dl', {}, ...columns.flatMap((c) => [h('dt', {}, c), h('dd', {}, notes[c])])),
  );
}

/** The Help dialog's page: the sections and one Close button. */
export function helpDialog(close: () => void): HTMLElement {
  const closeButton = h('button', { type: 'button', className: 'action' }, 'Close');
  closeButton.addEventListener('click', close);
  return h(
    'main',
    { className: 'help-dialog', 'aria-label': 'TTS Profit help' },
    ...helpSections('h2'),
    h('div', { className: 'buttons dialog-buttons' }, closeButton),
  );
}

/** The sidebar's fold: closed until the seller opens it. */
export function helpFold(): HTMLElement {
  return h(
    'details',
    { className: 'panel help-fold' },
    h('summary', {}, 'Help: where to find your exports'),
    ...helpSections('h3'),
  );
}
