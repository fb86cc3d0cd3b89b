// The add-on's public surface: every name exported here becomes a top-level function in
// dist/Code.js (menu targets, triggers, sidebar handlers, custom functions). Nothing else is global.
export { onOpen, onInstall, showSidebar, menuRefreshDashboard, showHelp } from './menu';
export { getSettings } from './settings';
export { saveSettings } from './dashboard/save-settings';
export { refreshDashboard } from './dashboard/dashboard';
export { getForecastStatus } from './dashboard/forecast-status';
export { TTS_SETTLEMENT, TTS_SALES } from './custom-functions/totals';
export { TTS_FEES, TTS_FEE } from './custom-functions/fees';
export { TTS_NET_PROFIT, TTS_PNL, TTS_COST_DETAIL } from './custom-functions/profit';
export { TTS_RECONCILE } from './custom-functions/reconcile';
export { TTS_THRESHOLD } from './custom-functions/threshold';
export { TTS_FORECAST } from './custom-functions/forecast';
export { TTS_BREAKEVEN_ROAS } from './custom-functions/breakeven';
export { TTS_ADS } from './custom-functions/ads';
export { beginImport, importChunk, finishImport } from './import/import-handlers';
export { importAds, getAdsClock } from './import/ads-import';
export { countInLedger } from './import/ledger-presence';
export { previewUnitCosts, saveUnitCosts, getMissingUnitCosts } from './sheets/cogs-merge';
export { openTab } from './sidebar/open-tab';
export { getDashboardFreshness } from './dashboard/dashboard-freshness';
export { listFormulaSources, insertFormula } from './formulas/insert-formula';
