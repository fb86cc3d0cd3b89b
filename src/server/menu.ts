/**
 * Menus and lifecycle. `onOpen` runs in AuthMode.NONE for a freshly installed add-on, where any
 * call that needs authorization (properties, reading the sheet) fails silently and the menu never
 * appears, so it only builds the menu.
 */
import { refreshDashboard } from './dashboard/dashboard';

export const ADDON_TITLE = 'TTS Profit';

/** Builds Extensions → TTS Profit. Touches nothing that needs authorization. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open', 'showSidebar')
    .addItem('Refresh dashboard', 'menuRefreshDashboard')
    .addSeparator()
    .addItem('Help', 'showHelp')
    .addToUi();
}

/** Installing from the Marketplace does not fire onOpen for the open document; build the menu now. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function menuRefreshDashboard(): void {
  const result = refreshDashboard(null);
  SpreadsheetApp.getActiveSpreadsheet().toast(result.message, ADDON_TITLE, 5);
}

const HELP_HTML = `
<div style="font-family: Roboto, Arial, sans-serif; font-size: 13px; line-height: 1.5">
  <p><b>TTS Profit</b> reads your Seller Center finance exports and shows what you really keep after every fee.</p>
  <ol>
    <li><b>Open</b> the sidebar and drop your statement exports (CSV or XLSX). Rows already in the <i>TTS Ledger</i> tab are skipped.</li>
    <li>Fill unit costs in the <i>TTS COGS</i> tab.</li>
    <li>Use formulas such as <code>=TTS_NET_PROFIT('TTS Ledger'!A:CZ, 'TTS COGS'!A:F)</code>, <code>=TTS_FEES(Statement!A:CZ)</code> or <code>=TTS_THRESHOLD(Statement!A:CZ)</code>.</li>
    <li><b>Refresh dashboard</b> draws monthly sales against your targets, the forecast, fees and net profit.</li>
  </ol>
  <p>Your data never leaves this spreadsheet. TTS Profit is for TikTok Shop sellers and is not affiliated with TikTok.</p>
</div>`;

export function showHelp(): void {
  const html = HtmlService.createHtmlOutput(HELP_HTML).setTitle('TTS Profit help').setWidth(420).setHeight(320);
  SpreadsheetApp.getUi().showModalDialog(html, 'TTS Profit help');
}
