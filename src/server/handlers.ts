/**
 * The sidebar's server handlers, checked against the call contract: a handler missing here, or
 * one whose argument or result drifts from src/core/contract.ts, is a type error.
 */
import type { ServerApi } from '../core/contract';
import { refreshDashboard } from './dashboard/dashboard';
import { getForecastStatus } from './dashboard/forecast-status';
import { beginImport, finishImport, importChunk } from './import/import-handlers';
import { getSettings } from './settings';
import { saveSettings } from './dashboard/save-settings';
import { getDashboardFreshness } from './dashboard/dashboard-freshness';
import { insertFormula, listFormulaSources } from './formulas/insert-formula';
import { openTab } from './sidebar/open-tab';

export const sidebarHandlers: ServerApi = {
  getSettings,
  saveSettings,
  refreshDashboard,
  getForecastStatus,
  beginImport,
  importChunk,
  finishImport,
  openTab,
  getDashboardFreshness,
  listFormulaSources,
  insertFormula,
} as ServerApi;
