/**
 * The sidebar's server handlers: entry points of src/server/index.ts (the only functions
 * `google.script.run` can reach) checked against the call contract. A handler missing from
 * index.ts or from this table, an extra one, or one whose argument or result drifts from
 * src/core/contract.ts is a type error. Nothing imports this module: it exists for that check.
 */
import type { ServerApi } from '../core/contract';
import {
  beginImport, countInLedger, finishImport, getAdsClock, getDashboardFreshness, getForecastStatus, getMissingUnitCosts, getSettings, importAds,
  importChunk, insertFormula, listFormulaSources, openTab, previewUnitCosts, refreshDashboard, saveSettings, saveUnitCosts,
} from './index';

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
