// The add-on's public surface: every name exported here becomes a top-level function in
// dist/Code.js (menu targets, triggers, sidebar handlers, custom functions). Nothing else is global.
export { onOpen, onInstall, showSidebar, menuRefreshDashboard, showHelp } from './menu';
export { getSettings, saveSettings } from './settings';
export { refreshDashboard } from './dashboard';
