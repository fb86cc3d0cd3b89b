/**
 * The sidebar's server handlers, in one table checked against the call contract: a handler missing
 * from it, an extra one, or one whose argument or result drifts from src/core/contract.ts is a type
 * error. src/server/index.ts exports the handlers from this table, so what `google.script.run` can
 * reach is exactly what was checked.
 */
import type { ServerApi } from '../core/contract';
import { getSettings } from './settings';
import { saveSettings } from './dashboard/save-settings';
import { refreshDashboard } from './dashboard/dashboard';
import { getForecastStatus } from './dashboard/forecast-status';
import { getDashboardFreshness } from './dashboard/dashboard-freshness';
import { beginImport, importChunk, finishImport } from './import/import-handlers';
import { importAds, getAdsClock } from './import/ads-import';
import { countInLedger } from './import/ledger-presence';
import { previewUnitCosts, saveUnitCosts, getMissingUnitCosts } from './sheets/cogs-merge';
import { openTab } from './sidebar/open-tab';
import { listFormulaSources, insertFormula } from './formulas/insert-formula';

export const sidebarHandlers = {
  getSettings,
  saveSettings,
  refreshDashboard,
  getForecastStatus,
  beginImport,
  importChunk,
  finishImport,
  importAds,
  getAdsClock,
  countInLedger,
  previewUnitCosts,
  saveUnitCosts,
  getMissingUnitCosts,
  openTab,
  getDashboardFreshness,
  listFormulaSources,
  insertFormula,
} satisfies ServerApi;
