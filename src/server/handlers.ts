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
import { getMissingUnitCosts, previewUnitCosts, saveUnitCosts } from './sheets/cogs-merge';

export const sidebarHandlers: ServerApi = {
  getSettings,
  saveSettings,
  refreshDashboard,
  getForecastStatus,
  beginImport,
  importChunk,
  finishImport,
  previewUnitCosts,
  saveUnitCosts,
  getMissingUnitCosts,
} as ServerApi;
