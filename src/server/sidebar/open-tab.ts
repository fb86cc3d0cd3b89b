/** *Open ledger* and the sidebar's other links to the add-on's tabs: shows the tab, at its first row. */
import type { AddonTab, OpenTabResult } from '../../core/contract';
import { IMPORT_FIRST, LEDGER_TAB } from '../../core/ledger/ledger-format';
import { COGS_SHEET } from '../sheets/cogs-sheet';
import { IMPORTS_SHEET } from '../sheets/imports-log';
import { DASHBOARD_TAB } from '../dashboard/dashboard-tab';
import { tabNamed } from '../sheets/tab-named';

export const ADDON_TABS: Record<AddonTab, string> = {
  ledger: LEDGER_TAB,
  imports: IMPORTS_SHEET,
  cogs: COGS_SHEET,
  dashboard: DASHBOARD_TAB,
};

export function openTab(arg: AddonTab): OpenTabResult {
  const name = Object.prototype.hasOwnProperty.call(ADDON_TABS, arg) ? ADDON_TABS[arg] : undefined;
  if (name === undefined)
    throw new Error(
      `No tab to open for "${String(arg)}": expected one of ${Object.keys(ADDON_TABS).join(', ')}.`,
    );
  const sheet = tabNamed(name);
  if (!sheet) throw new Error(`There is no ${name} tab yet: ${IMPORT_FIRST}`);
  sheet.activate();
  return { name };
}
