// The add-on's public surface: every name exported here becomes a top-level function in
// dist/Code.js (menu targets, triggers, sidebar handlers, custom functions). Nothing else is global.
import { sidebarHandlers } from './handlers';

export { onOpen, onInstall, showSidebar, menuRefreshDashboard, showHelp } from './menu';
export { TTS_SETTLEMENT, TTS_SALES } from './custom-functions/totals';
export { TTS_FEES, TTS_FEE } from './custom-functions/fees';
export { TTS_NET_PROFIT, TTS_PNL, TTS_COST_DETAIL } from './custom-functions/profit';
export { TTS_RECONCILE } from './custom-functions/reconcile';
export { TTS_THRESHOLD } from './custom-functions/threshold';
export { TTS_FORECAST } from './custom-functions/forecast';
export { TTS_BREAKEVEN_ROAS } from './custom-functions/breakeven';
export { TTS_ADS } from './custom-functions/ads';

// The sidebar's handlers come from the table checked against the call contract (handlers.ts); the
// bundle test checks that each is a top-level function of the built Code.js.
export const {
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
} = sidebarHandlers;
